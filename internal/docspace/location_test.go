package docspace

import (
	"slices"
	"testing"
)

var (
	myDocs  = Location{Kind: LocationMyDocuments}
	outside = Location{Kind: LocationOutside}
)

func inRoom(rt RoomType) Location { return Location{Kind: LocationRoom, RoomType: rt} }

func roomItself(rt RoomType) Location {
	return Location{Kind: LocationRoom, RoomType: rt, IsRoom: true}
}

const (
	e  = AccessEditing
	ff = AccessFillForms
	rv = AccessReview
	cm = AccessComment
	rd = AccessRead
)

// API.md §13.3: the format classes of document-formats 7d7576a.
func TestFileFormatOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		ext  string
		want FileFormat
	}{
		{".docx", FileFormat{Viewable: true, Editable: true, Reviewable: true, Commentable: true}},
		{"DOCM", FileFormat{Viewable: true, Editable: true, Reviewable: true, Commentable: true}},
		{".xlsx", FileFormat{Viewable: true, Editable: true, Commentable: true}},
		{".pptx", FileFormat{Viewable: true, Editable: true, Commentable: true}},
		{".pdf", FileFormat{Viewable: true, Editable: true, Commentable: true}},
		{".txt", FileFormat{Viewable: true}},
		{".csv", FileFormat{Viewable: true}},
		{".docxf", FileFormat{Viewable: true}},
		{".doc", FileFormat{Viewable: true, MustConvert: true}},
		{".odt", FileFormat{Viewable: true, MustConvert: true}},
		{".md", FileFormat{Viewable: true, MustConvert: true}},
		{".png", FileFormat{}},
		{".zip", FileFormat{}},
		{".pdfa", FileFormat{}},
		{"", FileFormat{}},
	}
	for _, tt := range tests {
		if got := FileFormatOf(tt.ext); got != tt.want {
			t.Errorf("FileFormatOf(%q) = %+v, want %+v", tt.ext, got, tt.want)
		}
	}
}

// API.md §13.3: the access table by location and format (3.7).
func TestAllowedFileAccess(t *testing.T) {
	t.Parallel()
	tests := []struct {
		loc    Location
		ext    string
		isForm bool
		want   []Access
	}{
		{myDocs, ".docx", false, []Access{e, rv, cm, rd}},
		{myDocs, ".xlsx", false, []Access{e, cm, rd}},
		{myDocs, ".pdf", false, []Access{e, cm, rd}},
		{myDocs, ".pdf", true, []Access{e, ff}},
		{myDocs, ".txt", false, []Access{rd}},
		{myDocs, ".doc", false, []Access{rd}},
		{myDocs, ".png", false, []Access{rd}},
		{inRoom(RoomTypeCustom), ".docx", false, []Access{e, rv, cm, rd}},
		{inRoom(RoomTypeCustom), ".pdf", true, []Access{e}},
		{inRoom(RoomTypePublic), ".pptx", false, []Access{e, cm, rd}},
		{inRoom(RoomTypePublic), ".pdf", true, []Access{e}},
		{inRoom(RoomTypeEditing), ".docx", false, []Access{e, rv, cm, rd}},
		{inRoom(RoomTypeAI), ".pdf", true, []Access{e}},
		{inRoom(RoomTypeVirtualData), ".pdf", true, []Access{e, ff}},
		{inRoom(RoomTypeVirtualData), ".csv", false, []Access{rd}},
		{inRoom(RoomTypeFillingForms), ".pdf", true, []Access{ff}},
		{inRoom(RoomTypeFillingForms), ".pdf", false, nil},
		{inRoom(RoomTypeFillingForms), ".docx", false, nil},
		{inRoom(RoomType(99)), ".docx", false, nil},
		{outside, ".docx", false, nil},
		{roomItself(RoomTypeCustom), ".docx", false, nil},
	}
	for _, tt := range tests {
		if got := AllowedFileAccess(tt.loc, tt.ext, tt.isForm); !slices.Equal(got, tt.want) {
			t.Errorf("AllowedFileAccess(%s, %q, form=%t) = %v, want %v", tt.loc, tt.ext, tt.isForm, got, tt.want)
		}
	}
}

// API.md §13.7: a PDF form's link in a Form-filling room is the room's.
func TestFormLinkIsRoomLink(t *testing.T) {
	t.Parallel()
	tests := []struct {
		loc    Location
		isForm bool
		want   bool
	}{
		{inRoom(RoomTypeFillingForms), true, true},
		{inRoom(RoomTypeFillingForms), false, false},
		{inRoom(RoomTypeVirtualData), true, false},
		{myDocs, true, false},
	}
	for _, tt := range tests {
		if got := FormLinkIsRoomLink(tt.loc, tt.isForm); got != tt.want {
			t.Errorf("FormLinkIsRoomLink(%s, %t) = %t", tt.loc, tt.isForm, got)
		}
	}
}

