package docspace

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
)

// fileLinkStub plays the links endpoints of one file (API.md §13.6, §13.7):
// a paged list whose envelope carries total and the server's odd count, a
// room's link appended to every page, and PUTs that store, delete or, like
// DocSpace, skip a write that changes internal or the expiry.
type fileLinkStub struct {
	mu    sync.Mutex
	links []stubLink
	// roomLink, when set, is appended to every page and counted nowhere.
	roomLink *stubLink
	// fixedInternal and fixedExpiry make writes that change them skipped.
	fixedInternal, fixedExpiry bool
	// ignoreStart answers every page from the start.
	ignoreStart bool
	// growAfterFirstPage adds a link after the first page was served, once.
	growAfterFirstPage bool
	// dropAll answers every create without a link, storing nothing.
	dropAll bool
	// understate is subtracted from the total the envelope reports.
	understate int
	pages      int
}

type stubLink struct {
	ID       string
	Access   int
	Primary  bool
	Internal bool
	Expiry   string
}

func (l stubLink) json() string {
	subject := 1
	if l.Primary {
		subject = 4
	}
	exp := ""
	if l.Expiry != "" {
		exp = `,"expirationDate":"` + l.Expiry + `"`
	}
	return fmt.Sprintf(`{"access":%d,"sharedLink":{"id":%q,"title":"t","shareLink":"https://p/s/k","linkType":1,"primary":%t,"internal":%t%s,"requestToken":"tok"},"subjectType":%d}`,
		l.Access, l.ID, l.Primary, l.Internal, exp, subject)
}

func stubLinkID(n int) string { return fmt.Sprintf("00000000-0000-4000-8000-%012d", n) }

func (s *fileLinkStub) handler(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch r.Method {
	case http.MethodGet:
		start, _ := strconv.Atoi(r.URL.Query().Get("startIndex"))
		count, _ := strconv.Atoi(r.URL.Query().Get("count"))
		if s.ignoreStart {
			start = 0
		}
		total := len(s.links)
		var parts []string
		for i := start; i < total && i < start+count; i++ {
			parts = append(parts, s.links[i].json())
		}
		if s.roomLink != nil {
			parts = append(parts, s.roomLink.json())
		}
		// The server's count: min(total - startIndex, count), negative past the end.
		reported := total - s.understate
		body := fmt.Sprintf(`{"response":[%s],"count":%d,"total":%d,"status":0,"statusCode":200}`,
			strings.Join(parts, ","), min(reported-start, count), reported)
		s.pages++
		if s.growAfterFirstPage && s.pages == 1 {
			s.links = append(s.links, stubLink{ID: stubLinkID(9000), Access: 2})
			s.growAfterFirstPage = false
		}
		replyJSON(http.StatusOK, body)(w, r)
	case http.MethodPut:
		var b struct {
			LinkID         string  `json:"linkId"`
			Access         int     `json:"access"`
			Internal       bool    `json:"internal"`
			ExpirationDate *string `json:"expirationDate"`
			Primary        bool    `json:"primary"`
		}
		_ = json.NewDecoder(r.Body).Decode(&b)
		for i, l := range s.links {
			if !strings.EqualFold(l.ID, b.LinkID) {
				continue
			}
			exp := ""
			if b.ExpirationDate != nil {
				if t, err := ParseTime(*b.ExpirationDate); err == nil && t.After(time.Now()) {
					exp = *b.ExpirationDate // a past date is dropped (API.md §5.4)
				}
			}
			if (s.fixedInternal && b.Internal != l.Internal) || (s.fixedExpiry && !sameStubInstant(exp, l.Expiry)) {
				replyJSON(http.StatusOK, okEnvelope(l.json()))(w, r) // skipped: the link unchanged
				return
			}
			if b.Access == 0 {
				s.links = append(s.links[:i], s.links[i+1:]...)
				replyJSON(http.StatusOK, emptyEnvelope)(w, r)
				return
			}
			s.links[i].Access = b.Access
			replyJSON(http.StatusOK, okEnvelope(s.links[i].json()))(w, r)
			return
		}
		if b.Access == 0 || s.dropAll {
			replyJSON(http.StatusOK, emptyEnvelope)(w, r)
			return
		}
		l := stubLink{ID: b.LinkID, Access: b.Access, Primary: b.Primary, Internal: b.Internal}
		s.links = append(s.links, l)
		replyJSON(http.StatusOK, okEnvelope(l.json()))(w, r)
	}
}

func sameStubInstant(a, b string) bool {
	if a == "" || b == "" {
		return a == b
	}
	ta, errA := ParseTime(a)
	tb, errB := ParseTime(b)
	return errA == nil && errB == nil && ta.Equal(tb)
}

func newFileLinkStub(t *testing.T, s *fileLinkStub) (*Client, *fakeServer) {
	t.Helper()
	fs := newFakeServer(t, s.handler)
	return newTestClient(t, fs), fs
}

func stubLinks(n int) []stubLink {
	out := make([]stubLink, n)
	for i := range out {
		out[i] = stubLink{ID: stubLinkID(i + 1), Access: 2}
	}
	return out
}

