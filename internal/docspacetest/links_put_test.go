package docspacetest

import (
	"net/http"
	"testing"
)

// API.md §2, §6: create, update (full replacement), delete through one PUT.
func TestPutLinkLifecycle(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("Audit", RoomCustom)

	created := putLink(t, srv, room.ID, map[string]any{
		"linkType": 1, "access": 2, "title": "Auditors", "password": "Audit2026pass",
		"denyDownload": true, "expirationDate": "2026-12-31T23:59:59Z",
	})
	created.mustStatus(http.StatusOK) // API.md §1 never 201
	id := created.link()["id"].(string)

	t.Run("API.md §2 update is a full replacement", func(t *testing.T) {
		got := putLink(t, srv, room.ID, map[string]any{"linkId": id, "linkType": 1, "access": 10}).mustStatus(http.StatusOK)
		link := got.link()
		if num(got.response()["access"]) != 10 || link["title"] != "Shared link" || link["denyDownload"] != false {
			t.Errorf("options not reset: %v", got.response())
		}
		for _, k := range []string{"password", "expirationDate"} {
			if _, ok := link[k]; ok {
				t.Errorf("%s survived a full replacement: %v", k, link[k])
			}
		}
		if link["id"] != id {
			t.Errorf("id changed to %v", link["id"])
		}
	})

	t.Run("API.md §6 delete answers without response and removes the link", func(t *testing.T) {
		r := putLink(t, srv, room.ID, map[string]any{"linkId": id, "linkType": 1, "access": 0}).mustStatus(http.StatusOK)
		if _, ok := r.body["response"]; ok || num(r.body["count"]) != 0 {
			t.Errorf("delete answered %s", r.raw)
		}
		if _, ok := srv.Link(room.ID, id); ok {
			t.Errorf("link still stored")
		}
	})
}

// API.md §2, §6: how linkId selects create, create-with-id, update and delete.
func TestPutLinkIDSemantics(t *testing.T) {
	t.Parallel()
	const chosen = "3F6C2A9E-8D41-4B7A-9C05-1E2D7F4A6B90"
	tests := []struct {
		name    string
		body    map[string]any
		wantID  string // "" for "a fresh GUID"
		wantNew bool
	}{
		{"API.md §6 no linkId creates with a server GUID", map[string]any{"linkType": 1, "access": 2}, "", true},
		{"API.md §2 empty GUID creates with a server GUID", map[string]any{"linkType": 1, "access": 2, "linkId": emptyGUID}, "", true},
		{"API.md §6 unknown linkId creates with exactly that id, lower-cased", map[string]any{"linkType": 1, "access": 2, "linkId": chosen}, "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t)
			room := srv.CreateRoom("Audit", RoomCustom)
			id := putLink(t, srv, room.ID, tc.body).mustStatus(http.StatusOK).link()["id"].(string)
			if tc.wantID != "" && id != tc.wantID {
				t.Errorf("id = %s, want %s", id, tc.wantID)
			}
			if tc.wantID == "" && (id == emptyGUID || !guidPattern.MatchString(id)) {
				t.Errorf("id = %s, want a fresh lower-case GUID", id)
			}
			if got := len(srv.Links(room.ID)); got != 1 {
				t.Errorf("stored links = %d, want 1", got)
			}
		})
	}
}

// API.md §2: the kind of an existing link never changes, whatever linkType says.
func TestPutLinkKeepsKind(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("Audit", RoomCustom)
	inv := createLink(t, srv, room.ID, map[string]any{"linkType": 0, "access": 2})
	ext := createLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 2})

	tests := []struct {
		name        string
		body        map[string]any
		wantSubject int
		wantType    int
	}{
		{"API.md §2 invitation updated with linkType 1 stays invitation", map[string]any{"linkId": inv, "linkType": 1, "access": 10}, 3, 0},
		{"API.md §2 external updated with linkType 0 stays external", map[string]any{"linkId": ext, "linkType": 0, "access": 10}, 1, 1},
	}
	for _, tc := range tests {
		r := putLink(t, srv, room.ID, tc.body).mustStatus(http.StatusOK)
		if num(r.response()["subjectType"]) != tc.wantSubject || num(r.link()["linkType"]) != tc.wantType {
			t.Errorf("%s: got %s", tc.name, r.raw)
		}
	}
}

