package docspace

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

func newSession(t *testing.T) (*Session, *docspacetest.Server) {
	t.Helper()
	srv := docspacetest.NewTestServer(t)
	c, err := NewClient(Config{Host: srv.URL, Token: docspacetest.DefaultToken})
	if err != nil {
		t.Fatal(err)
	}
	return NewSession(c), srv
}

// TestSessionSharesReads: many concurrent readers of one room cost one room
// lookup and one listing, filtered or not.
func TestSessionSharesReads(t *testing.T) {
	t.Parallel()
	s, srv := newSession(t)
	room := srv.CreateRoom("shared", docspacetest.RoomPublic)
	id := fmt.Sprint(room.ID)
	external, invitation := LinkTypeExternal, LinkTypeInvitation

	var wg sync.WaitGroup
	for i := range 30 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if r, err := s.Room(context.Background(), id); err != nil || r.Type != RoomTypePublic {
				t.Errorf("room: %+v %v", r, err)
			}
			kinds := []*LinkType{nil, &external, &invitation}
			links, err := s.Links(context.Background(), RoomTarget(id), kinds[i%3])
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
		if links, err := s.Links(ctx, RoomTarget(id), nil); err != nil || len(links) != 0 {
			t.Fatalf("room %s: %v %v", id, links, err)
		}
	}
	link, err := s.SetLink(ctx, RoomTarget(a), LinkRequest{LinkType: LinkTypeExternal, Access: AccessRead})
	if err != nil {
		t.Fatal(err)
	}
	got, found, err := s.FindLink(ctx, RoomTarget(a), link.ID)
	if err != nil || !found || got.ID != link.ID {
		t.Fatalf("after create: %+v %v %v", got, found, err)
	}
	if _, err := s.DeleteLink(ctx, RoomTarget(a), Link{ID: link.ID, LinkType: LinkTypeExternal}); err != nil {
		t.Fatal(err)
	}
	if _, found, _ := s.FindLink(ctx, RoomTarget(a), link.ID); found {
		t.Fatal("the deleted link is still listed")
	}
	s.Links(ctx, RoomTarget(b), nil)
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
	if _, err := s.Links(ctx, RoomTarget(id), nil); err == nil {
		t.Fatal("a cancelled read succeeded")
	}
	if _, err := s.Links(context.Background(), RoomTarget(id), nil); err != nil {
		t.Fatalf("the next read failed: %v", err)
	}
	if _, err := s.Room(context.Background(), "999999"); !IsNotFound(err) {
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
	go func() { _, err := s.Links(ctx, RoomTarget(id), nil); first <- err }()
	for srv.Requests(http.MethodGet, listing) == 0 {
		time.Sleep(time.Millisecond)
	}
	second := make(chan error, 1)
	go func() { _, err := s.Links(context.Background(), RoomTarget(id), nil); second <- err }()
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
	if links, _ := s.Links(ctx, RoomTarget(id), nil); len(links) != 0 {
		t.Fatalf("a new Custom room has %d links", len(links))
	}
	primary, err := s.PrimaryLink(ctx, RoomTarget(id))
	if err != nil || !primary.Primary || primary.LinkType != LinkTypeExternal || primary.Access != AccessRead {
		t.Fatalf("primary link: %+v, %v", primary, err)
	}
	again, err := s.PrimaryLink(ctx, RoomTarget(id))
	if err != nil || again.ID != primary.ID {
		t.Fatalf("second call: %+v, %v", again, err)
	}
	if got, found, err := s.FindLink(ctx, RoomTarget(id), primary.ID); err != nil || !found || !got.Primary {
		t.Fatalf("listed: %+v %v %v", got, found, err)
	}
	editing := fmt.Sprint(srv.CreateRoom("e", docspacetest.RoomEditing).ID)
	if _, err := s.PrimaryLink(ctx, RoomTarget(editing)); !IsForbidden(err) {
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
	if _, err := s.SetLink(ctx, RoomTarget(fmt.Sprint(room.ID)), LinkRequest{LinkType: LinkTypeExternal, Access: AccessRead}); err != nil {
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

// stubPortal answers GETs from a table of paths and counts requests per
// path, for Session tests that need no emulator. A key path+"#total" adds
// the envelope's total (API.md §13.6).
type stubPortal struct {
	mu     sync.Mutex
	bodies map[string]string
	hits   map[string]int
}

func newStubPortal(t *testing.T, bodies map[string]string) (*Session, *stubPortal) {
	t.Helper()
	p := &stubPortal{bodies: bodies, hits: map[string]int{}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.hits[r.URL.Path]++
		body, ok := p.bodies[r.URL.Path]
		total, paged := p.bodies[r.URL.Path+"#total"]
		p.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, `{"error":{"message":"Item not found"},"status":1,"statusCode":404}`)
			return
		}
		if paged {
			total = `,"total":` + total
		}
		_, _ = io.WriteString(w, `{"response":`+body+total+`,"status":0,"statusCode":200}`)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(Config{Host: srv.URL, Token: "sk-test", HTTPClient: srv.Client()})
	if err != nil {
		t.Fatal(err)
	}
	return NewSession(c), p
}

func (p *stubPortal) total() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, h := range p.hits {
		n += h
	}
	return n
}

func entryLink(id string, access int, primary bool) string {
	subject := 1
	if primary {
		subject = 4
	}
	return fmt.Sprintf(`{"access":%d,"sharedLink":{"id":%q,"title":"t","linkType":1,"primary":%t},"subjectType":%d}`, access, id, primary, subject)
}

// An empty listing of a file or folder is told from "no rights" by its
// details (API.md §13.6); a file's listing holding only its room's link
// counts as empty (API.md §13.7). One listing and one details read per
// target, however often asked.
func TestSessionEntryLinkRights(t *testing.T) {
	t.Parallel()
	roomLink := entryLink("99999999-0000-4000-8000-000000000001", 7, true)
	tests := []struct {
		name       string
		target     Target
		links      string
		details    string
		wantRights bool
		wantLinks  int
	}{
		{name: "file, may share", target: FileTarget("12"), links: `[]`, details: `{"id":12,"title":"a.docx","canShare":true}`, wantLinks: 0},
		{name: "file, EditAccess", target: FileTarget("12"), links: `[]`, details: `{"id":12,"title":"a.docx","canShare":false,"security":{"EditAccess":true}}`},
		{name: "file, may not share", target: FileTarget("12"), links: `[]`, details: `{"id":12,"title":"a.docx","canShare":false}`, wantRights: true},
		{name: "file, details silent", target: FileTarget("12"), links: `[]`, details: `{"id":12,"title":"a.docx"}`, wantRights: true},
		{name: "form, only the room's link", target: FileTarget("12"), links: `[` + roomLink + `]`, details: `{"id":12,"title":"f.pdf","canShare":false}`, wantRights: true},
		{name: "form, room's link, may share", target: FileTarget("12"), links: `[` + roomLink + `]`, details: `{"id":12,"title":"f.pdf","canShare":true}`, wantLinks: 1},
		{name: "folder, may not share", target: FolderTarget("7"), links: `[]`, details: `{"id":7,"title":"Press","canShare":false}`, wantRights: true},
		{name: "folder that is a Public room", target: FolderTarget("7"), links: `[]`, details: `{"id":7,"title":"Press","roomType":6,"canShare":true}`, wantRights: true},
		{name: "folder with links", target: FolderTarget("7"), links: `[` + entryLink("00000000-0000-4000-8000-000000000001", 2, false) + `]`, details: `{"id":7,"canShare":false}`, wantLinks: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			noun := tt.target.Kind.Noun()
			s, portal := newStubPortal(t, map[string]string{
				"/api/2.0/files/" + noun + "/" + tt.target.ID + "/links":       tt.links,
				"/api/2.0/files/" + noun + "/" + tt.target.ID + "/links#total": "0",
				"/api/2.0/files/" + noun + "/" + tt.target.ID:                  tt.details,
			})
			for range 3 {
				links, err := s.Links(context.Background(), tt.target, nil)
				var rights *NoLinkRightsError
				if tt.wantRights {
					if !errors.As(err, &rights) || rights.Target != tt.target {
						t.Fatalf("Links error = %v, want a *NoLinkRightsError for %s", err, tt.target)
					}
					continue
				}
				if err != nil || len(links) != tt.wantLinks {
					t.Fatalf("Links = %d links, %v; want %d", len(links), err, tt.wantLinks)
				}
			}
			if n := portal.total(); n > 2 {
				t.Errorf("%d requests for three reads, want at most a listing and a details read", n)
			}
		})
	}
}

