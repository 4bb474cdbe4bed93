package docspacetest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// API.md §3.1: the success envelope of every endpoint.
func TestSuccessEnvelope(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("Audit", RoomCustom)
	linkID := createLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 2})

	tests := []struct {
		name      string
		method    string
		path      string
		body      any
		wantCount int
		wantResp  bool
	}{
		{"API.md §3.1 single object has count 1", http.MethodPut, linksPath(room.ID), map[string]any{"linkType": 1, "access": 2, "linkId": linkID}, 1, true},
		{"API.md §3.1 list count is its length, href keeps the query", http.MethodGet, linksPath(room.ID) + "?type=1", nil, 1, true},
		{"API.md §3.5 delete omits response and has count 0", http.MethodPut, linksPath(room.ID), map[string]any{"linkType": 1, "access": 0, "linkId": linkID}, 0, false},
		{"API.md §3.1 empty list has count 0", http.MethodGet, linksPath(room.ID), nil, 0, true},
	}
	for _, tc := range tests {
		r := call(t, srv, tc.method, tc.path, tc.body).mustStatus(http.StatusOK)
		if !bytes.HasPrefix(r.raw, []byte(`{"response":`)) && tc.wantResp {
			t.Errorf("%s: body does not start with response: %s", tc.name, r.raw)
		}
		if _, has := r.body["response"]; has != tc.wantResp {
			t.Errorf("%s: response present = %v, want %v", tc.name, has, tc.wantResp)
		}
		if got := num(r.body["count"]); got != tc.wantCount {
			t.Errorf("%s: count = %d, want %d", tc.name, got, tc.wantCount)
		}
		links := r.body["links"].([]any)
		link := links[0].(map[string]any)
		if len(links) != 1 || link["href"] != srv.URL+tc.path || link["action"] != tc.method {
			t.Errorf("%s: links = %v, want href %s action %s", tc.name, links, srv.URL+tc.path, tc.method)
		}
		if num(r.body["status"]) != 0 || num(r.body["statusCode"]) != 200 {
			t.Errorf("%s: status/statusCode = %v/%v", tc.name, r.body["status"], r.body["statusCode"])
		}
		if _, has := r.body["total"]; has {
			t.Errorf("%s: total must not be present", tc.name)
		}
		assertNoNulls(t, tc.name, r.body)
	}
}

// assertNoNulls walks a success body: nulls are omitted, never written (API.md §3.1).
func assertNoNulls(t *testing.T, name string, v any) {
	t.Helper()
	switch x := v.(type) {
	case nil:
		t.Errorf("%s: null value in success body", name)
	case map[string]any:
		for _, c := range x {
			assertNoNulls(t, name, c)
		}
	case []any:
		for _, c := range x {
			assertNoNulls(t, name, c)
		}
	}
}

var (
	shareLinkPattern = regexp.MustCompile(`^https://127\.0\.0\.1:\d+/s/[5XzpDt6wZRdsTrJkSY_cgPyxN4j\-fnb9WKBF8vh3GH72QqmLVCM]{15}$`)
	guidPattern      = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	base64URLPattern = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
)

// API.md §3.2: the link object, external and invitation.
func TestLinkObject(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("Audit", RoomCustom)

	external := putLink(t, srv, room.ID, map[string]any{
		"linkType": 1, "access": 2, "title": "Auditors", "password": "Audit2026pass", "denyDownload": true,
	}).mustStatus(http.StatusOK)
	invitation := putLink(t, srv, room.ID, map[string]any{"linkType": 0, "access": 10}).mustStatus(http.StatusOK)

	tests := []struct {
		name        string
		dto         map[string]any
		subjectType int
		present     []string
		absent      []string
		values      map[string]any
	}{
		{
			name: "API.md §3.2 external link", dto: external.response(), subjectType: 1,
			present: []string{"requestToken", "password", "denyDownload", "internal", "isExpired", "primary", "shareLink"},
			absent:  []string{"expirationDate", "maxUseCount", "currentUseCount"},
			values:  map[string]any{"title": "Auditors", "password": "Audit2026pass", "denyDownload": true, "linkType": 1.0, "primary": false},
		},
		{
			name: "API.md §3.2 invitation link (v3.7)", dto: invitation.response(), subjectType: 3,
			present: []string{"currentUseCount", "denyDownload", "internal"},
			absent:  []string{"requestToken", "password", "maxUseCount", "expirationDate"},
			values:  map[string]any{"title": "Invitation link", "linkType": 0.0, "currentUseCount": 0.0, "internal": false},
		},
	}
	for _, tc := range tests {
		dto := tc.dto
		if num(dto["subjectType"]) != tc.subjectType {
			t.Errorf("%s: subjectType = %v, want %d", tc.name, dto["subjectType"], tc.subjectType)
		}
		for _, k := range []string{"isLocked", "isOwner", "canEditAccess", "canEditDenyDownload"} {
			if dto[k] != false {
				t.Errorf("%s: %s = %v, want false", tc.name, k, dto[k])
			}
		}
		if dto["canEditInternal"] != true || dto["canEditExpirationDate"] != true || dto["canRevoke"] != false {
			t.Errorf("%s: Custom-room manager rights wrong: %v", tc.name, dto)
		}
		to, link := dto["sharedTo"].(map[string]any), sharedLink(dto)
		a, _ := json.Marshal(to)
		b, _ := json.Marshal(link)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: sharedTo and sharedLink differ:\n%s\n%s", tc.name, a, b)
		}
		if !guidPattern.MatchString(link["id"].(string)) {
			t.Errorf("%s: id %v is not a lower-case GUID", tc.name, link["id"])
		}
		if !shareLinkPattern.MatchString(link["shareLink"].(string)) {
			t.Errorf("%s: shareLink %v has the wrong form", tc.name, link["shareLink"])
		}
		for _, k := range tc.present {
			if _, ok := link[k]; !ok {
				t.Errorf("%s: %s missing", tc.name, k)
			}
		}
		for _, k := range tc.absent {
			if _, ok := link[k]; ok {
				t.Errorf("%s: %s must be omitted, got %v", tc.name, k, link[k])
			}
		}
		for k, want := range tc.values {
			if link[k] != want {
				t.Errorf("%s: %s = %v, want %v", tc.name, k, link[k], want)
			}
		}
	}

	token := external.link()["requestToken"].(string)
	if !base64URLPattern.MatchString(token) || len(token) < 100 || len(token) > 120 {
		t.Errorf("API.md §3.2 requestToken %q is not base64url of about 111 characters (len %d)", token, len(token))
	}
}

