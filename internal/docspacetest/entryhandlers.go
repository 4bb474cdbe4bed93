package docspacetest

import (
	"fmt"
	"net/http"
	"strings"
)

// maxEntryTitleLength bounds the title of a new file or folder (API.md §13.1).
const maxEntryTitleLength = 165

// fileDTO is the part of FileDto a client needs (API.md §13.8).
type fileDTO struct {
	ID                   int                 `json:"id"`
	Title                string              `json:"title"`
	FolderID             int                 `json:"folderId"`
	FileExst             string              `json:"fileExst"`
	FileType             int                 `json:"fileType"`
	IsForm               bool                `json:"isForm"`
	RootFolderType       int                 `json:"rootFolderType"`
	Created              string              `json:"created"`
	Updated              string              `json:"updated"`
	Shared               bool                `json:"shared"`
	CanShare             bool                `json:"canShare"`
	ShareSettings        map[string]int      `json:"shareSettings,omitempty"`
	AvailableShareRights map[string][]string `json:"availableShareRights,omitempty"`
	Security             map[string]bool     `json:"security"`
}

// folderDTO is the part of FolderDto a client needs (API.md §13.8).
type folderDTO struct {
	ID                   int                 `json:"id"`
	Title                string              `json:"title"`
	ParentID             int                 `json:"parentId"`
	FilesCount           int                 `json:"filesCount"`
	FoldersCount         int                 `json:"foldersCount"`
	RootFolderType       int                 `json:"rootFolderType"`
	Created              string              `json:"created"`
	Updated              string              `json:"updated"`
	Shared               bool                `json:"shared"`
	CanShare             bool                `json:"canShare"`
	ShareSettings        map[string]int      `json:"shareSettings,omitempty"`
	AvailableShareRights map[string][]string `json:"availableShareRights,omitempty"`
	Security             map[string]bool     `json:"security"`
}

// entryContentDTO is FolderContentDto of a folder, a room or My Documents.
type entryContentDTO struct {
	Files      []fileDTO     `json:"files"`
	Folders    []folderDTO   `json:"folders"`
	Current    any           `json:"current"`
	PathParts  []pathPartDTO `json:"pathParts"`
	StartIndex int           `json:"startIndex"`
	Count      int           `json:"count"`
	Total      int           `json:"total"`
	New        int           `json:"new"`
}

// canRead: managers read everything; members read what rooms hold, nothing
// of the owner's My Documents.
func canRead(c caller, loc location) bool {
	return c.manager() || c.role == roleMember && !loc.myDocuments()
}

// shareFields fills canShare, shareSettings and availableShareRights for a
// caller who manages access (API.md §13.3, §13.4, §13.8).
func (e *Emulator) shareFields(c caller, sc linkScope) (bool, map[string]int, map[string][]string) {
	if !c.manager() {
		return false, nil, nil
	}
	rights := map[string][]string{}
	creator := e.creator(c, sc)
	for _, s := range []subjectType{subjectExternal, subjectPrimary} {
		if a := sc.accesses(s, creator); len(a) > 0 {
			rights[subjectNames[s]] = shareRightNames(a)
		}
	}
	return true, sc.shareSettings(), rights
}

func (e *Emulator) security(c caller, sc linkScope) map[string]bool {
	m := c.manager()
	return map[string]bool{
		"Read": canRead(c, sc.loc), "Edit": m, "Delete": m, "EditAccess": m, "ReadLinks": m,
		"CopySharedLink": m, "Create": m && !sc.file(),
	}
}

// fileDTO renders a file. Caller holds e.mu.
func (e *Emulator) fileDTO(en *storedEntry, c caller) fileDTO {
	sc := e.entryScope(en)
	created := formatAPIDate(en.created, e.loc)
	dto := fileDTO{
		ID: en.id, Title: en.title, FolderID: en.parent, FileExst: en.ext, FileType: fileType(en.ext),
		IsForm: en.form, RootFolderType: sc.loc.rootFolderType(), Created: created, Updated: created,
		Shared: len(en.links) > 0, Security: e.security(c, sc),
	}
	dto.CanShare, dto.ShareSettings, dto.AvailableShareRights = e.shareFields(c, sc)
	return dto
}

// folderDTO renders a folder or My Documents. Caller holds e.mu.
func (e *Emulator) folderDTO(en *storedEntry, c caller) folderDTO {
	sc := e.entryScope(en)
	created := formatAPIDate(en.created, e.loc)
	dto := folderDTO{
		ID: en.id, Title: en.title, ParentID: en.parent, RootFolderType: sc.loc.rootFolderType(),
		Created: created, Updated: created, Shared: len(en.links) > 0, Security: e.security(c, sc),
	}
	for _, child := range e.children(en.id) {
		if child.folder {
			dto.FoldersCount++
		} else {
			dto.FilesCount++
		}
	}
	if en.id != MyDocumentsID {
		dto.CanShare, dto.ShareSettings, dto.AvailableShareRights = e.shareFields(c, sc)
	}
	return dto
}