// A file's links are listed page by page until the total (API.md §13.6); the
// room's link a Form-filling room appends to every page is listed once and
// marked (API.md §13.7).
func TestListFileLinksPages(t *testing.T) {
	t.Parallel()
	roomLink := &stubLink{ID: "99999999-0000-4000-8000-000000000001", Access: 7, Primary: true}
	tests := []struct {
		name      string
		stub      *fileLinkStub
		wantOwn   int
		wantRoom  bool
		wantPages int
	}{
		{name: "empty", stub: &fileLinkStub{}, wantOwn: 0, wantPages: 1},
		{name: "one page", stub: &fileLinkStub{links: stubLinks(3)}, wantOwn: 3, wantPages: 1},
		{name: "exactly one full page", stub: &fileLinkStub{links: stubLinks(100)}, wantOwn: 100, wantPages: 1},
		{name: "two pages", stub: &fileLinkStub{links: stubLinks(103)}, wantOwn: 103, wantPages: 2},
		{name: "room link on one page", stub: &fileLinkStub{links: stubLinks(1), roomLink: roomLink}, wantOwn: 1, wantRoom: true, wantPages: 1},
		{name: "room link alone (no rights on the file)", stub: &fileLinkStub{roomLink: roomLink}, wantOwn: 0, wantRoom: true, wantPages: 1},
		{name: "room link on every page", stub: &fileLinkStub{links: stubLinks(150), roomLink: roomLink}, wantOwn: 150, wantRoom: true, wantPages: 2},
		{name: "server ignores startIndex", stub: &fileLinkStub{links: stubLinks(120), ignoreStart: true}, wantOwn: 100, wantPages: 2},
		{name: "total understated: no link taken for the room's", stub: &fileLinkStub{links: []stubLink{
			{ID: stubLinkID(1), Access: 2, Primary: true}, {ID: stubLinkID(2), Access: 2, Primary: true}}, understate: 2}, wantOwn: 2, wantPages: 1},
		{name: "total grows between pages", stub: &fileLinkStub{links: stubLinks(101), growAfterFirstPage: true}, wantOwn: 102, wantPages: 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, fs := newFileLinkStub(t, tt.stub)
			links, err := c.ListLinks(context.Background(), FileTarget("12"), nil)
			if err != nil {
				t.Fatalf("ListLinks: %v", err)
			}
			own, room := 0, 0
			seen := map[string]bool{}
			for _, l := range links {
				if seen[l.ID] {
					t.Errorf("link %s listed twice", l.ID)
				}
				seen[l.ID] = true
				if l.RoomLink {
					room++
					if l.ID != roomLink.ID {
						t.Errorf("link %s marked as the room's", l.ID)
					}
				} else {
					own++
				}
			}
			if own != tt.wantOwn || (room == 1) != tt.wantRoom || room > 1 {
				t.Errorf("listed %d own links and %d room links, want %d and room=%t", own, room, tt.wantOwn, tt.wantRoom)
			}
			reqs := fs.requests()
			if len(reqs) != tt.wantPages {
				t.Errorf("%d requests, want %d", len(reqs), tt.wantPages)
			}
			for _, r := range reqs {
				if r.Method != http.MethodGet || r.RawPath != "/api/2.0/files/file/12/links" {
					t.Errorf("request %s %s", r.Method, r.RawPath)
				}
				if !strings.Contains(r.Query, "count=100") || strings.Contains(r.Query, "type=") {
					t.Errorf("query %q: want count=100 and no type filter", r.Query)
				}
			}
		})
	}
}

// A folder's links come in one request, without paging or a type filter
// (API.md §13.6).
func TestListFolderLinksOneRequest(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t, replyJSON(http.StatusOK, okEnvelope(`[`+stubLink{ID: stubLinkID(1), Access: 2, Primary: true}.json()+`]`)))
	kind := LinkTypeExternal
	links, err := newTestClient(t, fs).ListLinks(context.Background(), FolderTarget("7"), &kind)
	if err != nil || len(links) != 1 || !links[0].Primary {
		t.Fatalf("ListLinks = %+v, %v", links, err)
	}
	req := fs.only(t)
	if req.RawPath != "/api/2.0/files/folder/7/links" || req.Query != "" {
		t.Errorf("request %s?%s, want /api/2.0/files/folder/7/links without a query", req.RawPath, req.Query)
	}
}

// File and folder PUT bodies carry primary and neither linkType nor
// maxUseCount; room bodies stay as they are (API.md §2, §13.2).
func TestLinkBodyPerTarget(t *testing.T) {
	t.Parallel()
	req := LinkRequest{LinkID: "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90", LinkType: LinkTypeInvitation, Access: AccessRead,
		MaxUseCount: ptr(5), Primary: true, Internal: true}
	tests := []struct {
		target   Target
		path     string
		want     map[string]string
		wantGone []string
	}{
		{FileTarget("12"), "/api/2.0/files/file/12/links", map[string]string{"primary": "true", "access": "2", "internal": "true"}, []string{"linkType", "maxUseCount"}},
		{FolderTarget("7"), "/api/2.0/files/folder/7/links", map[string]string{"primary": "true", "access": "2"}, []string{"linkType", "maxUseCount"}},
		{RoomTarget("4711"), "/api/2.0/files/rooms/4711/links", map[string]string{"linkType": "0", "maxUseCount": "5"}, []string{"primary"}},
	}
	for _, tt := range tests {
		t.Run(tt.target.String(), func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, echoLinkHandler)
			if _, err := newTestClient(t, fs).SetLink(context.Background(), tt.target, req); err != nil {
				t.Fatalf("SetLink: %v", err)
			}
			r := fs.only(t)
			if r.RawPath != tt.path {
				t.Errorf("path %s, want %s", r.RawPath, tt.path)
			}
			body := decodeBody(t, r.Body)
			for k, v := range tt.want {
				if got := string(body[k]); got != v {
					t.Errorf("%s = %s, want %s", k, got, v)
				}
			}
			for _, k := range tt.wantGone {
				if _, ok := body[k]; ok {
					t.Errorf("body has %s: %s", k, r.Body)
				}
			}
		})
	}
}

