package docspacetest

import (
	"net/http"
	"strings"
	"testing"
)

// API.md §8.3: model-binding failures of the PUT body.
func TestPutLinkModelValidation(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("r", RoomCustom)
	tests := []struct {
		name    string
		body    string
		key     string
		message string // prefix of the first message for key
	}{
		{"API.md §8.3 empty body", "", "", "A non-empty request body is required."},
		{"API.md §8.3 whitespace body", "  \n", "", "A non-empty request body is required."},
		{"API.md §8.3 malformed JSON", `{"linkType":1,`, "$", ""},
		{"API.md §8.3 body is not an object", `[1,2]`, "$", "The JSON value could not be converted to"},
		{"API.md §8.3 malformed GUID", `{"linkType":1,"access":2,"linkId":"not-a-guid"}`, "$.linkId", "The JSON value could not be converted to System.Guid. Path: $.linkId"},
		{"API.md §8.3 GUID without hyphens", `{"linkType":1,"access":2,"linkId":"3f6c2a9e8d414b7a9c051e2d7f4a6b90"}`, "$.linkId", "The JSON value could not be converted to System.Guid"},
		{"API.md §8.3 empty-string linkId", `{"linkType":1,"access":2,"linkId":""}`, "$.linkId", ""},
		{"API.md §8.3 numeric linkId", `{"linkType":1,"access":2,"linkId":5}`, "$.linkId", ""},
		{"API.md §2 access as an object", `{"linkType":1,"access":{}}`, "$.access", "The JSON value could not be converted to ASC.Files.Core.Security.FileShare"},
		{"API.md §12.7 linkType as enum name", `{"linkType":"External","access":2}`, "$.linkType", ""},
		{"API.md §8.3 linkType null", `{"linkType":null,"access":2}`, "$.linkType", ""},
		{"API.md §8.3 title as number", `{"linkType":1,"access":2,"title":5}`, "$.title", ""},
		{"API.md §8.3 denyDownload as string", `{"linkType":1,"access":2,"denyDownload":"yes"}`, "$.denyDownload", "The JSON value could not be converted to System.Boolean"},
		{"API.md §8.3 internal as number", `{"linkType":1,"access":2,"internal":1}`, "$.internal", ""},
		{"API.md §8.3 expirationDate as number", `{"linkType":1,"access":2,"expirationDate":20261231}`, "$.expirationDate", ""},
		{"API.md §8.3 maxUseCount as a string of letters", `{"linkType":0,"access":2,"maxUseCount":"five"}`, "$.maxUseCount", ""},
		{"API.md §8.3 maxUseCount as a string with spaces", `{"linkType":0,"access":2,"maxUseCount":" 5"}`, "$.maxUseCount", ""},
		{"API.md §8.3 maxUseCount as an empty string", `{"linkType":0,"access":2,"maxUseCount":""}`, "$.maxUseCount", ""},
		{"API.md §8.3 path keeps the client's spelling", `{"LinkType":1,"Access":[]}`, "$.Access", ""},
	}
	for _, tc := range tests {
		r := putLink(t, srv, room.ID, tc.body)
		r.expectValidation(tc.key)
		errs := r.validationErrors()
		if _, ok := errs["RoomLink"]; !ok {
			t.Errorf("%s: a failed body binding also reports RoomLink as required: %s", tc.name, r.raw)
		}
		first := errs[tc.key].([]any)[0].(string)
		if !strings.HasPrefix(first, tc.message) {
			t.Errorf("%s: message %q, want prefix %q", tc.name, first, tc.message)
		}
	}
	if n := len(srv.Links(room.ID)); n != 0 {
		t.Errorf("validation failures stored %d links", n)
	}

	t.Run("API.md §8.3 validation runs before the room lookup", func(t *testing.T) {
		putLink(t, srv, 999999, `{"linkType":1,"access":[]}`).expectValidation("$.access")
	})
	t.Run("API.md §8.3 several attribute errors are reported together", func(t *testing.T) {
		r := putLink(t, srv, room.ID, map[string]any{"linkType": 0, "access": 2, "title": strings.Repeat("t", 300), "maxUseCount": 0})
		r.expectValidation("RoomLink.Title")
		r.expectValidation("RoomLink.MaxUseCount")
	})
	t.Run("API.md §7.1 unparseable ?type is a validation error", func(t *testing.T) {
		listLinks(t, srv, room.ID, "?type=bogus").expectValidation("type")
	})
}

// API.md §8.4: a body the JSON formatter does not accept is 415, before the
// body is read and before anything is written.
func TestUnsupportedMediaType(t *testing.T) {
	t.Parallel()
	srv := newEnv(t, WithUser("admin@example.com", "Secret-123"))
	room := srv.CreateRoom("Audit", RoomCustom)
	body := map[string]any{"linkId": newGUID(), "linkType": 1, "access": 2}
	tests := []struct {
		name        string
		contentType string // "-" removes the header
		want        int
	}{
		{"no Content-Type", "-", 415},
		{"text/plain", "text/plain", 415},
		{"form", "application/x-www-form-urlencoded", 415},
		{"unparseable", "json", 415},
		{"application/json", "application/json", 200},
		{"with charset", "application/json; charset=utf-8", 200},
		{"upper case", "Application/JSON", 200},
		{"text/json", "text/json", 200},
		{"a +json type", "application/merge-patch+json", 200},
	}
	for _, tc := range tests {
		opt := withHeader("Content-Type", tc.contentType)
		if tc.contentType == "-" {
			opt = func(r *http.Request) { r.Header.Del("Content-Type") }
		}
		r := putLink(t, srv, room.ID, body, opt)
		if r.status != tc.want {
			t.Errorf("%s: status %d, want %d: %s", tc.name, r.status, tc.want, r.raw)
		}
		if tc.want != 415 {
			continue
		}
		resp := r.response()
		if resp["status"] != float64(415) || resp["title"] != "Unsupported Media Type" {
			t.Errorf("%s: problem = %v", tc.name, resp)
		}
		if r.body["status"] != float64(0) || r.body["statusCode"] != float64(200) {
			t.Errorf("%s: envelope status %v statusCode %v, want 0 and 200 (the filter wraps before the status is set)",
				tc.name, r.body["status"], r.body["statusCode"])
		}
	}
	if n := len(srv.Links(room.ID)); n != 1 {
		t.Errorf("room holds %d links, want the 1 written by the accepted requests (same id)", n)
	}

	noType := func(r *http.Request) { r.Header.Del("Content-Type") }
	t.Run("sign-in", func(t *testing.T) {
		call(t, srv, http.MethodPost, "/api/2.0/authentication",
			map[string]any{"userName": "admin@example.com", "password": "Secret-123"}, noAuth(), noType).mustStatus(415)
	})
	t.Run("room creation", func(t *testing.T) {
		call(t, srv, http.MethodPost, "/api/2.0/files/rooms", map[string]any{"title": "x", "roomType": 5}, noType).mustStatus(415)
	})
	t.Run("authentication comes first", func(t *testing.T) {
		putLink(t, srv, room.ID, body, noType, noAuth()).mustStatus(401)
	})
}
