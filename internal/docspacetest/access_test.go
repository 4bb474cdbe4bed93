package docspacetest

import (
	"fmt"
	"net/http"
	"testing"
)

// API.md §4.5: allowed access per room type and link kind; anything else is 403.
func TestAccessMatrix(t *testing.T) {
	t.Parallel()
	const roleMsg = "The role is not available for this user type"
	allowed := map[RoomType]map[int][]int{ // room type → linkType → allowed accesses
		RoomFillingForms: {0: {11, 7}, 1: {}}, // external: count limit 0 hides 7 and 2, see TestLinkLimits
		RoomEditing:      {0: {11, 10, 2}, 1: {}},
		RoomCustom:       {0: {11, 10, 5, 6, 2}, 1: {10, 7, 5, 6, 2}},
		RoomPublic:       {0: {11, 2}, 1: {10, 7, 5, 6, 2}},
		RoomVirtualData:  {0: {11, 10, 2, 7}, 1: {}},
		RoomAI:           {0: {11, 2}, 1: {}},
	}
	for rt, kinds := range allowed {
		for linkType, accesses := range kinds {
			for access := 1; access <= 12; access++ {
				ok := false
				for _, a := range accesses {
					ok = ok || a == access
				}
				if rt == RoomFillingForms && linkType == 1 && (access == 7 || access == 2) {
					continue // allowed by API.md §4.5 but refused by the API.md §4.6 limit of 0
				}
				name := fmt.Sprintf("API.md §4.5 %s linkType %d access %d", rt, linkType, access)
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					srv := newEnv(t)
					room := srv.CreateRoom("r", rt)
					r := putLink(t, srv, room.ID, map[string]any{"linkType": linkType, "access": access})
					if ok {
						r.mustStatus(http.StatusOK)
						return
					}
					r.expectError(http.StatusForbidden, roleMsg)
				})
			}
		}
	}

	t.Run("API.md §5.7 external delete in a room without external links is refused too", func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t)
		room := srv.CreateRoom("r", RoomEditing)
		putLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 0, "linkId": newGUID()}).expectError(http.StatusForbidden, roleMsg)
	})
	t.Run("API.md §4.5 the primary link of a Form room may be switched to Read", func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t)
		room := srv.CreateRoom("r", RoomFillingForms)
		primary := srv.Links(room.ID)[0]
		r := putLink(t, srv, room.ID, map[string]any{"linkId": primary.ID, "linkType": 1, "access": 2}).mustStatus(http.StatusOK)
		if num(r.response()["access"]) != 2 {
			t.Errorf("access = %v", r.response()["access"])
		}
		putLink(t, srv, room.ID, map[string]any{"linkId": primary.ID, "linkType": 1, "access": 10}).expectError(http.StatusForbidden, roleMsg)
	})
}

// API.md §4.6, §5.7: per-room link count limits, checked on create only.
func TestLinkLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		roomType RoomType
		linkType int
		access   int
		limit    int
	}{
		{"API.md §4.6 Custom: 5 additional external links", RoomCustom, 1, 2, 5},
		{"API.md §4.6 Public: 5 additional external links", RoomPublic, 1, 2, 5},
		{"API.md §4.6 Form-filling: 0 additional external links", RoomFillingForms, 1, 7, 0},
		{"API.md §4.6 Custom: 1 invitation link", RoomCustom, 0, 2, 1},
		{"API.md §4.6 Editing: 1 invitation link", RoomEditing, 0, 2, 1},
		{"API.md §4.6 VDR: 1 invitation link", RoomVirtualData, 0, 2, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t)
			room := srv.CreateRoom("r", tc.roomType)
			var ids []string
			for i := 0; i < tc.limit; i++ {
				ids = append(ids, createLink(t, srv, room.ID, map[string]any{"linkType": tc.linkType, "access": tc.access}))
			}
			msg := fmt.Sprintf("The maximum number of links may not exceed %d", tc.limit)
			putLink(t, srv, room.ID, map[string]any{"linkType": tc.linkType, "access": tc.access}).expectError(http.StatusForbidden, msg)
			// API.md §5.7 quirk: deleting an unknown id at the limit runs the count check.
			putLink(t, srv, room.ID, map[string]any{"linkType": tc.linkType, "access": 0, "linkId": newGUID()}).expectError(http.StatusForbidden, msg)
			// Updates are not creates: they pass at the limit.
			if len(ids) > 0 {
				putLink(t, srv, room.ID, map[string]any{"linkId": ids[0], "linkType": tc.linkType, "access": tc.access, "title": "again"}).mustStatus(http.StatusOK)
			}
		})
	}

	t.Run("API.md §5.7 deleting an unknown id below the limit is a 200 no-op", func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t)
		room := srv.CreateRoom("r", RoomCustom)
		r := putLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 0, "linkId": newGUID()}).mustStatus(http.StatusOK)
		if _, ok := r.body["response"]; ok || num(r.body["count"]) != 0 || len(srv.Links(room.ID)) != 0 {
			t.Errorf("got %s", r.raw)
		}
	})
	t.Run("API.md §4.6 the primary link does not count against additional links", func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t)
		room := srv.CreateRoom("r", RoomPublic) // has its primary already
		for i := 0; i < 5; i++ {
			createLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 2})
		}
		if got := len(srv.Links(room.ID)); got != 6 {
			t.Errorf("links = %d, want 1 primary + 5", got)
		}
	})
}

// Concurrency: parallel creates race for the last slots; the limit still holds.
func TestConcurrentCreatesRespectLimit(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("r", RoomCustom)
	results := make(chan int, 12)
	for i := 0; i < 12; i++ {
		go func() {
			results <- putLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 2}).status
		}()
	}
	ok, refused := 0, 0
	for i := 0; i < 12; i++ {
		switch <-results {
		case http.StatusOK:
			ok++
		case http.StatusForbidden:
			refused++
		}
	}
	if ok != 5 || refused != 7 {
		t.Errorf("ok/refused = %d/%d, want 5/7", ok, refused)
	}
}
