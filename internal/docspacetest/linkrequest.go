package docspacetest

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// linkRequest is RoomLinkRequest after binding (API.md §2).
type linkRequest struct {
	linkID          string // lower case; "" for omitted or the empty GUID
	access          int
	linkType        int
	title           string
	expiration      *time.Time
	password        string // raw; trimmed by the write path (API.md §5.3)
	denyDownload    bool
	internal        bool
	maxUseCount     *int // v3.7 only
	currentUseCount int  // bound but ignored (API.md §2)
}

// .NET type names in conversion errors.
const (
	clrRoomLinkRequest = "ASC.Files.Core.ApiModels.RequestDto.RoomLinkRequest"
	clrGUID            = "System.Guid"
	clrFileShare       = "ASC.Files.Core.Security.FileShare"
	clrLinkType        = "ASC.Files.Core.ApiModels.ResponseDto.LinkType"
	clrString          = "System.String"
	clrAPIDateTime     = "ASC.Api.Core.ApiDateTime"
	clrBoolean         = "System.Boolean"
	clrInt32           = "System.Int32"
	clrNullableInt32   = "System.Nullable`1[System.Int32]"
)

// decodeLinkRequest binds a PUT …/links body. Property names match case-
// insensitively, unknown ones are ignored, the last duplicate wins; the first
// JSON type error stops binding; then the DTO's attributes are checked
// (title/password ≤ 255, maxUseCount 1–1000) (API.md §2, §8.3).
func (e *Emulator) decodeLinkRequest(body []byte) (linkRequest, validationErrors) {
	var req linkRequest
	fields, errs := readObject(body, "RoomLink", clrRoomLinkRequest)
	if errs != nil {
		return req, errs
	}
	var rawTitle, rawPassword string
	typeError := func(f bodyField, clrType string) (linkRequest, validationErrors) {
		errs := validationErrors{}
		errs.add("$."+f.name, conversionError(body, f, clrType))
		errs.add("RoomLink", "The RoomLink field is required.")
		return linkRequest{}, errs
	}
	for _, f := range fields {
		switch strings.ToLower(f.name) {
		case "linkid":
			s, ok := jsonString(f.raw)
			if !ok {
				return typeError(f, clrGUID)
			}
			id, ok := parseGUID(s)
			if !ok {
				return typeError(f, clrGUID)
			}
			if id == emptyGUID {
				id = ""
			}
			req.linkID = id
		case "access":
			access, ok := bindFileShare(f)
			if !ok {
				return typeError(f, clrFileShare)
			}
			req.access = access
		case "linktype":
			// No string-enum converter is registered for LinkType (API.md §12.7).
			n, ok := jsonInt32(f.raw)
			if !ok {
				return typeError(f, clrLinkType)
			}
			req.linkType = n
		case "title":
			s, ok := jsonNullableString(f.raw)
			if !ok {
				return typeError(f, clrString)
			}
			rawTitle = deref(s)
		case "expirationdate":
			s, ok := jsonNullableString(f.raw)
			if !ok {
				return typeError(f, clrAPIDateTime)
			}
			req.expiration = nil
			if s != nil {
				if t, ok := parseAPIDate(*s); ok {
					req.expiration = &t
				}
			}
		case "password":
			s, ok := jsonNullableString(f.raw)
			if !ok {
				return typeError(f, clrString)
			}
			rawPassword = deref(s)
		case "denydownload":
			b, ok := jsonBool(f.raw)
			if !ok {
				return typeError(f, clrBoolean)
			}
			req.denyDownload = b
		case "internal":
			b, ok := jsonBool(f.raw)
			if !ok {
				return typeError(f, clrBoolean)
			}
			req.internal = b
		case "maxusecount":
			if e.version != V37 {
				continue // not a property of the v3.6 DTO
			}
			req.maxUseCount = nil
			if !isNull(f.raw) {
				n, ok := jsonNumber(f.raw)
				if !ok {
					return typeError(f, clrNullableInt32)
				}
				req.maxUseCount = &n
			}
		case "currentusecount":
			if e.version != V37 {
				continue
			}
			n, ok := jsonNumber(f.raw)
			if !ok {
				return typeError(f, clrInt32)
			}
			req.currentUseCount = n
		}
	}
	req.title, req.password = rawTitle, rawPassword

	errs = validationErrors{}
	if utf16Len(rawTitle) > maxTitleLength {
		errs.add("RoomLink.Title", fmt.Sprintf("The field Title must be a string with a maximum length of %d.", maxTitleLength))
	}
	if utf16Len(rawPassword) > maxPasswordLength {
		errs.add("RoomLink.Password", fmt.Sprintf("The field Password must be a string with a maximum length of %d.", maxPasswordLength))
	}
	if req.maxUseCount != nil && (*req.maxUseCount < minMaxUseCount || *req.maxUseCount > maxMaxUseCount) {
		errs.add("RoomLink.MaxUseCount", fmt.Sprintf("The field MaxUseCount must be between %d and %d.", minMaxUseCount, maxMaxUseCount))
	}
	if len(errs) > 0 {
		return linkRequest{}, errs
	}
	return req, nil
}

// bindFileShare is the FileShare converter (API.md §2, §12.6): a number that
// fits an Int32; a string that is an exact enum name or an integer ("2"); every
// other scalar (null, true, 2.5, an unknown name) becomes 0, None, which
// deletes. Only an object or an array, which the converter leaves unread,
// fails binding.
func bindFileShare(f bodyField) (int, bool) {
	if s, ok := jsonString(f.raw); ok {
		if n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 32); err == nil {
			return int(n), true
		}
		return fileShareNames[s], true
	}
	if len(f.raw) > 0 && (f.raw[0] == '{' || f.raw[0] == '[') {
		return 0, false
	}
	n, _ := jsonInt32(f.raw)
	return n, true
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
