package docspacetest

import (
	"net/http"
	"reflect"
	"testing"
)

// POST /api/2.0/files/rooms: numeric or named roomType, increasing ids.
func TestCreateRoom(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	tests := []struct {
		name     string
		body     any
		wantType int
		wantID   int
	}{
		{"numeric roomType", map[string]any{"title": "Audit", "roomType": 5}, 5, firstRoomID},
		{"roomType as enum name", map[string]any{"title": "Public", "roomType": "PublicRoom"}, 6, firstRoomID + 1},
		{"roomType name case-insensitive", map[string]any{"Title": "Forms", "RoomType": "fillingformsroom"}, 1, firstRoomID + 2},
	}
	for _, tc := range tests {
		r := call(t, srv, http.MethodPost, "/api/2.0/files/rooms", tc.body).mustStatus(http.StatusOK)
		room := r.response()
		if num(room["id"]) != tc.wantID || num(room["roomType"]) != tc.wantType || num(room["rootFolderType"]) != 14 {
			t.Errorf("%s: got %v", tc.name, room)
		}
		if _, ok := srv.Room(tc.wantID); !ok {
			t.Errorf("%s: room not stored", tc.name)
		}
	}
	if got := len(srv.Links(firstRoomID + 1)); got != 1 {
		t.Errorf("API.md §6 Public room created through the API has %d links, want its primary", got)
	}

	bad := []struct {
		name string
		body any
		want int
	}{
		{"unknown roomType number", map[string]any{"title": "x", "roomType": 3}, 400},
		{"unknown roomType name", map[string]any{"title": "x", "roomType": "Bogus"}, 400},
		{"missing title", map[string]any{"roomType": 5}, 400},
		{"empty body", "", 400},
	}
	for _, tc := range bad {
		if r := call(t, srv, http.MethodPost, "/api/2.0/files/rooms", tc.body); r.status != tc.want {
			t.Errorf("%s: status %d, want %d (%s)", tc.name, r.status, tc.want, r.raw)
		}
	}
}

// GET /api/2.0/files/rooms/{id}: room DTO with shareSettings and availableShareRights (API.md §4.4–§4.6).
func TestGetRoom(t *testing.T) {
	t.Parallel()
	extRights := []any{"Editing", "FillForms", "Review", "Comment", "Read", "None"}
	tests := []struct {
		roomType       RoomType
		folderType     int
		shareSettings  map[string]any // nil: omitted
		rightsByKind   map[string][]any
		noExternalKind bool
	}{
		{RoomCustom, 19, map[string]any{"PrimaryExternalLink": 1.0, "ExternalLink": 5.0}, map[string][]any{
			"ExternalLink": extRights, "PrimaryExternalLink": extRights,
			"InvitationLink": {"ContentCreator", "Editing", "Review", "Comment", "Read", "None"},
		}, false},
		{RoomPublic, 22, map[string]any{"PrimaryExternalLink": 1.0, "ExternalLink": 5.0}, map[string][]any{
			"ExternalLink": extRights, "InvitationLink": {"ContentCreator", "Read", "None"},
		}, false},
		{RoomFillingForms, 15, map[string]any{"PrimaryExternalLink": 1.0, "ExternalLink": 0.0}, map[string][]any{
			"ExternalLink": {"FillForms", "Read", "None"}, "InvitationLink": {"ContentCreator", "FillForms", "None"},
		}, false},
		{RoomEditing, 16, nil, map[string][]any{"InvitationLink": {"ContentCreator", "Editing", "Read", "None"}}, true},
		{RoomVirtualData, 29, nil, map[string][]any{"InvitationLink": {"ContentCreator", "Editing", "FillForms", "Read", "None"}}, true},
		{RoomAI, 31, nil, map[string][]any{"InvitationLink": {"ContentCreator", "Read", "None"}}, true},
	}
	for _, tc := range tests {
		t.Run("API.md §4.4 "+tc.roomType.String(), func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t)
			room := srv.CreateRoom("Audit", tc.roomType)
			r := call(t, srv, http.MethodGet, roomPath(room.ID), nil).mustStatus(http.StatusOK)
			dto := r.response()
			if num(dto["id"]) != room.ID || dto["title"] != "Audit" || num(dto["roomType"]) != int(tc.roomType) ||
				num(dto["type"]) != tc.folderType || dto["created"] != "2026-06-01T15:00:00.0000000+03:00" {
				t.Errorf("room = %v", dto)
			}
			got, has := dto["shareSettings"]
			if tc.shareSettings == nil && has || tc.shareSettings != nil && !reflect.DeepEqual(got, tc.shareSettings) {
				t.Errorf("API.md §4.6 shareSettings = %v, want %v", got, tc.shareSettings)
			}
			rights := dto["availableShareRights"].(map[string]any)
			for kind, want := range tc.rightsByKind {
				if !reflect.DeepEqual(rights[kind], want) {
					t.Errorf("API.md §4.5 availableShareRights[%s] = %v, want %v", kind, rights[kind], want)
				}
			}
			if _, has := rights["ExternalLink"]; has == tc.noExternalKind {
				t.Errorf("API.md §4.5 ExternalLink rights present = %v", has)
			}
			assertNoNulls(t, "room", r.body)
		})
	}
}

