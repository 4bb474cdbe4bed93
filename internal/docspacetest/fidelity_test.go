package docspacetest

import (
	"net/http"
	"strings"
	"testing"
)

// Behaviours checked against the server's code (API.md §2, §8.4, §9, §10.3):
// each case once looked different in the emulator.

// API.md §9: the scheme prefixes are case-sensitive, and the cookie/token
// handler cuts "Bearer " only when spelled so.
func TestAuthenticationCase(t *testing.T) {
	t.Parallel()
	srv := newEnv(t, WithTokens("personal-token", "sk-apikey"))
	room := srv.CreateRoom("Audit", RoomCustom)
	tests := []struct {
		name   string
		header string
		want   int
	}{
		{"Bearer personal token", "Bearer personal-token", 200},
		{"lower-case bearer personal token", "bearer personal-token", 401},
		{"upper-case BEARER personal token", "BEARER personal-token", 401},
		{"lower-case bearer API key", "bearer sk-apikey", 401},
		{"Bearer API key", "Bearer sk-apikey", 200},
		{"bare token", "personal-token", 200},
		{"bare token with spaces around", "  personal-token  ", 200},
		{"Bearer alone", "Bearer", 401},
	}
	for _, tc := range tests {
		r := listLinks(t, srv, room.ID, "", withHeader("Authorization", tc.header))
		if r.status != tc.want {
			t.Errorf("%s: status %d, want %d", tc.name, r.status, tc.want)
		}
	}
}

// API.md §8.4: a body the JSON formatter does not accept is 415, before the
// body is read and before anything is written.
func TestUnsupportedMediaType(t *testing.T) {
	t.Parallel()
	srv := newEnv(t, WithUser("admin@example.com", "Secret-123"))
	room := srv.CreateRoom("Audit", RoomCustom)
	body := map[string]any{"linkId": newGUID(), "linkType": 1, "access": 2}
	tests := []struct {
		name        string
		contentType string // "-" removes the header
		want        int
	}{
		{"no Content-Type", "-", 415},
		{"text/plain", "text/plain", 415},
		{"form", "application/x-www-form-urlencoded", 415},
		{"unparseable", "json", 415},
		{"application/json", "application/json", 200},
		{"with charset", "application/json; charset=utf-8", 200},
		{"upper case", "Application/JSON", 200},
		{"text/json", "text/json", 200},
		{"a +json type", "application/merge-patch+json", 200},
	}
	for _, tc := range tests {
		opt := withHeader("Content-Type", tc.contentType)
		if tc.contentType == "-" {
			opt = func(r *http.Request) { r.Header.Del("Content-Type") }
		}
		r := putLink(t, srv, room.ID, body, opt)
		if r.status != tc.want {
			t.Errorf("%s: status %d, want %d: %s", tc.name, r.status, tc.want, r.raw)
		}
		if tc.want != 415 {
			continue
		}
		resp := r.response()
		if resp["status"] != float64(415) || resp["title"] != "Unsupported Media Type" {
			t.Errorf("%s: problem = %v", tc.name, resp)
		}
		if r.body["status"] != float64(0) || r.body["statusCode"] != float64(200) {
			t.Errorf("%s: envelope status %v statusCode %v, want 0 and 200 (the filter wraps before the status is set)",
				tc.name, r.body["status"], r.body["statusCode"])
		}
	}
	if n := len(srv.Links(room.ID)); n != 1 {
		t.Errorf("room holds %d links, want the 1 written by the accepted requests (same id)", n)
	}

	noType := func(r *http.Request) { r.Header.Del("Content-Type") }
	t.Run("sign-in", func(t *testing.T) {
		call(t, srv, http.MethodPost, "/api/2.0/authentication",
			map[string]any{"userName": "admin@example.com", "password": "Secret-123"}, noAuth(), noType).mustStatus(415)
	})
	t.Run("room creation", func(t *testing.T) {
		call(t, srv, http.MethodPost, "/api/2.0/files/rooms", map[string]any{"title": "x", "roomType": 5}, noType).mustStatus(415)
	})
	t.Run("authentication comes first", func(t *testing.T) {
		putLink(t, srv, room.ID, body, noType, noAuth()).mustStatus(401)
	})
}

// API.md §10.3: one link id, one short link: across updates, and across a
// delete and a create with the same id; another id, another short link.
func TestShortLinkFollowsLinkID(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("Audit", RoomCustom)
	id := newGUID()
	put := func(access int) string {
		r := putLink(t, srv, room.ID, map[string]any{"linkId": id, "linkType": 1, "access": access}).mustStatus(http.StatusOK)
		if access == 0 {
			return ""
		}
		return r.link()["shareLink"].(string)
	}
	first := put(2)
	if !strings.Contains(first, "/s/") || len(first[strings.LastIndex(first, "/")+1:]) != 15 {
		t.Fatalf("shareLink %q is not a 15-character /s/ link", first)
	}
	if again := put(10); again != first {
		t.Errorf("after an update: %q, want %q", again, first)
	}
	put(0)
	if recreated := put(2); recreated != first {
		t.Errorf("deleted and created with the same id: %q, want %q", recreated, first)
	}
	other := putLink(t, srv, room.ID, map[string]any{"linkId": newGUID(), "linkType": 1, "access": 2}).mustStatus(http.StatusOK)
	if other.link()["shareLink"] == first {
		t.Errorf("another link id has the same short link %q", first)
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
