package docspace

import (
	"context"
	"encoding/json"
	"net/http"
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
		return Room{}, &Error{Method: http.MethodGet, Path: path, StatusCode: http.StatusNotFound, Message: "Item not found"}
	}
	return dto.toRoom(), nil
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
