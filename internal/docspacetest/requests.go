package docspacetest

import (
	"net/http"
	"strings"
	"time"
)

// requestRecord is one request the emulator received.
type requestRecord struct {
	method string
	path   string
}

// Requests counts the requests received with the method ("" for any) whose
// path matches pathPattern: a concrete path, or one with "{…}" segments that
// match any single segment, e.g. "/api/2.0/files/rooms/{id}/links".
// Requests rejected with 401 or 429 count too.
func (e *Emulator) Requests(method, pathPattern string) int {
	pattern := splitPath(pathPattern)
	e.mu.Lock()
	defer e.mu.Unlock()
	n := 0
	for _, rec := range e.requests {
		if method != "" && !strings.EqualFold(method, rec.method) {
			continue
		}
		if _, ok := matchSegments(pattern, splitPath(rec.path)); ok {
			n++
		}
	}
	return n
}

// ResetRequests forgets the requests received so far, and their statuses.
func (e *Emulator) ResetRequests() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.requests = nil
	e.statuses = nil
}

// StatusCount counts the responses sent with an HTTP status; 0 counts the
// requests that got no response (a reset connection, a client that gave up).
func (e *Emulator) StatusCount(status int) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.statuses[status]
}

func (e *Emulator) countStatus(sw *statusWriter) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.statuses == nil {
		e.statuses = map[int]int{}
	}
	e.statuses[sw.status]++
}

// RateLimitNext makes the next n requests fail like the server's rate
// limiter: 429, empty body, Retry-After in whole seconds (API.md §9 Rate limiting).
func (e *Emulator) RateLimitNext(n int, retryAfter time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.rateLimitLeft = n
	e.rateLimitRetryAfter = retryAfter
}

var _ http.Handler = (*Emulator)(nil)
