package docspacetest

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// handlerFunc serves one endpoint; id is the raw {id} path segment, if any.
type handlerFunc func(e *Emulator, w http.ResponseWriter, r *http.Request, c caller, id string)

type endpoint struct {
	pattern string
	public  bool // no authentication (POST /api/2.0/authentication)
	// anonymousGet: GET answers without credentials, as a caller with no
	// rights, never 401 ([AllowAnonymous], API.md §13.6).
	anonymousGet bool
	methods      map[string]handlerFunc
}

// endpoints is the emulated API surface (API.md §1, §9).
var endpoints = []endpoint{
	{pattern: "/api/2.0/authentication", public: true, methods: map[string]handlerFunc{
		http.MethodPost: func(e *Emulator, w http.ResponseWriter, r *http.Request, _ caller, _ string) {
			e.handleAuthenticate(w, r)
		},
	}},
	{pattern: "/api/2.0/files/rooms", methods: map[string]handlerFunc{
		http.MethodGet:  (*Emulator).handleListRooms,
		http.MethodPost: (*Emulator).handleCreateRoom,
	}},
	{pattern: "/api/2.0/files/rooms/{id}", methods: map[string]handlerFunc{
		http.MethodGet:    (*Emulator).handleGetRoom,
		http.MethodDelete: (*Emulator).handleDeleteRoom,
	}},
	{pattern: "/api/2.0/files/rooms/{id}/links", methods: map[string]handlerFunc{
		http.MethodGet: (*Emulator).handleListLinks,
		http.MethodPut: (*Emulator).handlePutLink,
	}},
	{pattern: "/api/2.0/files/rooms/{id}/link", methods: map[string]handlerFunc{
		http.MethodGet: (*Emulator).handlePrimaryLink,
	}},
	// Files and folders, and their links (API.md §13.1). Literal segments
	// come before "{id}" ones: the first pattern that matches wins.
	{pattern: "/api/2.0/files/file/{id}/links", methods: map[string]handlerFunc{
		http.MethodGet: (*Emulator).handleListFileLinks,
		http.MethodPut: (*Emulator).handlePutFileLink,
	}},
	{pattern: "/api/2.0/files/file/{id}/link", anonymousGet: true, methods: map[string]handlerFunc{
		http.MethodGet:  (*Emulator).handleGetFileLink,
		http.MethodPost: (*Emulator).handlePostFileLink,
	}},
	{pattern: "/api/2.0/files/folder/{id}/links", methods: map[string]handlerFunc{
		http.MethodGet: (*Emulator).handleListFolderLinks,
		http.MethodPut: (*Emulator).handlePutFolderLink,
	}},
	{pattern: "/api/2.0/files/folder/{id}/link", anonymousGet: true, methods: map[string]handlerFunc{
		http.MethodGet:  (*Emulator).handleGetFolderLink,
		http.MethodPost: (*Emulator).handlePostFolderLink,
	}},
	{pattern: "/api/2.0/files/file/{id}", methods: map[string]handlerFunc{
		http.MethodGet:    (*Emulator).handleGetFile,
		http.MethodDelete: (*Emulator).handleDeleteFile,
	}},
	{pattern: "/api/2.0/files/folder/{id}", methods: map[string]handlerFunc{
		http.MethodGet:    (*Emulator).handleGetFolder,
		http.MethodPost:   (*Emulator).handleCreateFolder,
		http.MethodDelete: (*Emulator).handleDeleteFolder,
	}},
	{pattern: "/api/2.0/files/@my/file", methods: map[string]handlerFunc{
		http.MethodPost: (*Emulator).handleCreateFile,
	}},
	{pattern: "/api/2.0/files/@my", methods: map[string]handlerFunc{
		http.MethodGet: (*Emulator).handleFolderContents,
	}},
	{pattern: "/api/2.0/files/{id}/file", methods: map[string]handlerFunc{
		http.MethodPost: (*Emulator).handleCreateFile,
	}},
	{pattern: "/api/2.0/files/{id}", methods: map[string]handlerFunc{
		http.MethodGet: (*Emulator).handleFolderContents,
	}},
}

