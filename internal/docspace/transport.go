package docspace

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Defaults of the retry and transport settings (Config).
const (
	DefaultMaxRetries          = 5
	DefaultRequestTimeout      = 30 * time.Second
	DefaultRetryWaitMin        = 1 * time.Second
	DefaultRetryWaitMax        = 60 * time.Second
	DefaultMaxConcurrentWrites = 8
)

// NoRetries, as Config.MaxRetries, makes every request a single attempt.
const NoRetries = -1

// ErrPlainHTTP is returned by NewClient for an http:// host that is not a
// loopback address when Config.AllowInsecureHTTP is not set: the token would
// cross the network unencrypted.
var ErrPlainHTTP = errors.New("plain http:// sends the token unencrypted")

// ErrCACertificate is returned by NewClient when Config.CACertificatePEM holds
// no usable certificate.
var ErrCACertificate = errors.New("the CA certificate is not a PEM-encoded X.509 certificate")

// isLoopback reports whether a URL's host is this machine: "localhost", a
// name below ".localhost", or a loopback IP address.
func isLoopback(u *url.URL) bool {
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// idleConnsPerHost keeps a connection for each request Terraform runs at
// once (-parallelism, 10 by default), with room to spare.
const idleConnsPerHost = 32

// newHTTPClient builds the per-attempt HTTP client: the caller's client or
// one of our own with the TLS settings, a per-attempt timeout, no redirects
// (a redirect could lead the token to another scheme or host), and a
// transport that logs every attempt without its secrets.
func newHTTPClient(cfg Config, timeout time.Duration) (*http.Client, error) {
	var base http.RoundTripper
	if cfg.HTTPClient != nil {
		base = cfg.HTTPClient.Transport
		if base == nil {
			base = http.DefaultTransport
		}
	}
	if base == nil || cfg.InsecureSkipVerify || cfg.CACertificatePEM != "" {
		var transport *http.Transport
		if t, ok := base.(*http.Transport); ok {
			transport = t.Clone()
		} else {
			transport = http.DefaultTransport.(*http.Transport).Clone()
		}
		if transport.MaxIdleConnsPerHost == 0 {
			// Go keeps two idle connections per host by default; a run sends
			// up to Terraform's parallelism at once to one portal, and each
			// new connection is another TLS handshake.
			transport.MaxIdleConnsPerHost = idleConnsPerHost
		}
		tlsConfig := &tls.Config{MinVersion: tls.VersionTLS12}
		if transport.TLSClientConfig != nil {
			tlsConfig = transport.TLSClientConfig.Clone()
		}
		if cfg.CACertificatePEM != "" {
			pool, err := x509.SystemCertPool()
			if err != nil || pool == nil {
				pool = x509.NewCertPool()
			}
			if !pool.AppendCertsFromPEM([]byte(cfg.CACertificatePEM)) {
				return nil, ErrCACertificate
			}
			tlsConfig.RootCAs = pool
		}
		tlsConfig.InsecureSkipVerify = cfg.InsecureSkipVerify //nolint:gosec // an explicit, documented opt-in
		transport.TLSClientConfig = tlsConfig
		base = transport
	}
	return &http.Client{
		Transport: &loggingTransport{base: base},
		Timeout:   timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}, nil
}

// unreachableAttempts bounds the attempts at a host that refuses the
// connection, or whose name does not resolve.
const unreachableAttempts = 3

// IsUnreachable reports whether err means that nothing accepted the
// connection at the portal's address (connection refused).
func IsUnreachable(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED)
}

// UnresolvedHost returns the host name that DNS says does not exist ("no
// such host"), and whether err is that. A failure of DNS itself (a timeout,
// a server that does not answer) is not: it may pass.
func UnresolvedHost(err error) (string, bool) {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) && dnsErr.IsNotFound {
		return dnsErr.Name, true
	}
	return "", false
}

func isUnresolved(err error) bool {
	_, ok := UnresolvedHost(err)
	return ok
}

