package docspacetest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// roomsFolderID is the id of the "Rooms" section, every room's parent.
const roomsFolderID = 2

// roomDTO is the part of FolderDto that the provider reads (API.md §4.4, §4.6).
type roomDTO struct {
	ID                   int                 `json:"id"`
	ParentID             int                 `json:"parentId"`
	RootFolderID         int                 `json:"rootFolderId"`
	Title                string              `json:"title"`
	RoomType             int                 `json:"roomType"`
	Type                 int                 `json:"type"`
	RootFolderType       int                 `json:"rootFolderType"`
	FilesCount           int                 `json:"filesCount"`
	FoldersCount         int                 `json:"foldersCount"`
	New                  int                 `json:"new"`
	Pinned               bool                `json:"pinned"`
	Private              bool                `json:"private"`
	InRoom               bool                `json:"inRoom"`
	Created              string              `json:"created"`
	Updated              string              `json:"updated"`
	ShareSettings        map[string]int      `json:"shareSettings,omitempty"`
	AvailableShareRights map[string][]string `json:"availableShareRights,omitempty"`
}

// fileOperationDTO is the operation DELETE rooms/{id} answers with, already finished.
type fileOperationDTO struct {
	ID        string `json:"id"`
	Operation int    `json:"operation"`
	Progress  int    `json:"progress"`
	Processed string `json:"processed"`
	Finished  bool   `json:"finished"`
}

const fileOperationDelete = 2

// roomDTO renders a room. shareSettings and availableShareRights are only for
// callers who manage access; shareSettings not for rooms without external
// links (API.md §4.6). Caller holds e.mu.
func (e *Emulator) roomDTO(room *storedRoom, c caller) roomDTO {
	created := formatAPIDate(room.created, e.loc)
	dto := roomDTO{
		ID:             room.id,
		ParentID:       roomsFolderID,
		RootFolderID:   roomsFolderID,
		Title:          room.title,
		RoomType:       int(room.typ),
		Type:           room.typ.folderType(),
		RootFolderType: folderTypeVirtualRooms,
		InRoom:         true,
		Created:        created,
		Updated:        created,
	}
	for _, child := range e.children(room.id) {
		if child.folder {
			dto.FoldersCount++
		} else {
			dto.FilesCount++
		}
	}
	if !c.manager() {
		return dto
	}
	if allowsExternalLinks(room.typ) {
		dto.ShareSettings = map[string]int{
			subjectNames[subjectPrimary]:  linkLimit(room.typ, subjectPrimary),
			subjectNames[subjectExternal]: linkLimit(room.typ, subjectExternal),
		}
	}
	dto.AvailableShareRights = map[string][]string{}
	for s, accesses := range roomAccesses[room.typ] {
		dto.AvailableShareRights[subjectNames[s]] = shareRightNames(accesses)
	}
	return dto
}

// shareRightNames lists accesses by rank with None last, as the server does
// (e.g. Editing, FillForms, Review, Comment, Read, None).
func shareRightNames(accesses []int) []string {
	sorted := slices.Clone(accesses)
	slices.SortFunc(sorted, func(a, b int) int {
		if a == accessNone || b == accessNone {
			return boolInt(a == accessNone) - boolInt(b == accessNone)
		}
		return accessRank(a) - accessRank(b)
	})
	names := make([]string, len(sorted))
	for i, a := range sorted {
		names[i] = fileShareName(a)
	}
	return names
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// handleCreateRoom is POST /api/2.0/files/rooms with {"title", "roomType"};
// roomType may be a number or an enum name.
func (e *Emulator) handleCreateRoom(w http.ResponseWriter, r *http.Request, c caller, _ string) {
	if !jsonContentType(r) {
		writeUnsupportedMediaType(w, r)
		return
	}
	body := readAll(r.Body)
	fields, errs := readObject(body, "inDto", "ASC.Files.Core.ApiModels.RequestDto.CreateRoomRequestDto")
	if errs != nil {
		writeValidation(w, r, errs)
		return
	}
	var title string
	var rt RoomType
	for _, f := range fields {
		switch strings.ToLower(f.name) {
		case "title":
			s, ok := jsonNullableString(f.raw)
			if !ok {
				writeValidation(w, r, conversionErrors(body, f, clrString))
				return
			}
			title = deref(s)
		case "roomtype":
			t, ok := bindRoomType(f)
			if !ok {
				writeValidation(w, r, conversionErrors(body, f, "ASC.Files.Core.ApiModels.RequestDto.RoomType"))
				return
			}
			rt = t
		}
	}
	if !c.manager() {
		writeError(w, errAccessDenied())
		return
	}
	if strings.TrimSpace(title) == "" {
		writeError(w, errArgumentOutOfRange("title"))
		return
	}
	if _, known := roomTypeNames[rt]; !known {
		writeError(w, errArgumentOutOfRange("roomType"))
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	room := e.createRoom(title, rt)
	writeSuccess(w, r, e.roomDTO(room, c), 1)
}

func conversionErrors(body []byte, f bodyField, clrType string) validationErrors {
	errs := validationErrors{}
	errs.add("$."+f.name, conversionError(body, f, clrType))
	errs.add("inDto", "The inDto field is required.")
	return errs
}

// bindRoomType reads roomType as a number or a case-insensitive enum name,
// as JsonStringEnumConverter does.
func bindRoomType(f bodyField) (RoomType, bool) {
	if s, ok := jsonString(f.raw); ok {
		for t, name := range roomTypeNames {
			if strings.EqualFold(name, s) {
				return t, true
			}
		}
		if n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 32); err == nil {
			return RoomType(n), true
		}
		return 0, false
	}
	n, ok := jsonInt32(f.raw)
	return RoomType(n), ok
}

// handleGetRoom is GET /api/2.0/files/rooms/{id}.
func (e *Emulator) handleGetRoom(w http.ResponseWriter, r *http.Request, c caller, id string) {
	roomID, ok := parseRoomID(id)
	e.mu.Lock()
	defer e.mu.Unlock()
	room := e.rooms[roomID]
	if !ok || room == nil {
		writeError(w, errItemNotFound())
		return
	}
	writeSuccess(w, r, e.roomDTO(room, c), 1)
}

// handleDeleteRoom is DELETE /api/2.0/files/rooms/{id}: the room and its
// links are gone at once; the answer is a finished delete operation.
func (e *Emulator) handleDeleteRoom(w http.ResponseWriter, r *http.Request, c caller, id string) {
	roomID, ok := parseRoomID(id)
	e.mu.Lock()
	defer e.mu.Unlock()
	room := e.rooms[roomID]
	if !ok || room == nil {
		writeError(w, errItemNotFound())
		return
	}
	if !c.manager() {
		writeError(w, errAccessDenied())
		return
	}
	e.removeRoom(roomID)
	writeSuccess(w, r, fileOperationDTO{
		ID:        newGUID(),
		Operation: fileOperationDelete,
		Progress:  100,
		Processed: "1",
		Finished:  true,
	}, 1)
}
