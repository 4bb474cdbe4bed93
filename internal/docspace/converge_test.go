package docspace_test

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

func chaosClient(t *testing.T, srv *docspacetest.Server, tweak func(*docspace.Config)) *docspace.Client {
	t.Helper()
	cfg := docspace.Config{Host: srv.URL, Token: docspacetest.DefaultToken, RetryWaitMin: time.Millisecond,
		RetryWaitMax: 2 * time.Millisecond, RequestTimeout: 300 * time.Millisecond}
	if tweak != nil {
		tweak(&cfg)
	}
	c, err := docspace.NewClient(cfg)
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
			created, err := c.SetLink(context.Background(), docspace.RoomTarget(roomID), docspace.LinkRequest{
				LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Auditors",
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
			if _, err := c.SetLink(context.Background(), docspace.RoomTarget(roomID), docspace.LinkRequest{
				LinkID: created.ID, LinkType: docspace.LinkTypeExternal, Access: docspace.AccessEditing, Title: "Editors",
			}); err != nil {
				t.Fatalf("update: %v", err)
			}
			links = srv.Links(room.ID)
			if len(links) != 1 || links[0].ID != created.ID || links[0].Title != "Editors" || links[0].Access != 10 ||
				links[0].Password != "" || links[0].Expiration != nil {
				t.Fatalf("after update: %+v", links)
			}

			srv.FailNext(fault)
			if _, err := c.DeleteLink(context.Background(), docspace.RoomTarget(roomID), docspace.Link{ID: created.ID, LinkType: docspace.LinkTypeExternal}); err != nil {
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
		c := chaosClient(t, srv, func(cfg *docspace.Config) {
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
					if _, err := c.SetLink(context.Background(), docspace.RoomTarget(fmt.Sprint(room.ID)), docspace.LinkRequest{
						LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: fmt.Sprint("link ", i),
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
