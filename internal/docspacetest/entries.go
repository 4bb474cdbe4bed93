package docspacetest

import (
	"path"
	"slices"
	"strings"
	"time"
)

// File and folder ids come from one counter of their own, far from room ids;
// a new id of either kind skips any id already taken, so a folder route never
// confuses a room with a folder.
const (
	// MyDocumentsID is the id of the user's My Documents folder. As a parent
	// id, 0 means My Documents too, as folderId 0 does in the API (API.md §13.1).
	MyDocumentsID = 9000
	firstEntryID  = MyDocumentsID + 1
)

// myDocumentsTitle is the title of the My Documents folder.
const myDocumentsTitle = "My documents"

// storedEntry is a file or a folder below a room or My Documents (API.md §13.8).
type storedEntry struct {
	id      int
	folder  bool
	title   string
	parent  int    // a room id, a folder id or MyDocumentsID
	ext     string // files: lower-case extension with its dot
	form    bool   // files: a PDF form
	foreign bool   // created by another user of the portal (SetForeignCreator)
	created time.Time
	linkSet
}

// location is where an entry lives for the link rules: a room's type, or
// My Documents (API.md §13.3).
type location struct {
	room *storedRoom // nil: My Documents
}

func (l location) myDocuments() bool { return l.room == nil }

func (l location) roomType() RoomType {
	if l.room == nil {
		return 0
	}
	return l.room.typ
}

// fillFormsLocation is IsFillFormsRoom: Form-filling rooms, VDRs and My
// Documents (API.md §13.3).
func (l location) fillFormsLocation() bool {
	return l.room == nil || l.room.typ == RoomFillingForms || l.room.typ == RoomVirtualData
}

// rootFolderType of FileDto/FolderDto (API.md §13.8): 5 My Documents, 14
// Rooms, 34 AI agents.
func (l location) rootFolderType() int {
	switch {
	case l.room == nil:
		return 5
	case l.room.typ == RoomAI:
		return 34
	}
	return folderTypeVirtualRooms
}

// locate walks up to the room or My Documents that holds an entry. Caller holds e.mu.
func (e *Emulator) locate(en *storedEntry) location {
	for range 1000 {
		if r, ok := e.rooms[en.parent]; ok {
			return location{room: r}
		}
		p, ok := e.entries[en.parent]
		if !ok || p.id == MyDocumentsID {
			return location{}
		}
		en = p
	}
	return location{}
}

// idInUse tells whether a room, file or folder has the id. Caller holds e.mu.
func (e *Emulator) idInUse(id int) bool {
	_, room := e.rooms[id]
	_, entry := e.entries[id]
	return room || entry || id == MyDocumentsID || id == roomsFolderID
}

// newEntryID takes the next free file or folder id. Caller holds e.mu.
func (e *Emulator) newEntryID() int {
	for e.idInUse(e.nextEntryID) {
		e.nextEntryID++
	}
	id := e.nextEntryID
	e.nextEntryID++
	return id
}

// parentOf resolves a parent id: 0 and MyDocumentsID are My Documents, else a
// room or a folder. Caller holds e.mu.
func (e *Emulator) parentOf(id int) (int, bool) {
	if id == 0 || id == MyDocumentsID {
		return MyDocumentsID, true
	}
	if _, ok := e.rooms[id]; ok {
		return id, true
	}
	if en, ok := e.entries[id]; ok && en.folder {
		return id, true
	}
	return 0, false
}

// createEntry stores a file or folder under a resolved parent. A PDF is a
// form (API.md §13.8, §13.10.2); v3.7 gives a file in a Public room its
// primary link at once, titled as requested. Caller holds e.mu.
func (e *Emulator) createEntry(parent int, title, requested string, folder bool) *storedEntry {
	en := &storedEntry{id: e.newEntryID(), folder: folder, title: title, parent: parent, created: truncateTicks(e.clock())}
	if !folder {
		en.ext = strings.ToLower(path.Ext(title))
		en.form = en.ext == ".pdf"
	}
	e.entries[en.id] = en
	if !folder && e.version == V37 {
		if loc := e.locate(en); loc.roomType() == RoomPublic {
			access := accessRead
			if en.form {
				access = accessEditing
			}
			en.add(newLink(newGUID(), subjectPrimary, access, linkOptions{title: orDefault(requested, defaultExternalTitle)}))
		}
	}
	return en
}