// A file's location comes from its details; where they do not name the
// room's type the Session walks up the parents, once per folder (API.md §13.8).
func TestSessionLocation(t *testing.T) {
	t.Parallel()
	s, portal := newStubPortal(t, map[string]string{
		"/api/2.0/files/file/1":    `{"id":1,"folderId":30,"rootFolderType":14,"parentRoomType":29}`,
		"/api/2.0/files/file/2":    `{"id":2,"folderId":30,"rootFolderType":14}`,
		"/api/2.0/files/file/3":    `{"id":3,"folderId":30,"rootFolderType":14}`,
		"/api/2.0/files/file/4":    `{"id":4,"folderId":5,"rootFolderType":5}`,
		"/api/2.0/files/file/5":    `{"id":5,"folderId":9,"rootFolderType":3}`,
		"/api/2.0/files/folder/30": `{"id":30,"parentId":20,"rootFolderType":14}`,
		"/api/2.0/files/folder/20": `{"id":20,"parentId":10,"rootFolderType":14,"roomType":1}`,
	})
	ctx := context.Background()
	tests := []struct {
		target Target
		want   Location
	}{
		{FileTarget("1"), Location{Kind: LocationRoom, RoomType: RoomTypeVirtualData}},
		{FileTarget("2"), Location{Kind: LocationRoom, RoomType: RoomTypeFillingForms}},
		{FileTarget("3"), Location{Kind: LocationRoom, RoomType: RoomTypeFillingForms}},
		{FileTarget("4"), Location{Kind: LocationMyDocuments}},
		{FileTarget("5"), Location{Kind: LocationOutside}},
		{FolderTarget("30"), Location{Kind: LocationRoom, RoomType: RoomTypeFillingForms}},
		{FolderTarget("20"), Location{Kind: LocationRoom, RoomType: RoomTypeFillingForms, IsRoom: true}},
	}
	for _, tt := range tests {
		got, err := s.Location(ctx, tt.target)
		if err != nil || got != tt.want {
			t.Errorf("Location(%s) = %+v, %v; want %+v", tt.target, got, err, tt.want)
		}
	}
	portal.mu.Lock()
	defer portal.mu.Unlock()
	for path, n := range portal.hits {
		if n != 1 {
			t.Errorf("%s asked %d times, want once", path, n)
		}
	}
	if _, ok := portal.hits["/api/2.0/files/folder/10"]; ok {
		t.Error("the walk went past the room")
	}
}

