package docspace

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Room is what the provider needs to know of a room to check a link plan.
type Room struct {
	ID    string
	Title string
	Type  RoomType
	// AvailableShareRights maps a subject type name ("ExternalLink",
	// "InvitationLink", "PrimaryExternalLink") to the FileShare names the
	// room allows, when the server reports them.
	AvailableShareRights map[string][]string
	// ShareSettings maps a subject type name to its link limit, when reported.
	ShareSettings map[string]int
}

type roomDTO struct {
	ID                   json.RawMessage     `json:"id"`
	Title                string              `json:"title"`
	RoomType             *RoomType           `json:"roomType"`
	AvailableShareRights map[string][]string `json:"availableShareRights"`
	ShareSettings        map[string]int      `json:"shareSettings"`
}

func (d roomDTO) toRoom() Room {
	r := Room{
		ID:                   strings.Trim(string(d.ID), `"`),
		Title:                d.Title,
		AvailableShareRights: d.AvailableShareRights,
		ShareSettings:        d.ShareSettings,
	}
	if d.RoomType != nil {
		r.Type = *d.RoomType
	}
	return r
}

// GetRoom reads a room (GET /api/2.0/files/rooms/{id}).
func (c *Client) GetRoom(ctx context.Context, roomID string) (Room, error) {
	path, err := roomPath(roomID, "")
	if err != nil {
		return Room{}, err
	}
	var dto roomDTO
	present, err := c.do(ctx, http.MethodGet, path, nil, nil, &dto)
	if err != nil {
		return Room{}, err
	}
	if !present {
		// DocSpace's envelope without a room: its way of saying none.
		return Room{}, &Error{Method: http.MethodGet, Path: path, StatusCode: http.StatusNotFound, Message: "Item not found", Envelope: true}
	}
	return dto.toRoom(), nil
}

// RoomListPageSize is how many rooms ListRooms asks for per page: the most
// DocSpace's paged endpoints hand out at once (API.md §10.11).
const RoomListPageSize = 100

// maxRoomListPages bounds a listing (100 000 rooms), so that a server that
// keeps handing out new rooms cannot keep the client paging for ever.
const maxRoomListPages = 1000

// folderContentDTO is the part of FolderContentDto, the answer of
// GET /api/2.0/files/rooms, that a room listing needs: the rooms of the page
// under "folders" and the number of rooms matching the filter under "total".
type folderContentDTO struct {
	Folders []roomDTO `json:"folders"`
	Total   *int      `json:"total"`
}

// ListRooms returns the rooms whose title contains filter (all rooms when
// filter is empty), as the server matches it: a substring, without regard to
// case. It asks GET /api/2.0/files/rooms?filterValue=… page by page
// (startIndex, count, API.md §10.11) until it has the "total" the server reports.
// Archived rooms are not listed.
func (c *Client) ListRooms(ctx context.Context, filter string) ([]Room, error) {
	const path = "/api/2.0/files/rooms"
	var rooms []Room
	seen := map[string]bool{}
	start := 0
	for page := 0; page < maxRoomListPages; page++ {
		query := url.Values{}
		if filter != "" {
			query.Set("filterValue", filter)
		}
		query.Set("startIndex", strconv.Itoa(start))
		query.Set("count", strconv.Itoa(RoomListPageSize))
		var content folderContentDTO
		present, err := c.do(ctx, http.MethodGet, path, query, nil, &content)
		if err != nil {
			return nil, err
		}
		if !present {
			return nil, &Error{Method: http.MethodGet, Path: path, StatusCode: http.StatusOK, Message: "DocSpace returned no room list"}
		}
		added := 0
		for _, dto := range content.Folders {
			room := dto.toRoom()
			if room.ID == "" || seen[room.ID] {
				continue
			}
			seen[room.ID] = true
			rooms = append(rooms, room)
			added++
		}
		start += len(content.Folders)
		switch {
		case added == 0:
			// An empty page, or one that only repeats rooms already listed
			// (a server that ignores startIndex): nothing more will come.
			return rooms, nil
		case content.Total != nil && start >= *content.Total:
			return rooms, nil
		case content.Total == nil && len(content.Folders) < RoomListPageSize:
			return rooms, nil
		}
	}
	return nil, &Error{Method: http.MethodGet, Path: path, StatusCode: http.StatusOK,
		Message: "DocSpace kept listing rooms beyond " + strconv.Itoa(maxRoomListPages*RoomListPageSize) + "; narrow the filter"}
}

// CreateRoom creates a room. The provider does not manage rooms; tests and
// the demo use this to set the scene on the emulator or a real portal.
func (c *Client) CreateRoom(ctx context.Context, title string, kind RoomType) (Room, error) {
	var dto roomDTO
	body := map[string]any{"title": title, "roomType": int(kind)}
	if _, err := c.do(ctx, http.MethodPost, "/api/2.0/files/rooms", nil, body, &dto); err != nil {
		return Room{}, err
	}
	return dto.toRoom(), nil
}

// DeleteRoom deletes a room and, with it, its links.
func (c *Client) DeleteRoom(ctx context.Context, roomID string) error {
	path, err := roomPath(roomID, "")
	if err != nil {
		return err
	}
	body := map[string]any{"deleteAfter": false}
	_, err = c.do(ctx, http.MethodDelete, path, nil, body, nil)
	return err
}