// ServeHTTP handles a request: rate limit (when armed by RateLimitNext or
// Limits), injected fault (when armed), route (404/405), authentication (401
// with an empty body, API.md §8.4), then the endpoint.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sw := &statusWriter{ResponseWriter: w}
	defer e.countStatus(sw)
	if limited, retryAfter := e.observe(r); limited {
		writeRateLimited(sw, retryAfter, 1500)
		return
	}
	release, limited, retryAfter, limit := e.admit(r)
	if limited {
		writeRateLimited(sw, retryAfter, limit)
		return
	}
	defer release()
	if e.latency > 0 {
		select {
		case <-time.After(e.latency):
		case <-r.Context().Done():
			return
		}
	}
	if f, slowDelay := e.nextFault(r); f != FaultNone {
		e.injectFault(sw, r, f, slowDelay, e.serve)
		return
	}
	e.serve(sw, r)
}

// serve is the emulated API proper.
func (e *Emulator) serve(w http.ResponseWriter, r *http.Request) {
	ep, id, ok := matchEndpoint(r.URL.Path)
	if !ok {
		writeEmpty(w, http.StatusNotFound) // routing answers before DocSpace code (API.md §8.4)
		return
	}
	h, ok := ep.methods[r.Method]
	if !ok {
		w.Header().Set("Allow", allowed(ep))
		writeEmpty(w, http.StatusMethodNotAllowed)
		return
	}
	var c caller
	if !ep.public {
		e.mu.Lock()
		c, ok = e.authenticate(r)
		e.mu.Unlock()
		if !ok && ep.anonymousGet && r.Method == http.MethodGet {
			c, ok = caller{}, true
		}
		if !ok {
			writeEmpty(w, http.StatusUnauthorized)
			return
		}
	}
	h(e, w, r, c, id)
}

// observe records the request and answers 429 while a rate limit is armed.
func (e *Emulator) observe(r *http.Request) (limited bool, retryAfter time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.requests = append(e.requests, requestRecord{method: r.Method, path: r.URL.Path})
	if r.Host != "" {
		e.host = r.Host
	}
	if e.rateLimitLeft <= 0 {
		return false, 0
	}
	e.rateLimitLeft--
	return true, e.rateLimitRetryAfter
}

func matchEndpoint(path string) (endpoint, string, bool) {
	segs := splitPath(path)
	for _, ep := range endpoints {
		if id, ok := matchSegments(splitPath(ep.pattern), segs); ok {
			return ep, id, true
		}
	}
	return endpoint{}, "", false
}

// matchSegments compares case-insensitively, as ASP.NET routing does; a
// "{…}" segment matches any one segment, whose value is returned.
func matchSegments(pattern, segs []string) (string, bool) {
	if len(pattern) != len(segs) {
		return "", false
	}
	var id string
	for i, p := range pattern {
		if strings.HasPrefix(p, "{") && strings.HasSuffix(p, "}") {
			if segs[i] == "" {
				return "", false
			}
			id = segs[i]
			continue
		}
		if !strings.EqualFold(p, segs[i]) {
			return "", false
		}
	}
	return id, true
}

func splitPath(path string) []string {
	return strings.Split(strings.Trim(path, "/"), "/")
}

func allowed(ep endpoint) string {
	var methods []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete} {
		if _, ok := ep.methods[m]; ok {
			methods = append(methods, m)
		}
	}
	return strings.Join(methods, ", ")
}

// parseRoomID applies the {id:int} route constraint; anything else is an
// unknown (third-party) room, hence 404.
func parseRoomID(id string) (int, bool) {
	n, err := strconv.ParseInt(id, 10, 32)
	return int(n), err == nil
}

// writeRateLimited answers like the server's limiter: 429, no body (API.md §8.4).
func writeRateLimited(w http.ResponseWriter, retryAfter time.Duration, limit int) {
	secs := max(int((retryAfter+time.Second-1)/time.Second), 1)
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	w.Header().Set("X-RateLimit-Limit", strconv.Itoa(limit))
	w.Header().Set("X-RateLimit-Remaining", "0")
	w.Header().Set("X-RateLimit-Reset", strconv.Itoa(secs))
	writeEmpty(w, http.StatusTooManyRequests)
}
