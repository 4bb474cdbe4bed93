// Package docspace is a client for the ONLYOFFICE DocSpace links API: the
// external and invitation links of rooms, and the external links of files
// and folders.
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
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-retryablehttp"
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
	// HTTPClient supplies the transport; nil means one of the client's own.
	// Its Timeout is replaced by RequestTimeout, and it never follows redirects.
	HTTPClient *http.Client

	// AllowInsecureHTTP permits http:// for a host that is not a loopback
	// address (a test portal): the token then crosses the network unencrypted.
	// Without it, NewClient refuses such a host with ErrPlainHTTP.
	AllowInsecureHTTP bool
	// InsecureSkipVerify turns TLS certificate verification off.
	InsecureSkipVerify bool
	// CACertificatePEM adds trusted certificate authorities (PEM), for
	// portals behind a private CA.
	CACertificatePEM string

	// MaxRetries is how often a request is sent again after a 429, a 5xx, a
	// network error or a response that did not arrive whole: zero means
	// DefaultMaxRetries, NoRetries (or any negative number) none.
	MaxRetries int
	// RequestTimeout bounds each attempt; zero means DefaultRequestTimeout.
	RequestTimeout time.Duration
	// RetryWaitMin and RetryWaitMax bound the wait between attempts, which
	// doubles from min up to max, with jitter; Retry-After is honoured up to
	// max. Zero means DefaultRetryWaitMin and DefaultRetryWaitMax.
	RetryWaitMin, RetryWaitMax time.Duration
	// MaxConcurrentWrites bounds the writes in flight at once (DocSpace
	// rejects more than 15); zero means DefaultMaxConcurrentWrites, a
	// negative number no bound.
	MaxConcurrentWrites int
}

// Client talks to one DocSpace portal. It is safe for concurrent use.
type Client struct {
	base      *url.URL
	token     string
	userAgent string
	http      *retryablehttp.Client
	writes    writeSlots
	// rejected is set by the first 401: a token does not become valid again
	// during a run, so no further request is sent with it.
	rejected atomic.Pointer[Error]
	// linkIDs is what creates have shown of the portal's handling of the
	// link id they send (linkIDsUnknown, linkIDsHonoured, linkIDsIgnored).
	linkIDs atomic.Int32
	// creates is what this client's creates have made and are making, so
	// that one create never takes another's link for its own.
	creates createRegistry
}

// foreignNotFoundRetries is how often a proxy's 404 is tried again (within
// the client's retries).
const foreignNotFoundRetries = 2

// maxResponseBytes bounds what is read of any response: a room holds at most
// a few links, so anything larger is not a DocSpace answer.
const maxResponseBytes = 8 << 20

// NewClient checks the configuration and returns a client.
func NewClient(cfg Config) (*Client, error) {
	if strings.TrimSpace(cfg.Token) == "" {
		return nil, errors.New("the DocSpace token is empty")
	}
	return newClient(cfg)
}

// newClient builds a client; without a token it sends no Authorization
// header, which only the sign-in endpoint accepts.
func newClient(cfg Config) (*Client, error) {
	base, err := ParseHost(cfg.Host)
	if err != nil {
		return nil, err
	}
	// A token read with file() ends in a newline; surrounding white space is
	// never part of a token.
	token := strings.TrimSpace(cfg.Token)
	if strings.ContainsAny(token, "\r\n") {
		return nil, errors.New("the DocSpace token contains a line break")
	}
	if base.Scheme == "http" && !cfg.AllowInsecureHTTP && !isLoopback(base) {
		return nil, fmt.Errorf("the DocSpace host %s uses http://, and %w", base.String(), ErrPlainHTTP)
	}
	retries, timeout, waitMin, waitMax, writes, err := retrySettings(cfg)
	if err != nil {
		return nil, err
	}
	httpClient, err := newHTTPClient(cfg, timeout)
	if err != nil {
		return nil, err
	}
	c := &Client{
		base:      base,
		token:     token,
		userAgent: cfg.UserAgent,
		http: &retryablehttp.Client{
			HTTPClient:   httpClient,
			RetryMax:     retries,
			RetryWaitMin: waitMin,
			RetryWaitMax: waitMax,
			CheckRetry:   checkRetry,
			Backoff:      backoff,
			ErrorHandler: retryablehttp.PassthroughErrorHandler,
			RequestLogHook: func(_ retryablehttp.Logger, req *http.Request, attempt int) {
				if s := stateOf(req.Context()); s != nil {
					s.attempt = attempt + 1
				}
			},
		},
	}
	if writes > 0 {
		c.writes = make(writeSlots, writes)
	}
	return c, nil
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
	u.Path, _ = cutAPIPath(strings.TrimRight(u.Path, "/"))
	u.RawPath = ""
	return u, nil
}