// API.md §13.3, §4.5: folders by location; a room's own folder has the room's rules.
func TestAllowedFolderAccess(t *testing.T) {
	t.Parallel()
	tests := []struct {
		loc  Location
		want []Access
	}{
		{myDocs, []Access{e, ff, rv, cm, rd}},
		{inRoom(RoomTypeVirtualData), []Access{e, ff, rv, cm, rd}},
		{inRoom(RoomTypeCustom), []Access{e, rv, cm, rd}},
		{inRoom(RoomTypePublic), []Access{e, rv, cm, rd}},
		{inRoom(RoomTypeEditing), []Access{e, rv, cm, rd}},
		{inRoom(RoomTypeAI), []Access{e, rv, cm, rd}},
		{inRoom(RoomTypeFillingForms), []Access{ff}},
		{inRoom(RoomType(99)), nil},
		{outside, nil},
		{roomItself(RoomTypeCustom), []Access{e, ff, rv, cm, rd}},
		{roomItself(RoomTypeFillingForms), []Access{ff, rd}},
		{roomItself(RoomTypeEditing), nil},
	}
	for _, tt := range tests {
		if got := AllowedFolderAccess(tt.loc); !slices.Equal(got, tt.want) {
			t.Errorf("AllowedFolderAccess(%s) = %v, want %v", tt.loc, got, tt.want)
		}
	}
}

// API.md §13.4, §4.6: additional and primary links per file or folder.
func TestEntryLinkLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		loc                 Location
		additional, primary int
	}{
		{myDocs, 6, 6},
		{inRoom(RoomTypeCustom), 6, 6},
		{inRoom(RoomTypeEditing), 6, 6},
		{inRoom(RoomTypeVirtualData), 6, 6},
		{inRoom(RoomTypeAI), 6, 6},
		{inRoom(RoomTypePublic), 5, 1},
		{inRoom(RoomTypeFillingForms), 0, 1},
		{inRoom(RoomType(99)), 0, 0},
		{outside, 0, 0},
		{roomItself(RoomTypeCustom), 5, 1},
		{roomItself(RoomTypePublic), 5, 1},
		{roomItself(RoomTypeFillingForms), 0, 1},
		{roomItself(RoomTypeVirtualData), 0, 0},
	}
	for _, tt := range tests {
		a, p := EntryLinkLimits(tt.loc)
		if a != tt.additional || p != tt.primary {
			t.Errorf("EntryLinkLimits(%s) = %d, %d; want %d, %d", tt.loc, a, p, tt.additional, tt.primary)
		}
	}
}

// API.md §13.8: rootFolderType and parentRoomType place an entry; without
// parentRoomType inside the rooms section the caller walks up.
func TestLocate(t *testing.T) {
	t.Parallel()
	public, unknownFolder := FolderTypePublicRoom, FolderType(25)
	tests := []struct {
		root       FolderType
		parentRoom *FolderType
		want       Location
		wantOK     bool
	}{
		{FolderTypeUser, nil, myDocs, true},
		{FolderTypeVirtualRooms, &public, inRoom(RoomTypePublic), true},
		{FolderTypeAiAgents, ptr(FolderTypeAiRoom), inRoom(RoomTypeAI), true},
		{FolderTypeVirtualRooms, nil, Location{}, false},
		{FolderTypeVirtualRooms, &unknownFolder, Location{}, false},
		{FolderTypeTrash, nil, outside, true},
		{FolderTypeArchive, &public, outside, true},
		{FolderTypeShare, nil, outside, true},
		{FolderTypeRoomTemplates, nil, outside, true},
	}
	for _, tt := range tests {
		got, ok := locate(tt.root, tt.parentRoom)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("locate(%d, %v) = %+v, %t; want %+v, %t", tt.root, tt.parentRoom, got, ok, tt.want, tt.wantOK)
		}
	}
	names := map[Location]string{
		myDocs: "My Documents", outside: "outside My Documents and rooms",
		inRoom(RoomTypePublic): "a Public room", roomItself(RoomTypeCustom): "the Custom room itself",
	}
	for loc, want := range names {
		if got := loc.String(); got != want {
			t.Errorf("%+v.String() = %q, want %q", loc, got, want)
		}
	}
}
