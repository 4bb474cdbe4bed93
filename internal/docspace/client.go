// Package docspace is a client for the ONLYOFFICE DocSpace room-links API.
//
// It knows nothing of Terraform: it turns Go values into the requests the
// server expects (every field of a link, every time, because an update is a
// full replacement) and the server's envelopes back into Go values and typed
// errors.
package docspace

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Config is what a Client needs to reach a portal.
type Config struct {
	// Host is the portal address: "https://portal.example.com", with or
	// without a trailing slash, or a bare host name ("portal.example.com").
	Host string
	// Token is an API key ("sk-…") or a personal access token. It is sent as
	// "Authorization: Bearer <token>".
	Token string
	// UserAgent identifies the caller, e.g. "terraform-provider-docspace/1.2.3".
	UserAgent string
	// HTTPClient is the transport; nil means a client with a 30 s timeout.
	HTTPClient *http.Client
}

// Client talks to one DocSpace portal. It is safe for concurrent use.
type Client struct {
	base      *url.URL
	token     string
	userAgent string
	http      *http.Client
}

// maxResponseBytes bounds what is read of any response: a room holds at most
// a few links, so anything larger is not a DocSpace answer.
const maxResponseBytes = 8 << 20

// NewClient checks the configuration and returns a client.
func NewClient(cfg Config) (*Client, error) {
	base, err := ParseHost(cfg.Host)
	if err != nil {
		return nil, err
	}
	// A token read with file() ends in a newline; surrounding white space is
	// never part of a token.
	token := strings.TrimSpace(cfg.Token)
	if token == "" {
		return nil, errors.New("the DocSpace token is empty")
	}
	if strings.ContainsAny(token, "\r\n") {
		return nil, errors.New("the DocSpace token contains a line break")
	}
	httpClient := cfg.HTTPClient
	if httpClient == nil {
		httpClient = &http.Client{Timeout: 30 * time.Second}
	}
	return &Client{base: base, token: token, userAgent: cfg.UserAgent, http: httpClient}, nil
}

// Host is the portal's base URL as the client uses it.
func (c *Client) Host() string { return c.base.String() }