// API.md §3.2, §10.2, §10.3: id, shareLink and requestToken survive updates and reads.
func TestLinkIdentityIsStable(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("Audit", RoomCustom)
	created := putLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 2}).mustStatus(http.StatusOK).link()
	id := created["id"].(string)

	updated := putLink(t, srv, room.ID, map[string]any{"linkId": id, "linkType": 1, "access": 10, "title": "Renamed"}).mustStatus(http.StatusOK).link()
	listed := sharedLink(listLinks(t, srv, room.ID, "").mustStatus(http.StatusOK).list()[0])
	stored, _ := srv.Link(room.ID, id)

	for _, got := range []map[string]any{updated, listed} {
		if got["id"] != id || got["shareLink"] != created["shareLink"] || got["requestToken"] != created["requestToken"] {
			t.Errorf("API.md §10.2 identity changed: created %v, now %v", created, got)
		}
	}
	if stored.ShareLink != created["shareLink"] || stored.RequestToken != created["requestToken"] {
		t.Errorf("test control Link disagrees with the API: %+v vs %v", stored, created)
	}
	if requestToken(id) != created["requestToken"] {
		t.Errorf("API.md §3.3 requestToken is not deterministic per link id")
	}
}

// API.md §8.1, §8.2: the error envelope keeps null type/stack and carries hresult.
func TestErrorEnvelope(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	r := putLink(t, srv, 999999, map[string]any{"linkType": 1, "access": 2})
	r.expectError(http.StatusNotFound, "Item not found")
	e := r.body["error"].(map[string]any)
	if e["type"] != "ASC.Common.Web.ItemNotFoundException" {
		t.Errorf("API.md §8.2 404 type = %v", e["type"])
	}
	for _, k := range []string{"message", "type", "stack", "hresult"} {
		if _, ok := e[k]; !ok {
			t.Errorf("API.md §8.1 error.%s missing", k)
		}
	}
	if _, ok := r.body["response"]; ok {
		t.Errorf("API.md §8.1 error envelope must not carry response")
	}
}

// API.md §8.3: model-validation errors ride in the success envelope with status 1.
func TestValidationEnvelope(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("Audit", RoomCustom)
	r := putLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 2, "title": string(make([]byte, 256))})
	r.expectValidation("RoomLink.Title")
	resp := r.response()
	if resp["type"] != "https://tools.ietf.org/html/rfc9110#section-15.5.1" ||
		resp["title"] != "One or more validation errors occurred." || num(resp["status"]) != 400 {
		t.Errorf("API.md §8.3 problem details wrong: %v", resp)
	}
	if !regexp.MustCompile(`^00-[0-9a-f]{32}-[0-9a-f]{16}-00$`).MatchString(resp["traceId"].(string)) {
		t.Errorf("API.md §8.3 traceId = %v", resp["traceId"])
	}
	if msgs := r.validationErrors()["RoomLink.Title"].([]any); msgs[0] != "The field Title must be a string with a maximum length of 255." {
		t.Errorf("API.md §8.3 title message = %v", msgs)
	}
	links := r.body["links"].([]any)
	if links[0].(map[string]any)["action"] != "PUT" {
		t.Errorf("API.md §8.3 links = %v", links)
	}
}

// API.md §10.3: one link id, one short link: across updates, and across a
// delete and a create with the same id; another id, another short link.
func TestShortLinkFollowsLinkID(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("Audit", RoomCustom)
	id := newGUID()
	put := func(access int) string {
		r := putLink(t, srv, room.ID, map[string]any{"linkId": id, "linkType": 1, "access": access}).mustStatus(http.StatusOK)
		if access == 0 {
			return ""
		}
		return r.link()["shareLink"].(string)
	}
	first := put(2)
	if !strings.Contains(first, "/s/") || len(first[strings.LastIndex(first, "/")+1:]) != 15 {
		t.Fatalf("shareLink %q is not a 15-character /s/ link", first)
	}
	if again := put(10); again != first {
		t.Errorf("after an update: %q, want %q", again, first)
	}
	put(0)
	if recreated := put(2); recreated != first {
		t.Errorf("deleted and created with the same id: %q, want %q", recreated, first)
	}
	other := putLink(t, srv, room.ID, map[string]any{"linkId": newGUID(), "linkType": 1, "access": 2}).mustStatus(http.StatusOK)
	if other.link()["shareLink"] == first {
		t.Errorf("another link id has the same short link %q", first)
	}
}
