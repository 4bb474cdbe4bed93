package docspace

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

const (
	extID  = "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"
	invID  = "b1d0e7a4-5c2f-4e8b-a9d3-6f1c2b7e8a05"
	primID = "9e4b2c1d-7a6f-4d3e-8b5a-0c9d8e7f6a51"
	newID  = "5d2a7c3e-1b4f-4a6d-8e9c-2f3b4a5c6d7e"
)

// API.md §3.3: an additional external link, as a v3.5+ server sends it (sharedTo
// made to differ so that the test proves sharedLink is the one read).
const entryExternalV37 = `{
  "access": 2,
  "sharedTo": {"id": "00000000-1111-2222-3333-444444444444", "title": "stale sharedTo copy"},
  "sharedLink": {
    "id": "3F6C2A9E-8D41-4B7A-9C05-1E2D7F4A6B90",
    "title": "Auditors",
    "shareLink": "https://example.onlyoffice.com/s/Zk5pQ_TrJx9WcLm",
    "expirationDate": "2027-01-01T02:59:59.0000000+03:00",
    "linkType": 1,
    "password": "Audit2026pass",
    "denyDownload": true,
    "isExpired": false,
    "primary": false,
    "internal": true,
    "requestToken": "SGZ3bkxkM2Q0c1ZhQmJ0NW1RcE9oY2tLbGZqS0Z1N0t2S2J0T2d1bXJ3Yz0"
  },
  "isLocked": false, "isOwner": false, "canEditAccess": false, "canEditInternal": true,
  "canEditDenyDownload": false, "canEditExpirationDate": true, "canRevoke": false,
  "subjectType": 1
}`

// The same link from a v3.2 server: only sharedTo, no subjectType.
const entryExternalV32 = `{
  "access": 2,
  "sharedTo": {
    "id": "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90",
    "title": "Auditors",
    "shareLink": "https://example.onlyoffice.com/s/Zk5pQ_TrJx9WcLm",
    "expirationDate": "2027-01-01T02:59:59.0000000+03:00",
    "linkType": 1,
    "password": "Audit2026pass",
    "denyDownload": true,
    "isExpired": false,
    "primary": false,
    "internal": true,
    "requestToken": "SGZ3bkxkM2Q0c1ZhQmJ0NW1RcE9oY2tLbGZqS0Z1N0t2S2J0T2d1bXJ3Yz0"
  },
  "isLocked": false, "isOwner": false
}`

// An invitation link on v3.6: no use counts; on v3.7: with them.
const (
	entryInvitationV36 = `{"access":11,"sharedLink":{"id":"` + invID + `","title":"Invitation link","shareLink":"https://example.onlyoffice.com/s/pDt6wZRdsTrJkSY","expirationDate":"2026-08-08T10:00:00.0000000Z","linkType":0,"denyDownload":false,"isExpired":false,"primary":false,"internal":false},"subjectType":3}`
	entryInvitationV37 = `{"access":11,"sharedLink":{"id":"` + invID + `","title":"Invitation link","shareLink":"https://example.onlyoffice.com/s/pDt6wZRdsTrJkSY","linkType":0,"denyDownload":false,"isExpired":false,"primary":false,"internal":false,"maxUseCount":25,"currentUseCount":0},"subjectType":3}`
	entryPrimary       = `{"access":2,"sharedLink":{"id":"` + primID + `","title":"Shared link","shareLink":"https://example.onlyoffice.com/s/cgPyxN4j-fnb9WK","linkType":1,"denyDownload":false,"isExpired":false,"primary":true,"internal":false,"requestToken":"abc"},"subjectType":4}`
	entryUser          = `{"access":10,"sharedTo":{"id":"aaaaaaaa-1111-2222-3333-444444444444","displayName":"Jane Roe","email":"jane@example.com"},"isOwner":true,"subjectType":0}`
	entryGroup         = `{"access":2,"sharedTo":{"id":"bbbbbbbb-1111-2222-3333-444444444444","name":"Auditors"},"subjectType":2}`
)

var msk = time.FixedZone("", 3*3600)

func wantExternal() Link {
	exp := time.Date(2027, 1, 1, 2, 59, 59, 0, msk)
	return Link{
		ID: extID, Title: "Auditors", Access: AccessRead, LinkType: LinkTypeExternal,
		ShareLink:    "https://example.onlyoffice.com/s/Zk5pQ_TrJx9WcLm",
		RequestToken: "SGZ3bkxkM2Q0c1ZhQmJ0NW1RcE9oY2tLbGZqS0Z1N0t2S2J0T2d1bXJ3Yz0",
		Expiration:   &exp, Password: "Audit2026pass", DenyDownload: true, Internal: true,
	}
}

