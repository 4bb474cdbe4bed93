package docspacetest

import (
	"fmt"
	"strconv"
	"strings"
)

// linkRequest is RoomLinkRequest, FileLinkRequest or FolderLinkRequest after
// binding (API.md §2, §13.2). The options are bound as sent: title and
// password raw, the expiration as parsed.
type linkRequest struct {
	linkID       string // lower case; "" for omitted or the empty GUID
	access       int
	linkType     int  // rooms only
	primary      bool // files and folders only (API.md §13.2)
	opts         linkOptions
	trimPassword bool // the route trims the password (API.md §5.3, §13.2)
	viaForm      bool // a room link written through a form's route: no revoke restriction (API.md §13.7)
}

// requestKind is the DTO a link route binds its body to.
type requestKind struct {
	model        string // prefix of validation keys (API.md §8.3, §13.2)
	clrType      string
	room         bool // linkType, maxUseCount, currentUseCount; else primary
	trimPassword bool
}

var (
	roomLinkBody   = requestKind{model: "RoomLink", clrType: clrRoomLinkRequest, room: true, trimPassword: true}
	fileLinkBody   = requestKind{model: "File", clrType: "ASC.Files.Core.ApiModels.RequestDto.FileLinkRequest"}
	folderLinkBody = requestKind{model: "FolderLink", clrType: "ASC.Files.Core.ApiModels.RequestDto.FolderLinkRequest", trimPassword: true}
)

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

// decodeLinkRequest binds a link request body of a kind. Property names match case-
// insensitively, unknown ones are ignored, the last duplicate wins; the first
// JSON type error stops binding; then the DTO's attributes are checked
// (title/password ≤ 255, maxUseCount 1–1000) (API.md §2, §8.3).
func (e *Emulator) decodeLinkRequest(body []byte, kind requestKind) (linkRequest, validationErrors) {
	req := linkRequest{trimPassword: kind.trimPassword}
	fields, errs := readObject(body, kind.model, kind.clrType)
	if errs != nil {
		return req, errs
	}
	var rawTitle, rawPassword string
	typeError := func(f bodyField, clrType string) (linkRequest, validationErrors) {
		errs := validationErrors{}
		errs.add("$."+f.name, conversionError(body, f, clrType))
		errs.add(kind.model, "The "+kind.model+" field is required.")
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
		case "primary":
			if kind.room {
				continue
			}
			b, ok := jsonBool(f.raw)
			if !ok {
				return typeError(f, clrBoolean)
			}
			req.primary = b
		case "linktype":
			if !kind.room {
				continue // no linkType on files and folders (API.md §13.2)
			}
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
			req.opts.expiration = nil
			if s != nil {
				if t, ok := parseAPIDate(*s); ok {
					req.opts.expiration = &t
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
			req.opts.denyDownload = b
		case "internal":
			b, ok := jsonBool(f.raw)
			if !ok {
				return typeError(f, clrBoolean)
			}
			req.opts.internal = b
		case "maxusecount":
			if e.version != V37 || !kind.room {
				continue // not a property of the v3.6 DTO, nor of files and folders
			}
			req.opts.maxUseCount = nil
			if !isNull(f.raw) {
				n, ok := jsonNumber(f.raw)
				if !ok {
					return typeError(f, clrNullableInt32)
				}
				req.opts.maxUseCount = &n
			}
		case "currentusecount":
			if e.version != V37 || !kind.room {
				continue
			}
			if _, ok := jsonNumber(f.raw); !ok {
				return typeError(f, clrInt32)
			}
			// bound but ignored (API.md §2)
		}
	}
	req.opts.title, req.opts.password = rawTitle, rawPassword

	errs = validationErrors{}
	if utf16Len(rawTitle) > maxTitleLength {
		errs.add(kind.model+".Title", fmt.Sprintf("The field Title must be a string with a maximum length of %d.", maxTitleLength))
	}
	if utf16Len(rawPassword) > maxPasswordLength {
		errs.add(kind.model+".Password", fmt.Sprintf("The field Password must be a string with a maximum length of %d.", maxPasswordLength))
	}
	if n := req.opts.maxUseCount; n != nil && (*n < minMaxUseCount || *n > maxMaxUseCount) {
		errs.add(kind.model+".MaxUseCount", fmt.Sprintf("The field MaxUseCount must be between %d and %d.", minMaxUseCount, maxMaxUseCount))
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
