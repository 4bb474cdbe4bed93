package docspace

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

func TestParseHost(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		input string
		want  string // the base URL; empty means an error is expected
		// errHas is text the error must contain; errLacks, text it must not.
		errHas   string
		errLacks []string
	}{
		{name: "https", input: "https://portal.example.com", want: "https://portal.example.com"},
		{name: "trailing slash", input: "https://portal.example.com/", want: "https://portal.example.com"},
		{name: "several trailing slashes", input: "https://portal.example.com///", want: "https://portal.example.com"},
		{name: "path", input: "https://portal.example.com/docspace", want: "https://portal.example.com/docspace"},
		{name: "path with trailing slash", input: "https://portal.example.com/docspace/", want: "https://portal.example.com/docspace"},
		{name: "bare host means https", input: "portal.example.com", want: "https://portal.example.com"},
		{name: "bare host with port", input: "portal.example.com:8443", want: "https://portal.example.com:8443"},
		{name: "bare host with path", input: "portal.example.com/docspace/", want: "https://portal.example.com/docspace"},
		{name: "http loopback with port", input: "http://127.0.0.1:8080", want: "http://127.0.0.1:8080"},
		{name: "ipv6 loopback", input: "http://[::1]:8080", want: "http://[::1]:8080"},
		{name: "surrounding white space", input: "  https://portal.example.com/ \n", want: "https://portal.example.com"},
		{name: "upper-case scheme", input: "HTTPS://portal.example.com", want: "https://portal.example.com"},
		// An API path is cut off: the client adds /api/2.0/… itself.
		{name: "api path", input: "https://portal.example.com/api/2.0", want: "https://portal.example.com"},
		{name: "api path with slash", input: "https://portal.example.com/api/2.0/", want: "https://portal.example.com"},
		{name: "api path below a prefix", input: "https://portal.example.com/docspace/API/2.0/files/rooms/4711", want: "https://portal.example.com/docspace"},
		{name: "bare api segment", input: "portal.example.com/api", want: "https://portal.example.com"},
		{name: "api in a longer segment stays", input: "https://portal.example.com/apis", want: "https://portal.example.com/apis"},

		{name: "empty", input: "", errHas: "empty"},
		{name: "white space only", input: " \t\n ", errHas: "empty"},
		{name: "ftp", input: "ftp://x", errHas: "https://"},
		{name: "scheme only", input: "https://", errHas: "no host name"},
		{name: "port only", input: "https://:8080", errHas: "no host name"},
		{name: "space in host", input: "https://portal example.com", errHas: "not a valid URL"},
		{
			name: "credentials", input: "https://admin:s3cret-Pa55@portal.example.com",
			errHas: "credentials", errLacks: []string{"s3cret-Pa55", "admin"},
		},
		{name: "user only", input: "https://admin@portal.example.com", errHas: "credentials", errLacks: []string{"admin@"}},
		{name: "bare host with credentials", input: "admin:s3cret-Pa55@portal.example.com", errHas: "credentials", errLacks: []string{"s3cret-Pa55"}},
		{
			name: "credentials and another scheme", input: "ftp://admin:s3cret-Pa55@portal.example.com",
			errHas: "credentials", errLacks: []string{"s3cret-Pa55"},
		},
		{
			name: "credentials in an unparsable URL", input: "https://admin:s3cret-Pa55@portal.example.com:port",
			errHas: "credentials", errLacks: []string{"s3cret-Pa55"},
		},
		{
			name: "query string", input: "https://portal.example.com/?token=sk-query-secret",
			errHas: "query", errLacks: []string{"sk-query-secret"},
		},
		{name: "empty query", input: "https://portal.example.com/?", errHas: "query"},
		{name: "fragment", input: "https://portal.example.com/#rooms", errHas: "fragment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			u, err := ParseHost(tt.input)
			if tt.want != "" {
				if err != nil {
					t.Fatalf("ParseHost(%q): %v", tt.input, err)
				}
				if got := u.String(); got != tt.want {
					t.Errorf("ParseHost(%q) = %q, want %q", tt.input, got, tt.want)
				}
				if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || u.User != nil {
					t.Errorf("ParseHost(%q) kept a query, fragment or user: %#v", tt.input, u)
				}
				return
			}
			if err == nil {
				t.Fatalf("ParseHost(%q) = %q, want an error", tt.input, u)
			}
			if !strings.Contains(err.Error(), tt.errHas) {
				t.Errorf("ParseHost(%q) error %q does not mention %q", tt.input, err, tt.errHas)
			}
			for _, secret := range tt.errLacks {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("ParseHost(%q) error leaks %q: %s", tt.input, secret, err)
				}
			}
		})
	}
}