// FindPrimaryLink reads the listing, never GET …/link, and skips the room's
// link listed with a form's (API.md §13.7, §13.6).
func TestSessionFindPrimaryLink(t *testing.T) {
	t.Parallel()
	s, portal := newStubPortal(t, map[string]string{
		"/api/2.0/files/file/12/links": `[` + entryLink("00000000-0000-4000-8000-000000000002", 10, true) + `,` +
			entryLink("00000000-0000-4000-8000-000000000003", 2, false) + `]`,
		"/api/2.0/files/file/13/links":       `[` + entryLink("99999999-0000-4000-8000-000000000001", 7, true) + `]`,
		"/api/2.0/files/file/13/links#total": "0",
		"/api/2.0/files/file/13":             `{"id":13,"canShare":true}`,
	})
	l, found, err := s.FindPrimaryLink(context.Background(), FileTarget("12"))
	if err != nil || !found || l.ID != "00000000-0000-4000-8000-000000000002" {
		t.Errorf("FindPrimaryLink(file 12) = %+v, %t, %v", l, found, err)
	}
	_, found, err = s.FindPrimaryLink(context.Background(), FileTarget("13"))
	if err != nil || found {
		t.Errorf("FindPrimaryLink(file 13) found=%t, %v; want nothing: the only primary link is the room's", found, err)
	}
	portal.mu.Lock()
	defer portal.mu.Unlock()
	for path := range portal.hits {
		if strings.HasSuffix(path, "/link") {
			t.Errorf("asked %s, which creates a primary link", path)
		}
	}
}

