package docspace

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// FolderType is DocSpace's FolderType (API.md §4.4, §13.8): what a folder
// is, and, as an entry's rootFolderType, which section holds it.
type FolderType int

// The folder types the client tells apart.
const (
	FolderTypeTrash            FolderType = 3
	FolderTypeUser             FolderType = 5 // My Documents
	FolderTypeShare            FolderType = 6 // shared with me: another user's My Documents
	FolderTypeVirtualRooms     FolderType = 14
	FolderTypeFillingFormsRoom FolderType = 15
	FolderTypeEditingRoom      FolderType = 16
	FolderTypeCustomRoom       FolderType = 19
	FolderTypeArchive          FolderType = 20
	FolderTypePublicRoom       FolderType = 22
	FolderTypeVirtualDataRoom  FolderType = 29
	FolderTypeRoomTemplates    FolderType = 30
	FolderTypeAiRoom           FolderType = 31
	FolderTypeAiAgents         FolderType = 34
)

// RoomType is the room type of a room's folder type, and whether it is one
// (API.md §4.4).
func (f FolderType) RoomType() (RoomType, bool) {
	switch f {
	case FolderTypeFillingFormsRoom:
		return RoomTypeFillingForms, true
	case FolderTypeEditingRoom:
		return RoomTypeEditing, true
	case FolderTypeCustomRoom:
		return RoomTypeCustom, true
	case FolderTypePublicRoom:
		return RoomTypePublic, true
	case FolderTypeVirtualDataRoom:
		return RoomTypeVirtualData, true
	case FolderTypeAiRoom:
		return RoomTypeAI, true
	}
	return 0, false
}

// File is what the provider needs to know of a file (FileDto, API.md §13.8).
type File struct {
	ID       string
	Title    string
	FolderID string
	// Ext is the extension as the server reports it, with its dot (".docx").
	Ext    string
	IsForm bool
	// RootFolderType is the section that holds the file: My Documents (5),
	// rooms (14), AI agents (34), trash, archive, or 6 for another user's
	// documents.
	RootFolderType FolderType
	// ParentRoomType is the folder type of the room that holds the file,
	// where the server reports it (always from 3.7.1, API.md §13.8).
	ParentRoomType *FolderType
	// CanShare, Security, AvailableShareRights and ShareSettings are what
	// the server tells the token's user about managing the file's links
	// (API.md §13.6).
	CanShare             *bool
	Security             map[string]bool
	AvailableShareRights map[string][]string
	ShareSettings        map[string]int
}

// Folder is what the provider needs to know of a folder (FolderDto, API.md
// §13.8). A room is a folder too: then RoomType is set.
type Folder struct {
	ID             string
	Title          string
	ParentID       string
	RootFolderType FolderType
	ParentRoomType *FolderType
	// RoomType is the room's type when the folder is a room, else zero.
	RoomType             RoomType
	FilesCount           int
	FoldersCount         int
	CanShare             *bool
	Security             map[string]bool
	AvailableShareRights map[string][]string
	ShareSettings        map[string]int
}

// IsRoom reports whether the folder is a room.
func (f Folder) IsRoom() bool { return f.RoomType != 0 }

// entryDTO is the part of FileDto and FolderDto the client reads.
type entryDTO struct {
	ID                   json.RawMessage     `json:"id"`
	Title                string              `json:"title"`
	FolderID             json.RawMessage     `json:"folderId"`
	ParentID             json.RawMessage     `json:"parentId"`
	FileExst             string              `json:"fileExst"`
	IsForm               *bool               `json:"isForm"`
	RootFolderType       FolderType          `json:"rootFolderType"`
	ParentRoomType       *FolderType         `json:"parentRoomType"`
	RoomType             *RoomType           `json:"roomType"`
	FilesCount           int                 `json:"filesCount"`
	FoldersCount         int                 `json:"foldersCount"`
	CanShare             *bool               `json:"canShare"`
	Security             map[string]bool     `json:"security"`
	AvailableShareRights map[string][]string `json:"availableShareRights"`
	ShareSettings        map[string]int      `json:"shareSettings"`
}

// rawID reads an id the server writes as a number (native storage) or a
// string (third-party storage).
func rawID(raw json.RawMessage) string {
	s := strings.TrimSpace(string(raw))
	if s == "null" {
		return ""
	}
	return strings.Trim(s, `"`)
}