// removeEntry deletes an entry and everything below it. Caller holds e.mu.
func (e *Emulator) removeEntry(id int) {
	delete(e.entries, id)
	for _, child := range e.children(id) {
		e.removeEntry(child.id)
	}
}

// children lists the entries directly under a parent, folders first, each
// kind by id. Caller holds e.mu.
func (e *Emulator) children(parent int) []*storedEntry {
	var out []*storedEntry
	for _, en := range e.entries {
		if en.parent == parent && en.id != MyDocumentsID {
			out = append(out, en)
		}
	}
	slices.SortFunc(out, func(a, b *storedEntry) int {
		if a.folder != b.folder {
			return boolInt(b.folder) - boolInt(a.folder)
		}
		return a.id - b.id
	})
	return out
}

// Title normalisation of POST {folderId}/file without enableExternalExt
// (API.md §13.8): known formats become the OOXML format of their kind.
var (
	documentExts     = []string{".doc", ".docm", ".dot", ".dotm", ".dotx", ".odt", ".ott", ".rtf", ".txt", ".md", ".html", ".htm", ".epub", ".fb2", ".mht", ".xml"}
	spreadsheetExts  = []string{".xls", ".xlsm", ".xlsb", ".xlt", ".xltm", ".xltx", ".ods", ".ots", ".csv", ".tsv"}
	presentationExts = []string{".ppt", ".pptm", ".pps", ".ppsm", ".ppsx", ".pot", ".potm", ".potx", ".odp", ".otp"}
)

func normaliseTitle(title string, keepExt bool) string {
	if keepExt {
		return title
	}
	ext := strings.ToLower(path.Ext(title))
	base := strings.TrimSuffix(title, path.Ext(title))
	switch {
	case ext == ".docx" || ext == ".xlsx" || ext == ".pptx" || ext == ".pdf" || ext == ".docxf":
		return title
	case slices.Contains(documentExts, ext):
		return base + ".docx"
	case slices.Contains(spreadsheetExts, ext):
		return base + ".xlsx"
	case slices.Contains(presentationExts, ext):
		return base + ".pptx"
	}
	return title + ".docx"
}

// formatClass is what the editors can do with a format (API.md §13.3).
type formatClass int

const (
	formatNotViewable formatClass = iota
	formatViewOnly
	formatConvert // viewable, must be converted to edit: Read only
	formatEditComment
	formatEditReviewComment
)

var formatClasses = map[string]formatClass{}

func init() {
	for class, exts := range map[formatClass][]string{
		formatEditReviewComment: {".docx", ".docm", ".dotx", ".dotm"},
		formatEditComment: {".xlsx", ".xlsm", ".xlsb", ".xltx", ".xltm", ".pptx", ".pptm", ".ppsx", ".ppsm",
			".potx", ".potm", ".pdf"},
		formatViewOnly: {".txt", ".csv", ".tsv", ".gdoc", ".gsheet", ".gslides", ".djvu", ".xps", ".oxps", ".docxf",
			".oform", ".vsdx"},
		formatConvert: {".doc", ".dot", ".odt", ".ott", ".rtf", ".epub", ".fb2", ".html", ".htm", ".md", ".xls",
			".xlt", ".ods", ".ots", ".ppt", ".pps", ".pot", ".odp", ".otp", ".mht", ".xml"},
	} {
		for _, ext := range exts {
			formatClasses[ext] = class
		}
	}
}

func classOf(ext string) formatClass { return formatClasses[ext] } // unknown: not viewable

// fileType is FileDto.fileType (API.md §13.8).
func fileType(ext string) int {
	switch {
	case ext == ".pdf":
		return 10
	case slices.Contains(spreadsheetExts, ext) || ext == ".xlsx":
		return 5
	case slices.Contains(presentationExts, ext) || ext == ".pptx":
		return 6
	case classOf(ext) != formatNotViewable:
		return 7
	}
	return 0
}
