package docspacetest

import (
	"fmt"
	"strings"
)

// File is a test-side copy of a file. ParentID is a room, a folder or
// MyDocumentsID.
type File struct {
	ID       int
	Title    string
	ParentID int
	Ext      string // lower case, with the dot
	IsForm   bool
}

// Folder is a test-side copy of a folder.
type Folder struct {
	ID       int
	Title    string
	ParentID int
}

func exportFile(en *storedEntry) File {
	return File{ID: en.id, Title: en.title, ParentID: en.parent, Ext: en.ext, IsForm: en.form}
}

func exportFolder(en *storedEntry) Folder {
	return Folder{ID: en.id, Title: en.title, ParentID: en.parent}
}

// CreateFile creates a file in a room, a folder or My Documents (parentID 0
// or MyDocumentsID) as POST {folderId}/file with enableExternalExt would: the
// title keeps its extension, so "photo.png" is a file the editors cannot open,
// and a ".pdf" is a PDF form (API.md §13.8; SetFileForm changes that). On v3.7 a
// file in a Public room gets its primary link. It panics on an unknown parent.
func (e *Emulator) CreateFile(parentID int, title string) File {
	e.mu.Lock()
	defer e.mu.Unlock()
	parent, ok := e.parentOf(parentID)
	if !ok {
		panic(fmt.Sprintf("docspacetest: CreateFile: no room or folder %d", parentID))
	}
	return exportFile(e.createEntry(parent, title, title, false))
}

// CreateFolder creates a folder in a room, a folder or My Documents, as its
// creator (the user of every token). It panics on an unknown parent.
func (e *Emulator) CreateFolder(parentID int, title string) Folder {
	e.mu.Lock()
	defer e.mu.Unlock()
	parent, ok := e.parentOf(parentID)
	if !ok {
		panic(fmt.Sprintf("docspacetest: CreateFolder: no room or folder %d", parentID))
	}
	return exportFolder(e.createEntry(parent, strings.TrimSpace(title), title, true))
}

// FileByID returns a file.
func (e *Emulator) FileByID(id int) (File, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	en := e.entries[id]
	if en == nil || en.folder {
		return File{}, false
	}
	return exportFile(en), true
}

// FolderByID returns a folder (not a room, not My Documents).
func (e *Emulator) FolderByID(id int) (Folder, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	en := e.entries[id]
	if en == nil || !en.folder || id == MyDocumentsID {
		return Folder{}, false
	}
	return exportFolder(en), true
}

// SetFileForm makes a file a PDF form or not, as an uploaded PDF may be either.
func (e *Emulator) SetFileForm(fileID int, form bool) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	en := e.entries[fileID]
	if en == nil || en.folder {
		return false
	}
	en.form = form
	return true
}

// SetForeignCreator makes another user of the portal the creator of a file
// or folder, so that the tokens' user may not delete the folder's links
// (API.md §13.3).
func (e *Emulator) SetForeignCreator(id int) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	en := e.entries[id]
	if en == nil || id == MyDocumentsID {
		return false
	}
	en.foreign = true
	return true
}

// DeleteFile and DeleteFolder remove an entry, with what it holds and its
// links, behind the API's back.
func (e *Emulator) DeleteFile(id int) bool { return e.deleteEntryControl(id, false) }

// DeleteFolder: see DeleteFile.
func (e *Emulator) DeleteFolder(id int) bool { return e.deleteEntryControl(id, true) }

func (e *Emulator) deleteEntryControl(id int, folder bool) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	en := e.entries[id]
	if en == nil || en.folder != folder || id == MyDocumentsID {
		return false
	}
	e.removeEntry(id)
	return true
}

// linksOf finds the link set of a file, or of a folder or room. Caller holds e.mu.
func (e *Emulator) linksOf(id int, folder bool) (set *linkSet, room, ok bool) {
	if folder {
		if r := e.rooms[id]; r != nil {
			return &r.linkSet, true, true
		}
	}
	en := e.entries[id]
	if en == nil || en.folder != folder || id == MyDocumentsID {
		return nil, false, false
	}
	return &en.linkSet, false, true
}

// FileLinks returns the links of a file in stored order; nil for an unknown file.
func (e *Emulator) FileLinks(fileID int) []Link { return e.entryLinks(fileID, false) }

// FolderLinks returns the links of a folder (or a room) in stored order; nil
// for an unknown folder.
func (e *Emulator) FolderLinks(folderID int) []Link { return e.entryLinks(folderID, true) }

func (e *Emulator) entryLinks(id int, folder bool) []Link {
	e.mu.Lock()
	defer e.mu.Unlock()
	set, _, ok := e.linksOf(id, folder)
	if !ok {
		return nil
	}
	return e.exportLinks(set)
}

// SetFileLink inserts or overwrites a link of a file without any of the API's
// rules, as SetLink does for rooms.
func (e *Emulator) SetFileLink(fileID int, l Link) error { return e.setEntryLink(fileID, false, l) }

// SetFolderLink inserts or overwrites a link of a folder (or a room).
func (e *Emulator) SetFolderLink(folderID int, l Link) error {
	return e.setEntryLink(folderID, true, l)
}

func (e *Emulator) setEntryLink(id int, folder bool, l Link) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	set, room, ok := e.linksOf(id, folder)
	if !ok {
		return fmt.Errorf("docspacetest: no file or folder %d", id)
	}
	if !room {
		l.LinkType = 1 // files and folders have external links only (API.md §13.1)
	}
	setLinkIn(set, l)
	return nil
}

// DeleteFileLink removes a link of a file behind the API's back (no primary
// regeneration).
func (e *Emulator) DeleteFileLink(fileID int, linkID string) bool {
	return e.deleteEntryLink(fileID, false, linkID)
}

// DeleteFolderLink removes a link of a folder (or a room) behind the API's back.
func (e *Emulator) DeleteFolderLink(folderID int, linkID string) bool {
	return e.deleteEntryLink(folderID, true, linkID)
}

func (e *Emulator) deleteEntryLink(id int, folder bool, linkID string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	set, _, ok := e.linksOf(id, folder)
	return ok && set.remove(strings.ToLower(linkID))
}
