package docspace

import (
	"slices"
	"strings"
)

// LocationKind is where a file or folder lives, as far as its links go
// (API.md §13.3).
type LocationKind int

const (
	// LocationOutside is anywhere links of files are not stored: the
	// trash, the archive, room templates, another user's documents.
	LocationOutside LocationKind = iota
	// LocationMyDocuments is the token's user's My Documents.
	LocationMyDocuments
	// LocationRoom is inside a room (Location.RoomType), or the room itself.
	LocationRoom
)

// Location is where a file or folder lives: it decides which accesses and
// how many links it takes (API.md §13.3, §13.4).
type Location struct {
	Kind LocationKind
	// RoomType is the type of the room that holds the entry (LocationRoom).
	RoomType RoomType
	// IsRoom is set when the folder is the room itself: the folder
	// endpoints then act on the room's links, with the room's rules
	// (API.md §13.1).
	IsRoom bool
}

// String names the location for messages: "My Documents", "a Public room",
// "the Public room itself", "outside My Documents and rooms".
func (l Location) String() string {
	switch {
	case l.Kind == LocationMyDocuments:
		return "My Documents"
	case l.Kind == LocationRoom && l.IsRoom:
		return "the " + l.RoomType.String() + " itself"
	case l.Kind == LocationRoom:
		return "a " + l.RoomType.String()
	}
	return "outside My Documents and rooms"
}

// locate is the location an entry's own fields tell (API.md §13.8), and
// whether they were enough: inside a room whose type the server did not
// name (servers before 3.7.1), the caller walks up the parents to the room.
func locate(root FolderType, parentRoom *FolderType) (Location, bool) {
	switch root {
	case FolderTypeUser:
		return Location{Kind: LocationMyDocuments}, true
	case FolderTypeVirtualRooms, FolderTypeAiAgents:
		if parentRoom != nil {
			if rt, ok := parentRoom.RoomType(); ok {
				return Location{Kind: LocationRoom, RoomType: rt}, true
			}
		}
		return Location{}, false
	}
	return Location{Kind: LocationOutside}, true
}

// FileFormat is what DocSpace's editors can do with a file format (the
// document-formats list the server ships, API.md §13.3). It decides which
// accesses a file's links may carry.
type FileFormat struct {
	// Viewable: the editors open it. Links to other files carry Read only,
	// and other accesses are dropped without an error (API.md §13.5).
	Viewable bool
	// MustConvert: opened only after a conversion; links carry Read only.
	MustConvert bool
	Editable    bool
	Reviewable  bool
	Commentable bool
}

// Format classes of document-formats 7d7576a, the list DocSpace 3.7.2
// ships (API.md §13.3).
var (
	formatsEditReviewComment = []string{"docm", "docx", "dotm", "dotx"}
	formatsEditComment       = []string{"xlsb", "xlsm", "xlsx", "xltm", "xltx", "pdf",
		"potm", "potx", "ppsm", "ppsx", "pptm", "pptx"}
	formatsViewOnly = []string{"csv", "tsv", "txt", "djvu", "docxf", "gdoc", "gsheet", "gslides", "oform", "oxps",
		"vsdm", "vsdx", "vssm", "vssx", "vstm", "vstx", "xps"}
	formatsMustConvert = []string{"ods", "ots", "odt", "ott", "odp", "otp", "rtf", "epub", "fb2", "html",
		"doc", "dot", "dps", "dpt", "et", "ett", "fodp", "fods", "fodt", "hml", "htm", "hwp", "hwpx", "key", "md",
		"mht", "mhtml", "numbers", "odg", "pages", "pot", "pps", "ppt", "stw", "sxc", "sxi", "sxw", "wps", "wpt",
		"xls", "xlt", "xml"}
)

// FileFormatOf classifies an extension, with or without its dot, in any
// case ("docx", ".PDF"). An unknown extension, an image, media or an
// archive is not viewable.
func FileFormatOf(ext string) FileFormat {
	e := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(ext), "."))
	switch {
	case slices.Contains(formatsEditReviewComment, e):
		return FileFormat{Viewable: true, Editable: true, Reviewable: true, Commentable: true}
	case slices.Contains(formatsEditComment, e):
		return FileFormat{Viewable: true, Editable: true, Commentable: true}
	case slices.Contains(formatsViewOnly, e):
		return FileFormat{Viewable: true}
	case slices.Contains(formatsMustConvert, e):
		return FileFormat{Viewable: true, MustConvert: true}
	}
	return FileFormat{}
}