func TestNewClient(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		cfg     Config
		wantErr string
	}{
		{name: "ok", cfg: Config{Host: "portal.example.com", Token: testToken}},
		{name: "bad host", cfg: Config{Host: "ftp://x", Token: testToken}, wantErr: "https://"},
		{name: "empty token", cfg: Config{Host: "portal.example.com"}, wantErr: "token is empty"},
		{name: "white space token", cfg: Config{Host: "portal.example.com", Token: " \n\t"}, wantErr: "token is empty"},
		{name: "line break inside the token", cfg: Config{Host: "portal.example.com", Token: "sk-abc\r\nX-Injected: 1"}, wantErr: "line break"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := NewClient(tt.cfg)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("NewClient: %v", err)
				}
				if c.Host() != "https://portal.example.com" {
					t.Errorf("Host() = %q", c.Host())
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("NewClient error = %v, want one mentioning %q", err, tt.wantErr)
			}
			if tok := strings.TrimSpace(tt.cfg.Token); tok != "" && strings.Contains(err.Error(), tok) {
				t.Errorf("error leaks the token: %v", err)
			}
		})
	}
}

// A token read from a file ends in a newline; it is sent without it.
func TestNewClientTrimsToken(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t, replyJSON(http.StatusOK, okEnvelope(`[]`)))
	c, err := NewClient(Config{Host: fs.URL, Token: "  " + testToken + "\n", HTTPClient: fs.Client()})
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	if _, err := c.ListLinks(context.Background(), RoomTarget("4711"), nil); err != nil {
		t.Fatalf("ListLinks: %v", err)
	}
	if got := fs.only(t).Header.Get("Authorization"); got != "Bearer "+testToken {
		t.Errorf("Authorization = %q, want %q", got, "Bearer "+testToken)
	}
}

// The request URL is the host's, path prefix included, whatever the spelling.
func TestRequestURLFromHost(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		suffix   string // appended to the server URL
		wantPath string
	}{
		{name: "plain", suffix: "", wantPath: "/api/2.0/files/rooms/4711/links"},
		{name: "trailing slash", suffix: "/", wantPath: "/api/2.0/files/rooms/4711/links"},
		{name: "path prefix", suffix: "/docspace", wantPath: "/docspace/api/2.0/files/rooms/4711/links"},
		{name: "path prefix with trailing slash", suffix: "/docspace/", wantPath: "/docspace/api/2.0/files/rooms/4711/links"},
		{name: "nested prefix", suffix: "/a/b//", wantPath: "/a/b/api/2.0/files/rooms/4711/links"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, replyJSON(http.StatusOK, okEnvelope(`[]`)))
			c, err := NewClient(Config{Host: fs.URL + tt.suffix, Token: testToken, HTTPClient: fs.Client()})
			if err != nil {
				t.Fatalf("NewClient: %v", err)
			}
			if want := fs.URL + strings.TrimRight(tt.suffix, "/"); c.Host() != want {
				t.Errorf("Host() = %q, want %q", c.Host(), want)
			}
			if _, err := c.ListLinks(context.Background(), RoomTarget("4711"), nil); err != nil {
				t.Fatalf("ListLinks: %v", err)
			}
			req := fs.only(t)
			if req.RawPath != tt.wantPath || req.Query != "" {
				t.Errorf("request went to %q?%s, want %q", req.RawPath, req.Query, tt.wantPath)
			}
		})
	}
}

// A bare "host:port" means https, and the client really speaks TLS to it.
func TestBareHostUsesHTTPS(t *testing.T) {
	t.Parallel()
	var gotTLS atomic.Bool
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotTLS.Store(r.TLS != nil)
		replyJSON(http.StatusOK, okEnvelope(`[]`))(w, r)
	}))
	t.Cleanup(srv.Close)
	bare := strings.TrimPrefix(srv.URL, "https://")
	c, err := NewClient(Config{Host: bare, Token: testToken, HTTPClient: srv.Client()})
	if err != nil {
		t.Fatalf("NewClient(%q): %v", bare, err)
	}
	if c.Host() != srv.URL {
		t.Errorf("Host() = %q, want %q", c.Host(), srv.URL)
	}
	if _, err := c.ListLinks(context.Background(), RoomTarget("4711"), nil); err != nil {
		t.Fatalf("ListLinks: %v", err)
	}
	if !gotTLS.Load() {
		t.Error("the request did not use TLS")
	}
}

func TestHostAPIPath(t *testing.T) {
	t.Parallel()
	for input, want := range map[string]string{
		"https://portal.example.com":                      "",
		"https://portal.example.com/docspace/":            "",
		"https://portal.example.com/api/2.0":              "/api/2.0",
		"https://portal.example.com/api/2.0/":             "/api/2.0",
		"portal.example.com/docspace/api/2.0/files/rooms": "/api/2.0/files/rooms",
	} {
		if got := HostAPIPath(input); got != want {
			t.Errorf("HostAPIPath(%q) = %q, want %q", input, got, want)
		}
	}
}
