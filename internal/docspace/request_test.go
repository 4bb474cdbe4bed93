package docspace

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

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