// Folder contents are read once per folder and filter in a run.
func TestSessionListFolderCached(t *testing.T) {
	t.Parallel()
	s, portal := newStubPortal(t, map[string]string{
		"/api/2.0/files/4711": `{"files":[{"id":12,"title":"Policy.docx","folderId":4711}],"folders":[],"total":1}`,
	})
	for range 3 {
		c, err := s.ListFolder(context.Background(), "4711", "Policy")
		if err != nil || len(c.Files) != 1 {
			t.Fatalf("ListFolder = %+v, %v", c, err)
		}
		c.Files[0].Title = "changed by a caller"
	}
	if n := portal.total(); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

// Writes through the Session make the next read of that target's links ask
// again; other targets' listings stay (one listing per file per run
// otherwise).
func TestSessionForgetsEntryListingOnWrite(t *testing.T) {
	t.Parallel()
	primary := entryLink("00000000-0000-4000-8000-000000000002", 2, true)
	s, portal := newStubPortal(t, map[string]string{
		"/api/2.0/files/file/12/links":        `[` + primary + `]`,
		"/api/2.0/files/file/12/links#total":  "1",
		"/api/2.0/files/file/13/links":        `[` + primary + `]`,
		"/api/2.0/files/file/13/links#total":  "1",
		"/api/2.0/files/file/12/link":         primary,
		"/api/2.0/files/folder/7/links":       `[` + primary + `]`,
		"/api/2.0/files/folder/7/link":        primary,
		"/api/2.0/files/folder/7/links#total": "1",
	})
	ctx := context.Background()
	read := func(target Target) {
		if _, err := s.Links(ctx, target, nil); err != nil {
			t.Fatalf("Links(%s): %v", target, err)
		}
	}
	file12, file13, folder7 := FileTarget("12"), FileTarget("13"), FolderTarget("7")
	read(file12)
	read(file13)
	read(folder7)
	read(file12)
	if _, err := s.GetOrCreatePrimaryLink(ctx, file12, LinkRequest{Access: AccessRead}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GetOrCreatePrimaryLink(ctx, folder7, LinkRequest{Access: AccessRead}); err != nil {
		t.Fatal(err)
	}
	read(file12)
	read(file13)
	read(folder7)
	portal.mu.Lock()
	defer portal.mu.Unlock()
	want := map[string]int{"/api/2.0/files/file/12/links": 2, "/api/2.0/files/file/13/links": 1, "/api/2.0/files/folder/7/links": 2}
	for path, n := range want {
		if portal.hits[path] != n {
			t.Errorf("%s listed %d times, want %d", path, portal.hits[path], n)
		}
	}
}

// TestSessionTellsNoRightsFromNoLinks: an empty listing of a room whose
// details show the user may not manage links, or of a Public room, is a
// *NoLinkRightsError; an empty Custom room of a room manager is just empty.
func TestSessionTellsNoRightsFromNoLinks(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t)
	srv.SetMemberToken("member")
	custom := fmt.Sprint(srv.CreateRoom("custom", docspacetest.RoomCustom).ID)
	public := fmt.Sprint(srv.CreateRoom("public", docspacetest.RoomPublic).ID)
	session := func(token string) *Session {
		c, err := NewClient(Config{Host: srv.URL, Token: token})
		if err != nil {
			t.Fatal(err)
		}
		return NewSession(c)
	}
	tests := []struct {
		name, token, room string
		noRights          bool
	}{
		{"manager, empty Custom room", docspacetest.DefaultToken, custom, false},
		{"manager, Public room", docspacetest.DefaultToken, public, false},
		{"member, Custom room", "member", custom, true},
		{"member, Public room", "member", public, true},
	}
	for _, tt := range tests {
		links, err := session(tt.token).Links(context.Background(), RoomTarget(tt.room), nil)
		if IsNoLinkRights(err) != tt.noRights || (!tt.noRights && err != nil) {
			t.Errorf("%s: %d links, error %v; want no-rights %v", tt.name, len(links), err, tt.noRights)
		}
	}
}

// TestRoomGone: only DocSpace's own "not found" for the room itself says
// gone; an existing room or any other answer does not.
func TestRoomGone(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t)
	room := fmt.Sprint(srv.CreateRoom("here", docspacetest.RoomCustom).ID)
	s := NewSession(chaosClient(t, srv, nil))
	if gone, err := s.Gone(context.Background(), RoomTarget(room)); gone || err != nil {
		t.Errorf("existing room: gone %v, %v", gone, err)
	}
	if gone, err := s.Gone(context.Background(), RoomTarget("999999")); !gone || err != nil {
		t.Errorf("unknown room: gone %v, %v", gone, err)
	}
	srv.FailNextOn(http.MethodGet, docspacetest.FaultProxyNotFound, docspacetest.FaultProxyNotFound, docspacetest.FaultProxyNotFound)
	if gone, err := s.Gone(context.Background(), RoomTarget(room)); gone || err == nil {
		t.Errorf("proxy 404s: gone %v, %v; want an error", gone, err)
	}
}