// callState follows one call of do through its attempts.
type callState struct {
	method, path string
	attempt      int // 1-based, set before each attempt
	// foreignNotFound counts the proxy 404s retried so far (see
	// foreignNotFoundRetries).
	foreignNotFound int
	// noBlindRetry stops the retries after an attempt that may have taken
	// effect: the caller looks before it sends again (Client.CreateLink).
	noBlindRetry bool
}

type noBlindRetryKey struct{}

// withoutBlindRetry marks the requests made with ctx as ones that must not
// be sent again after an attempt that may have taken effect.
func withoutBlindRetry(ctx context.Context) context.Context {
	return context.WithValue(ctx, noBlindRetryKey{}, true)
}

func noBlindRetry(ctx context.Context) bool {
	v, _ := ctx.Value(noBlindRetryKey{}).(bool)
	return v
}

type callStateKey struct{}

func stateOf(ctx context.Context) *callState {
	s, _ := ctx.Value(callStateKey{}).(*callState)
	return s
}

// loggingTransport logs each attempt: method, path, status, duration and
// the request headers with Authorization redacted. Bodies are never logged:
// they hold passwords, share links and request tokens.
type loggingTransport struct{ base http.RoundTripper }

func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	fields := map[string]any{
		"method":          req.Method,
		"path":            req.URL.Path,
		"request_headers": redactedHeaders(req.Header),
	}
	if req.URL.RawQuery != "" {
		fields["query"] = req.URL.RawQuery
	}
	if s := stateOf(ctx); s != nil {
		fields["attempt"] = s.attempt
	}
	start := time.Now()
	resp, err := t.base.RoundTrip(req)
	fields["duration_ms"] = time.Since(start).Milliseconds()
	if err != nil {
		fields["error"] = transportErrorText(err)
		tflog.Debug(ctx, "DocSpace API request failed", fields)
		return nil, err
	}
	fields["status"] = resp.StatusCode
	for _, h := range []string{"Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"} {
		if v := resp.Header.Get(h); v != "" {
			fields[strings.ToLower(h)] = v
		}
	}
	tflog.Debug(ctx, "DocSpace API request", fields)
	return resp, nil
}

// redactedHeaders lists a request's headers for a log line, Authorization
// and Cookie replaced.
func redactedHeaders(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	for k, v := range h {
		switch http.CanonicalHeaderKey(k) {
		case "Authorization", "Cookie", "Proxy-Authorization":
			out[k] = "[redacted]"
		default:
			out[k] = strings.Join(v, ", ")
		}
	}
	return out
}

// transportErrorText is a transport failure without the URL.
func transportErrorText(err error) string {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err
	}
	return err.Error()
}

// retryableResponse marks a response worth another attempt although its
// status alone would not say so: a 2xx response whose body did not arrive
// whole (an empty body, or JSON cut short), after which the server may well
// have done what was asked; or a proxy's 404, which never reached DocSpace.
type retryableResponse struct {
	err            error
	mayHaveApplied bool
}

func (r retryableResponse) Error() string { return r.err.Error() }
func (r retryableResponse) Unwrap() error { return r.err }

// checkRetry decides after every attempt: retry on network errors, on 429
// and 5xx (except 501), and on a 2xx body that did not arrive whole; never
// on 401, on certificate failures, or once the caller's context is done.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	retry, reason := false, ""
	var broken retryableResponse
	state := stateOf(ctx)
	switch {
	case state != nil && state.noBlindRetry && mayHaveApplied(resp, err):
		// The caller looks for what the attempt did before sending again.
	case errors.As(err, &broken):
		retry, reason = true, broken.err.Error()
	case err != nil && strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		// A wrong scheme in the host: no retry answers it differently.
	case err != nil && (IsUnreachable(err) || isUnresolved(err)):
		// Nothing listens there, or the name does not exist: a portal
		// restarting behind its address (or a DNS record being published)
		// may be back in a moment, a mistyped host never is. A few quick
		// attempts (about 3 s with the default waits), not the whole retry
		// budget.
		if s := stateOf(ctx); s == nil || s.attempt < unreachableAttempts {
			retry, reason = true, transportErrorText(err)
		}
	case err != nil:
		retry, _ = retryablehttp.ErrorPropagatedRetryPolicy(ctx, resp, err)
		reason = transportErrorText(err)
	case resp.StatusCode == http.StatusTooManyRequests:
		retry, reason = true, "rate limited"
	case resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented:
		retry, reason = true, "HTTP "+strconv.Itoa(resp.StatusCode)
	}
	if retry {
		fields := map[string]any{"reason": reason}
		if s := stateOf(ctx); s != nil {
			fields["method"], fields["path"], fields["attempt"] = s.method, s.path, s.attempt
		}
		tflog.Debug(ctx, "Retrying DocSpace API request", fields)
	}
	return retry, nil
}