// equalLinks compares links, expirations by instant.
func equalLinks(t *testing.T, got, want Link) {
	t.Helper()
	if (got.Expiration == nil) != (want.Expiration == nil) ||
		(got.Expiration != nil && !got.Expiration.Equal(*want.Expiration)) {
		t.Errorf("Expiration = %v, want %v", got.Expiration, want.Expiration)
	}
	got.Expiration, want.Expiration = nil, nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("link =\n%+v\nwant\n%+v", got, want)
	}
}

func TestListLinksDecoding(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		payload string
		want    []Link
	}{
		{name: "sharedLink (v3.5+)", payload: `[` + entryExternalV37 + `]`, want: []Link{wantExternal()}},
		{name: "sharedTo fallback (v3.2)", payload: `[` + entryExternalV32 + `]`, want: []Link{wantExternal()}},
		{
			name:    "absent optional fields",
			payload: `[{"access":2,"sharedLink":{"id":"` + extID + `"},"subjectType":1}]`,
			want:    []Link{{ID: extID, Access: AccessRead, LinkType: LinkTypeExternal}},
		},
		{
			name:    "bare minimum without subject type means external",
			payload: `[{"access":5,"sharedTo":{"id":"` + extID + `"}}]`,
			want:    []Link{{ID: extID, Access: AccessReview, LinkType: LinkTypeExternal}},
		},
		{
			name:    "invitation without linkType is told by its subject type",
			payload: `[{"access":11,"sharedLink":{"id":"` + invID + `"},"subjectType":3}]`,
			want:    []Link{{ID: invID, Access: AccessContentCreator, LinkType: LinkTypeInvitation}},
		},
		{
			name:    "access as an enum name",
			payload: `[{"access":"ContentCreator","sharedLink":{"id":"` + invID + `","linkType":0},"subjectType":3},{"access":"FillForms","sharedLink":{"id":"` + extID + `","linkType":1},"subjectType":1}]`,
			want: []Link{
				{ID: invID, Access: AccessContentCreator, LinkType: LinkTypeInvitation},
				{ID: extID, Access: AccessFillForms, LinkType: LinkTypeExternal},
			},
		},
		{
			name:    "entries that are not links are skipped",
			payload: `[` + entryUser + `,` + entryExternalV37 + `,` + entryGroup + `]`,
			want:    []Link{wantExternal()},
		},
		{
			name:    "entries without an id are skipped",
			payload: `[{"access":2,"subjectType":1},{"access":2,"sharedLink":null,"sharedTo":null,"subjectType":1},{"access":2,"sharedLink":{"title":"x"},"subjectType":1}]`,
			want:    []Link{},
		},
		{
			name:    "invitation on v3.6 has no use counts",
			payload: `[` + entryInvitationV36 + `]`,
			want: []Link{{
				ID: invID, Title: "Invitation link", Access: AccessContentCreator, LinkType: LinkTypeInvitation,
				ShareLink:  "https://example.onlyoffice.com/s/pDt6wZRdsTrJkSY",
				Expiration: ptr(time.Date(2026, 8, 8, 10, 0, 0, 0, time.UTC)),
			}},
		},
		{
			name:    "invitation on v3.7 has use counts",
			payload: `[` + entryInvitationV37 + `]`,
			want: []Link{{
				ID: invID, Title: "Invitation link", Access: AccessContentCreator, LinkType: LinkTypeInvitation,
				ShareLink: "https://example.onlyoffice.com/s/pDt6wZRdsTrJkSY", MaxUseCount: ptr(25), CurrentUseCount: ptr(0),
			}},
		},
		{
			name:    "primary link (API.md §3.4)",
			payload: `[` + entryInvitationV37 + `,` + entryPrimary + `]`,
			want: []Link{
				{
					ID: invID, Title: "Invitation link", Access: AccessContentCreator, LinkType: LinkTypeInvitation,
					ShareLink: "https://example.onlyoffice.com/s/pDt6wZRdsTrJkSY", MaxUseCount: ptr(25), CurrentUseCount: ptr(0),
				},
				{
					ID: primID, Title: "Shared link", Access: AccessRead, LinkType: LinkTypeExternal, Primary: true,
					ShareLink: "https://example.onlyoffice.com/s/cgPyxN4j-fnb9WK", RequestToken: "abc",
				},
			},
		},
		{
			name:    "subject type 4 is primary even without the flag",
			payload: `[{"access":2,"sharedLink":{"id":"` + primID + `","linkType":1},"subjectType":4}]`,
			want:    []Link{{ID: primID, Access: AccessRead, LinkType: LinkTypeExternal, Primary: true}},
		},
		{name: "empty list", payload: `[]`, want: []Link{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, replyJSON(http.StatusOK, okEnvelope(tt.payload)))
			got, err := newTestClient(t, fs).ListLinks(context.Background(), RoomTarget("4711"), nil)
			if err != nil {
				t.Fatalf("ListLinks: %v", err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d links, want %d: %+v", len(got), len(tt.want), got)
			}
			for i := range got {
				equalLinks(t, got[i], tt.want[i])
			}
		})
	}
}

