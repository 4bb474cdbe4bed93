package docspace

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// TestCreateLinkConverges: whatever happens to a create's answer, on a
// portal that keeps link ids and on one that does not, CreateLink ends with
// exactly one link in the room and returns it, or fails having made none.
func TestCreateLinkConverges(t *testing.T) {
	t.Parallel()
	for _, ignoring := range []bool{false, true} {
		for _, fault := range append(docspacetest.AllFaults(), docspacetest.FaultLateApply) {
			t.Run(fmt.Sprintf("ignoring ids %v/%s", ignoring, fault), func(t *testing.T) {
				t.Parallel()
				srv := docspacetest.NewTestServer(t)
				srv.SetIgnoreLinkIDs(ignoring)
				srv.SetFaultDelay(400 * time.Millisecond) // after the client gave up (300 ms), before it looks again
				c := chaosClient(t, srv, nil)
				room := srv.CreateRoom("create", docspacetest.RoomCustom)
				srv.FailNextOn(http.MethodPut, fault)
				const requested = "0f8e1c2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f"
				link, err := c.CreateLink(context.Background(), RoomTarget(fmt.Sprint(room.ID)), LinkRequest{
					LinkID: requested, LinkType: LinkTypeExternal, Access: AccessRead, Title: "Once",
				})
				if err != nil {
					t.Fatalf("create: %v", err)
				}
				links := srv.Links(room.ID)
				if len(links) != 1 || links[0].ID != link.ID || links[0].Title != "Once" {
					t.Fatalf("room holds %d links (%+v), want the one returned (%s)", len(links), links, link.ID)
				}
				if !ignoring && link.ID != requested {
					t.Errorf("id %s, want the requested %s", link.ID, requested)
				}
			})
		}
	}
}

