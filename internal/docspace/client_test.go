package docspace

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// testToken is long and unlike any other text in the tests, so that finding
// it in an error string can only mean a leak.
const testToken = "sk-test-7f3a9c1e5b2d4a6f8e0c1b3d5f7a9c2e-TOKEN"

// Secrets planted in response bodies; none may ever reach an error string.
const (
	plantedPassword  = "Planted-Pa55word!"
	plantedShareLink = "https://example.onlyoffice.com/s/PlantedShortKy"
	plantedBodyText  = "PLANTED-BODY-TEXT-4c7d"
)

// plantedSecrets is every string an error must never contain.
var plantedSecrets = []string{testToken, plantedPassword, plantedShareLink, plantedBodyText}

// capturedRequest is what the fake server saw of one request.
type capturedRequest struct {
	Method  string
	Path    string // decoded
	RawPath string // as sent (EscapedPath)
	Query   string // raw query
	Header  http.Header
	Body    []byte
}

// fakeServer is an httptest server that records every request and answers
// with the test's handler.
type fakeServer struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []capturedRequest
}

func newFakeServer(t *testing.T, handler http.HandlerFunc) *fakeServer {
	t.Helper()
	fs := &fakeServer{}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		fs.mu.Lock()
		fs.reqs = append(fs.reqs, capturedRequest{
			Method: r.Method, Path: r.URL.Path, RawPath: r.URL.EscapedPath(), Query: r.URL.RawQuery,
			Header: r.Header.Clone(), Body: body,
		})
		fs.mu.Unlock()
		handler(w, r)
	}))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *fakeServer) requests() []capturedRequest {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return append([]capturedRequest(nil), fs.reqs...)
}

// only returns the single request the server saw, failing otherwise.
func (fs *fakeServer) only(t *testing.T) capturedRequest {
	t.Helper()
	reqs := fs.requests()
	if len(reqs) != 1 {
		t.Fatalf("server saw %d requests, want 1", len(reqs))
	}
	return reqs[0]
}

func newTestClient(t *testing.T, fs *fakeServer) *Client {
	t.Helper()
	c, err := NewClient(Config{Host: fs.URL, Token: testToken, UserAgent: "terraform-provider-docspace/test", HTTPClient: fs.Client(),
		RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond})
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

// reply answers every request with a fixed response.
func reply(status int, contentType, body string, headers ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		}
		for i := 0; i+1 < len(headers); i += 2 {
			w.Header().Set(headers[i], headers[i+1])
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}
}

// replyJSON answers every request with a JSON body.
func replyJSON(status int, body string) http.HandlerFunc {
	return reply(status, "application/json; charset=utf-8", body)
}

// okEnvelope wraps a payload as DocSpace does on success (API.md §3.1).
func okEnvelope(payload string) string {
	return `{"response":` + payload + `,"count":1,"links":[{"href":"https://example.onlyoffice.com/api/2.0/files/rooms/4711/links","action":"GET"}],"status":0,"statusCode":200}`
}

// emptyEnvelope is the API.md §3.5 answer to a delete.
const emptyEnvelope = `{"count":0,"links":[{"href":"https://example.onlyoffice.com/api/2.0/files/rooms/4711/links","action":"PUT"}],"status":0,"statusCode":200}`

// asAPIError asserts that err is exactly one *Error (not wrapped) and returns it.
func asAPIError(t *testing.T, err error) *Error {
	t.Helper()
	if err == nil {
		t.Fatal("want an error, got nil")
	}
	apiErr, ok := err.(*Error) //nolint:errorlint // the client returns *Error itself, unwrapped
	if !ok {
		var wrapped *Error
		if errors.As(err, &wrapped) {
			t.Fatalf("error is a wrapped *Error (%T), want *Error itself: %v", err, err)
		}
		t.Fatalf("error is %T, want *Error: %v", err, err)
	}
	return apiErr
}

// assertNoSecrets fails if an error's text holds the token or a planted secret.
func assertNoSecrets(t *testing.T, err error, extra ...string) {
	t.Helper()
	if err == nil {
		return
	}
	texts := []string{err.Error()}
	var apiErr *Error
	if errors.As(err, &apiErr) {
		texts = append(texts, apiErr.Message, apiErr.Type, apiErr.Path)
	}
	for _, text := range texts {
		for _, secret := range append(append([]string(nil), plantedSecrets...), extra...) {
			if secret != "" && strings.Contains(text, secret) {
				t.Errorf("error text leaks %q: %s", secret, text)
			}
		}
	}
}

// decodeBody decodes a captured JSON request body into a map of raw values.
func decodeBody(t *testing.T, body []byte) map[string]json.RawMessage {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("request body is not a JSON object: %v\n%s", err, body)
	}
	return m
}

func ptr[T any](v T) *T { return &v }

// decodeJSON reads a request body in a handler.
func decodeJSON(r *http.Request, v any) error { return json.NewDecoder(r.Body).Decode(v) }

// TestForeignNotFoundIsRetriedNeverGone: a proxy's 404 is retried, and if it
// persists it is an error that never reads as "not found".
func TestForeignNotFoundIsRetriedNeverGone(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t)
	room := srv.CreateRoom("proxy", docspacetest.RoomCustom)
	c := chaosClient(t, srv, nil)
	srv.FailNextOn(http.MethodGet, docspacetest.FaultProxyNotFound, docspacetest.FaultProxyNotFoundPage)
	if _, err := c.ListLinks(context.Background(), RoomTarget(fmt.Sprint(room.ID)), nil); err != nil {
		t.Errorf("listing after two proxy 404s: %v", err)
	}
	// Other failures before them do not use up the proxy 404s' attempts.
	srv.FailNextOn(http.MethodGet, docspacetest.FaultServerError, docspacetest.FaultServerError,
		docspacetest.FaultProxyNotFound, docspacetest.FaultProxyNotFoundPage)
	if _, err := c.ListLinks(context.Background(), RoomTarget(fmt.Sprint(room.ID)), nil); err != nil {
		t.Errorf("listing after two 500s and two proxy 404s: %v", err)
	}

	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNotFound) }))
	t.Cleanup(proxy.Close)
	var attempts atomic.Int32
	proxy.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		attempts.Add(1)
		w.WriteHeader(http.StatusNotFound)
	})
	c, err := NewClient(Config{Host: proxy.URL, Token: "t", MaxRetries: 10, RetryWaitMin: 1, RetryWaitMax: 1})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.ListLinks(context.Background(), RoomTarget("4711"), nil)
	if IsNotFound(err) || !IsForeignAnswer(err) {
		t.Errorf("error = %v: not found %v, foreign %v; want a foreign answer that is not 'not found'", err, IsNotFound(err), IsForeignAnswer(err))
	}
	// A wrong host answers the same every time: a few attempts, not all ten.
	if n := attempts.Load(); n != 3 {
		t.Errorf("%d attempts at a persistent proxy 404, want 3", n)
	}
}