func TestListLinksTypeFilter(t *testing.T) {
	t.Parallel()
	// A server that ignores the filter: the client still returns only the
	// kind asked for.
	payload := `[` + entryInvitationV37 + `,` + entryPrimary + `,` + entryExternalV37 + `,` + entryUser + `]`
	tests := []struct {
		name string
		kind *LinkType
		want []string
	}{
		{name: "all", kind: nil, want: []string{invID, primID, extID}},
		{name: "invitation", kind: ptr(LinkTypeInvitation), want: []string{invID}},
		{name: "external includes the primary link", kind: ptr(LinkTypeExternal), want: []string{primID, extID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, replyJSON(http.StatusOK, okEnvelope(payload)))
			links, err := newTestClient(t, fs).ListLinks(context.Background(), RoomTarget("4711"), tt.kind)
			if err != nil {
				t.Fatalf("ListLinks: %v", err)
			}
			var ids []string
			for _, l := range links {
				ids = append(ids, l.ID)
			}
			if !reflect.DeepEqual(ids, tt.want) {
				t.Errorf("ids = %v, want %v", ids, tt.want)
			}
		})
	}
}

func TestListLinksRejectsBadPayloads(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		body    string
		wantMsg string
	}{
		{name: "no response property", body: emptyEnvelope, wantMsg: "no link list"},
		{name: "null response", body: okEnvelope(`null`), wantMsg: "no link list"},
		{name: "object instead of list", body: okEnvelope(`{"access":2}`), wantMsg: "unexpected response payload"},
		{name: "unknown access name", body: okEnvelope(`[{"access":"Bogus` + plantedBodyText + `","sharedLink":{"id":"` + extID + `"}}]`), wantMsg: "unexpected response payload"},
		{name: "bad date", body: okEnvelope(`[{"access":2,"sharedLink":{"id":"` + extID + `","expirationDate":"next tuesday"},"subjectType":1}]`), wantMsg: "unexpected date"},
		{name: "sharedTo of the wrong shape", body: okEnvelope(`[{"access":2,"sharedTo":{"id":42}}]`), wantMsg: "unexpected sharedTo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, replyJSON(http.StatusOK, tt.body))
			links, err := newTestClient(t, fs).ListLinks(context.Background(), RoomTarget("4711"), nil)
			if links != nil {
				t.Errorf("links = %+v, want nil", links)
			}
			apiErr := asAPIError(t, err)
			if !strings.Contains(apiErr.Message, tt.wantMsg) {
				t.Errorf("message %q does not contain %q", apiErr.Message, tt.wantMsg)
			}
			if apiErr.Method != http.MethodGet || apiErr.Path != "/api/2.0/files/rooms/4711/links" {
				t.Errorf("error names %s %s", apiErr.Method, apiErr.Path)
			}
			assertNoSecrets(t, err)
		})
	}
}