// TestCreateLinkOutcomes: what CreateLink does after a failure, request by
// request. The client does not yet know whether the portal keeps link ids,
// so every create first lists the room once (API.md §2).
func TestCreateLinkOutcomes(t *testing.T) {
	t.Parallel()
	req := LinkRequest{LinkType: LinkTypeExternal, Access: AccessRead, Title: "Outcome"}
	// lookAlike is another resource's link with the create's settings.
	lookAlike := docspacetest.Link{ID: "5a5a5a5a-0000-4000-8000-000000000001", LinkType: 1, Access: 2, Title: "Outcome"}
	tests := []struct {
		name    string
		setup   func(srv *docspacetest.Server, room int)
		tweak   func(*Config)
		wantErr func(error) bool
		// wantID: "requested" for the id the create chose, "" for any
		// other than lookAlike's.
		wantID   string
		wantGETs int
		wantPUTs int
		wantLeft int
	}{
		{
			name:     "answer lost, found by its id",
			setup:    func(srv *docspacetest.Server, _ int) { srv.FailNextOn(http.MethodPut, docspacetest.FaultResetAfter) },
			wantID:   "requested",
			wantGETs: 2, wantPUTs: 1, wantLeft: 1,
		},
		{
			name: "answer lost and the look fails: outcome unknown",
			setup: func(srv *docspacetest.Server, _ int) {
				srv.FailNextOn(http.MethodPut, docspacetest.FaultBadGateway)
				srv.FailNextOn(http.MethodGet, docspacetest.FaultUnavailable)
			},
			tweak: func(cfg *Config) { cfg.MaxRetries = NoRetries },
			wantErr: func(err error) bool {
				var unknown *UnknownOutcomeError
				return errors.As(err, &unknown) && unknown.LinkID != "" && unknown.LookupErr != nil
			},
			wantGETs: 2, wantPUTs: 1, wantLeft: 1,
		},
		{
			name:     "refused before the write: looked up, sent again",
			setup:    func(srv *docspacetest.Server, _ int) { srv.FailNextOn(http.MethodPut, docspacetest.FaultServerError) },
			wantID:   "requested",
			wantGETs: 2, wantPUTs: 2, wantLeft: 1,
		},
		{
			name:     "rate limited: sent again without a look",
			setup:    func(srv *docspacetest.Server, _ int) { srv.FailNextOn(http.MethodPut, docspacetest.FaultRateLimit) },
			wantID:   "requested",
			wantGETs: 1, wantPUTs: 2, wantLeft: 1,
		},
		{
			name: "link limit: DocSpace's refusal, no look",
			setup: func(srv *docspacetest.Server, room int) {
				for range 5 {
					_ = srv.SetLink(room, docspacetest.Link{LinkType: 1, Access: 2})
				}
			},
			wantErr:  IsLinkLimit,
			wantGETs: 1, wantPUTs: 1, wantLeft: 5,
		},
		{
			// Another resource's link looks the same; the create's own
			// attempt made nothing. The id is the proof: it is sent again.
			name: "refused before the write, a look-alike in the room: not taken",
			setup: func(srv *docspacetest.Server, room int) {
				_ = srv.SetLink(room, lookAlike)
				srv.FailNextOn(http.MethodPut, docspacetest.FaultServerError)
			},
			wantID:   "requested",
			wantGETs: 2, wantPUTs: 2, wantLeft: 2,
		},
		{
			name: "503 before the write, a look-alike in the room: not taken",
			setup: func(srv *docspacetest.Server, room int) {
				_ = srv.SetLink(room, lookAlike)
				srv.FailNextOn(http.MethodPut, docspacetest.FaultUnavailable, docspacetest.FaultResetBefore)
			},
			wantID:   "requested",
			wantGETs: 3, wantPUTs: 3, wantLeft: 2,
		},
		{
			// The create times out while still on its way, and lands later:
			// the room is looked at only once it can no longer be in flight.
			name: "timed out, applied late, a look-alike in the room: its own link",
			setup: func(srv *docspacetest.Server, room int) {
				_ = srv.SetLink(room, lookAlike)
				srv.SetFaultDelay(400 * time.Millisecond)
				srv.FailNextOn(http.MethodPut, docspacetest.FaultLateApply)
			},
			tweak:    func(cfg *Config) { cfg.RequestTimeout = 300 * time.Millisecond },
			wantID:   "requested",
			wantGETs: 2, wantPUTs: 1, wantLeft: 2,
		},
		{
			// A portal that ignores ids, not yet known to: the first attempt
			// made a link under another id. Sent again, the answer shows the
			// portal ignores ids; the one link made since is the first
			// attempt's, kept, and the second deleted.
			name: "ignored id, answer lost, another look-alike from before: the new one",
			setup: func(srv *docspacetest.Server, room int) {
				srv.SetIgnoreLinkIDs(true)
				_ = srv.SetLink(room, lookAlike)
				srv.FailNextOn(http.MethodPut, docspacetest.FaultResetAfter)
			},
			wantGETs: 2, wantPUTs: 3, wantLeft: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := docspacetest.NewTestServer(t)
			c := chaosClient(t, srv, tt.tweak)
			room := srv.CreateRoom("outcome", docspacetest.RoomCustom).ID
			tt.setup(srv, room)
			srv.ResetRequests()
			const requested = "7e57ab1e-0000-4000-8000-000000000002"
			r := req
			r.LinkID = requested
			link, err := c.CreateLink(context.Background(), RoomTarget(fmt.Sprint(room)), r)
			switch {
			case tt.wantErr == nil && err != nil:
				t.Fatalf("create: %v", err)
			case tt.wantErr != nil && !tt.wantErr(err):
				t.Fatalf("create error = %v (%T)", err, err)
			}
			if tt.wantErr == nil {
				if _, ok := srv.Link(room, link.ID); !ok {
					t.Errorf("returned link %s is not in the room", link.ID)
				}
				switch {
				case link.ID == lookAlike.ID:
					t.Errorf("the create took another resource's link %s for its own", link.ID)
				case tt.wantID == "requested" && link.ID != requested:
					t.Errorf("id %s, want the requested %s", link.ID, requested)
				}
			}
			if _, ok := srv.Link(room, lookAlike.ID); !ok && tt.wantLeft == 2 {
				t.Errorf("the look-alike %s is gone", lookAlike.ID)
			}
			if n := srv.Requests(http.MethodGet, "/api/2.0/files/rooms/{id}/links"); n != tt.wantGETs {
				t.Errorf("%d listings, want %d", n, tt.wantGETs)
			}
			if n := srv.Requests(http.MethodPut, "/api/2.0/files/rooms/{id}/links"); n != tt.wantPUTs {
				t.Errorf("%d PUTs, want %d", n, tt.wantPUTs)
			}
			// The late request may still be on its way when an old client
			// returns: give it time to land before counting.
			time.Sleep(500 * time.Millisecond)
			if n := len(srv.Links(room)); n != tt.wantLeft {
				t.Errorf("room holds %d links, want %d", n, tt.wantLeft)
			}
		})
	}
}

