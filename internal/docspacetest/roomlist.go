package docspacetest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Paging of GET /api/2.0/files/rooms (API.md §10.11): startIndex from 0, count 1–100,
// 100 when absent.
const (
	defaultRoomPageSize = 100
	maxRoomPageSize     = 100
)

// roomsFolderTitle is the title of the "Rooms" section, the listing's "current".
const roomsFolderTitle = "Rooms"

// folderContentDTO is FolderContentDto, the answer of a folder listing: the
// rooms of the page under "folders" (rooms are folders), no files, the folder
// listed under "current", and the paging of the page with the number of all
// matching rooms under "total". It is one object, so the envelope's count is 1
// (API.md §3.1) and the paging lives in the object itself.
type folderContentDTO struct {
	Files      []struct{}    `json:"files"`
	Folders    []roomDTO     `json:"folders"`
	Current    roomsFolder   `json:"current"`
	PathParts  []pathPartDTO `json:"pathParts"`
	StartIndex int           `json:"startIndex"`
	Count      int           `json:"count"`
	Total      int           `json:"total"`
	New        int           `json:"new"`
}

// roomsFolder is the FolderDto of the "Rooms" section.
type roomsFolder struct {
	ID             int    `json:"id"`
	ParentID       int    `json:"parentId"`
	RootFolderID   int    `json:"rootFolderId"`
	Title          string `json:"title"`
	Type           int    `json:"type"`
	RootFolderType int    `json:"rootFolderType"`
	FilesCount     int    `json:"filesCount"`
	FoldersCount   int    `json:"foldersCount"`
	New            int    `json:"new"`
}

type pathPartDTO struct {
	ID    int    `json:"id"`
	Title string `json:"title"`
}

// handleListRooms is GET /api/2.0/files/rooms[?filterValue=&startIndex=&count=]:
// the rooms whose title contains filterValue, compared without regard to
// case, newest first (sortBy/sortOrder and the other filters are not
// modelled), one page at a time (API.md §10.11). startIndex and count are read as
// the server's ApiContext reads them: text that is not a number is ignored,
// count is at most 100, and a startIndex past the end gives an empty page.
func (e *Emulator) handleListRooms(w http.ResponseWriter, r *http.Request, c caller, _ string) {
	filter := strings.ToLower(queryValue(r, "filterValue"))
	start := queryInt(r, "startIndex", 0)
	if start < 0 {
		start = 0
	}
	count := queryInt(r, "count", defaultRoomPageSize)
	if count <= 0 || count > maxRoomPageSize {
		count = maxRoomPageSize
	}

	e.mu.Lock()
	defer e.mu.Unlock()
	matching := make([]*storedRoom, 0, len(e.rooms))
	for _, room := range e.rooms {
		if strings.Contains(strings.ToLower(room.title), filter) {
			matching = append(matching, room)
		}
	}
	slices.SortFunc(matching, func(a, b *storedRoom) int {
		if d := b.created.Compare(a.created); d != 0 {
			return d
		}
		return b.id - a.id
	})
	page := []*storedRoom{}
	if start < len(matching) {
		page = matching[start:min(start+count, len(matching))]
	}
	content := folderContentDTO{
		Files:   []struct{}{},
		Folders: make([]roomDTO, 0, len(page)),
		Current: roomsFolder{
			ID:             roomsFolderID,
			RootFolderID:   roomsFolderID,
			Title:          roomsFolderTitle,
			Type:           folderTypeVirtualRooms,
			RootFolderType: folderTypeVirtualRooms,
			FoldersCount:   len(e.rooms),
		},
		PathParts:  []pathPartDTO{{ID: roomsFolderID, Title: roomsFolderTitle}},
		StartIndex: start,
		Count:      len(page),
		Total:      len(matching),
	}
	for _, room := range page {
		content.Folders = append(content.Folders, e.roomDTO(room, c))
	}
	writeSuccess(w, r, content, 1)
}

// queryInt reads a whole-number query parameter, or def when it is absent or
// not a number.
func queryInt(r *http.Request, name string, def int) int {
	n, err := parseInt32(strings.TrimSpace(queryValue(r, name)))
	if err != nil {
		return def
	}
	return n
}

func parseInt32(s string) (int, error) {
	n, err := strconv.ParseInt(s, 10, 32)
	return int(n), err
}