// A create of a file link that DocSpace answers without a link stored
// nothing (API.md §13.5): one request, no listing, no retry.
func TestCreateFileLinkNotStored(t *testing.T) {
	t.Parallel()
	stub := &fileLinkStub{dropAll: true}
	c, fs := newFileLinkStub(t, stub)
	c.linkIDs.Store(linkIDsHonoured)
	_, err := c.CreateLink(context.Background(), FileTarget("12"), LinkRequest{Access: AccessEditing})
	var notStored *NotStoredError
	if !errors.As(err, &notStored) || !IsNotStored(err) || notStored.Target != FileTarget("12") {
		t.Fatalf("CreateLink error = %v, want a *NotStoredError for file 12", err)
	}
	if n := len(fs.requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

// A file link's create whose answer is lost is settled through the file's
// paged listing by the chosen id (API.md §10.12).
func TestCreateFileLinkRecovers(t *testing.T) {
	t.Parallel()
	stub := &fileLinkStub{links: stubLinks(100)}
	var once sync.Once
	fs := newFakeServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut {
			lost := false
			once.Do(func() { lost = true })
			if lost {
				stub.handler(httptest.NewRecorder(), r) // the link is made, the answer lost
				hangUp(w, r)
				return
			}
			stub.handler(w, r)
			return
		}
		stub.handler(w, r)
	})
	c := newTestClient(t, fs)
	c.linkIDs.Store(linkIDsHonoured)
	link, err := c.CreateLink(context.Background(), FileTarget("12"), LinkRequest{Access: AccessRead, Primary: true})
	if err != nil {
		t.Fatalf("CreateLink: %v", err)
	}
	if len(stub.links) != 101 || !strings.EqualFold(stub.links[100].ID, link.ID) || !stub.links[100].Primary {
		t.Errorf("file holds %d links, created %s; want 101 with the created primary link last", len(stub.links), link.ID)
	}
}

// Deletes of file and folder links repeat the link's internal flag and expiry,
// and follow DocSpace's values once when the caller's were stale (API.md §13.5).
func TestDeleteEntryLink(t *testing.T) {
	t.Parallel()
	expiry := "2027-01-01T02:59:59.0000000+03:00"
	exp, _ := ParseTime(expiry)
	id := stubLinkID(1)
	tests := []struct {
		name      string
		stored    stubLink
		fixed     func(*fileLinkStub)
		passed    Link
		wantErr   string
		wantPuts  int
		wantGone  bool
		wantFirst map[string]string
	}{
		{name: "data room: internal repeated", stored: stubLink{ID: id, Access: 2, Internal: true},
			fixed: func(s *fileLinkStub) { s.fixedInternal = true }, passed: Link{ID: id, Internal: true},
			wantPuts: 1, wantGone: true, wantFirst: map[string]string{"internal": "true", "access": "0"}},
		{name: "form room: expiry repeated", stored: stubLink{ID: id, Access: 7, Primary: true, Expiry: expiry},
			fixed: func(s *fileLinkStub) { s.fixedExpiry = true }, passed: Link{ID: id, Expiration: &exp},
			wantPuts: 1, wantGone: true, wantFirst: map[string]string{"expirationDate": `"2026-12-31T23:59:59Z"`}},
		{name: "stale caller: DocSpace's values on a second try", stored: stubLink{ID: id, Access: 2, Internal: true, Expiry: expiry},
			fixed: func(s *fileLinkStub) { s.fixedInternal, s.fixedExpiry = true, true }, passed: Link{ID: id},
			wantPuts: 2, wantGone: true, wantFirst: map[string]string{"internal": "false"}},
		{name: "kept whatever is sent", stored: stubLink{ID: id, Access: 2, Internal: true},
			fixed: func(s *fileLinkStub) { s.fixedInternal = true }, passed: Link{ID: id, Internal: false},
			wantPuts: 2, wantErr: "did not delete"},
		{name: "room link refused", passed: Link{ID: id, RoomLink: true, Primary: true}, wantPuts: 0, wantErr: "room's primary link"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			stub := &fileLinkStub{}
			if tt.stored.ID != "" {
				stub.links = []stubLink{tt.stored}
			}
			if tt.fixed != nil {
				tt.fixed(stub)
			}
			if tt.name == "kept whatever is sent" {
				// A link DocSpace keeps on every delete (a form's link
				// redirected elsewhere, say): both tries answer it unchanged.
				stub.fixedExpiry, stub.links[0].Expiry = true, "2020-01-01T00:00:00Z"
			}
			c, fs := newFileLinkStub(t, stub)
			_, err := c.DeleteLink(context.Background(), FileTarget("12"), tt.passed)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("DeleteLink: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("DeleteLink error = %v, want one containing %q", err, tt.wantErr)
			}
			reqs := fs.requests()
			if len(reqs) != tt.wantPuts {
				t.Fatalf("%d requests, want %d", len(reqs), tt.wantPuts)
			}
			if tt.wantGone && len(stub.links) != 0 {
				t.Errorf("link still stored")
			}
			if len(reqs) > 0 {
				body := decodeBody(t, reqs[0].Body)
				for k, v := range tt.wantFirst {
					if got := string(body[k]); got != v {
						t.Errorf("first delete: %s = %s, want %s", k, got, v)
					}
				}
				if _, ok := body["linkType"]; ok {
					t.Errorf("file delete sends linkType: %s", reqs[0].Body)
				}
			}
		})
	}
}