// API.md §2: the body binder – enum names, case-insensitive names, unknown properties.
func TestPutLinkBinding(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		body       string
		wantAccess int // 0: nothing created
	}{
		{"API.md §2 access as exact enum name", `{"linkType":1,"access":"Read"}`, 2},
		{"API.md §2 access enum name Editing", `{"linkType":1,"access":"Editing"}`, 10},
		{"API.md §2 access in another case is coerced to 0 (delete)", `{"linkType":1,"access":"read"}`, 0},
		{"API.md §12.6 access as a numeric string is read as the number", `{"linkType":1,"access":"2"}`, 2},
		{"API.md §2 omitted access means 0 (delete)", `{"linkType":1}`, 0},
		{"API.md §2 property names match case-insensitively", `{"LinkType":1,"ACCESS":6}`, 6},
		{"API.md §2 unknown properties are ignored", `{"linkType":1,"access":5,"primary":true,"disabled":true,"whatever":{"a":[1]}}`, 5},
		{"API.md §2 last duplicate property wins", `{"linkType":1,"access":2,"Access":7}`, 7},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t)
			room := srv.CreateRoom("Audit", RoomCustom)
			r := putLink(t, srv, room.ID, tc.body).mustStatus(http.StatusOK)
			if tc.wantAccess == 0 {
				if _, ok := r.body["response"]; ok || len(srv.Links(room.ID)) != 0 {
					t.Fatalf("expected nothing created, got %s", r.raw)
				}
				return
			}
			if got := num(r.response()["access"]); got != tc.wantAccess {
				t.Errorf("access = %d, want %d", got, tc.wantAccess)
			}
			if r.link()["primary"] != false {
				t.Errorf("API.md §2 PUT never creates a primary link")
			}
		})
	}

	t.Run("API.md §2 an unrecognised access string on an existing link deletes it", func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t)
		room := srv.CreateRoom("Audit", RoomCustom)
		id := createLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 2})
		putLink(t, srv, room.ID, map[string]any{"linkId": id, "linkType": 1, "access": "Viewer"}).mustStatus(http.StatusOK)
		if _, ok := srv.Link(room.ID, id); ok {
			t.Errorf("link survived")
		}
	})
}

// API.md §5.7, §8.2: linkType outside {0,1}, checked before the room is looked up.
func TestPutLinkBadLinkType(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("Audit", RoomCustom)
	const msg = "Operation is not valid due to the current state of the object."
	for _, tc := range []struct {
		name   string
		roomID int
		body   map[string]any
	}{
		{"API.md §5.7 linkType 2", room.ID, map[string]any{"linkType": 2, "access": 2}},
		{"API.md §5.7 linkType -1", room.ID, map[string]any{"linkType": -1, "access": 2}},
		{"API.md §5.7 linkType is checked before the room exists", 999999, map[string]any{"linkType": 7, "access": 2}},
	} {
		r := putLink(t, srv, tc.roomID, tc.body)
		if r.status != http.StatusForbidden || r.errorMessage() != msg {
			t.Errorf("%s: got %d %s", tc.name, r.status, r.raw)
		}
	}
}

// API.md §7.3, §8.2: unknown or non-numeric rooms are 404 on every links endpoint.
func TestUnknownRoomIsNotFound(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	tests := []struct {
		name   string
		method string
		path   string
		body   any
	}{
		{"API.md §8.2 PUT links", http.MethodPut, linksPath(999999), map[string]any{"linkType": 1, "access": 2}},
		{"API.md §8.2 PUT invitation link", http.MethodPut, linksPath(999999), map[string]any{"linkType": 0, "access": 2}},
		{"API.md §7.3 GET links", http.MethodGet, linksPath(999999), nil},
		{"API.md §7.4 GET link", http.MethodGet, primaryPath(999999), nil},
		{"API.md §1 non-integer id", http.MethodGet, "/api/2.0/files/rooms/abc/links", nil},
		{"API.md §4.4 GET room", http.MethodGet, roomPath(999999), nil},
		{"DELETE room", http.MethodDelete, roomPath(999999), nil},
	}
	for _, tc := range tests {
		r := call(t, srv, tc.method, tc.path, tc.body)
		r.expectError(http.StatusNotFound, "Item not found")
		if e := r.body["error"].(map[string]any); e["type"] != "ASC.Common.Web.ItemNotFoundException" {
			t.Errorf("%s: type = %v", tc.name, e["type"])
		}
	}
}