func errFolderNotFound(status int) *apiError {
	return &apiError{status, "The required folder was not found", "System.IO.DirectoryNotFoundException", hresultException, false}
}

func errFileNotFound() *apiError {
	return &apiError{404, "The required file was not found", "System.IO.FileNotFoundException", hresultException, false}
}

// handleCreateFile is POST /api/2.0/files/{folderId}/file and @my/file:
// {"title", "enableExternalExt"}; the title is normalised (API.md §13.8).
func (e *Emulator) handleCreateFile(w http.ResponseWriter, r *http.Request, c caller, id string) {
	e.createEntryHandler(w, r, c, id, false)
}

// handleCreateFolder is POST /api/2.0/files/folder/{folderId}: {"title"} trimmed (API.md §13.1).
func (e *Emulator) handleCreateFolder(w http.ResponseWriter, r *http.Request, c caller, id string) {
	e.createEntryHandler(w, r, c, id, true)
}

func (e *Emulator) createEntryHandler(w http.ResponseWriter, r *http.Request, c caller, id string, folder bool) {
	if !jsonContentType(r) {
		writeUnsupportedMediaType(w, r)
		return
	}
	body := readAll(r.Body)
	fields, errs := readObject(body, "inDto", "ASC.Files.Core.ApiModels.RequestDto.CreateFileRequestDto")
	if errs != nil {
		writeValidation(w, r, errs)
		return
	}
	var title string
	var keepExt bool
	for _, f := range fields {
		switch strings.ToLower(f.name) {
		case "title":
			s, ok := jsonNullableString(f.raw)
			if !ok {
				writeValidation(w, r, conversionErrors(body, f, clrString))
				return
			}
			title = deref(s)
		case "enableexternalext":
			b, ok := jsonBool(f.raw)
			if !ok && !folder {
				writeValidation(w, r, conversionErrors(body, f, clrBoolean))
				return
			}
			keepExt = b
		}
	}
	if utf16Len(title) > maxEntryTitleLength {
		writeValidation(w, r, validationErrors{"Title": {fmt.Sprintf("The field Title must be a string with a maximum length of %d.", maxEntryTitleLength)}})
		return
	}
	requested := title
	if folder {
		title = strings.TrimSpace(title)
	}
	if strings.TrimSpace(title) == "" {
		writeError(w, errArgument("The value cannot be an empty string. (Parameter 'title')"))
		return
	}
	parentID := MyDocumentsID
	if id != "" {
		n, ok := parseRoomID(id)
		if !ok {
			writeError(w, errFolderNotFound(http.StatusForbidden))
			return
		}
		parentID = n
	}

	e.mu.Lock()
	defer e.mu.Unlock()
	if parentID == roomsFolderID {
		writeError(w, errInvalidOperation("You don't have enough permission to create"))
		return
	}
	parent, ok := e.parentOf(parentID)
	if !ok {
		writeError(w, errFolderNotFound(http.StatusForbidden))
		return
	}
	if !c.manager() {
		if folder {
			writeError(w, errInvalidOperation("You don't have enough permission to create"))
		} else {
			writeError(w, errAccessDenied())
		}
		return
	}
	if folder {
		writeSuccess(w, r, e.folderDTO(e.createEntry(parent, title, requested, true), c), 1)
		return
	}
	en := e.createEntry(parent, normaliseTitle(title, keepExt), requested, false)
	writeSuccess(w, r, e.fileDTO(en, c), 1)
}

// handleGetFile is GET /api/2.0/files/file/{id} (API.md §13.1).
func (e *Emulator) handleGetFile(w http.ResponseWriter, r *http.Request, c caller, id string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	n, _ := parseRoomID(id)
	en := e.entries[n]
	if en == nil || en.folder {
		writeError(w, errFileNotFound())
		return
	}
	if !canRead(c, e.locate(en)) {
		writeError(w, errInvalidOperation("You don't have enough permission to view the file"))
		return
	}
	writeSuccess(w, r, e.fileDTO(en, c), 1)
}