// TestCreateLinkIgnoredIDs: on a portal seen to ignore link ids, a create
// whose answer is lost takes the one look-alike made since it began, never
// one that was there before, and two such creates at once never take the
// same link.
func TestCreateLinkIgnoredIDs(t *testing.T) {
	t.Parallel()
	req := LinkRequest{LinkType: LinkTypeExternal, Access: AccessRead, Title: "Alike"}
	before := docspacetest.Link{ID: "5a5a5a5a-0000-4000-8000-000000000003", LinkType: 1, Access: 2, Title: "Alike"}
	// setup returns a client that has seen the portal ignore an id.
	setup := func(t *testing.T, tweak func(*Config), opts ...docspacetest.Option) (*docspacetest.Server, *Client, int) {
		srv := docspacetest.NewTestServer(t, opts...)
		srv.SetIgnoreLinkIDs(true)
		c := chaosClient(t, srv, tweak)
		room := srv.CreateRoom("ignored", docspacetest.RoomCustom).ID
		first, err := c.CreateLink(context.Background(), RoomTarget(fmt.Sprint(room)), LinkRequest{
			LinkType: LinkTypeExternal, Access: AccessRead, Title: "First"})
		if err != nil {
			t.Fatal(err)
		}
		if first.Adopted {
			t.Error("a link DocSpace answered with is marked adopted")
		}
		_ = srv.SetLink(room, before)
		return srv, c, room
	}
	for _, fault := range []docspacetest.Fault{docspacetest.FaultResetAfter, docspacetest.FaultEmptyBody, docspacetest.FaultLateApply} {
		t.Run(fault.String(), func(t *testing.T) {
			t.Parallel()
			srv, c, room := setup(t, func(cfg *Config) { cfg.RequestTimeout = 300 * time.Millisecond })
			srv.SetFaultDelay(400 * time.Millisecond)
			srv.FailNextOn(http.MethodPut, fault)
			link, err := c.CreateLink(context.Background(), RoomTarget(fmt.Sprint(room)), req)
			if err != nil {
				t.Fatalf("create: %v", err)
			}
			if link.ID == before.ID || !link.Adopted {
				t.Errorf("took %s (adopted %v), want the link made since the create began", link.ID, link.Adopted)
			}
			if n := len(srv.Links(room)); n != 3 {
				t.Errorf("room holds %d links, want 3 (First, the look-alike from before, the new one)", n)
			}
		})
	}
	t.Run("two at once", func(t *testing.T) {
		t.Parallel()
		// Every request takes a while, so the two creates are under way at
		// once.
		srv, c, room := setup(t, nil, docspacetest.WithLatency(100*time.Millisecond))
		srv.FailNextOn(http.MethodPut, docspacetest.FaultResetAfter, docspacetest.FaultResetAfter)
		type result struct {
			link Link
			err  error
		}
		results := make(chan result, 2)
		for range 2 {
			go func() {
				l, err := c.CreateLink(context.Background(), RoomTarget(fmt.Sprint(room)), req)
				results <- result{l, err}
			}()
		}
		seen := map[string]bool{}
		for range 2 {
			r := <-results
			var unknown *UnknownOutcomeError
			switch {
			case errors.As(r.err, &unknown):
				if len(unknown.Candidates) == 0 {
					t.Errorf("outcome unknown without naming the look-alikes: %v", r.err)
				}
			case r.err != nil:
				t.Errorf("create: %v", r.err)
			case seen[r.link.ID] || r.link.ID == before.ID:
				t.Errorf("link %s taken twice, or the one from before", r.link.ID)
			default:
				seen[r.link.ID] = true
			}
		}
		if n := len(srv.Links(room)); n != 4 {
			t.Errorf("room holds %d links, want 4: nothing deleted that the creates did not make", n)
		}
	})
}

