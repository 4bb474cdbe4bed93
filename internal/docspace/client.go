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
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
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