// handleGetFolder is GET /api/2.0/files/folder/{id}: a folder, My Documents or
// a room (API.md §13.1).
func (e *Emulator) handleGetFolder(w http.ResponseWriter, r *http.Request, c caller, id string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	n, _ := parseRoomID(id)
	if room := e.rooms[n]; room != nil {
		writeSuccess(w, r, e.roomDTO(room, c), 1)
		return
	}
	en := e.entries[n]
	if en == nil || !en.folder {
		writeError(w, errFolderNotFound(http.StatusNotFound))
		return
	}
	if !canRead(c, e.locate(en)) {
		writeError(w, errInvalidOperation("You don't have enough permission to view the folder content"))
		return
	}
	writeSuccess(w, r, e.folderDTO(en, c), 1)
}

// handleFolderContents is GET /api/2.0/files/{folderId} and @my: files and
// folders, paged like the rooms list (API.md §13.1).
func (e *Emulator) handleFolderContents(w http.ResponseWriter, r *http.Request, c caller, id string) {
	start := max(queryInt(r, "startIndex", 0), 0)
	count := queryInt(r, "count", defaultRoomPageSize)
	if count <= 0 || count > maxRoomPageSize {
		count = maxRoomPageSize
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	folderID := MyDocumentsID
	if id != "" {
		n, ok := parseRoomID(id)
		if !ok {
			writeError(w, errFolderNotFound(http.StatusNotFound))
			return
		}
		folderID = n
	}
	parent, ok := e.parentOf(folderID)
	if !ok {
		writeError(w, errFolderNotFound(http.StatusNotFound))
		return
	}
	content := entryContentDTO{Files: []fileDTO{}, Folders: []folderDTO{}, StartIndex: start}
	var loc location
	if room := e.rooms[parent]; room != nil {
		loc = location{room: room}
		content.Current = e.roomDTO(room, c)
	} else {
		loc = e.locate(e.entries[parent])
		if parent == MyDocumentsID {
			loc = location{}
		}
		content.Current = e.folderDTO(e.entries[parent], c)
	}
	if !canRead(c, loc) {
		writeError(w, errInvalidOperation("You don't have enough permission to view the folder content"))
		return
	}
	content.PathParts = e.pathParts(parent)
	all := e.children(parent)
	content.Total = len(all)
	if start < len(all) {
		for _, en := range all[start:min(start+count, len(all))] {
			if en.folder {
				content.Folders = append(content.Folders, e.folderDTO(en, c))
			} else {
				content.Files = append(content.Files, e.fileDTO(en, c))
			}
		}
	}
	content.Count = len(content.Files) + len(content.Folders)
	writeSuccess(w, r, content, 1)
}

// pathParts lists the folders from the section root down to id. Caller holds e.mu.
func (e *Emulator) pathParts(id int) []pathPartDTO {
	var parts []pathPartDTO
	for range 1000 {
		if room := e.rooms[id]; room != nil {
			parts = append(parts, pathPartDTO{ID: room.id, Title: room.title}, pathPartDTO{ID: roomsFolderID, Title: roomsFolderTitle})
			break
		}
		en := e.entries[id]
		if en == nil {
			break
		}
		parts = append(parts, pathPartDTO{ID: en.id, Title: en.title})
		if en.id == MyDocumentsID {
			break
		}
		id = en.parent
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return parts
}

// handleDeleteFile is DELETE /api/2.0/files/file/{id} and handleDeleteFolder
// DELETE folder/{id}: gone at once with their links, answered with a finished
// operation (API.md §13.1, §13.10.5).
func (e *Emulator) handleDeleteFile(w http.ResponseWriter, r *http.Request, c caller, id string) {
	e.deleteEntry(w, r, c, id, false)
}

func (e *Emulator) handleDeleteFolder(w http.ResponseWriter, r *http.Request, c caller, id string) {
	e.deleteEntry(w, r, c, id, true)
}

func (e *Emulator) deleteEntry(w http.ResponseWriter, r *http.Request, c caller, id string, folder bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	n, _ := parseRoomID(id)
	en := e.entries[n]
	_, room := e.rooms[n]
	switch {
	case folder && room:
	case en == nil || en.folder != folder || en.id == MyDocumentsID:
		if folder {
			writeError(w, errFolderNotFound(http.StatusNotFound))
		} else {
			writeError(w, errFileNotFound())
		}
		return
	}
	if !c.manager() {
		writeError(w, errAccessDenied())
		return
	}
	if room {
		e.removeRoom(n)
	} else {
		e.removeEntry(n)
	}
	writeSuccess(w, r, []fileOperationDTO{{
		ID: newGUID(), Operation: fileOperationDelete, Progress: 100, Processed: "1", Finished: true,
	}}, 1)
}

// removeRoom deletes a room with everything it holds. Caller holds e.mu.
func (e *Emulator) removeRoom(id int) {
	delete(e.rooms, id)
	for _, child := range e.children(id) {
		e.removeEntry(child.id)
	}
}