// ParseHost turns the accepted spellings of a portal address into a base URL
// with a scheme and host and no trailing slash. A bare host name means https.
func ParseHost(host string) (*url.URL, error) {
	host = strings.TrimSpace(host)
	if host == "" {
		return nil, errors.New("the DocSpace host is empty")
	}
	if !strings.Contains(host, "://") {
		host = "https://" + host
	}
	// Credentials are refused before anything quotes the address: url.Parse
	// errors and the messages below repeat it, password included.
	if hasUserInfo(host) {
		return nil, errors.New("the DocSpace host must not contain credentials; use the token instead")
	}
	if strings.ContainsAny(host, "?#") {
		// Neither is part of a portal address, and a query may hold a secret,
		// so the address is not repeated.
		return nil, errors.New("the DocSpace host must not contain a query or fragment: give the portal address only, e.g. https://portal.example.com")
	}
	u, err := url.Parse(host)
	if err != nil {
		var urlErr *url.Error
		if errors.As(err, &urlErr) {
			err = urlErr.Err
		}
		return nil, fmt.Errorf("the DocSpace host %q is not a valid URL: %w", host, err)
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return nil, fmt.Errorf("the DocSpace host %q must use https:// (or http:// for a local test portal)", host)
	}
	if u.Host == "" || u.Hostname() == "" {
		return nil, fmt.Errorf("the DocSpace host %q has no host name", host)
	}
	if u.User != nil {
		return nil, errors.New("the DocSpace host must not contain credentials; use the token instead")
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

// hasUserInfo reports whether an address with a scheme has an "@" in its
// authority, which url.Parse would read as credentials.
func hasUserInfo(address string) bool {
	_, rest, _ := strings.Cut(address, "://")
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	return strings.Contains(rest, "@")
}

// roomIDPattern admits native room ids (digits) and third-party room ids,
// which DocSpace builds from letters, digits, '-', '_' and '.'. A leading
// letter or digit keeps "." and ".." out, so an id is always one path segment.
var roomIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$`)

// ValidateRoomID reports whether id can name a room.
func ValidateRoomID(id string) error {
	if !roomIDPattern.MatchString(id) {
		return fmt.Errorf("room id %q is not valid: use the room's numeric id (the number after /rooms/shared/ in the room's address), or a third-party room id of letters, digits, '-', '_' and '.'", id)
	}
	return nil
}

// roomPath builds an API path below a room, escaping the id even though it
// was validated, so no id can ever reach another endpoint.
func roomPath(roomID string, suffix string) (string, error) {
	if err := ValidateRoomID(roomID); err != nil {
		return "", err
	}
	return "/api/2.0/files/rooms/" + url.PathEscape(roomID) + suffix, nil
}

// envelope is the wrapper around every DocSpace response (§3.1, §8.1, §8.3).
type envelope struct {
	Response   json.RawMessage `json:"response"`
	Status     int             `json:"status"`
	StatusCode int             `json:"statusCode"`
	Error      *struct {
		Message string  `json:"message"`
		Type    *string `json:"type"`
	} `json:"error"`
}

// problemDetails is ASP.NET's validation failure, which DocSpace wraps in a
// success-shaped envelope with status 1 (§8.3).
type problemDetails struct {
	Title  string              `json:"title"`
	Status int                 `json:"status"`
	Errors map[string][]string `json:"errors"`
}

// do sends one request and decodes the envelope. into may be nil; it is left
// untouched when the envelope has no response (a delete, §3.5). It reports
// whether a response payload was present.
func (c *Client) do(ctx context.Context, method, path string, query url.Values, body any, into any) (bool, error) {
	u := *c.base
	u.Path = c.base.Path + path
	u.RawQuery = query.Encode()

	var reader io.Reader
	if body != nil {
		encoded, err := json.Marshal(body)
		if err != nil {
			return false, fmt.Errorf("encoding the request to %s %s: %w", method, path, err)
		}
		reader = bytes.NewReader(encoded)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), reader)
	if err != nil {
		return false, fmt.Errorf("building the request %s %s: %w", method, path, err)
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.userAgent != "" {
		req.Header.Set("User-Agent", c.userAgent)
	}

	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		// url.Error names the URL, which holds no secret (the token travels
		// in a header), but the unwrapped cause reads better.
		var urlErr *url.Error
		if errors.As(err, &urlErr) {
			err = urlErr.Err
		}
		return false, fmt.Errorf("DocSpace %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	raw, readErr := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
	tflog.Debug(ctx, "DocSpace API request", map[string]any{
		"method": method, "path": path, "status": resp.StatusCode,
		"duration_ms": time.Since(start).Milliseconds(),
	})
	if readErr != nil {
		return false, fmt.Errorf("DocSpace %s %s: reading the response: %w", method, path, readErr)
	}
	present, err := decodeResponse(method, path, resp, raw, into)
	if err != nil {
		return false, c.redact(err, requestSecrets(body)...)
	}
	return present, nil
}

// minRedactedPasswordLen keeps a short password (which the portal's policy
// rejects anyway, §5.3) from being cut out of the very message that says so.
const minRedactedPasswordLen = 8

// requestSecrets lists the secrets a request body carries, so that they can
// be cut from an error even if the server repeats them.
func requestSecrets(body any) []string {
	if b, ok := body.(linkRequestBody); ok && b.Password != nil && len(*b.Password) >= minRedactedPasswordLen {
		return []string{*b.Password}
	}
	return nil
}

// redact removes the token, and the given secrets, from the text of an
// *Error: the server's message is repeated verbatim, and a server (or a
// proxy) can echo what it was sent.
func (c *Client) redact(err error, secrets ...string) error {
	var apiErr *Error
	if !errors.As(err, &apiErr) {
		return err
	}
	for _, secret := range append([]string{c.token}, secrets...) {
		if secret == "" {
			continue
		}
		apiErr.Message = strings.ReplaceAll(apiErr.Message, secret, "[redacted]")
		apiErr.Type = strings.ReplaceAll(apiErr.Type, secret, "[redacted]")
		apiErr.RetryAfter = strings.ReplaceAll(apiErr.RetryAfter, secret, "[redacted]")
	}
	return err
}

// decodeResponse turns a response into a payload or an *Error. It is
// separate from do so that every response shape can be tested directly.
func decodeResponse(method, path string, resp *http.Response, raw []byte, into any) (bool, error) {
	fail := func(status int, msg, typ string) (bool, error) {
		e := &Error{Method: method, Path: path, StatusCode: status, Message: msg, Type: typ}
		if status == http.StatusTooManyRequests {
			e.RetryAfter = resp.Header.Get("Retry-After")
		}
		return false, e
	}
	status := resp.StatusCode
	ok := status >= 200 && status < 300
	trimmed := bytes.TrimSpace(raw)

	if isHTML(resp.Header.Get("Content-Type"), trimmed) {
		// A proxy's error page: say so, never repeat it.
		return fail(status, fmt.Sprintf("unexpected HTML response, status %d", status), "")
	}
	if len(trimmed) == 0 {
		if ok {
			return fail(status, "empty response body", "")
		}
		return fail(status, defaultMessage(status), "")
	}
	if !json.Valid(trimmed) {
		var probe any
		return fail(status, "the response is not valid JSON ("+describeJSONError(json.Unmarshal(trimmed, &probe))+")", "")
	}
	// A DocSpace body is always an object with at least one of the envelope's
	// own keys. Anything else ("null", "[]", "{}", a proxy's JSON) must not
	// pass for a success without a payload, which would read as "no links".
	var keys map[string]json.RawMessage
	if json.Unmarshal(trimmed, &keys) != nil || !isEnvelope(keys) {
		if ok {
			return fail(status, "the response is not a DocSpace API envelope", "")
		}
		return fail(status, defaultMessage(status), "")
	}
	var env envelope
	if err := json.Unmarshal(trimmed, &env); err != nil {
		return fail(status, "unexpected response envelope ("+describeJSONError(err)+")", "")
	}
	if env.Error != nil {
		code := status
		if ok && env.StatusCode >= 400 {
			code = env.StatusCode
		}
		typ := ""
		if env.Error.Type != nil {
			typ = *env.Error.Type
		}
		msg := env.Error.Message
		if msg == "" {
			msg = defaultMessage(code)
		}
		return fail(code, msg, typ)
	}
	if env.Status != 0 || !ok {
		code := status
		if ok {
			code = env.StatusCode
			if code < 400 {
				code = http.StatusBadRequest
			}
		}
		return fail(code, problemMessage(env.Response, code), "")
	}
	if len(env.Response) == 0 || string(env.Response) == "null" {
		return false, nil
	}
	if into != nil {
		if err := json.Unmarshal(env.Response, into); err != nil {
			return fail(status, "unexpected response payload ("+describeJSONError(err)+")", "")
		}
	}
	return true, nil
}

// isEnvelope reports whether an object has a key of the envelope, matched
// without regard to case as encoding/json matches struct fields.
func isEnvelope(keys map[string]json.RawMessage) bool {
	for k := range keys {
		for _, want := range []string{"response", "error", "status", "statusCode"} {
			if strings.EqualFold(k, want) {
				return true
			}
		}
	}
	return false
}

func isHTML(contentType string, body []byte) bool {
	if mediaType, _, err := mime.ParseMediaType(contentType); err == nil && mediaType == "text/html" {
		return true
	}
	return len(body) > 0 && body[0] == '<'
}

func defaultMessage(status int) string {
	switch status {
	case http.StatusUnauthorized:
		return "the token was rejected (missing, invalid or expired)"
	case http.StatusTooManyRequests:
		return "rate limit exceeded"
	}
	if text := http.StatusText(status); text != "" {
		return strings.ToLower(text)
	}
	return "request failed"
}

// problemMessage renders the §8.3 validation problem without the raw body:
// its title followed by each field's messages, in a stable order.
func problemMessage(payload json.RawMessage, status int) string {
	var p problemDetails
	if len(payload) == 0 || json.Unmarshal(payload, &p) != nil || (p.Title == "" && len(p.Errors) == 0) {
		return defaultMessage(status)
	}
	parts := make([]string, 0, len(p.Errors))
	for _, field := range slices.Sorted(maps.Keys(p.Errors)) {
		parts = append(parts, field+": "+strings.Join(p.Errors[field], " "))
	}
	msg := p.Title
	if len(parts) > 0 {
		if msg != "" {
			msg += " "
		}
		msg += strings.Join(parts, "; ")
	}
	return msg
}

// describeJSONError names what was wrong with a body without quoting it:
// syntax errors from encoding/json can echo the offending bytes.
func describeJSONError(err error) string {
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || err.Error() == "unexpected end of JSON input":
		return "truncated"
	case errors.As(err, &syntaxErr):
		return fmt.Sprintf("syntax error at byte %d", syntaxErr.Offset)
	case errors.As(err, &typeErr):
		return fmt.Sprintf("field %q has the wrong type", typeErr.Field)
	}
	return "malformed"
}