func TestParseTime(t *testing.T) {
	t.Parallel()
	want := time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC)
	tests := []struct {
		in      string
		want    time.Time
		wantErr bool
	}{
		{in: "2027-01-01T02:59:59.0000000+03:00", want: want},
		{in: "2026-12-31T23:59:59.0000000Z", want: want},
		{in: "2026-12-31T23:59:59Z", want: want},
		{in: "2026-12-31T18:29:59.0000000-05:30", want: want},
		{in: "2026-12-31T23:59:59.1234567Z", want: want.Add(123456700 * time.Nanosecond)},
		{in: "2026-12-31T23:59:59.0000000", want: want}, // no offset: read as UTC
		{in: "2026-12-31T23:59:59", want: want},
		{in: "", wantErr: true},
		{in: "31.12.2026", wantErr: true},
		{in: "2026-12-31", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got, err := ParseTime(tt.in)
			if tt.wantErr {
				if err == nil {
					t.Errorf("ParseTime(%q) = %v, want an error", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseTime(%q): %v", tt.in, err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("ParseTime(%q) = %v, want the instant %v", tt.in, got, tt.want)
			}
		})
	}
	// The offset is kept, so the caller sees the portal's zone.
	got, _ := ParseTime("2027-01-01T02:59:59.0000000+03:00")
	if _, off := got.Zone(); off != 3*3600 {
		t.Errorf("offset = %d s, want +03:00", off)
	}
}

func TestFindLink(t *testing.T) {
	t.Parallel()
	payload := okEnvelope(`[` + entryInvitationV37 + `,` + entryPrimary + `,` + entryExternalV37 + `]`)
	tests := []struct {
		name      string
		linkID    string
		wantFound bool
	}{
		{name: "found", linkID: extID, wantFound: true},
		{name: "found by upper-case id", linkID: strings.ToUpper(invID), wantFound: true},
		{name: "not found", linkID: newID, wantFound: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, replyJSON(http.StatusOK, payload))
			l, found, err := NewSession(newTestClient(t, fs)).FindLink(context.Background(), RoomTarget("4711"), tt.linkID)
			if err != nil {
				t.Fatalf("FindLink: %v", err)
			}
			if found != tt.wantFound {
				t.Fatalf("found = %v, want %v", found, tt.wantFound)
			}
			if found && !strings.EqualFold(l.ID, tt.linkID) {
				t.Errorf("found link %q, want %q", l.ID, tt.linkID)
			}
			if !found && !reflect.DeepEqual(l, Link{}) {
				t.Errorf("link = %+v, want zero", l)
			}
			req := fs.only(t)
			if req.RawPath != "/api/2.0/files/rooms/4711/links" {
				t.Errorf("request path = %q", req.RawPath)
			}
		})
	}
}

func TestFindLinkUnknownRoomIsNotFound(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t, replyJSON(http.StatusNotFound, `{"error":{"message":"Item not found","type":"ASC.Common.Web.ItemNotFoundException","stack":"","hresult":-2146233088},"status":1,"statusCode":404}`))
	_, found, err := NewSession(newTestClient(t, fs)).FindLink(context.Background(), RoomTarget("4711"), extID)
	if found || !IsNotFound(err) {
		t.Errorf("FindLink = found %v, err %v; want a not-found error", found, err)
	}
}

func TestSetLinkDecoding(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t, replyJSON(http.StatusOK, okEnvelope(entryExternalV37)))
	got, err := newTestClient(t, fs).SetLink(context.Background(), RoomTarget("4711"), LinkRequest{LinkID: extID, LinkType: LinkTypeExternal, Access: AccessRead})
	if err != nil {
		t.Fatalf("SetLink: %v", err)
	}
	equalLinks(t, got, wantExternal())
}

func TestSetLinkRejectsAnswersWithoutALink(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		body    string
		wantMsg string
	}{
		{name: "empty envelope", body: emptyEnvelope, wantMsg: "no link"},
		{name: "a user entry", body: okEnvelope(entryUser), wantMsg: "does not describe a link"},
		{name: "no id", body: okEnvelope(`{"access":2,"sharedLink":{"title":"x"}}`), wantMsg: "does not describe a link"},
		{name: "bad date", body: okEnvelope(`{"access":2,"sharedLink":{"id":"` + extID + `","expirationDate":"soon"}}`), wantMsg: "unexpected date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, replyJSON(http.StatusOK, tt.body))
			_, err := newTestClient(t, fs).SetLink(context.Background(), RoomTarget("4711"), LinkRequest{LinkID: extID, LinkType: LinkTypeExternal, Access: AccessRead})
			apiErr := asAPIError(t, err)
			if apiErr.StatusCode != http.StatusOK || !strings.Contains(apiErr.Message, tt.wantMsg) {
				t.Errorf("error = %+v, want HTTP 200 and a message containing %q", apiErr, tt.wantMsg)
			}
		})
	}
}