func (d entryDTO) toFile() File {
	return File{
		ID: rawID(d.ID), Title: d.Title, FolderID: rawID(d.FolderID), Ext: d.FileExst, IsForm: d.IsForm != nil && *d.IsForm,
		RootFolderType: d.RootFolderType, ParentRoomType: d.ParentRoomType,
		CanShare: d.CanShare, Security: d.Security, AvailableShareRights: d.AvailableShareRights, ShareSettings: d.ShareSettings,
	}
}

func (d entryDTO) toFolder() Folder {
	f := Folder{
		ID: rawID(d.ID), Title: d.Title, ParentID: rawID(d.ParentID), RootFolderType: d.RootFolderType, ParentRoomType: d.ParentRoomType,
		FilesCount: d.FilesCount, FoldersCount: d.FoldersCount,
		CanShare: d.CanShare, Security: d.Security, AvailableShareRights: d.AvailableShareRights, ShareSettings: d.ShareSettings,
	}
	if d.RoomType != nil {
		f.RoomType = *d.RoomType
	}
	return f
}

// MyDocuments names the token's user's My Documents where a folder id is
// expected (ListFolder, CreateFile, CreateFolder; API.md §13.8).
const MyDocuments = "@my"

// folderPath builds /api/2.0/files/{id}{suffix} for a folder id or
// MyDocuments, escaping the id even though it was validated.
func folderPath(id, suffix string) (string, error) {
	if id == MyDocuments {
		return "/api/2.0/files/@my" + suffix, nil
	}
	if err := TargetFolder.ValidateID(id); err != nil {
		return "", err
	}
	return "/api/2.0/files/" + url.PathEscape(id) + suffix, nil
}

// getEntry reads a file or folder; no payload is DocSpace's way of saying
// none.
func (c *Client) getEntry(ctx context.Context, path string) (entryDTO, error) {
	var dto entryDTO
	present, err := c.do(ctx, http.MethodGet, path, nil, nil, &dto)
	if err != nil {
		return entryDTO{}, err
	}
	if !present {
		return entryDTO{}, &Error{Method: http.MethodGet, Path: path, StatusCode: http.StatusNotFound, Message: "Item not found", Envelope: true}
	}
	return dto, nil
}

// GetFile reads a file (GET /api/2.0/files/file/{id}, API.md §13.8).
func (c *Client) GetFile(ctx context.Context, id string) (File, error) {
	path, err := FileTarget(id).path("")
	if err != nil {
		return File{}, err
	}
	dto, err := c.getEntry(ctx, path)
	return dto.toFile(), err
}

// GetFolder reads a folder or room (GET /api/2.0/files/folder/{id}, API.md
// §13.8).
func (c *Client) GetFolder(ctx context.Context, id string) (Folder, error) {
	path, err := FolderTarget(id).path("")
	if err != nil {
		return Folder{}, err
	}
	dto, err := c.getEntry(ctx, path)
	return dto.toFolder(), err
}

// FolderContents is what a folder or room holds directly.
type FolderContents struct {
	Current Folder
	Files   []File
	Folders []Folder
}

// FilesTitled returns the files whose title is exactly title (the server's
// filter matches substrings, without regard to case).
func (c FolderContents) FilesTitled(title string) []File {
	var out []File
	for _, f := range c.Files {
		if f.Title == title {
			out = append(out, f)
		}
	}
	return out
}

// FoldersTitled returns the folders whose title is exactly title.
func (c FolderContents) FoldersTitled(title string) []Folder {
	var out []Folder
	for _, f := range c.Folders {
		if f.Title == title {
			out = append(out, f)
		}
	}
	return out
}

// folderContentsDTO is FolderContentDto (API.md §13.8).
type folderContentsDTO struct {
	Files   []entryDTO `json:"files"`
	Folders []entryDTO `json:"folders"`
	Current *entryDTO  `json:"current"`
	Total   *int       `json:"total"`
}

// FolderPageSize is how many entries ListFolder asks for per page.
const FolderPageSize = 100

// maxFolderPages bounds a folder listing (100 000 entries).
const maxFolderPages = 1000

