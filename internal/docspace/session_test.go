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

func newSession(t *testing.T) (*docspace.Session, *docspacetest.Server) {
	t.Helper()
	srv := docspacetest.NewTestServer(t)
	c, err := docspace.NewClient(docspace.Config{Host: srv.URL, Token: docspacetest.DefaultToken})
	if err != nil {
		t.Fatal(err)
	}
	return docspace.NewSession(c), srv
}

// TestSessionSharesReads: many concurrent readers of one room cost one room
// lookup and one listing, filtered or not.
func TestSessionSharesReads(t *testing.T) {
	t.Parallel()
	s, srv := newSession(t)
	room := srv.CreateRoom("shared", docspacetest.RoomPublic)
	id := fmt.Sprint(room.ID)
	external, invitation := docspace.LinkTypeExternal, docspace.LinkTypeInvitation

	var wg sync.WaitGroup
	for i := range 30 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if r, err := s.Room(context.Background(), id); err != nil || r.Type != docspace.RoomTypePublic {
				t.Errorf("room: %+v %v", r, err)
			}
			kinds := []*docspace.LinkType{nil, &external, &invitation}
			links, err := s.Links(context.Background(), docspace.RoomTarget(id), kinds[i%3])
			if err != nil {
				t.Error(err)
			}
			want := map[int]int{0: 1, 1: 1, 2: 0}[i%3] // the primary link only
			if len(links) != want {
				t.Errorf("filter %d: %d links, want %d", i%3, len(links), want)
			}
		}()
	}
	wg.Wait()
	if n := srv.Requests("GET", "/api/2.0/files/rooms/"+id); n != 1 {
		t.Errorf("%d room lookups, want 1", n)
	}
	if n := srv.Requests("GET", "/api/2.0/files/rooms/"+id+"/links"); n != 1 {
		t.Errorf("%d listings, want 1", n)
	}
}

// TestSessionForgetsOnWrite: after the session writes to a room, the next
// read asks DocSpace again and sees the write; other rooms stay cached.
func TestSessionForgetsOnWrite(t *testing.T) {
	t.Parallel()
	s, srv := newSession(t)
	ctx := context.Background()
	a := fmt.Sprint(srv.CreateRoom("a", docspacetest.RoomCustom).ID)
	b := fmt.Sprint(srv.CreateRoom("b", docspacetest.RoomCustom).ID)
	for _, id := range []string{a, b} {
		if links, err := s.Links(ctx, docspace.RoomTarget(id), nil); err != nil || len(links) != 0 {
			t.Fatalf("room %s: %v %v", id, links, err)
		}
	}
	link, err := s.SetLink(ctx, docspace.RoomTarget(a), docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead})
	if err != nil {
		t.Fatal(err)
	}
	got, found, err := s.FindLink(ctx, docspace.RoomTarget(a), link.ID)
	if err != nil || !found || got.ID != link.ID {
		t.Fatalf("after create: %+v %v %v", got, found, err)
	}
	if _, err := s.DeleteLink(ctx, docspace.RoomTarget(a), docspace.Link{ID: link.ID, LinkType: docspace.LinkTypeExternal}); err != nil {
		t.Fatal(err)
	}
	if _, found, _ := s.FindLink(ctx, docspace.RoomTarget(a), link.ID); found {
		t.Fatal("the deleted link is still listed")
	}
	s.Links(ctx, docspace.RoomTarget(b), nil)
	if n := srv.Requests("GET", "/api/2.0/files/rooms/"+a+"/links"); n != 3 {
		t.Errorf("room a: %d listings, want 3 (first read, after the create, after the delete)", n)
	}
	if n := srv.Requests("GET", "/api/2.0/files/rooms/"+b+"/links"); n != 1 {
		t.Errorf("room b: %d listings, want 1", n)
	}
}

// TestSessionKeepsNoCancelledRead: a read abandoned by its caller is not
// remembered as the room's answer.
func TestSessionKeepsNoCancelledRead(t *testing.T) {
	t.Parallel()
	s, srv := newSession(t)
	id := fmt.Sprint(srv.CreateRoom("c", docspacetest.RoomCustom).ID)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Links(ctx, docspace.RoomTarget(id), nil); err == nil {
		t.Fatal("a cancelled read succeeded")
	}
	if _, err := s.Links(context.Background(), docspace.RoomTarget(id), nil); err != nil {
		t.Fatalf("the next read failed: %v", err)
	}
	if _, err := s.Room(context.Background(), "999999"); !docspace.IsNotFound(err) {
		t.Errorf("unknown room: %v", err)
	}
}