func TestDeleteLinkOutcomes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		status     int
		body       string
		wantLink   string // id of the regenerated link, if any
		wantErr    bool
		wantStatus int
	}{
		{name: "API.md §3.5 empty envelope", status: 200, body: emptyEnvelope},
		{name: "null response", status: 200, body: okEnvelope(`null`)},
		{
			name: "revoked primary link comes back regenerated", status: 200,
			body:     okEnvelope(`{"access":2,"sharedLink":{"id":"` + newID + `","title":"Shared link","shareLink":"https://example.onlyoffice.com/s/NewKey123456789","linkType":1,"primary":true},"subjectType":4}`),
			wantLink: newID,
		},
		{name: "an answer that is not a link is ignored", status: 200, body: okEnvelope(entryUser)},
		{
			name: "link limit at a delete of an unknown id (API.md §5.7) is success", status: 403,
			body: `{"error":{"message":"The maximum number of links may not exceed 5","type":"System.InvalidOperationException","stack":"   at ASC.Files.Core.Services","hresult":-2146233079},"status":1,"statusCode":403}`,
		},
		{
			name: "the same link echoed back was not deleted", status: 200,
			body:    okEnvelope(`{"access":2,"sharedLink":{"id":"` + strings.ToUpper(extID) + `","linkType":1},"subjectType":1}`),
			wantErr: true, wantStatus: 200,
		},
		{
			name: "role refusal is an error", status: 403,
			body:    `{"error":{"message":"Access denied","type":"System.Security.SecurityException","stack":null,"hresult":-2146233078},"status":1,"statusCode":403}`,
			wantErr: true, wantStatus: 403,
		},
		{
			name: "unknown room is not found", status: 404,
			body:    `{"error":{"message":"Item not found","type":"ASC.Common.Web.ItemNotFoundException"},"status":1,"statusCode":404}`,
			wantErr: true, wantStatus: 404,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, replyJSON(tt.status, tt.body))
			got, err := newTestClient(t, fs).DeleteLink(context.Background(), RoomTarget("4711"), Link{ID: extID, LinkType: LinkTypeExternal})
			if tt.wantErr {
				if got != nil {
					t.Errorf("link = %+v, want nil with an error", got)
				}
				if apiErr := asAPIError(t, err); apiErr.StatusCode != tt.wantStatus {
					t.Errorf("status = %d, want %d", apiErr.StatusCode, tt.wantStatus)
				}
				return
			}
			if err != nil {
				t.Fatalf("DeleteLink: %v", err)
			}
			switch {
			case tt.wantLink == "" && got != nil:
				t.Errorf("link = %+v, want nil", got)
			case tt.wantLink != "" && (got == nil || got.ID != tt.wantLink):
				t.Errorf("link = %+v, want the regenerated link %s", got, tt.wantLink)
			case tt.wantLink != "" && !got.Primary:
				t.Errorf("regenerated link is not primary: %+v", got)
			}
		})
	}
}

func TestGetRoom(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		body string
		want Room
	}{
		{
			name: "numeric id",
			body: okEnvelope(`{"id":4711,"title":"Audit","roomType":6,"availableShareRights":{"ExternalLink":["Editing","Read"]},"shareSettings":{"ExternalLink":5,"PrimaryExternalLink":1}}`),
			want: Room{
				ID: "4711", Title: "Audit", Type: RoomTypePublic,
				AvailableShareRights: map[string][]string{"ExternalLink": {"Editing", "Read"}},
				ShareSettings:        map[string]int{"ExternalLink": 5, "PrimaryExternalLink": 1},
			},
		},
		{
			name: "string id, optional fields absent",
			body: okEnvelope(`{"id":"sbox-12_a.b","title":"Box"}`),
			want: Room{ID: "sbox-12_a.b", Title: "Box"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, replyJSON(http.StatusOK, tt.body))
			got, err := newTestClient(t, fs).GetRoom(context.Background(), "4711")
			if err != nil {
				t.Fatalf("GetRoom: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("room = %+v, want %+v", got, tt.want)
			}
			if req := fs.only(t); req.Method != http.MethodGet || req.RawPath != "/api/2.0/files/rooms/4711" {
				t.Errorf("request = %s %s", req.Method, req.RawPath)
			}
		})
	}
}

func TestGetRoomWithoutPayloadIsNotFound(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t, replyJSON(http.StatusOK, emptyEnvelope))
	_, err := newTestClient(t, fs).GetRoom(context.Background(), "4711")
	if !IsNotFound(err) {
		t.Errorf("GetRoom error = %v, want not found", err)
	}
}