// API.md §2: the FileShare converter turns every scalar it cannot read into
// None, which deletes; numbers in strings are read for plain number fields.
func TestLenientBinding(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{"null", "true", "false", "2.5", "99999999999", `"2.0"`, `"read"`, `"Nonsense"`} {
		t.Run("access "+raw+" deletes", func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t)
			room := srv.CreateRoom("Audit", RoomCustom)
			id := newGUID()
			putLink(t, srv, room.ID, map[string]any{"linkId": id, "linkType": 1, "access": 2}).mustStatus(http.StatusOK)
			r := putLink(t, srv, room.ID, `{"linkId":"`+id+`","linkType":1,"access":`+raw+`}`).mustStatus(http.StatusOK)
			if _, ok := r.body["response"]; ok || r.body["count"] != float64(0) {
				t.Errorf("answer %s, want the delete envelope", r.raw)
			}
			if n := len(srv.Links(room.ID)); n != 0 {
				t.Errorf("room still holds %d links", n)
			}
		})
	}
	for _, raw := range []string{`"Read"`, `"2"`, `" 2 "`} {
		t.Run("access "+raw+" is Read", func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t)
			room := srv.CreateRoom("Audit", RoomCustom)
			r := putLink(t, srv, room.ID, `{"linkType":1,"access":`+raw+`}`).mustStatus(http.StatusOK)
			if r.response()["access"] != float64(2) {
				t.Errorf("access = %v, want 2", r.response()["access"])
			}
		})
	}
	t.Run(`maxUseCount "5" and currentUseCount "0" are numbers`, func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t)
		room := srv.CreateRoom("Audit", RoomCustom)
		r := putLink(t, srv, room.ID, `{"linkType":0,"access":2,"maxUseCount":"5","currentUseCount":"0"}`).mustStatus(http.StatusOK)
		if got := r.link()["maxUseCount"]; got != float64(5) {
			t.Errorf("maxUseCount = %v, want 5", got)
		}
	})
	t.Run(`maxUseCount "0" is still out of range`, func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t)
		room := srv.CreateRoom("Audit", RoomCustom)
		putLink(t, srv, room.ID, `{"linkType":0,"access":2,"maxUseCount":"0"}`).expectValidation("RoomLink.MaxUseCount")
	})
}

// SetIgnoreLinkIDs: a create gets an id of the emulator's own, while updates
// and deletes of existing ids still find their link.
func TestPutLinkIgnoringLinkIDs(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	srv.SetIgnoreLinkIDs(true)
	room := srv.CreateRoom("Ignoring", RoomCustom)
	const chosen = "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"
	id := putLink(t, srv, room.ID, map[string]any{"linkId": chosen, "linkType": 1, "access": 2, "title": "a"}).
		mustStatus(http.StatusOK).link()["id"].(string)
	if id == chosen || !guidPattern.MatchString(id) {
		t.Fatalf("id = %s, want a fresh GUID other than %s", id, chosen)
	}
	updated := putLink(t, srv, room.ID, map[string]any{"linkId": id, "linkType": 1, "access": 10, "title": "b"}).
		mustStatus(http.StatusOK).link()
	if updated["id"] != id || updated["title"] != "b" {
		t.Errorf("update answered %v, want link %s titled b", updated, id)
	}
	putLink(t, srv, room.ID, map[string]any{"linkId": id, "linkType": 1, "access": 0}).mustStatus(http.StatusOK)
	if n := len(srv.Links(room.ID)); n != 0 {
		t.Errorf("%d links left after the delete", n)
	}
}