// fileLinkRooms are the room types whose files take links with the
// candidate accesses Editing, FillForms, Review, Comment and Read (API.md
// §13.3); Form-filling rooms take FillForms only.
var fileLinkRooms = []RoomType{RoomTypeCustom, RoomTypePublic, RoomTypeEditing, RoomTypeVirtualData, RoomTypeAI}

// fillFormsLocation reports whether forms there take FillForms links: My
// Documents, data rooms and Form-filling rooms (API.md §13.3, 3.7).
func fillFormsLocation(loc Location) bool {
	return loc.Kind == LocationMyDocuments ||
		(loc.Kind == LocationRoom && (loc.RoomType == RoomTypeVirtualData || loc.RoomType == RoomTypeFillingForms))
}

// AllowedFileAccess returns the accesses a file's links may carry in a
// location, by the file's extension and whether it is a PDF form (API.md
// §13.3, DocSpace 3.7): empty where the file takes no links. For a PDF form
// in a Form-filling room it is FillForms, and such a link is the room's
// (see FormLinkIsRoomLink). The order is Editing, FillForms, Review,
// Comment, Read. DocSpace 3.6 also allowed FillForms for forms in every
// room.
func AllowedFileAccess(loc Location, ext string, isForm bool) []Access {
	if loc.Kind == LocationOutside || loc.IsRoom {
		return nil
	}
	if loc.Kind == LocationRoom && loc.RoomType == RoomTypeFillingForms {
		if isForm {
			return []Access{AccessFillForms}
		}
		return nil
	}
	if loc.Kind == LocationRoom && !slices.Contains(fileLinkRooms, loc.RoomType) {
		return nil
	}
	f := FileFormatOf(ext)
	if isForm {
		var out []Access
		if f.Editable {
			out = append(out, AccessEditing)
		}
		if fillFormsLocation(loc) {
			out = append(out, AccessFillForms)
		}
		return out
	}
	if !f.Viewable || f.MustConvert {
		return []Access{AccessRead}
	}
	var out []Access
	if f.Editable {
		out = append(out, AccessEditing)
	}
	if f.Reviewable {
		out = append(out, AccessReview)
	}
	if f.Commentable {
		out = append(out, AccessComment)
	}
	return append(out, AccessRead)
}

// FormLinkIsRoomLink reports whether writes to a file's links go to its
// room's links instead: a PDF form in a Form-filling room, whose FillForms
// link and deletes are the room's (API.md §13.7).
func FormLinkIsRoomLink(loc Location, isForm bool) bool {
	return isForm && loc.Kind == LocationRoom && !loc.IsRoom && loc.RoomType == RoomTypeFillingForms
}

// AllowedFolderAccess returns the accesses a folder's links may carry in a
// location (API.md §13.3, DocSpace 3.7). For a room's own folder the room's
// external-link rules apply (API.md §4.5). Deleting a folder's link also
// needs the folder's creator, which the folder's availableShareRights shows.
func AllowedFolderAccess(loc Location) []Access {
	switch {
	case loc.Kind == LocationOutside:
		return nil
	case loc.IsRoom:
		allowed, _ := AllowedAccess(loc.RoomType, LinkTypeExternal)
		return allowed
	case loc.Kind == LocationRoom && loc.RoomType == RoomTypeFillingForms:
		return []Access{AccessFillForms}
	case loc.Kind == LocationRoom && !slices.Contains(fileLinkRooms, loc.RoomType):
		return nil
	case fillFormsLocation(loc):
		return []Access{AccessEditing, AccessFillForms, AccessReview, AccessComment, AccessRead}
	}
	return []Access{AccessEditing, AccessReview, AccessComment, AccessRead}
}

// EntryLinkLimits returns how many additional and how many primary links a
// file or folder in a location can hold (API.md §13.4; checked on create
// only). Where the server has no primary limit of its own, the additional
// one applies. A room's own folder has the room's limits (API.md §4.6).
func EntryLinkLimits(loc Location) (additional, primary int) {
	switch {
	case loc.Kind == LocationOutside:
		return 0, 0
	case loc.IsRoom:
		switch loc.RoomType {
		case RoomTypeCustom, RoomTypePublic:
			return 5, 1
		case RoomTypeFillingForms:
			return 0, 1
		}
		return 0, 0
	case loc.Kind == LocationMyDocuments:
		return 6, 6
	}
	switch loc.RoomType {
	case RoomTypePublic:
		return 5, 1
	case RoomTypeFillingForms:
		return 0, 1
	case RoomTypeCustom, RoomTypeEditing, RoomTypeVirtualData, RoomTypeAI:
		return 6, 6
	}
	return 0, 0
}