// Room deletes send what they always sent: no internal or expiry from the
// link (API.md §6).
func TestDeleteRoomLinkIgnoresOptions(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t, replyJSON(http.StatusOK, emptyEnvelope))
	exp := time.Now().Add(time.Hour)
	if _, err := newTestClient(t, fs).DeleteLink(context.Background(), RoomTarget("4711"),
		Link{ID: stubLinkID(1), LinkType: LinkTypeExternal, Internal: true, Expiration: &exp}); err != nil {
		t.Fatal(err)
	}
	body := decodeBody(t, fs.only(t).Body)
	if string(body["internal"]) != "false" || string(body["expirationDate"]) != "null" || string(body["linkType"]) != "1" {
		t.Errorf("room delete body %v", body)
	}
}

// GET …/link creates a file's or folder's primary link, so PrimaryLink
// refuses them; GetOrCreatePrimaryLink is the explicit POST (API.md §13.6).
func TestEntryPrimaryLink(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t, replyJSON(http.StatusOK, okEnvelope(stubLink{ID: stubLinkID(3), Access: 2, Primary: true}.json())))
	c := newTestClient(t, fs)
	for _, target := range []Target{FileTarget("12"), FolderTarget("7")} {
		if _, err := c.PrimaryLink(context.Background(), target); err == nil {
			t.Errorf("PrimaryLink(%s) succeeded", target)
		}
	}
	if _, err := c.GetOrCreatePrimaryLink(context.Background(), RoomTarget("4711"), LinkRequest{Access: AccessRead}); err == nil {
		t.Error("GetOrCreatePrimaryLink of a room succeeded")
	}
	if _, err := c.GetOrCreatePrimaryLink(context.Background(), FileTarget("12"), LinkRequest{}); err == nil {
		t.Error("GetOrCreatePrimaryLink without access succeeded")
	}
	if n := len(fs.requests()); n != 0 {
		t.Fatalf("%d requests for refused calls", n)
	}
	l, err := c.GetOrCreatePrimaryLink(context.Background(), FolderTarget("7"),
		LinkRequest{LinkID: stubLinkID(9), Access: AccessRead, Title: "Press", Password: "Secret-pass-1"})
	if err != nil || l.ID != stubLinkID(3) || !l.Primary {
		t.Fatalf("GetOrCreatePrimaryLink = %+v, %v", l, err)
	}
	r := fs.only(t)
	body := decodeBody(t, r.Body)
	if r.Method != http.MethodPost || r.RawPath != "/api/2.0/files/folder/7/link" {
		t.Errorf("request %s %s", r.Method, r.RawPath)
	}
	if _, ok := body["linkId"]; ok || string(body["primary"]) != "true" || string(body["access"]) != "2" || string(body["title"]) != `"Press"` {
		t.Errorf("body %s", r.Body)
	}
}

// A password sent to a file or folder is cut from errors that repeat it, as
// for rooms.
func TestEntryLinkPasswordRedacted(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t, replyJSON(http.StatusBadRequest,
		`{"error":{"message":"Password `+plantedPassword+` must contain from 8 to 30 characters"},"status":1,"statusCode":400}`))
	c := newTestClient(t, fs)
	for _, target := range []Target{FileTarget("12"), FolderTarget("7")} {
		_, err := c.SetLink(context.Background(), target, LinkRequest{Access: AccessRead, Password: plantedPassword})
		if err == nil {
			t.Fatalf("SetLink(%s) succeeded", target)
		}
		assertNoSecrets(t, err)
		_, err = c.GetOrCreatePrimaryLink(context.Background(), target, LinkRequest{Access: AccessRead, Password: plantedPassword})
		if err == nil {
			t.Fatalf("GetOrCreatePrimaryLink(%s) succeeded", target)
		}
		assertNoSecrets(t, err)
	}
}

// externalLinkEntry is a API.md §3.3-shaped PUT answer for a link id.
func externalLinkEntry(id string) string {
	return `{"access":2,"sharedLink":{"id":"` + id + `","title":"Auditors","shareLink":"https://example.onlyoffice.com/s/Zk5pQ_TrJx9WcLm","linkType":1,"denyDownload":false,"isExpired":false,"primary":false,"internal":false,"requestToken":"tok"},"subjectType":1}`
}

// echoLinkHandler answers a PUT with a link carrying the id it was sent.
func echoLinkHandler(w http.ResponseWriter, r *http.Request) {
	var body struct {
		LinkID string `json:"linkId"`
	}
	_ = json.NewDecoder(r.Body).Decode(&body)
	replyJSON(http.StatusOK, okEnvelope(externalLinkEntry(body.LinkID)))(w, r)
}

