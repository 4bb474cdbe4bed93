package docspacetest

import (
	"net/http"
	"testing"
)

// API.md §6: Public and Form rooms get their primary link at creation.
func TestPrimaryLinkAtRoomCreation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		roomType   RoomType
		wantLinks  int
		wantAccess int
		wantTitle  string
	}{
		{"API.md §6 Public room: Read, Shared link", RoomPublic, 1, 2, "Shared link"},
		{"API.md §6 Form-filling room: FillForms, Link to fill out", RoomFillingForms, 1, 7, "Link to fill out"},
		{"API.md §6 Custom room has no primary until asked", RoomCustom, 0, 0, ""},
		{"API.md §6 Editing room has none", RoomEditing, 0, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t)
			room := srv.CreateRoom("r", tc.roomType)
			links := listLinks(t, srv, room.ID, "").mustStatus(http.StatusOK).list()
			if len(links) != tc.wantLinks {
				t.Fatalf("links = %d, want %d", len(links), tc.wantLinks)
			}
			if tc.wantLinks == 0 {
				return
			}
			dto, link := links[0], sharedLink(links[0])
			if num(dto["access"]) != tc.wantAccess || link["title"] != tc.wantTitle || link["primary"] != true ||
				num(dto["subjectType"]) != 4 || num(link["linkType"]) != 1 || link["requestToken"] == nil {
				t.Errorf("primary = %v", dto)
			}
		})
	}
}

// API.md §6: revoking the primary link of Public/Form rooms regenerates it.
func TestRevokePrimaryLink(t *testing.T) {
	t.Parallel()
	for _, rt := range []RoomType{RoomPublic, RoomFillingForms} {
		t.Run("API.md §6 revoke in "+rt.String(), func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t)
			room := srv.CreateRoom("r", rt)
			old := srv.Links(room.ID)[0]
			wantAccess, wantTitle := primaryDefaults(rt)
			// Customise the primary first; the regenerated one has defaults.
			putLink(t, srv, room.ID, map[string]any{"linkId": old.ID, "linkType": 1, "access": 2, "title": "Custom"}).mustStatus(http.StatusOK)

			r := putLink(t, srv, room.ID, map[string]any{"linkId": old.ID, "linkType": 1, "access": 0}).mustStatus(http.StatusOK)
			dto, link := r.response(), r.link()
			if link["id"] == old.ID || link["shareLink"] == old.ShareLink || link["primary"] != true {
				t.Errorf("not a new primary: %v", link)
			}
			if _, has := link["requestToken"]; has {
				t.Errorf("API.md §6 revoke answer must omit requestToken")
			}
			if num(dto["access"]) != wantAccess || link["title"] != wantTitle || link["internal"] != false {
				t.Errorf("defaults wrong: %v", dto)
			}
			if dto["canRevoke"] != true {
				t.Errorf("API.md §3.2 canRevoke = %v", dto["canRevoke"])
			}
			listed := listLinks(t, srv, room.ID, "").list()
			if len(listed) != 1 || sharedLink(listed[0])["id"] != link["id"] || sharedLink(listed[0])["requestToken"] == nil {
				t.Errorf("after revoke the list is %v", listed)
			}
		})
	}

	t.Run("API.md §6 Form revoke takes the portal default for internal", func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t)
		room := srv.CreateRoom("r", RoomFillingForms)
		srv.SetDefaultInternal(true)
		old := srv.Links(room.ID)[0]
		if got := putLink(t, srv, room.ID, map[string]any{"linkId": old.ID, "linkType": 1, "access": 0}).mustStatus(http.StatusOK).link()["internal"]; got != true {
			t.Errorf("internal = %v", got)
		}
	})

	t.Run("API.md §6 Custom primary delete is a plain delete; GET link recreates it", func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t)
		room := srv.CreateRoom("r", RoomCustom)
		first := call(t, srv, http.MethodGet, primaryPath(room.ID), nil).mustStatus(http.StatusOK).link()["id"]
		r := putLink(t, srv, room.ID, map[string]any{"linkId": first, "linkType": 1, "access": 0}).mustStatus(http.StatusOK)
		if _, has := r.body["response"]; has || len(srv.Links(room.ID)) != 0 {
			t.Fatalf("not a plain delete: %s", r.raw)
		}
		second := call(t, srv, http.MethodGet, primaryPath(room.ID), nil).mustStatus(http.StatusOK).link()["id"]
		if second == first {
			t.Errorf("API.md §12.4 recreated primary reuses the old id")
		}
	})
}

// API.md §7.4: GET rooms/{id}/link.
func TestGetPrimaryLink(t *testing.T) {
	t.Parallel()
	const roleMsg = "The role is not available for this user type"
	tests := []struct {
		name       string
		roomType   RoomType
		wantStatus int
		wantMsg    string
	}{
		{"API.md §7.4 Custom room: created on first call", RoomCustom, 200, ""},
		{"API.md §7.4 Public room: the existing primary", RoomPublic, 200, ""},
		{"API.md §7.4 Form-filling room: the existing primary", RoomFillingForms, 200, ""},
		{"API.md §7.4 Editing room: role not available", RoomEditing, 403, roleMsg},
		{"API.md §7.4 VDR: role not available", RoomVirtualData, 403, roleMsg},
		{"API.md §7.4 AI room: role not available", RoomAI, 403, roleMsg},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t)
			room := srv.CreateRoom("r", tc.roomType)
			r := call(t, srv, http.MethodGet, primaryPath(room.ID), nil)
			if tc.wantStatus != 200 {
				r.expectError(tc.wantStatus, tc.wantMsg)
				return
			}
			dto := r.mustStatus(http.StatusOK).response()
			link := sharedLink(dto)
			if num(dto["subjectType"]) != 4 || link["primary"] != true || link["requestToken"] == nil {
				t.Errorf("not a primary link: %v", dto)
			}
			again := call(t, srv, http.MethodGet, primaryPath(room.ID), nil).mustStatus(http.StatusOK).link()
			if again["id"] != link["id"] || len(srv.Links(room.ID)) != 1 {
				t.Errorf("a second call created another primary")
			}
		})
	}

	t.Run("API.md §6 Custom primary defaults: Read, Shared link, portal default internal", func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t)
		srv.SetDefaultInternal(true)
		room := srv.CreateRoom("r", RoomCustom)
		r := call(t, srv, http.MethodGet, primaryPath(room.ID), nil).mustStatus(http.StatusOK)
		if link := r.link(); num(r.response()["access"]) != 2 || link["title"] != "Shared link" || link["internal"] != true {
			t.Errorf("got %s", r.raw)
		}
	})
	t.Run("API.md §2 a primary link cannot be created through PUT", func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t)
		room := srv.CreateRoom("r", RoomCustom)
		r := putLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 2, "primary": true}).mustStatus(http.StatusOK)
		if num(r.response()["subjectType"]) != 1 {
			t.Errorf("subjectType = %v", r.response()["subjectType"])
		}
	})
}
