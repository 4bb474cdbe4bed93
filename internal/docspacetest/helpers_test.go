package docspacetest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// testNow is the fixed "now" of most tests: 2026-06-01 12:00:00 UTC.
var testNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// testClock is a clock tests can move forward without sleeping.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func newTestClock() *testClock { return &testClock{now: testNow} }

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// newEnv starts an emulator on the fixed clock plus extra options.
func newEnv(t *testing.T, opts ...Option) *Server {
	t.Helper()
	return NewTestServer(t, append([]Option{WithClock(func() time.Time { return testNow })}, opts...)...)
}

// result is one HTTP exchange, decoded loosely so tests can check the wire format.
type result struct {
	t      testing.TB
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

type reqOption func(*http.Request)

func withHeader(k, v string) reqOption { return func(r *http.Request) { r.Header.Set(k, v) } }

func withCookie(v string) reqOption {
	return func(r *http.Request) { r.AddCookie(&http.Cookie{Name: "asc_auth_key", Value: v}) }
}

// noAuth removes the default bearer token.
func noAuth() reqOption { return func(r *http.Request) { r.Header.Del("Authorization") } }

// call sends a request with "Authorization: Bearer test-token" unless an
// option changes it. body may be nil, a string (sent raw) or a value (JSON).
func call(t testing.TB, srv *Server, method, path string, body any, opts ...reqOption) result {
	t.Helper()
	var reader io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		reader = strings.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		reader = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, srv.URL+path, reader)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+DefaultToken)
	if reader != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for _, o := range opts {
		o(req)
	}
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	r := result{t: t, status: res.StatusCode, header: res.Header, raw: raw}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &r.body); err != nil {
			t.Fatalf("%s %s: body is not a JSON object: %v\n%s", method, path, err, raw)
		}
	}
	return r
}

func linksPath(roomID int) string   { return fmt.Sprintf("/api/2.0/files/rooms/%d/links", roomID) }
func primaryPath(roomID int) string { return fmt.Sprintf("/api/2.0/files/rooms/%d/link", roomID) }
func roomPath(roomID int) string    { return fmt.Sprintf("/api/2.0/files/rooms/%d", roomID) }

func putLink(t testing.TB, srv *Server, roomID int, body any, opts ...reqOption) result {
	t.Helper()
	return call(t, srv, http.MethodPut, linksPath(roomID), body, opts...)
}

func listLinks(t testing.TB, srv *Server, roomID int, query string, opts ...reqOption) result {
	t.Helper()
	return call(t, srv, http.MethodGet, linksPath(roomID)+query, nil, opts...)
}

// mustStatus fails unless the exchange had the HTTP status.
func (r result) mustStatus(want int) result {
	r.t.Helper()
	if r.status != want {
		r.t.Fatalf("status = %d, want %d; body: %s", r.status, want, r.raw)
	}
	return r
}

// response is the envelope's "response" object.
func (r result) response() map[string]any {
	r.t.Helper()
	m, ok := r.body["response"].(map[string]any)
	if !ok {
		r.t.Fatalf("no response object in %s", r.raw)
	}
	return m
}

// list is the envelope's "response" array.
func (r result) list() []map[string]any {
	r.t.Helper()
	arr, ok := r.body["response"].([]any)
	if !ok {
		r.t.Fatalf("no response array in %s", r.raw)
	}
	out := make([]map[string]any, len(arr))
	for i, v := range arr {
		out[i] = v.(map[string]any)
	}
	return out
}

// link is response.sharedLink of a single-link answer.
func (r result) link() map[string]any {
	r.t.Helper()
	return r.response()["sharedLink"].(map[string]any)
}

func sharedLink(dto map[string]any) map[string]any { return dto["sharedLink"].(map[string]any) }

// errorMessage is error.message of an error envelope.
func (r result) errorMessage() string {
	r.t.Helper()
	e, ok := r.body["error"].(map[string]any)
	if !ok {
		r.t.Fatalf("no error object in %s", r.raw)
	}
	return e["message"].(string)
}

// validationErrors is response.errors of a API.md §8.3 answer.
func (r result) validationErrors() map[string]any {
	r.t.Helper()
	errs, ok := r.response()["errors"].(map[string]any)
	if !ok {
		r.t.Fatalf("no validation errors in %s", r.raw)
	}
	return errs
}

// num reads a JSON number as int.
func num(v any) int {
	f, _ := v.(float64)
	return int(f)
}

// expectError checks an error answer: status and exact message (API.md §8.1, §8.2).
func (r result) expectError(status int, message string) {
	r.t.Helper()
	r.mustStatus(status)
	if got := r.errorMessage(); got != message {
		r.t.Fatalf("error.message = %q, want %q", got, message)
	}
	if num(r.body["status"]) != 1 || num(r.body["statusCode"]) != status {
		r.t.Fatalf("status/statusCode = %v/%v, want 1/%d", r.body["status"], r.body["statusCode"], status)
	}
}

// expectValidation checks a API.md §8.3 answer that names the key.
func (r result) expectValidation(key string) {
	r.t.Helper()
	r.mustStatus(http.StatusBadRequest)
	if num(r.body["status"]) != 1 || num(r.body["statusCode"]) != 400 || num(r.body["count"]) != 1 {
		r.t.Fatalf("validation envelope status/statusCode/count wrong: %s", r.raw)
	}
	if _, ok := r.validationErrors()[key]; !ok {
		r.t.Fatalf("validation errors lack %q: %s", key, r.raw)
	}
}

// createLink PUTs a new link and returns its id.
func createLink(t testing.TB, srv *Server, roomID int, body map[string]any) string {
	t.Helper()
	return putLink(t, srv, roomID, body).mustStatus(http.StatusOK).link()["id"].(string)
}

func ptr[T any](v T) *T { return &v }
