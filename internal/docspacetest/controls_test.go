package docspacetest

import (
	"net/http"
	"strconv"
	"testing"
	"time"
)

func itoa(n int) string { return strconv.Itoa(n) }

// Requests counts by method and path pattern; ResetRequests clears.
func TestRequestCounting(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	a := srv.CreateRoom("a", RoomCustom)
	b := srv.CreateRoom("b", RoomCustom)
	putLink(t, srv, a.ID, map[string]any{"linkType": 1, "access": 2})
	putLink(t, srv, b.ID, map[string]any{"linkType": 1, "access": 2})
	listLinks(t, srv, a.ID, "?type=1")
	listLinks(t, srv, a.ID, "", noAuth()) // 401s count too

	tests := []struct {
		method, pattern string
		want            int
	}{
		{"PUT", "/api/2.0/files/rooms/{id}/links", 2},
		{"GET", "/api/2.0/files/rooms/{id}/links", 2},
		{"", "/api/2.0/files/rooms/{id}/links", 4},
		{"GET", linksPath(a.ID), 2},
		{"PUT", linksPath(b.ID), 1},
		{"GET", "/api/2.0/files/rooms/{id}/link", 0},
		{"get", linksPath(a.ID), 2},
	}
	for _, tc := range tests {
		if got := srv.Requests(tc.method, tc.pattern); got != tc.want {
			t.Errorf("Requests(%q, %q) = %d, want %d", tc.method, tc.pattern, got, tc.want)
		}
	}
	srv.ResetRequests()
	if got := srv.Requests("", "/api/2.0/files/rooms/{id}/links"); got != 0 {
		t.Errorf("after reset: %d", got)
	}
}

// SetLink, Link, Links and DeleteLink work behind the API's back.
func TestLinkControls(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("r", RoomCustom)
	exp := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
	in := Link{ID: "3F6C2A9E-8D41-4B7A-9C05-1E2D7F4A6B90", Title: "Seeded", Access: 10, LinkType: 1,
		Password: "Seeded2026!", Internal: true, Expiration: &exp}
	if err := srv.SetLink(room.ID, in); err != nil {
		t.Fatal(err)
	}
	if err := srv.SetLink(999999, in); err == nil {
		t.Errorf("SetLink on an unknown room must fail")
	}
	got, ok := srv.Link(room.ID, in.ID)
	if !ok || got.ID != "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90" || got.Title != "Seeded" || !got.Expiration.Equal(exp) ||
		got.RequestToken != requestToken(got.ID) || !shareLinkPattern.MatchString(got.ShareLink) {
		t.Fatalf("Link = %+v", got)
	}
	*got.Expiration = time.Time{} // a copy: must not change the stored link
	api := sharedLink(listLinks(t, srv, room.ID, "").mustStatus(http.StatusOK).list()[0])
	if api["expirationDate"] != "2026-07-01T03:00:00.0000000+03:00" || api["password"] != "Seeded2026!" ||
		api["shareLink"] != got.ShareLink || api["internal"] != true {
		t.Errorf("the API shows %v", api)
	}

	got.Title = "Overwritten"
	_ = srv.SetLink(room.ID, got)
	if links := srv.Links(room.ID); len(links) != 1 || links[0].Title != "Overwritten" {
		t.Errorf("overwrite: %+v", links)
	}
	if !srv.DeleteLink(room.ID, got.ID) || srv.DeleteLink(room.ID, got.ID) || len(srv.Links(room.ID)) != 0 {
		t.Errorf("DeleteLink misbehaves")
	}
	if srv.Links(999999) != nil {
		t.Errorf("Links of an unknown room must be nil")
	}
}

// API.md §9 rate limiting: 429, empty body, Retry-After; then service resumes.
func TestRateLimitNext(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("r", RoomCustom)
	srv.RateLimitNext(2, 1500*time.Millisecond)
	for i := 0; i < 2; i++ {
		r := listLinks(t, srv, room.ID, "")
		if r.status != http.StatusTooManyRequests || len(r.raw) != 0 || r.header.Get("Retry-After") != "2" {
			t.Errorf("request %d: %d %q Retry-After=%q", i, r.status, r.raw, r.header.Get("Retry-After"))
		}
	}
	listLinks(t, srv, room.ID, "").mustStatus(http.StatusOK)
	if got := srv.Requests("GET", "/api/2.0/files/rooms/{id}/links"); got != 3 {
		t.Errorf("rejected requests are counted: %d, want 3", got)
	}
}

// The Emulator is an http.Handler on its own, without Server.
func TestEmulatorAsHandler(t *testing.T) {
	t.Parallel()
	e := New(WithClock(func() time.Time { return testNow }))
	room := e.CreateRoom("r", RoomPublic)
	links := e.Links(room.ID)
	if len(links) != 1 || !links[0].Primary || links[0].LinkType != 1 {
		t.Errorf("links = %+v", links)
	}
	if v := e.version; v != V37 || v.String() != "v3.7" {
		t.Errorf("default version = %v", v)
	}
}