func chaosClient(t *testing.T, srv *docspacetest.Server, tweak func(*Config)) *Client {
	t.Helper()
	cfg := Config{Host: srv.URL, Token: docspacetest.DefaultToken, RetryWaitMin: time.Millisecond,
		RetryWaitMax: 2 * time.Millisecond, RequestTimeout: 300 * time.Millisecond}
	if tweak != nil {
		tweak(&cfg)
	}
	c, err := NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestWritesConvergeAfterLostAnswers: whatever happens to a write's answer,
// the retried write leaves exactly what was asked — one link for a create,
// the new values for an update, no link for a delete.
func TestWritesConvergeAfterLostAnswers(t *testing.T) {
	t.Parallel()
	for _, fault := range docspacetest.AllFaults() {
		t.Run(fault.String(), func(t *testing.T) {
			t.Parallel()
			srv := docspacetest.NewTestServer(t)
			c := chaosClient(t, srv, nil)
			room := srv.CreateRoom("converge", docspacetest.RoomCustom)
			roomID := fmt.Sprint(room.ID)
			expiry := time.Now().Add(48 * time.Hour).UTC().Truncate(time.Second)

			srv.FailNext(fault)
			created, err := c.SetLink(context.Background(), RoomTarget(roomID), LinkRequest{
				LinkType: LinkTypeExternal, Access: AccessRead, Title: "Auditors",
				Password: "Audit2026pass", Expiration: &expiry, DenyDownload: true,
			})
			if err != nil {
				t.Fatalf("create: %v", err)
			}
			links := srv.Links(room.ID)
			if len(links) != 1 || links[0].ID != created.ID || links[0].Title != "Auditors" || links[0].Password != "Audit2026pass" ||
				!links[0].DenyDownload || links[0].Expiration == nil || !links[0].Expiration.Equal(expiry) {
				t.Fatalf("after create: %d links, %+v", len(links), links)
			}

			srv.FailNext(fault)
			if _, err := c.SetLink(context.Background(), RoomTarget(roomID), LinkRequest{
				LinkID: created.ID, LinkType: LinkTypeExternal, Access: AccessEditing, Title: "Editors",
			}); err != nil {
				t.Fatalf("update: %v", err)
			}
			links = srv.Links(room.ID)
			if len(links) != 1 || links[0].ID != created.ID || links[0].Title != "Editors" || links[0].Access != 10 ||
				links[0].Password != "" || links[0].Expiration != nil {
				t.Fatalf("after update: %+v", links)
			}

			srv.FailNext(fault)
			if _, err := c.DeleteLink(context.Background(), RoomTarget(roomID), Link{ID: created.ID, LinkType: LinkTypeExternal}); err != nil {
				t.Fatalf("delete: %v", err)
			}
			if links := srv.Links(room.ID); len(links) != 0 {
				t.Fatalf("after delete: %+v", links)
			}
			if got := srv.FaultCounts()[fault]; got != 3 {
				t.Errorf("%d faults injected, want 3", got)
			}
		})
	}
}

// TestClientStaysWithinServerLimits: 40 concurrent writes against the
// server's limits (15 concurrent writes) never draw a 429, because the
// client keeps at most 8 writes in flight. Without that bound they do.
func TestClientStaysWithinServerLimits(t *testing.T) {
	t.Parallel()
	run := func(t *testing.T, maxWrites int) *docspacetest.Server {
		// Each request takes a while, so that concurrent ones overlap.
		latency := 100 * time.Millisecond
		if maxWrites < 0 {
			latency = 250 * time.Millisecond
		}
		srv := docspacetest.NewTestServer(t, docspacetest.WithLimits(docspacetest.ServerLimits), docspacetest.WithLatency(latency))
		c := chaosClient(t, srv, func(cfg *Config) {
			cfg.MaxConcurrentWrites, cfg.MaxRetries, cfg.RequestTimeout = maxWrites, 50, 10*time.Second
			// Retry-After (1 s) up to a tenth of a second: the rejected
			// writes get through once others finish.
			cfg.RetryWaitMin, cfg.RetryWaitMax = 20*time.Millisecond, 100*time.Millisecond
		})
		var rooms []docspacetest.Room
		for range 8 {
			rooms = append(rooms, srv.CreateRoom("limits", docspacetest.RoomCustom))
		}
		var wg sync.WaitGroup
		for _, room := range rooms {
			for i := range 5 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, err := c.SetLink(context.Background(), RoomTarget(fmt.Sprint(room.ID)), LinkRequest{
						LinkType: LinkTypeExternal, Access: AccessRead, Title: fmt.Sprint("link ", i),
					}); err != nil {
						t.Error(err)
					}
				}()
			}
		}
		wg.Wait()
		for _, room := range rooms {
			if n := len(srv.Links(room.ID)); n != 5 {
				t.Errorf("room %d holds %d links, want 5", room.ID, n)
			}
		}
		return srv
	}
	if srv := run(t, 0); srv.StatusCount(http.StatusTooManyRequests) != 0 {
		t.Errorf("the default client drew %d 429s", srv.StatusCount(http.StatusTooManyRequests))
	}
	if srv := run(t, -1); srv.StatusCount(http.StatusTooManyRequests) == 0 {
		t.Error("an unbounded client drew no 429: the test proves nothing")
	}
}