func TestRequestHeaders(t *testing.T) {
	t.Parallel()
	const linkID = "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"
	tests := []struct {
		name       string
		call       func(*Client) error
		handler    http.HandlerFunc
		wantMethod string
		wantBody   bool
	}{
		{
			name: "ListLinks",
			call: func(c *Client) error {
				_, err := c.ListLinks(context.Background(), RoomTarget("4711"), nil)
				return err
			},
			handler:    replyJSON(http.StatusOK, okEnvelope(`[]`)),
			wantMethod: http.MethodGet,
		},
		{
			name:       "GetRoom",
			call:       func(c *Client) error { _, err := c.GetRoom(context.Background(), "4711"); return err },
			handler:    replyJSON(http.StatusOK, okEnvelope(`{"id":4711,"title":"R","roomType":5}`)),
			wantMethod: http.MethodGet,
		},
		{
			name: "SetLink",
			call: func(c *Client) error {
				_, err := c.SetLink(context.Background(), RoomTarget("4711"), LinkRequest{LinkType: LinkTypeExternal, Access: AccessRead})
				return err
			},
			handler:    echoLinkHandler,
			wantMethod: http.MethodPut,
			wantBody:   true,
		},
		{
			name: "DeleteLink",
			call: func(c *Client) error {
				_, err := c.DeleteLink(context.Background(), RoomTarget("4711"), Link{ID: linkID, LinkType: LinkTypeExternal})
				return err
			},
			handler:    replyJSON(http.StatusOK, emptyEnvelope),
			wantMethod: http.MethodPut,
			wantBody:   true,
		},
		{
			name:       "DeleteRoom",
			call:       func(c *Client) error { return c.DeleteRoom(context.Background(), "4711") },
			handler:    replyJSON(http.StatusOK, emptyEnvelope),
			wantMethod: http.MethodDelete,
			wantBody:   true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, tt.handler)
			if err := tt.call(newTestClient(t, fs)); err != nil {
				t.Fatalf("call: %v", err)
			}
			req := fs.only(t)
			if req.Method != tt.wantMethod {
				t.Errorf("method = %s, want %s", req.Method, tt.wantMethod)
			}
			if got := req.Header.Values("Authorization"); len(got) != 1 || got[0] != "Bearer "+testToken {
				t.Errorf("Authorization = %q, want exactly %q", got, "Bearer "+testToken)
			}
			if got := req.Header.Get("User-Agent"); got != "terraform-provider-docspace/test" {
				t.Errorf("User-Agent = %q", got)
			}
			if got := req.Header.Get("Accept"); got != "application/json" {
				t.Errorf("Accept = %q, want application/json", got)
			}
			if req.Header.Get("Cookie") != "" {
				t.Errorf("a cookie was sent: %q", req.Header.Get("Cookie"))
			}
			ct := req.Header.Get("Content-Type")
			if tt.wantBody {
				if ct != "application/json" {
					t.Errorf("Content-Type = %q, want application/json", ct)
				}
				if !json.Valid(req.Body) {
					t.Errorf("body is not JSON: %s", req.Body)
				}
			} else if ct != "" || len(req.Body) != 0 {
				t.Errorf("a %s request carries Content-Type %q and body %q", req.Method, ct, req.Body)
			}
		})
	}
}

func TestListLinksPathAndQuery(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		roomID    string
		kind      *LinkType
		wantPath  string
		wantQuery string
	}{
		{name: "all links", roomID: "4711", wantPath: "/api/2.0/files/rooms/4711/links", wantQuery: ""},
		{name: "invitation", roomID: "4711", kind: ptr(LinkTypeInvitation), wantPath: "/api/2.0/files/rooms/4711/links", wantQuery: "type=0"},
		{name: "external", roomID: "4711", kind: ptr(LinkTypeExternal), wantPath: "/api/2.0/files/rooms/4711/links", wantQuery: "type=1"},
		{name: "third-party room", roomID: "sbox-12_a.b", kind: ptr(LinkTypeExternal), wantPath: "/api/2.0/files/rooms/sbox-12_a.b/links", wantQuery: "type=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, replyJSON(http.StatusOK, okEnvelope(`[]`)))
			links, err := newTestClient(t, fs).ListLinks(context.Background(), RoomTarget(tt.roomID), tt.kind)
			if err != nil {
				t.Fatalf("ListLinks: %v", err)
			}
			if links == nil || len(links) != 0 {
				t.Errorf("links = %#v, want an empty, non-nil list", links)
			}
			req := fs.only(t)
			if req.Method != http.MethodGet || req.RawPath != tt.wantPath || req.Query != tt.wantQuery {
				t.Errorf("request = %s %s?%s, want GET %s?%s", req.Method, req.RawPath, req.Query, tt.wantPath, tt.wantQuery)
			}
		})
	}
}

// allLinkFields is every key of a API.md §2 request body; each is sent every time.
var allLinkFields = []string{"access", "denyDownload", "expirationDate", "internal", "linkId", "linkType", "maxUseCount", "password", "title"}