// ListFolder returns the files and folders directly inside a folder or room
// (or MyDocuments) whose titles contain filter, as the server matches it,
// all of them when filter is empty: GET /api/2.0/files/{id} page by page
// (startIndex, count, total; API.md §13.8), without subfolders. The server
// may also match a filter against file contents; callers compare titles
// themselves.
func (c *Client) ListFolder(ctx context.Context, folderID, filter string) (FolderContents, error) {
	path, err := folderPath(folderID, "")
	if err != nil {
		return FolderContents{}, err
	}
	var out FolderContents
	seen := map[string]bool{}
	start := 0
	for page := 0; page < maxFolderPages; page++ {
		query := url.Values{}
		if filter != "" {
			query.Set("filterValue", filter)
		}
		query.Set("withSubFolders", "false")
		query.Set("startIndex", strconv.Itoa(start))
		query.Set("count", strconv.Itoa(FolderPageSize))
		var content folderContentsDTO
		present, err := c.do(ctx, http.MethodGet, path, query, nil, &content)
		if err != nil {
			return FolderContents{}, err
		}
		if !present {
			return FolderContents{}, &Error{Method: http.MethodGet, Path: path, StatusCode: http.StatusOK, Message: "DocSpace returned no folder contents"}
		}
		if content.Current != nil && page == 0 {
			out.Current = content.Current.toFolder()
		}
		added := 0
		for _, d := range content.Folders {
			f := d.toFolder()
			if key := "d" + f.ID; f.ID != "" && !seen[key] {
				seen[key] = true
				out.Folders = append(out.Folders, f)
				added++
			}
		}
		for _, d := range content.Files {
			f := d.toFile()
			if key := "f" + f.ID; f.ID != "" && !seen[key] {
				seen[key] = true
				out.Files = append(out.Files, f)
				added++
			}
		}
		n := len(content.Files) + len(content.Folders)
		start += n
		switch {
		case added == 0:
			return out, nil
		case content.Total != nil && start >= *content.Total:
			return out, nil
		case content.Total == nil && n < FolderPageSize:
			return out, nil
		}
	}
	return FolderContents{}, &Error{Method: http.MethodGet, Path: path, StatusCode: http.StatusOK,
		Message: "DocSpace kept listing the folder beyond " + strconv.Itoa(maxFolderPages*FolderPageSize) + " entries; narrow the filter"}
}

// CreateFile creates an empty file in a folder, a room or MyDocuments (POST
// /api/2.0/files/{folderId}/file, API.md §13.8). The server normalises the
// title's extension (an unknown one gets ".docx" appended). The provider
// does not manage files; tests and the demo use this to set the scene.
func (c *Client) CreateFile(ctx context.Context, folderID, title string) (File, error) {
	path, err := folderPath(folderID, "/file")
	if err != nil {
		return File{}, err
	}
	var dto entryDTO
	if _, err := c.do(ctx, http.MethodPost, path, nil, map[string]any{"title": title}, &dto); err != nil {
		return File{}, err
	}
	return dto.toFile(), nil
}

// CreateFolder creates a folder in a folder or room (POST
// /api/2.0/files/folder/{parentId}, API.md §13.8). For tests and the demo.
func (c *Client) CreateFolder(ctx context.Context, parentID, title string) (Folder, error) {
	path, err := FolderTarget(parentID).path("")
	if err != nil {
		return Folder{}, err
	}
	var dto entryDTO
	if _, err := c.do(ctx, http.MethodPost, path, nil, map[string]any{"title": title}, &dto); err != nil {
		return Folder{}, err
	}
	return dto.toFolder(), nil
}

// DeleteFile deletes a file at once, without the trash (DELETE
// /api/2.0/files/file/{id}, API.md §13.8); its links stop working. The
// server runs the delete as a file operation and answers before it ends.
func (c *Client) DeleteFile(ctx context.Context, id string) error {
	path, err := FileTarget(id).path("")
	if err != nil {
		return err
	}
	_, err = c.do(ctx, http.MethodDelete, path, nil, map[string]any{"deleteAfter": false, "immediately": true}, nil)
	return err
}

// DeleteFolder deletes a folder at once, without the trash (DELETE
// /api/2.0/files/folder/{id}, API.md §13.8), like DeleteFile.
func (c *Client) DeleteFolder(ctx context.Context, id string) error {
	path, err := FolderTarget(id).path("")
	if err != nil {
		return err
	}
	_, err = c.do(ctx, http.MethodDelete, path, nil, map[string]any{"deleteAfter": false, "immediately": true}, nil)
	return err
}
