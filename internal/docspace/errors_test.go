package docspace

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// errorEnvelope is the API.md §8.1 shape, with a stack that carries planted secrets:
// nothing but the message may reach the error.
func errorEnvelope(status int, message, typ string) string {
	typeJSON := "null"
	if typ != "" {
		typeJSON = `"` + typ + `"`
	}
	return fmt.Sprintf(`{"error":{"message":%q,"type":%s,"stack":"   at ASC.Files %s %s %s %s","hresult":-2146233079},"status":1,"statusCode":%d}`,
		message, typeJSON, plantedBodyText, plantedPassword, plantedShareLink, testToken, status)
}

// validationProblem is the API.md §8.3 shape: a problem wrapped in a success envelope.
func validationProblem(envelopeStatusCode int, errorsJSON string) string {
	return `{"response":{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,` +
		`"errors":` + errorsJSON + `,"traceId":"00-` + plantedBodyText + `-` + plantedPassword + `-00"},"count":1,` +
		`"links":[{"href":"` + plantedShareLink + `","action":"PUT"}],"status":1,"statusCode":` + fmt.Sprint(envelopeStatusCode) + `}`
}

const proxyHTML = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title></head>
<body><h1>Bad Gateway</h1><p>` + plantedBodyText + ` upstream ` + plantedShareLink + ` ` + plantedPassword + `</p></body></html>`

type helperFlags struct{ notFound, unauthorized, forbidden, rateLimited, linkLimit, accessDenied bool }

func TestErrorShapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		status      int
		contentType string
		headers     []string
		body        string
		wantStatus  int
		wantMsg     string // the exact Message
		wantType    string
		wantRetry   string
		flags       helperFlags
	}{
		{
			name: "API.md §8.1 not found", status: 404, body: errorEnvelope(404, "Item not found", "ASC.Common.Web.ItemNotFoundException"),
			wantStatus: 404, wantMsg: "Item not found", wantType: "ASC.Common.Web.ItemNotFoundException", flags: helperFlags{notFound: true},
		},
		{
			name: "API.md §8.1 role not available", status: 403, body: errorEnvelope(403, "The role is not available for this user type", "System.InvalidOperationException"),
			wantStatus: 403, wantMsg: "The role is not available for this user type", wantType: "System.InvalidOperationException", flags: helperFlags{forbidden: true},
		},
		{
			name: "API.md §8.1 access denied without type", status: 403, body: errorEnvelope(403, "Access denied", ""),
			wantStatus: 403, wantMsg: "Access denied", flags: helperFlags{forbidden: true, accessDenied: true},
		},
		{
			name: "API.md §8.1 link limit", status: 403, body: errorEnvelope(403, "The maximum number of links may not exceed 5", "System.InvalidOperationException"),
			wantStatus: 403, wantMsg: "The maximum number of links may not exceed 5", wantType: "System.InvalidOperationException",
			flags: helperFlags{forbidden: true, linkLimit: true},
		},
		{
			name: "API.md §8.1 password policy", status: 400,
			body:       errorEnvelope(400, "Password must contain from 8 to 30 characters, only latin letters, no spaces, capital letters, digits", "System.ArgumentException"),
			wantStatus: 400, wantMsg: "Password must contain from 8 to 30 characters, only latin letters, no spaces, capital letters, digits", wantType: "System.ArgumentException",
		},
		{
			name: "API.md §8.1 server error", status: 500, body: errorEnvelope(500, "Object reference not set to an instance of an object.", "System.NullReferenceException"),
			wantStatus: 500, wantMsg: "Object reference not set to an instance of an object.", wantType: "System.NullReferenceException",
		},
		{
			name: "API.md §8.1 error with an empty message", status: 403, body: errorEnvelope(403, "", ""),
			wantStatus: 403, wantMsg: "forbidden", flags: helperFlags{forbidden: true},
		},
		{
			name: "API.md §8.1 error envelope inside HTTP 200", status: 200, body: errorEnvelope(404, "Item not found", "ASC.Common.Web.ItemNotFoundException"),
			wantStatus: 404, wantMsg: "Item not found", wantType: "ASC.Common.Web.ItemNotFoundException", flags: helperFlags{notFound: true},
		},
		{
			name: "API.md §8.3 validation problem with HTTP 400", status: 400,
			body:       validationProblem(400, `{"RoomLink.Title":["The field Title must be a string with a maximum length of 255."]}`),
			wantStatus: 400, wantMsg: "One or more validation errors occurred. RoomLink.Title: The field Title must be a string with a maximum length of 255.",
		},
		{
			name: "API.md §8.3 validation problem with HTTP 200", status: 200,
			body:       validationProblem(400, `{"RoomLink.Title":["The field Title must be a string with a maximum length of 255."]}`),
			wantStatus: 400, wantMsg: "One or more validation errors occurred. RoomLink.Title: The field Title must be a string with a maximum length of 255.",
		},
		{
			name: "API.md §8.3 several fields, sorted", status: 400,
			body:       validationProblem(400, `{"RoomLink.Title":["too long"],"RoomLink.MaxUseCount":["out of range","must be a number"]}`),
			wantStatus: 400, wantMsg: "One or more validation errors occurred. RoomLink.MaxUseCount: out of range must be a number; RoomLink.Title: too long",
		},
		{
			name: "API.md §8.3 status 1 without a statusCode", status: 200,
			body:       `{"response":{"title":"One or more validation errors occurred.","errors":{}},"status":1}`,
			wantStatus: 400, wantMsg: "One or more validation errors occurred.",
		},
		{
			name: "status 1 without a problem", status: 500, body: `{"status":1,"statusCode":500}`,
			wantStatus: 500, wantMsg: "internal server error",
		},
		{
			name: "401 with an empty body", status: 401, body: "",
			wantStatus: 401, wantMsg: "the token was rejected (missing, invalid or expired)", flags: helperFlags{unauthorized: true},
		},
		{
			name: "401 with an error envelope", status: 401, contentType: "application/json",
			body:       `{"error":{"message":"Unauthorized","type":null,"stack":null},"status":1,"statusCode":401}`,
			wantStatus: 401, wantMsg: "Unauthorized", flags: helperFlags{unauthorized: true},
		},
		{
			name: "403 from the framework with an empty body", status: 403, body: "",
			wantStatus: 403, wantMsg: "forbidden", flags: helperFlags{forbidden: true},
		},
		{
			name: "429 with an empty body", status: 429, headers: []string{"Retry-After", "17", "X-RateLimit-Remaining", "0"}, body: "",
			wantStatus: 429, wantMsg: "rate limit exceeded", wantRetry: "17", flags: helperFlags{rateLimited: true},
		},
		{
			name: "502 HTML from a proxy", status: 502, contentType: "text/html; charset=utf-8", body: proxyHTML,
			wantStatus: 502, wantMsg: "unexpected HTML response, status 502",
		},
		{
			name: "503 HTML without a content type", status: 503, body: proxyHTML,
			wantStatus: 503, wantMsg: "unexpected HTML response, status 503",
		},
		{
			name: "200 HTML (a login page)", status: 200, contentType: "text/html", body: `<html><body>Sign in ` + plantedBodyText + `</body></html>`,
			wantStatus: 200, wantMsg: "unexpected HTML response, status 200: not DocSpace's API",
		},
		{
			name: "truncated JSON", status: 200,
			body:       `{"response":[{"access":2,"sharedLink":{"id":"` + extID + `","password":"` + plantedPassword + `","shareLink":"` + plantedShareLink,
			wantStatus: 200, wantMsg: "the response is not valid JSON (truncated)",
		},
		{
			name: "invalid JSON", status: 200, body: `{"response": ` + plantedBodyText + `}`,
			wantStatus: 200, wantMsg: "the response is not valid JSON (syntax error at byte 14)",
		},
		{
			name: "plain text 500", status: 500, contentType: "text/plain", body: plantedBodyText + " " + testToken,
			wantStatus: 500, wantMsg: "the response is not valid JSON (syntax error at byte 1)",
		},
		{name: "empty body with 200", status: 200, body: "", wantStatus: 200, wantMsg: "empty response body"},
		{name: "white space body with 200", status: 200, body: " \r\n\t ", wantStatus: 200, wantMsg: "empty response body"},
		{name: "JSON object that is not an envelope", status: 200, body: `{"message":"` + plantedBodyText + `"}`, wantStatus: 200, wantMsg: "the response is not a DocSpace API envelope"},
		{name: "empty object", status: 200, body: `{}`, wantStatus: 200, wantMsg: "the response is not a DocSpace API envelope"},
		{name: "JSON array", status: 200, body: `[{"id":"` + plantedBodyText + `"}]`, wantStatus: 200, wantMsg: "the response is not a DocSpace API envelope"},
		{name: "JSON null", status: 200, body: `null`, wantStatus: 200, wantMsg: "the response is not a DocSpace API envelope"},
		{name: "JSON string", status: 200, body: `"` + plantedBodyText + `"`, wantStatus: 200, wantMsg: "the response is not a DocSpace API envelope"},
		{
			name: "not an envelope with 404", status: 404, body: `{"detail":"` + plantedBodyText + `"}`,
			// Not DocSpace's envelope: a proxy's 404, which never means "gone".
			wantStatus: 404, wantMsg: "not found (not a DocSpace API answer)",
		},
		{
			name: "envelope fields of the wrong type", status: 200, body: `{"status":"` + plantedBodyText + `"}`,
			wantStatus: 200, wantMsg: `unexpected response envelope (field "status" has the wrong type)`,
		},
		{
			name: "payload of the wrong type", status: 200, body: okEnvelope(`"` + plantedBodyText + `"`),
			wantStatus: 200, wantMsg: `unexpected response payload (field "" has the wrong type)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, reply(tt.status, tt.contentType, tt.body, tt.headers...))
			links, err := newTestClient(t, fs).ListLinks(context.Background(), RoomTarget("4711"), nil)
			if links != nil {
				t.Errorf("links = %+v, want nil", links)
			}
			apiErr := asAPIError(t, err)
			if apiErr.StatusCode != tt.wantStatus {
				t.Errorf("StatusCode = %d, want %d", apiErr.StatusCode, tt.wantStatus)
			}
			if apiErr.Message != tt.wantMsg {
				t.Errorf("Message = %q, want %q", apiErr.Message, tt.wantMsg)
			}
			if apiErr.Type != tt.wantType {
				t.Errorf("Type = %q, want %q", apiErr.Type, tt.wantType)
			}
			if apiErr.RetryAfter != tt.wantRetry {
				t.Errorf("RetryAfter = %q, want %q", apiErr.RetryAfter, tt.wantRetry)
			}
			if apiErr.Method != http.MethodGet || apiErr.Path != "/api/2.0/files/rooms/4711/links" {
				t.Errorf("error names %s %s", apiErr.Method, apiErr.Path)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) || !strings.Contains(err.Error(), fmt.Sprintf("HTTP %d", tt.wantStatus)) {
				t.Errorf("Error() = %q, want the message and the status", err.Error())
			}
			got := helperFlags{IsNotFound(err), IsUnauthorized(err), IsForbidden(err), IsRateLimited(err), IsLinkLimit(err), IsAccessDenied(err)}
			if got != tt.flags {
				t.Errorf("helpers (notFound, unauthorized, forbidden, rateLimited, linkLimit, accessDenied) = %+v, want %+v", got, tt.flags)
			}
			// Wrapping keeps the helpers working.
			wrapped := fmt.Errorf("reading links: %w", err)
			if IsNotFound(wrapped) != tt.flags.notFound || IsLinkLimit(wrapped) != tt.flags.linkLimit {
				t.Error("helpers do not see through wrapping")
			}
			assertNoSecrets(t, err)
			if strings.Contains(err.Error(), "<") || strings.Contains(err.Error(), "Bad Gateway</") {
				t.Errorf("Error() repeats markup: %q", err.Error())
			}
		})
	}
}

func TestErrorString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  Error
		want string
	}{
		{
			err:  Error{Method: "GET", Path: "/api/2.0/files/rooms/4711/links", StatusCode: 404, Message: "Item not found"},
			want: "DocSpace GET /api/2.0/files/rooms/4711/links: Item not found (HTTP 404 Not Found)",
		},
		{
			err:  Error{Method: "PUT", Path: "/p", StatusCode: 599},
			want: "DocSpace PUT /p: no error message in the response (HTTP 599)",
		},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestHelpersOnOtherErrors(t *testing.T) {
	t.Parallel()
	for _, err := range []error{nil, errors.New("Item not found"), context.Canceled, &Error{StatusCode: 200, Message: "maximum number of links"}} {
		if IsNotFound(err) || IsUnauthorized(err) || IsForbidden(err) || IsRateLimited(err) || IsLinkLimit(err) {
			t.Errorf("a helper matched %v", err)
		}
	}
	if IsLinkLimit(&Error{StatusCode: 403, Message: "Access denied"}) {
		t.Error("IsLinkLimit matched a plain 403")
	}
}

// The token never appears in an error, even when the server echoes it.
func TestTokenNeverInErrors(t *testing.T) {
	t.Parallel()
	echo := func(build func(auth string) (int, string, []string)) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			status, body, headers := build(r.Header.Get("Authorization"))
			reply(status, "application/json", body, headers...)(w, r)
		}
	}
	tests := []struct {
		name    string
		handler http.HandlerFunc
	}{
		{
			name: "error message echoes the header",
			handler: echo(func(auth string) (int, string, []string) {
				return 401, fmt.Sprintf(`{"error":{"message":"invalid credentials %q","type":%q},"status":1,"statusCode":401}`, auth, "Auth "+auth), nil
			}),
		},
		{
			name: "error message echoes the bare token",
			handler: echo(func(auth string) (int, string, []string) {
				tok := strings.TrimPrefix(auth, "Bearer ")
				return 403, fmt.Sprintf(`{"error":{"message":"key %s lacks scope rooms:read","type":null},"status":1,"statusCode":403}`, tok), nil
			}),
		},
		{
			name: "validation problem echoes the token",
			handler: echo(func(auth string) (int, string, []string) {
				return 400, validationProblem(400, fmt.Sprintf(`{%q:[%q]}`, auth, "bad value "+auth)), nil
			}),
		},
		{
			name: "token in a date of the payload",
			handler: echo(func(auth string) (int, string, []string) {
				return 200, okEnvelope(`[{"access":2,"sharedLink":{"id":"` + extID + `","expirationDate":"` + auth + `"},"subjectType":1}]`), nil
			}),
		},
		{
			name: "token in Retry-After",
			handler: echo(func(auth string) (int, string, []string) {
				return 429, "", []string{"Retry-After", auth}
			}),
		},
		{
			name: "token in an HTML page",
			handler: func(w http.ResponseWriter, r *http.Request) {
				reply(502, "text/html", "<html>"+r.Header.Get("Authorization")+"</html>")(w, r)
			},
		},
		{
			name: "token in invalid JSON",
			handler: echo(func(auth string) (int, string, []string) {
				return 500, `{"error": ` + auth + `}`, nil
			}),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, tt.handler)
			_, err := newTestClient(t, fs).ListLinks(context.Background(), RoomTarget("4711"), nil)
			apiErr := asAPIError(t, err)
			for _, text := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", apiErr), apiErr.Message, apiErr.Type, apiErr.RetryAfter} {
				if strings.Contains(text, testToken) {
					t.Errorf("the token leaks: %s", text)
				}
			}
		})
	}
}

// The password a request carried is cut from an echoing error as well; a
// message holding a short one (which the policy rejects anyway) is withheld
// whole rather than mangled, or leaking it.
func TestRequestPasswordNeverInErrors(t *testing.T) {
	t.Parallel()
	echoPassword := func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Password string `json:"password"`
		}
		_ = decodeJSON(r, &body)
		replyJSON(400, fmt.Sprintf(`{"error":{"message":"Password %s must contain from 8 to 30 characters","type":"System.ArgumentException"},"status":1,"statusCode":400}`, body.Password))(w, r)
	}
	tests := []struct {
		name     string
		password string
		wantMsg  string
	}{
		{name: "long password is cut", password: "Audit2026pass!", wantMsg: "Password [redacted] must contain from 8 to 30 characters"},
		{name: "short password withholds the message", password: "on", wantMsg: withheldMessage},
		{name: "one-character password withholds the message", password: "8", wantMsg: withheldMessage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, echoPassword)
			_, err := newTestClient(t, fs).SetLink(context.Background(), RoomTarget("4711"), LinkRequest{LinkType: LinkTypeExternal, Access: AccessRead, Password: tt.password})
			apiErr := asAPIError(t, err)
			if apiErr.Message != tt.wantMsg {
				t.Errorf("Message = %q, want %q", apiErr.Message, tt.wantMsg)
			}
			assertNoSecrets(t, err)
		})
	}
}

// Transport failures carry neither the token nor a body, and keep the cause.
func TestTransportErrors(t *testing.T) {
	t.Parallel()

	t.Run("connection refused", func(t *testing.T) {
		t.Parallel()
		fs := newFakeServer(t, replyJSON(200, okEnvelope(`[]`)))
		c := newTestClient(t, fs)
		fs.Close()
		_, err := c.ListLinks(context.Background(), RoomTarget("4711"), nil)
		if err == nil {
			t.Fatal("want an error from a closed server")
		}
		var apiErr *Error
		if errors.As(err, &apiErr) {
			t.Errorf("a transport failure is not an API error: %v", err)
		}
		if !strings.Contains(err.Error(), "GET /api/2.0/files/rooms/4711/links") {
			t.Errorf("error does not name the request: %v", err)
		}
		// A refused connection is tried a few times, not max_retries (5) times.
		if !IsUnreachable(err) || !strings.Contains(err.Error(), fmt.Sprintf("(after %d attempts)", unreachableAttempts)) {
			t.Errorf("error = %v, want a connection refused after %d attempts", err, unreachableAttempts)
		}
		assertNoSecrets(t, err)
	})

	t.Run("no such host", func(t *testing.T) {
		t.Parallel()
		// The dialer answers as Go's resolver does for a name DNS does not
		// know, so the test needs no network: .invalid never resolves.
		var dials atomic.Int32
		transport := &http.Transport{DialContext: func(_ context.Context, _, addr string) (net.Conn, error) {
			dials.Add(1)
			host, _, _ := net.SplitHostPort(addr)
			return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}}
		}}
		c, err := NewClient(Config{Host: "https://portal.invalid", Token: testToken, HTTPClient: &http.Client{Transport: transport},
			RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.ListLinks(context.Background(), RoomTarget("4711"), nil)
		// Tried as few times as a refused connection, not max_retries (5) times.
		if n := dials.Load(); n != unreachableAttempts {
			t.Errorf("%d attempts at a name that does not resolve, want %d", n, unreachableAttempts)
		}
		if name, ok := UnresolvedHost(err); !ok || name != "portal.invalid" {
			t.Errorf("UnresolvedHost(%v) = %q, %v", err, name, ok)
		}
		assertNoSecrets(t, err)
	})

	t.Run("context canceled", func(t *testing.T) {
		t.Parallel()
		release := make(chan struct{})
		fs := newFakeServer(t, func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-release:
			case <-r.Context().Done():
			}
		})
		t.Cleanup(func() { close(release) })
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		_, err := newTestClient(t, fs).ListLinks(ctx, RoomTarget("4711"), nil)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("error = %v, want one that is context.DeadlineExceeded", err)
		}
		assertNoSecrets(t, err)
	})
}