// DELETE /api/2.0/files/rooms/{id}: the room and its links are gone.
func TestDeleteRoom(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("r", RoomPublic)
	r := call(t, srv, http.MethodDelete, roomPath(room.ID), nil).mustStatus(http.StatusOK)
	if op := r.response(); op["finished"] != true || num(r.body["count"]) != 1 {
		t.Errorf("delete answered %s", r.raw)
	}
	if _, ok := srv.Room(room.ID); ok || srv.Links(room.ID) != nil {
		t.Errorf("room or links survived")
	}
	call(t, srv, http.MethodGet, roomPath(room.ID), nil).expectError(http.StatusNotFound, "Item not found")
	listLinks(t, srv, room.ID, "").expectError(http.StatusNotFound, "Item not found")
}

// Routing: unknown paths and methods.
func TestRouting(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("r", RoomCustom)
	tests := []struct {
		name   string
		method string
		path   string
		opts   []reqOption
		want   int
	}{
		{"unknown path is 404", http.MethodGet, "/api/2.0/nothing", nil, 404},
		{"unknown path is 404 before auth", http.MethodGet, "/api/2.0/nothing", []reqOption{noAuth()}, 404},
		{"API.md §1 no POST on links", http.MethodPost, linksPath(room.ID), nil, 405},
		{"API.md §1 no DELETE on links", http.MethodDelete, linksPath(room.ID), nil, 405},
		{"routes are case-insensitive", http.MethodGet, "/API/2.0/Files/Rooms/" + itoa(room.ID) + "/Links", nil, 200},
		{"a trailing slash is fine", http.MethodGet, linksPath(room.ID) + "/", nil, 200},
		{"API.md §9 authentication needs no token", http.MethodPost, "/api/2.0/authentication", []reqOption{noAuth()}, 401},
	}
	for _, tc := range tests {
		body := any(nil)
		if tc.method == http.MethodPost {
			body = map[string]any{"userName": "x", "password": "y"}
		}
		if r := call(t, srv, tc.method, tc.path, body, tc.opts...); r.status != tc.want {
			t.Errorf("%s: status %d, want %d", tc.name, r.status, tc.want)
		}
	}
}

// API.md §8.4: a path no route matches ends in routing: 404, empty body.
func TestUnmatchedRoute(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	for _, path := range []string{"/api/2.0/files/roomz/1/links", "/api/2.0/files/rooms/1/links/extra", "/nothing"} {
		r := call(t, srv, http.MethodGet, path, nil)
		if r.status != http.StatusNotFound || len(r.raw) != 0 {
			t.Errorf("GET %s: %d %q, want 404 and no body", path, r.status, r.raw)
		}
	}
}