// mayHaveApplied reports, after one attempt, whether the request may have
// taken effect on the server although no usable answer came back: an answer
// cut short, a 5xx, or a connection that failed after the request was sent.
// A 429, a proxy's 404 and a connection that was never made did not reach
// DocSpace.
func mayHaveApplied(resp *http.Response, err error) bool {
	var broken retryableResponse
	var opErr *net.OpError
	switch {
	case errors.As(err, &broken):
		return broken.mayHaveApplied
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return false
	case err != nil:
		return true
	}
	return resp != nil && resp.StatusCode >= 500
}

// backoff waits exponentially longer after each attempt (min·2^n, at most
// max), with jitter so that parallel requests do not retry in step. A 429 or
// 503 with Retry-After waits as long as the server asks, up to max.
func backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			return min(d, maxWait)
		}
	}
	wait := minWait
	for range min(attempt, 32) {
		if wait >= maxWait/2 {
			wait = maxWait
			break
		}
		wait *= 2
	}
	wait = min(wait, maxWait)
	if wait <= 0 {
		return 0
	}
	// Equal jitter: between half the wait and the whole of it.
	half := wait / 2
	return half + rand.N(wait-half+1) //nolint:gosec // jitter, not a secret
}

// parseRetryAfter reads Retry-After as seconds or as an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 || secs > 24*3600 {
			return 0, false
		}
		return time.Duration(secs) * time.Second, true
	}
	if at, err := http.ParseTime(v); err == nil {
		return max(at.Sub(now), 0), true
	}
	return 0, false
}

// writeSlots bounds concurrent writes, so that a large apply never trips
// the server's limit of 15 concurrent non-GET requests (API.md §9) by itself.
type writeSlots chan struct{}

func (s writeSlots) acquire(ctx context.Context) error {
	if s == nil {
		return nil
	}
	select {
	case s <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s writeSlots) release() {
	if s != nil {
		<-s
	}
}

// retrySettings resolves the zero values of Config to the defaults.
func retrySettings(cfg Config) (retries int, timeout, waitMin, waitMax time.Duration, writes int, err error) {
	retries = cfg.MaxRetries
	switch {
	case retries == 0:
		retries = DefaultMaxRetries
	case retries < 0:
		retries = 0
	}
	timeout = cfg.RequestTimeout
	if timeout == 0 {
		timeout = DefaultRequestTimeout
	}
	waitMin, waitMax = cfg.RetryWaitMin, cfg.RetryWaitMax
	if waitMin == 0 {
		waitMin = DefaultRetryWaitMin
	}
	if waitMax == 0 {
		waitMax = max(DefaultRetryWaitMax, waitMin)
	}
	writes = cfg.MaxConcurrentWrites
	if writes == 0 {
		writes = DefaultMaxConcurrentWrites
	}
	switch {
	case timeout < 0:
		err = fmt.Errorf("the request timeout must be positive, not %s", timeout)
	case waitMin < 0 || waitMax < waitMin:
		err = fmt.Errorf("the retry waits must satisfy 0 <= min <= max, not %s and %s", waitMin, waitMax)
	}
	return retries, timeout, waitMin, waitMax, writes, err
}
