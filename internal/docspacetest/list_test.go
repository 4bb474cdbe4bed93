package docspacetest

import (
	"net/http"
	"testing"
	"time"
)

// API.md §7.1, §7.2: the type filter and the ordering of GET …/links.
func TestListFilterAndOrder(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("r", RoomCustom)
	extRead := createLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 2, "title": "ext read"})
	extEditing := createLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 10})
	invitation := createLink(t, srv, room.ID, map[string]any{"linkType": 0, "access": 11})
	extComment := createLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 6})
	primary := call(t, srv, http.MethodGet, primaryPath(room.ID), nil).mustStatus(http.StatusOK).link()["id"].(string)

	// Access rank: ContentCreator, Editing, FillForms, Review, Comment, Read; ties keep insertion order.
	all := []string{invitation, extEditing, extComment, extRead, primary}
	external := []string{primary, extEditing, extComment, extRead}
	tests := []struct {
		name  string
		query string
		want  []string
	}{
		{"API.md §7.2 no filter: access rank only", "", all},
		{"API.md §7.1 type=0: invitation links", "?type=0", []string{invitation}},
		{"API.md §7.2 type=1: primary first, then access rank", "?type=1", external},
		{"API.md §7.1 enum name Invitation binds", "?type=Invitation", []string{invitation}},
		{"API.md §7.1 enum names bind case-insensitively", "?type=external", external},
		{"API.md §7.1 query name is case-insensitive", "?Type=1", external},
		{"API.md §7.1 other numbers list everything", "?type=5", all},
		{"API.md §7.1 empty type lists everything", "?type=", all},
		{"API.md §7.1 paging parameters are ignored", "?startIndex=3&count=1", all},
	}
	for _, tc := range tests {
		r := listLinks(t, srv, room.ID, tc.query).mustStatus(http.StatusOK)
		got := r.list()
		if num(r.body["count"]) != len(tc.want) {
			t.Errorf("%s: count = %v, want %d", tc.name, r.body["count"], len(tc.want))
		}
		if _, has := r.body["total"]; has {
			t.Errorf("%s: API.md §7.1 no total", tc.name)
		}
		if len(got) != len(tc.want) {
			t.Errorf("%s: %d links, want %d", tc.name, len(got), len(tc.want))
			continue
		}
		for i, id := range tc.want {
			if sharedLink(got[i])["id"] != id {
				t.Errorf("%s: position %d is %v (access %v), want %s", tc.name, i, sharedLink(got[i])["id"], got[i]["access"], id)
			}
		}
	}
}

// API.md §7.1: at most 100 entries, no paging.
func TestListCap(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("r", RoomCustom)
	for i := 0; i < 120; i++ {
		if err := srv.SetLink(room.ID, Link{LinkType: 1, Access: 2, Title: "bulk"}); err != nil {
			t.Fatal(err)
		}
	}
	r := listLinks(t, srv, room.ID, "?count=200").mustStatus(http.StatusOK)
	if len(r.list()) != 100 || num(r.body["count"]) != 100 {
		t.Errorf("API.md §7.1 listed %d (count %v), want 100", len(r.list()), r.body["count"])
	}
}

// API.md §3.2: isExpired is computed when the list is read, without a write.
func TestIsExpiredFlipsOverTime(t *testing.T) {
	t.Parallel()
	clock := newTestClock()
	srv := NewTestServer(t, WithClock(clock.Now))
	room := srv.CreateRoom("r", RoomCustom)
	createLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 2, "expirationDate": "2026-06-01T13:00:00Z"})

	tests := []struct {
		name    string
		advance time.Duration
		want    bool
	}{
		{"API.md §3.2 before the expiration", 0, false},
		{"API.md §3.2 two hours later, still listed, now expired", 2 * time.Hour, true},
	}
	for _, tc := range tests {
		clock.Advance(tc.advance)
		link := sharedLink(listLinks(t, srv, room.ID, "").mustStatus(http.StatusOK).list()[0])
		if link["isExpired"] != tc.want {
			t.Errorf("%s: isExpired = %v, want %v", tc.name, link["isExpired"], tc.want)
		}
	}
}