// HostAPIPath returns the part of a host address that ParseHost drops
// because it is already an API path ("/api/2.0" in
// "https://portal.example.com/api/2.0"), or "" when there is none. The
// client adds /api/2.0/… itself, so such a host would send every request to
// /api/2.0/api/2.0/…, which only a proxy's 404 answers.
func HostAPIPath(host string) string {
	u, err := url.Parse(strings.TrimSpace(host))
	if err != nil || !strings.Contains(host, "://") {
		u, err = url.Parse("https://" + strings.TrimSpace(host))
		if err != nil {
			return ""
		}
	}
	_, apiPath := cutAPIPath(strings.TrimRight(u.Path, "/"))
	return apiPath
}

// cutAPIPath splits a path before its first "api" segment: the portal's own
// path prefix (if DocSpace is served below one) and the API path after it.
func cutAPIPath(p string) (prefix, apiPath string) {
	segments := strings.Split(p, "/")
	for i, seg := range segments {
		if strings.EqualFold(seg, "api") {
			return strings.Join(segments[:i], "/"), "/" + strings.Join(segments[i:], "/")
		}
	}
	return p, ""
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

// LinkIDPattern is a link id as DocSpace writes it: a GUID in its hyphenated
// 36-character form (API.md §3.2), in either case. Ids that users type are
// checked against it before any request.
var LinkIDPattern = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`)

// ParseLinkID checks a link id against LinkIDPattern and returns it in the
// lower case DocSpace writes.
func ParseLinkID(id string) (string, error) {
	if !LinkIDPattern.MatchString(id) {
		return "", fmt.Errorf("link id %q is not a GUID like 3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90", id)
	}
	return strings.ToLower(id), nil
}

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

// envelope is the wrapper around every DocSpace response (API.md §3.1, §8.1, §8.3).
type envelope struct {
	Response json.RawMessage `json:"response"`
	// Total is the paged endpoints' count of all items (API.md §13.6).
	Total      *int `json:"total"`
	Status     int  `json:"status"`
	StatusCode int  `json:"statusCode"`
	Error      *struct {
		Message string  `json:"message"`
		Type    *string `json:"type"`
	} `json:"error"`
}

// problemDetails is ASP.NET's validation failure, which DocSpace wraps in a
// success-shaped envelope with status 1 (API.md §8.3).
type problemDetails struct {
	Title  string              `json:"title"`
	Status int                 `json:"status"`
	Errors map[string][]string `json:"errors"`
}

// do sends one request and decodes the envelope. into may be nil; it is left
// untouched when the envelope has no response (a delete, API.md §3.5). It reports
// whether a response payload was present.
//
// A request is sent again, with backoff, after a network error, a 429, a 5xx
// or a 2xx response whose body did not arrive whole. That is safe for every
// request this client makes: a create carries its own link id, so a create
// whose answer was lost becomes an update of the link it made; updates and
// deletes name their link. A 401 is never retried, and after one no request
// is sent with the token again.
func (c *Client) do(ctx context.Context, method, path string, query url.Values, body any, into any) (bool, error) {
	if rejected := c.rejected.Load(); rejected != nil {
		return false, &Error{Method: method, Path: path, StatusCode: http.StatusUnauthorized,
			Message: rejected.Message + " (not sent: DocSpace already rejected this token)"}
	}
	u := *c.base
	u.Path = c.base.Path + path
	u.RawQuery = query.Encode()

	var raw any
	if body != nil {
		encoded, err := json.Marshal(body)
		if err != nil {
			return false, fmt.Errorf("encoding the request to %s %s: %w", method, path, err)
		}
		raw = encoded
	}
	state := &callState{method: method, path: path, noBlindRetry: noBlindRetry(ctx)}
	ctx = context.WithValue(ctx, callStateKey{}, state)
	// Nothing logs the token, but should anything ever try, it is masked.
	if c.token != "" {
		ctx = tflog.MaskAllFieldValuesStrings(ctx, c.token)
		ctx = tflog.MaskMessageStrings(ctx, c.token)
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, method, u.String(), raw)
	if err != nil {
		return false, fmt.Errorf("building the request %s %s: %w", method, path, err)
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.userAgent != "" {
		req.Header.Set("User-Agent", c.userAgent)
	}

	if method != http.MethodGet {
		if err := c.writes.acquire(ctx); err != nil {
			return false, fmt.Errorf("DocSpace %s %s: %w", method, path, err)
		}
		defer c.writes.release()
	}

	// The handler reads and decodes each final response; a 2xx body that did
	// not arrive whole sends the request again.
	var result struct {
		done    bool
		present bool
		err     error
	}
	req.SetResponseHandler(func(resp *http.Response) error {
		data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
		_ = resp.Body.Close()
		if err != nil {
			return err // the connection failed mid-body: a network error
		}
		present, err := decodeResponse(method, path, resp, data, into)
		switch {
		case err != nil && incompleteBody(resp.StatusCode, data):
			return retryableResponse{err: err, mayHaveApplied: true}
		case resp.StatusCode == http.StatusNotFound && IsForeignAnswer(err) && state.foreignNotFound < foreignNotFoundRetries:
			// A proxy's 404 (an empty body or its own page): the request
			// never reached DocSpace, and a proxy that is being reloaded
			// answers properly again a moment later. A few of these only
			// (other failures between them do not count): a wrong host
			// answers the same way every time.
			state.foreignNotFound++
			return retryableResponse{err: err}
		}
		result.done, result.present, result.err = true, present, err
		return nil
	})

	resp, err := c.http.Do(req)
	var broken retryableResponse
	switch {
	case ctx.Err() != nil:
		return false, fmt.Errorf("DocSpace %s %s: %w", method, path, ctx.Err())
	case err == nil && result.done:
		if result.err != nil {
			err := c.redact(result.err, requestSecrets(body)...)
			c.noteRejected(err)
			return false, err
		}
		return result.present, nil
	case errors.As(err, &broken):
		return false, c.redact(broken.err, requestSecrets(body)...)
	case err == nil && resp != nil:
		// Retries ran out on a 429 or a 5xx: report the last answer.
		defer resp.Body.Close()
		data, readErr := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
		if readErr != nil {
			return false, c.transportError(method, path, state, readErr)
		}
		_, err := decodeResponse(method, path, resp, data, nil)
		if err == nil {
			err = &Error{Method: method, Path: path, StatusCode: resp.StatusCode, Message: defaultMessage(resp.StatusCode)}
		}
		return false, c.redact(err, requestSecrets(body)...)
	case err != nil:
		return false, c.transportError(method, path, state, err)
	}
	return false, &Error{Method: method, Path: path, StatusCode: http.StatusBadGateway, Message: "no response"}
}

// transportError names the request, the cause without the URL, and how
// many attempts were made.
func (c *Client) transportError(method, path string, state *callState, err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err
	}
	if state.attempt > 1 {
		return fmt.Errorf("DocSpace %s %s: %w (after %d attempts)", method, path, err, state.attempt)
	}
	return fmt.Errorf("DocSpace %s %s: %w", method, path, err)
}

// noteRejected remembers the first 401.
func (c *Client) noteRejected(err error) {
	var apiErr *Error
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusUnauthorized {
		c.rejected.CompareAndSwap(nil, &Error{StatusCode: apiErr.StatusCode, Message: apiErr.Message})
	}
}

// incompleteBody reports whether a 2xx answer's body did not arrive whole:
// empty, or JSON cut short. The request may or may not have taken effect.
func incompleteBody(status int, data []byte) bool {
	if status < 200 || status > 299 {
		return false
	}
	trimmed := bytes.TrimSpace(data)
	return len(trimmed) == 0 || (trimmed[0] == '{' && !json.Valid(trimmed))
}

// minCutSecretLen is the shortest secret cut out of a message where it
// appears. A shorter one (which the portal's policy rejects anyway, API.md §5.3)
// could not be told apart from ordinary words ("on", "8"), so a message
// holding it is withheld whole instead of being mangled or leaking it.
const minCutSecretLen = 8

// withheldMessage replaces a server message that may repeat a short secret.
const withheldMessage = "DocSpace's message is not shown because it may repeat the password sent"

// requestSecrets lists the secrets a request body carries, so that they can
// be cut from an error even if the server repeats them.
func requestSecrets(body any) []string {
	var password *string
	switch b := body.(type) {
	case linkRequestBody:
		password = b.Password
	case entryLinkRequestBody:
		password = b.Password
	}
	if password != nil && *password != "" {
		return []string{*password}
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
		switch {
		case secret == "":
		case len(secret) < minCutSecretLen:
			if strings.Contains(apiErr.Message, secret) || strings.Contains(apiErr.Type, secret) || strings.Contains(apiErr.RetryAfter, secret) {
				apiErr.Message, apiErr.Type, apiErr.RetryAfter = withheldMessage, "", ""
			}
		default:
			apiErr.Message = strings.ReplaceAll(apiErr.Message, secret, "[redacted]")
			apiErr.Type = strings.ReplaceAll(apiErr.Type, secret, "[redacted]")
			apiErr.RetryAfter = strings.ReplaceAll(apiErr.RetryAfter, secret, "[redacted]")
		}
	}
	return err
}

// decodeResponse turns a response into a payload or an *Error. It is
// separate from do so that every response shape can be tested directly.
func decodeResponse(method, path string, resp *http.Response, raw []byte, into any) (bool, error) {
	status := resp.StatusCode
	fail := func(code int, msg, typ string) (bool, error) {
		e := &Error{Method: method, Path: path, StatusCode: code, Message: msg, Type: typ}
		if code == http.StatusTooManyRequests {
			e.RetryAfter = resp.Header.Get("Retry-After")
		}
		return false, e
	}
	// foreign is an answer that did not come from DocSpace's API.
	foreign := func(msg string) (bool, error) {
		return false, &Error{Method: method, Path: path, StatusCode: status, Message: msg, Foreign: true}
	}
	ok := status >= 200 && status < 300
	trimmed := bytes.TrimSpace(raw)

	if status >= 300 && status < 400 {
		// Redirects are not followed: one could take the token elsewhere.
		return foreign(fmt.Sprintf("unexpected redirect (status %d): check that the host is the portal's own address, with https:// and any path prefix", status))
	}
	if isHTML(resp.Header.Get("Content-Type"), trimmed) {
		// A proxy's error page or a login page: say so, never repeat it. A
		// 5xx page is a proxy in front of a failing DocSpace, which a retry
		// may get past; anything else did not come from the API.
		if status >= 500 {
			return fail(status, fmt.Sprintf("unexpected HTML response, status %d", status), "")
		}
		return foreign(fmt.Sprintf("unexpected HTML response, status %d: not DocSpace's API", status))
	}
	if len(trimmed) == 0 {
		switch {
		case ok:
			return fail(status, "empty response body", "")
		case status == http.StatusNotFound:
			// DocSpace's own 404 always has its error envelope (API.md §8.1).
			return foreign("empty 404 response: not DocSpace's API")
		}
		return fail(status, defaultMessage(status), "")
	}
	if !json.Valid(trimmed) {
		var probe any
		msg := "the response is not valid JSON (" + describeJSONError(json.Unmarshal(trimmed, &probe)) + ")"
		if !ok && status < 500 {
			return foreign(msg)
		}
		return fail(status, msg, "")
	}
	// A DocSpace body is always an object with at least one of the envelope's
	// own keys. Anything else ("null", "[]", "{}", a proxy's JSON) must not
	// pass for a success without a payload, which would read as "no links".
	var keys map[string]json.RawMessage
	if json.Unmarshal(trimmed, &keys) != nil || !isEnvelope(keys) {
		switch {
		case ok:
			return foreign("the response is not a DocSpace API envelope")
		case status < 500:
			return foreign(defaultMessage(status) + " (not a DocSpace API answer)")
		}
		return fail(status, defaultMessage(status), "")
	}
	var env envelope
	if err := json.Unmarshal(trimmed, &env); err != nil {
		return fail(status, "unexpected response envelope ("+describeJSONError(err)+")", "")
	}
	// From here on the answer is DocSpace's own.
	inEnvelope := func(found bool, err error) (bool, error) {
		var apiErr *Error
		if errors.As(err, &apiErr) {
			apiErr.Envelope = true
		}
		return found, err
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
		return inEnvelope(fail(code, msg, typ))
	}
	if env.Status != 0 || !ok {
		code := status
		if ok {
			code = env.StatusCode
			if code < 400 {
				code = http.StatusBadRequest
			}
		}
		return inEnvelope(fail(code, problemMessage(env.Response, code), ""))
	}
	if p, ok := into.(*paged); ok {
		p.total = env.Total
		into = p.into
	}
	if len(env.Response) == 0 || string(env.Response) == "null" {
		return false, nil
	}
	if into != nil {
		if err := json.Unmarshal(env.Response, into); err != nil {
			return inEnvelope(fail(status, "unexpected response payload ("+describeJSONError(err)+")", ""))
		}
	}
	return true, nil
}

// paged receives a payload (into) and the envelope's total, which paged
// endpoints send beside it (API.md §13.6).
type paged struct {
	into  any
	total *int
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

// problemMessage renders the API.md §8.3 validation problem without the raw body:
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