func TestSetLinkSendsEveryField(t *testing.T) {
	t.Parallel()
	const linkID = "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"
	expiry := time.Date(2027, 1, 1, 2, 59, 59, 0, time.FixedZone("MSK", 3*3600))
	tests := []struct {
		name string
		req  LinkRequest
		want map[string]string // key -> exact JSON; "linkId" is checked separately when empty here
	}{
		{
			name: "bare external create",
			req:  LinkRequest{LinkType: LinkTypeExternal, Access: AccessRead},
			want: map[string]string{
				"linkType": `1`, "access": `2`, "title": `null`, "expirationDate": `null`, "password": `null`,
				"denyDownload": `false`, "internal": `false`, "maxUseCount": `null`,
			},
		},
		{
			name: "full external update",
			req: LinkRequest{
				LinkID: linkID, LinkType: LinkTypeExternal, Access: AccessEditing, Title: "Auditors",
				Expiration: &expiry, Password: "Audit2026pass", DenyDownload: true, Internal: true,
			},
			want: map[string]string{
				"linkId": `"` + linkID + `"`, "linkType": `1`, "access": `10`, "title": `"Auditors"`,
				"expirationDate": `"2026-12-31T23:59:59Z"`, "password": `"Audit2026pass"`,
				"denyDownload": `true`, "internal": `true`, "maxUseCount": `null`,
			},
		},
		{
			name: "invitation with a use limit",
			req:  LinkRequest{LinkID: linkID, LinkType: LinkTypeInvitation, Access: AccessContentCreator, Title: "Join", MaxUseCount: ptr(25)},
			want: map[string]string{
				"linkId": `"` + linkID + `"`, "linkType": `0`, "access": `11`, "title": `"Join"`, "expirationDate": `null`,
				"password": `null`, "denyDownload": `false`, "internal": `false`, "maxUseCount": `25`,
			},
		},
		{
			name: "invitation type is sent although it is the server default",
			req:  LinkRequest{LinkID: linkID, LinkType: LinkTypeInvitation, Access: AccessRead},
			want: map[string]string{"linkType": `0`, "access": `2`},
		},
		{
			name: "GUID spelled in braces and upper case is sent canonical",
			req:  LinkRequest{LinkID: "{3F6C2A9E-8D41-4B7A-9C05-1E2D7F4A6B90}", LinkType: LinkTypeExternal, Access: AccessRead},
			want: map[string]string{"linkId": `"` + linkID + `"`},
		},
		{
			name: "GUID without hyphens is sent canonical",
			req:  LinkRequest{LinkID: "3f6c2a9e8d414b7a9c051e2d7f4a6b90", LinkType: LinkTypeExternal, Access: AccessRead},
			want: map[string]string{"linkId": `"` + linkID + `"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, echoLinkHandler)
			if _, err := newTestClient(t, fs).SetLink(context.Background(), RoomTarget("4711"), tt.req); err != nil {
				t.Fatalf("SetLink: %v", err)
			}
			req := fs.only(t)
			if req.Method != http.MethodPut || req.RawPath != "/api/2.0/files/rooms/4711/links" || req.Query != "" {
				t.Errorf("request = %s %s?%s, want PUT /api/2.0/files/rooms/4711/links", req.Method, req.RawPath, req.Query)
			}
			body := decodeBody(t, req.Body)
			keys := make([]string, 0, len(body))
			for k := range body {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			if !slices.Equal(keys, allLinkFields) {
				t.Errorf("body keys = %v, want exactly %v", keys, allLinkFields)
			}
			for k, want := range tt.want {
				if got := string(body[k]); got != want {
					t.Errorf("%s = %s, want %s", k, got, want)
				}
			}
			var id string
			if err := json.Unmarshal(body["linkId"], &id); err != nil {
				t.Fatalf("linkId is not a string: %s", body["linkId"])
			}
			if _, err := uuid.Parse(id); err != nil || id != strings.ToLower(id) || len(id) != 36 {
				t.Errorf("linkId %q is not a canonical GUID", id)
			}
		})
	}
}

// A create gets a fresh random id on every call, so a retried create after a
// lost response updates the same link, and two creates make two links.
func TestSetLinkCreateSendsFreshRandomID(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		linkID string
	}{
		{name: "no id", linkID: ""},
		{name: "empty GUID", linkID: uuid.Nil.String()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, echoLinkHandler)
			c := newTestClient(t, fs)
			var returned []string
			for range 2 {
				l, err := c.SetLink(context.Background(), RoomTarget("4711"), LinkRequest{LinkID: tt.linkID, LinkType: LinkTypeExternal, Access: AccessRead})
				if err != nil {
					t.Fatalf("SetLink: %v", err)
				}
				returned = append(returned, l.ID)
			}
			reqs := fs.requests()
			if len(reqs) != 2 {
				t.Fatalf("server saw %d requests, want 2", len(reqs))
			}
			var sent []string
			for i, req := range reqs {
				var body struct {
					LinkID string `json:"linkId"`
				}
				if err := json.Unmarshal(req.Body, &body); err != nil {
					t.Fatalf("body: %v", err)
				}
				id, err := uuid.Parse(body.LinkID)
				if err != nil {
					t.Fatalf("linkId %q is not a GUID: %v", body.LinkID, err)
				}
				if id == uuid.Nil || id.Version() != 4 || id.Variant() != uuid.RFC4122 {
					t.Errorf("linkId %q is not a random (version 4) GUID", body.LinkID)
				}
				if body.LinkID != id.String() {
					t.Errorf("linkId %q is not in canonical form", body.LinkID)
				}
				if returned[i] != body.LinkID {
					t.Errorf("SetLink returned id %q, want the one sent, %q", returned[i], body.LinkID)
				}
				sent = append(sent, body.LinkID)
			}
			if sent[0] == sent[1] {
				t.Errorf("two creates sent the same id %q", sent[0])
			}
		})
	}
}

var offsetSuffix = regexp.MustCompile(`(Z|[+-]\d\d:\d\d)$`)

func TestSetLinkExpirationHasOffset(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		at   time.Time
		want string
	}{
		{name: "UTC", at: time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC), want: "2026-12-31T23:59:59Z"},
		{name: "+03:00", at: time.Date(2027, 1, 1, 2, 59, 59, 0, time.FixedZone("", 3*3600)), want: "2026-12-31T23:59:59Z"},
		{name: "-05:30", at: time.Date(2026, 12, 31, 18, 29, 59, 0, time.FixedZone("", -(5*3600+1800))), want: "2026-12-31T23:59:59Z"},
		{name: "local zone", at: time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC).Local(), want: "2026-12-31T23:59:59Z"},
		{name: "fraction kept to 100 ns", at: time.Date(2026, 12, 31, 23, 59, 59, 123456789, time.UTC), want: "2026-12-31T23:59:59.1234567Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, echoLinkHandler)
			at := tt.at
			if _, err := newTestClient(t, fs).SetLink(context.Background(), RoomTarget("4711"), LinkRequest{LinkType: LinkTypeExternal, Access: AccessRead, Expiration: &at}); err != nil {
				t.Fatalf("SetLink: %v", err)
			}
			var body struct {
				ExpirationDate *string `json:"expirationDate"`
			}
			if err := json.Unmarshal(fs.only(t).Body, &body); err != nil || body.ExpirationDate == nil {
				t.Fatalf("expirationDate missing or not a string: %v", err)
			}
			got := *body.ExpirationDate
			if !offsetSuffix.MatchString(got) {
				t.Errorf("expirationDate %q has no offset", got)
			}
			parsed, err := time.Parse(time.RFC3339Nano, got)
			if err != nil {
				t.Fatalf("expirationDate %q is not RFC 3339: %v", got, err)
			}
			if !parsed.Equal(tt.at.Truncate(100 * time.Nanosecond)) {
				t.Errorf("expirationDate %q is %v, want the instant %v", got, parsed, tt.at)
			}
			if got != tt.want {
				t.Errorf("expirationDate = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDeleteLinkRequest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		linkID   string
		kind     LinkType
		wantID   string
		wantType string
	}{
		{name: "external", linkID: "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90", kind: LinkTypeExternal, wantID: "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90", wantType: "1"},
		{name: "invitation", linkID: "b1d0e7a4-5c2f-4e8b-a9d3-6f1c2b7e8a05", kind: LinkTypeInvitation, wantID: "b1d0e7a4-5c2f-4e8b-a9d3-6f1c2b7e8a05", wantType: "0"},
		{name: "upper case id", linkID: "B1D0E7A4-5C2F-4E8B-A9D3-6F1C2B7E8A05", kind: LinkTypeInvitation, wantID: "b1d0e7a4-5c2f-4e8b-a9d3-6f1c2b7e8a05", wantType: "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, replyJSON(http.StatusOK, emptyEnvelope))
			if _, err := newTestClient(t, fs).DeleteLink(context.Background(), RoomTarget("4711"), Link{ID: tt.linkID, LinkType: tt.kind}); err != nil {
				t.Fatalf("DeleteLink: %v", err)
			}
			req := fs.only(t)
			if req.Method != http.MethodPut || req.RawPath != "/api/2.0/files/rooms/4711/links" {
				t.Errorf("request = %s %s, want PUT /api/2.0/files/rooms/4711/links", req.Method, req.RawPath)
			}
			body := decodeBody(t, req.Body)
			if got := string(body["access"]); got != "0" {
				t.Errorf("access = %s, want 0", got)
			}
			if got := string(body["linkId"]); got != `"`+tt.wantID+`"` {
				t.Errorf("linkId = %s, want %q", got, tt.wantID)
			}
			if got := string(body["linkType"]); got != tt.wantType {
				t.Errorf("linkType = %s, want %s", got, tt.wantType)
			}
		})
	}
}

// Arguments the client can reject itself never reach the server.
func TestLinkArgumentsCheckedBeforeSending(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		call    func(*Client) error
		wantErr string
	}{
		{
			name: "SetLink without access",
			call: func(c *Client) error {
				_, err := c.SetLink(context.Background(), RoomTarget("4711"), LinkRequest{LinkType: LinkTypeExternal})
				return err
			},
			wantErr: "DeleteLink",
		},
		{
			name: "SetLink with a link id that is not a GUID",
			call: func(c *Client) error {
				_, err := c.SetLink(context.Background(), RoomTarget("4711"), LinkRequest{LinkID: "not-a-guid", LinkType: LinkTypeExternal, Access: AccessRead})
				return err
			},
			wantErr: "not a GUID",
		},
		{
			name: "DeleteLink with a link id that is not a GUID",
			call: func(c *Client) error {
				_, err := c.DeleteLink(context.Background(), RoomTarget("4711"), Link{ID: "../../people", LinkType: LinkTypeExternal})
				return err
			},
			wantErr: "not a GUID",
		},
		{
			name: "DeleteLink without a link id",
			call: func(c *Client) error {
				_, err := c.DeleteLink(context.Background(), RoomTarget("4711"), Link{ID: "", LinkType: LinkTypeExternal})
				return err
			},
			wantErr: "not a GUID",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, replyJSON(http.StatusOK, emptyEnvelope))
			err := tt.call(newTestClient(t, fs))
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error = %v, want one mentioning %q", err, tt.wantErr)
			}
			if n := len(fs.requests()); n != 0 {
				t.Errorf("server saw %d requests, want 0", n)
			}
		})
	}
}

func TestRoomIDSafety(t *testing.T) {
	t.Parallel()
	const linkID = "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"
	calls := map[string]func(*Client, string) error{
		"ListLinks": func(c *Client, id string) error {
			_, err := c.ListLinks(context.Background(), RoomTarget(id), nil)
			return err
		},
		"SetLink": func(c *Client, id string) error {
			_, err := c.SetLink(context.Background(), RoomTarget(id), LinkRequest{LinkType: LinkTypeExternal, Access: AccessRead})
			return err
		},
		"DeleteLink": func(c *Client, id string) error {
			_, err := c.DeleteLink(context.Background(), RoomTarget(id), Link{ID: linkID, LinkType: LinkTypeExternal})
			return err
		},
		"GetRoom":    func(c *Client, id string) error { _, err := c.GetRoom(context.Background(), id); return err },
		"DeleteRoom": func(c *Client, id string) error { return c.DeleteRoom(context.Background(), id) },
	}
	invalid := []struct{ name, id string }{
		{"traversal", "1/../../people"},
		{"dot dot", ".."},
		{"dot", "."},
		{"query", "1?x=1"},
		{"fragment", "1#a"},
		{"escaped dots", "%2e%2e"},
		{"escaped slash", "1%2F2"},
		{"empty", ""},
		{"space", " "},
		{"inner space", "47 11"},
		{"trailing newline", "4711\n"},
		{"unicode letters", "комната"},
		{"unicode digits", "４７１１"},
		{"leading dash", "-4711"},
		{"leading dot", ".hidden"},
		{"slash", "4711/links"},
		{"backslash", `4711\..\people`},
		{"300 chars", strings.Repeat("1", 300)},
		{"256 chars", strings.Repeat("a", 256)},
	}
	for _, tt := range invalid {
		t.Run("invalid "+tt.name, func(t *testing.T) {
			t.Parallel()
			if err := ValidateRoomID(tt.id); err == nil {
				t.Errorf("ValidateRoomID(%q) = nil, want an error", tt.id)
			}
			for name, call := range calls {
				fs := newFakeServer(t, replyJSON(http.StatusOK, okEnvelope(`[]`)))
				err := call(newTestClient(t, fs), tt.id)
				if err == nil {
					t.Errorf("%s(%q) = nil error, want one", name, tt.id)
				} else if !strings.Contains(err.Error(), "room id") {
					t.Errorf("%s(%q) error %q does not name the room id", name, tt.id, err)
				}
				if n := len(fs.requests()); n != 0 {
					t.Errorf("%s(%q): server saw %d requests, want 0", name, tt.id, n)
				}
			}
		})
	}

	valid := []struct{ name, id string }{
		{"numeric", "4711"},
		{"third-party", "sbox-12_a.b"},
		{"255 chars", strings.Repeat("a", 255)},
	}
	for _, tt := range valid {
		t.Run("valid "+tt.name, func(t *testing.T) {
			t.Parallel()
			if err := ValidateRoomID(tt.id); err != nil {
				t.Errorf("ValidateRoomID(%q): %v", tt.id, err)
			}
			fs := newFakeServer(t, replyJSON(http.StatusOK, okEnvelope(`[]`)))
			if _, err := newTestClient(t, fs).ListLinks(context.Background(), RoomTarget(tt.id), nil); err != nil {
				t.Fatalf("ListLinks(%q): %v", tt.id, err)
			}
			req := fs.only(t)
			if want := "/api/2.0/files/rooms/" + tt.id + "/links"; req.RawPath != want || req.Path != want {
				t.Errorf("request path = %q (raw %q), want %q", req.Path, req.RawPath, want)
			}
		})
	}
}

func TestCreateRoomRequest(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t, replyJSON(http.StatusOK, okEnvelope(`{"id":4711,"title":"Audit","roomType":5}`)))
	room, err := newTestClient(t, fs).CreateRoom(context.Background(), "Audit", RoomTypeCustom)
	if err != nil {
		t.Fatalf("CreateRoom: %v", err)
	}
	if room.ID != "4711" || room.Title != "Audit" || room.Type != RoomTypeCustom {
		t.Errorf("room = %+v", room)
	}
	req := fs.only(t)
	if req.Method != http.MethodPost || req.RawPath != "/api/2.0/files/rooms" {
		t.Errorf("request = %s %s", req.Method, req.RawPath)
	}
	body := decodeBody(t, req.Body)
	if string(body["title"]) != `"Audit"` || string(body["roomType"]) != "5" {
		t.Errorf("body = %s", req.Body)
	}
}

func TestDeleteRoomRequest(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t, replyJSON(http.StatusOK, emptyEnvelope))
	if err := newTestClient(t, fs).DeleteRoom(context.Background(), "4711"); err != nil {
		t.Fatalf("DeleteRoom: %v", err)
	}
	req := fs.only(t)
	if req.Method != http.MethodDelete || req.RawPath != "/api/2.0/files/rooms/4711" {
		t.Errorf("request = %s %s", req.Method, req.RawPath)
	}
	if got := string(decodeBody(t, req.Body)["deleteAfter"]); got != "false" {
		t.Errorf("deleteAfter = %s, want false", got)
	}
}

// The client is safe for concurrent use (run with -race).
func TestConcurrentRequests(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t, replyJSON(http.StatusOK, okEnvelope(`[`+externalLinkEntry("3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90")+`]`)))
	c := newTestClient(t, fs)
	errs := make(chan error, 16)
	for range 16 {
		go func() {
			_, err := c.ListLinks(context.Background(), RoomTarget("4711"), nil)
			errs <- err
		}()
	}
	for range 16 {
		if err := <-errs; err != nil {
			t.Errorf("ListLinks: %v", err)
		}
	}
	if n := len(fs.requests()); n != 16 {
		t.Errorf("server saw %d requests, want 16", n)
	}
}

// TestParseLinkID: the one check of a link id a user typed (import IDs, the
// docspace_room_link data source), in the form DocSpace writes (API.md §3.2).
func TestParseLinkID(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90", "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"},
		{"3F6C2A9E-8D41-4B7A-9C05-1E2D7F4A6B90", "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"},
		{"3f6c2a9e8d414b7a9c051e2d7f4a6b90", ""},              // no hyphens
		{"{3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90}", ""},        // braces
		{"urn:uuid:3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90", ""}, // URN
		{"3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b9", ""},           // short
		{" 3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90", ""},         // space
		{"3g6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90", ""},          // not hex
		{"", ""},
	}
	for _, tt := range tests {
		got, err := ParseLinkID(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("ParseLinkID(%q) = %q, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseLinkID(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}