// TestSessionWaitersOutliveACancelledRead: a caller waiting for a read that
// another caller started, and then gave up on, asks again instead of failing
// with the other caller's cancellation.
func TestSessionWaitersOutliveACancelledRead(t *testing.T) {
	t.Parallel()
	s, srv := newSession(t)
	id := fmt.Sprint(srv.CreateRoom("w", docspacetest.RoomCustom).ID)
	listing := "/api/2.0/files/rooms/" + id + "/links"
	srv.FailNextOn(http.MethodGet, docspacetest.FaultSlow) // held back until its caller gives up
	ctx, cancel := context.WithCancel(context.Background())
	first := make(chan error, 1)
	go func() { _, err := s.Links(ctx, docspace.RoomTarget(id), nil); first <- err }()
	for srv.Requests(http.MethodGet, listing) == 0 {
		time.Sleep(time.Millisecond)
	}
	second := make(chan error, 1)
	go func() { _, err := s.Links(context.Background(), docspace.RoomTarget(id), nil); second <- err }()
	time.Sleep(50 * time.Millisecond) // the second caller joins the read in flight
	cancel()
	if err := <-first; err == nil {
		t.Error("the cancelled read succeeded")
	}
	if err := <-second; err != nil {
		t.Errorf("the waiting caller failed with the other's cancellation: %v", err)
	}
	if n := srv.Requests(http.MethodGet, listing); n != 2 {
		t.Errorf("%d listings, want 2 (the abandoned one and the waiter's own)", n)
	}
}

// TestSessionPrimaryLink: asking for a Custom room's primary link creates it,
// and the room's listing is read again afterwards.
func TestSessionPrimaryLink(t *testing.T) {
	t.Parallel()
	s, srv := newSession(t)
	ctx := context.Background()
	id := fmt.Sprint(srv.CreateRoom("p", docspacetest.RoomCustom).ID)
	if links, _ := s.Links(ctx, docspace.RoomTarget(id), nil); len(links) != 0 {
		t.Fatalf("a new Custom room has %d links", len(links))
	}
	primary, err := s.PrimaryLink(ctx, docspace.RoomTarget(id))
	if err != nil || !primary.Primary || primary.LinkType != docspace.LinkTypeExternal || primary.Access != docspace.AccessRead {
		t.Fatalf("primary link: %+v, %v", primary, err)
	}
	again, err := s.PrimaryLink(ctx, docspace.RoomTarget(id))
	if err != nil || again.ID != primary.ID {
		t.Fatalf("second call: %+v, %v", again, err)
	}
	if got, found, err := s.FindLink(ctx, docspace.RoomTarget(id), primary.ID); err != nil || !found || !got.Primary {
		t.Fatalf("listed: %+v %v %v", got, found, err)
	}
	editing := fmt.Sprint(srv.CreateRoom("e", docspacetest.RoomEditing).ID)
	if _, err := s.PrimaryLink(ctx, docspace.RoomTarget(editing)); !docspace.IsForbidden(err) {
		t.Errorf("collaboration room: %v, want 403", err)
	}
}

// TestSessionSharesRoomSearches: a search by title is asked once per run and
// kept across link writes, which do not change rooms.
func TestSessionSharesRoomSearches(t *testing.T) {
	t.Parallel()
	s, srv := newSession(t)
	ctx := context.Background()
	room := srv.CreateRoom("Quarterly audit", docspacetest.RoomCustom)
	srv.CreateRoom("Audit archive", docspacetest.RoomPublic)
	for range 3 {
		rooms, err := s.ListRooms(ctx, "audit")
		if err != nil || len(rooms) != 2 {
			t.Fatalf("ListRooms: %v %v", rooms, err)
		}
		rooms[0].Title = "changed by a caller" // a caller's copy: the next one sees the original
	}
	if _, err := s.SetLink(ctx, docspace.RoomTarget(fmt.Sprint(room.ID)), docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead}); err != nil {
		t.Fatal(err)
	}
	rooms, err := s.ListRooms(ctx, "audit")
	if err != nil || rooms[0].Title == "changed by a caller" || rooms[1].Title == "changed by a caller" {
		t.Fatalf("after a write: %v %v", rooms, err)
	}
	if n := srv.Requests("GET", "/api/2.0/files/rooms"); n != 1 {
		t.Errorf("%d room searches, want 1", n)
	}
	if _, err := s.ListRooms(ctx, "other"); err != nil {
		t.Fatal(err)
	}
	if n := srv.Requests("GET", "/api/2.0/files/rooms"); n != 2 {
		t.Errorf("%d room searches after another title, want 2", n)
	}
}