// FuzzDecodeResponse feeds decodeResponse arbitrary statuses, content types
// and bodies: it must never panic, a non-2xx status must always be an error,
// and every error must be an *Error. Decoded payloads go through toLink too.
func FuzzDecodeResponse(f *testing.F) {
	seeds := []struct {
		status      int
		contentType string
		body        string
	}{
		{200, "application/json", okEnvelope(`[` + entryExternalV37 + `,` + entryInvitationV37 + `,` + entryPrimary + `,` + entryUser + `]`)},
		{200, "application/json", okEnvelope(`[` + entryExternalV32 + `,` + entryInvitationV36 + `,` + entryGroup + `]`)},
		{200, "application/json", okEnvelope(`[{"access":"Read","sharedLink":{"id":"` + extID + `","expirationDate":"2027-01-01T02:59:59.0000000+03:00"}}]`)},
		{200, "application/json", okEnvelope(`[]`)},
		{200, "application/json", emptyEnvelope},
		{404, "application/json", errorEnvelope(404, "Item not found", "ASC.Common.Web.ItemNotFoundException")},
		{403, "application/json", errorEnvelope(403, "The role is not available for this user type", "System.InvalidOperationException")},
		{403, "application/json", errorEnvelope(403, "The maximum number of links may not exceed 5", "System.InvalidOperationException")},
		{400, "application/json", errorEnvelope(400, "Password must contain from 8 to 30 characters, only latin letters, no spaces", "System.ArgumentException")},
		{500, "application/json", errorEnvelope(500, "boom", "")},
		{400, "application/json", validationProblem(400, `{"RoomLink.Title":["too long"]}`)},
		{200, "application/json", validationProblem(400, `{"RoomLink.Title":["too long"]}`)},
		{401, "", ""},
		{429, "", ""},
		{502, "text/html", proxyHTML},
		{200, "text/html", "<html></html>"},
		{200, "application/json", `{"response":[{"access":2,"sharedLink":{"id":"`},
		{200, "application/json", `{"response": nope}`},
		{200, "", ""},
		{200, "application/json", `{}`},
		{200, "application/json", `null`},
		{200, "application/json", `[1,2]`},
		{404, "application/json", `{"detail":"x"}`},
		{204, "", ""},
		{302, "text/plain", "moved"},
		{200, "application/json; charset=utf-8", `{"status":"x"}`},
		{200, "application/json", `{"error":null,"status":1,"statusCode":0}`},
	}
	for _, s := range seeds {
		f.Add(s.status, s.contentType, []byte(s.body))
	}
	f.Fuzz(func(t *testing.T, status int, contentType string, body []byte) {
		if status < 100 || status > 999 {
			t.Skip()
		}
		resp := &http.Response{StatusCode: status, Header: http.Header{}}
		resp.Header.Set("Content-Type", contentType)
		resp.Header.Set("Retry-After", "5")

		check := func(present bool, err error) {
			t.Helper()
			if (status < 200 || status > 299) && err == nil {
				t.Fatalf("status %d with body %q decoded without an error", status, body)
			}
			if err != nil {
				var apiErr *Error
				if !errors.As(err, &apiErr) {
					t.Fatalf("error is %T, want *Error: %v", err, err)
				}
				if present {
					t.Fatal("an error with a payload")
				}
				if apiErr.StatusCode == 0 || apiErr.Message == "" || apiErr.Error() == "" {
					t.Fatalf("incomplete error %#v", apiErr)
				}
			}
		}

		var entries []fileShareDTO
		present, err := decodeResponse(http.MethodGet, "/api/2.0/files/rooms/1/links", resp, body, &entries)
		check(present, err)
		for _, e := range entries {
			_, _, _ = e.toLink()
		}

		var entry fileShareDTO
		present, err = decodeResponse(http.MethodPut, "/api/2.0/files/rooms/1/links", resp, body, &entry)
		check(present, err)
		_, _, _ = entry.toLink()

		present, err = decodeResponse(http.MethodDelete, "/api/2.0/files/rooms/1", resp, body, nil)
		check(present, err)

		var room roomDTO
		present, err = decodeResponse(http.MethodGet, "/api/2.0/files/rooms/1", resp, body, &room)
		check(present, err)
		_ = room.toRoom()
	})
}
