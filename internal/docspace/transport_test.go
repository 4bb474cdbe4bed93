package docspace

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// sequence answers the n-th request with the n-th handler, and every later
// request with the last one.
func sequence(handlers ...http.HandlerFunc) http.HandlerFunc {
	var n atomic.Int64
	return func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		handlers[min(i, len(handlers)-1)](w, r)
	}
}

// hangUp drops the connection without an answer.
func hangUp(w http.ResponseWriter, _ *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err == nil {
		_ = conn.(*net.TCPConn).SetLinger(0)
		_ = conn.Close()
	}
}

// waitForCancel holds the answer until the client gives up.
func waitForCancel(_ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }

var listOK = replyJSON(http.StatusOK, okEnvelope(`[`+externalLinkEntry("3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90")+`]`))

func retryClient(t *testing.T, fs *fakeServer, tweak func(*Config)) *Client {
	t.Helper()
	cfg := Config{Host: fs.URL, Token: testToken, HTTPClient: fs.Client(), RetryWaitMin: time.Millisecond, RetryWaitMax: 2 * time.Millisecond}
	if tweak != nil {
		tweak(&cfg)
	}
	c, err := NewClient(cfg)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

// A 429, a 5xx, a network failure or a 2xx body that did not arrive whole is
// retried, and the request then succeeds.
func TestRetriesTransientFailures(t *testing.T) {
	t.Parallel()
	failures := map[string]http.HandlerFunc{
		"429 with Retry-After":   reply(http.StatusTooManyRequests, "", "", "Retry-After", "1", "X-RateLimit-Remaining", "0"),
		"429 without headers":    reply(http.StatusTooManyRequests, "", ""),
		"500 error envelope":     replyJSON(500, errorEnvelope(500, "boom", "System.Exception")),
		"502 HTML":               reply(502, "text/html", proxyHTML),
		"503 HTML":               reply(503, "text/html", proxyHTML),
		"504 empty":              reply(504, "", ""),
		"connection reset":       hangUp,
		"empty 200":              reply(200, "application/json", ""),
		"truncated JSON":         replyJSON(200, `{"response":[{"access":2,"sharedLink":{"id":"`),
		"slow beyond timeout":    waitForCancel,
		"200 with an empty body": reply(200, "", " \n"),
	}
	for name, failure := range failures {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, sequence(failure, failure, listOK))
			c := retryClient(t, fs, func(cfg *Config) {
				if name == "slow beyond timeout" {
					cfg.RequestTimeout = 500 * time.Millisecond
				}
			})
			links, err := c.ListLinks(context.Background(), RoomTarget("4711"), nil)
			if err != nil || len(links) != 1 {
				t.Fatalf("ListLinks = %v, %v", links, err)
			}
			if n := len(fs.requests()); n != 3 {
				t.Errorf("server saw %d requests, want 3", n)
			}
		})
	}
}

// Retries are bounded by MaxRetries; what is reported is the last failure,
// typed, and without a body or the token.
func TestRetriesExhausted(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		handler  http.HandlerFunc
		retries  int
		requests int
		check    func(t *testing.T, err error)
	}{
		{"500 envelope", replyJSON(500, errorEnvelope(500, "boom", "System.Exception")), 3, 4, func(t *testing.T, err error) {
			if e := asAPIError(t, err); e.StatusCode != 500 || e.Message != "boom" {
				t.Errorf("error = %#v", e)
			}
		}},
		{"429", reply(429, "", "", "Retry-After", "3"), 2, 3, func(t *testing.T, err error) {
			if e := asAPIError(t, err); !IsRateLimited(err) || e.RetryAfter != "3" {
				t.Errorf("error = %#v", e)
			}
		}},
		{"502 HTML", reply(502, "text/html", proxyHTML), 1, 2, func(t *testing.T, err error) {
			if e := asAPIError(t, err); e.StatusCode != 502 || e.Message != "unexpected HTML response, status 502" {
				t.Errorf("error = %#v", e)
			}
		}},
		{"truncated JSON", replyJSON(200, `{"response":[{"access":2,"sharedLink":{"password":"`+plantedPassword), 2, 3, func(t *testing.T, err error) {
			if e := asAPIError(t, err); e.StatusCode != 200 || e.Message != "the response is not valid JSON (truncated)" {
				t.Errorf("error = %#v", e)
			}
		}},
		{"empty 200", reply(200, "application/json", ""), 2, 3, func(t *testing.T, err error) {
			if e := asAPIError(t, err); e.Message != "empty response body" {
				t.Errorf("error = %#v", e)
			}
		}},
		{"connection reset", hangUp, 3, 4, func(t *testing.T, err error) {
			var apiErr *Error
			if errors.As(err, &apiErr) || !strings.Contains(err.Error(), "GET /api/2.0/files/rooms/4711/links") || !strings.Contains(err.Error(), "after 4 attempts") {
				t.Errorf("error = %v", err)
			}
		}},
		{"no retries", replyJSON(500, errorEnvelope(500, "boom", "")), NoRetries, 1, func(t *testing.T, err error) {
			asAPIError(t, err)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, tc.handler)
			c := retryClient(t, fs, func(cfg *Config) { cfg.MaxRetries = tc.retries })
			_, err := c.ListLinks(context.Background(), RoomTarget("4711"), nil)
			if err == nil {
				t.Fatal("want an error")
			}
			tc.check(t, err)
			assertNoSecrets(t, err)
			if n := len(fs.requests()); n != tc.requests {
				t.Errorf("server saw %d requests, want %d", n, tc.requests)
			}
		})
	}
}

// A client error is the answer: it is not retried.
func TestNoRetryOnClientErrors(t *testing.T) {
	t.Parallel()
	for _, status := range []int{400, 403, 404, 405, 409, 501} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, replyJSON(status, errorEnvelope(status, "no", "")))
			_, err := retryClient(t, fs, nil).ListLinks(context.Background(), RoomTarget("4711"), nil)
			if e := asAPIError(t, err); e.StatusCode != status {
				t.Errorf("status = %d", e.StatusCode)
			}
			if n := len(fs.requests()); n != 1 {
				t.Errorf("server saw %d requests, want 1", n)
			}
		})
	}
}

// A 401 is not retried, and once the token is rejected the client sends no
// further request with it.
func TestUnauthorizedStopsTheClient(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t, reply(http.StatusUnauthorized, "", ""))
	c := retryClient(t, fs, nil)
	_, err := c.ListLinks(context.Background(), RoomTarget("4711"), nil)
	if !IsUnauthorized(err) {
		t.Fatalf("error = %v, want a 401", err)
	}
	_, err = c.SetLink(context.Background(), RoomTarget("4712"), LinkRequest{LinkType: LinkTypeExternal, Access: AccessRead})
	if !IsUnauthorized(err) || !strings.Contains(err.Error(), "PUT /api/2.0/files/rooms/4712/links") || !strings.Contains(err.Error(), "already rejected") {
		t.Errorf("second call: %v", err)
	}
	if n := len(fs.requests()); n != 1 {
		t.Errorf("server saw %d requests, want 1", n)
	}
	assertNoSecrets(t, err)
}

// Cancelling the context ends a call at once, even in the middle of a long
// wait between attempts or of an attempt.
func TestContextCancelStopsRetries(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		handler http.HandlerFunc
	}{
		{"during backoff", replyJSON(500, errorEnvelope(500, "boom", ""))},
		{"during an attempt", waitForCancel},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			seen := make(chan struct{}, 1)
			fs := newFakeServer(t, func(w http.ResponseWriter, r *http.Request) {
				select {
				case seen <- struct{}{}:
				default:
				}
				tc.handler(w, r)
			})
			c := retryClient(t, fs, func(cfg *Config) {
				cfg.RetryWaitMin, cfg.RetryWaitMax, cfg.RequestTimeout = time.Hour, time.Hour, time.Hour
			})
			ctx, cancel := context.WithCancel(context.Background())
			go func() { <-seen; cancel() }()
			_, err := c.ListLinks(ctx, RoomTarget("4711"), nil)
			if !errors.Is(err, context.Canceled) {
				t.Errorf("error = %v, want context.Canceled", err)
			}
			if n := len(fs.requests()); n != 1 {
				t.Errorf("server saw %d requests, want 1", n)
			}
		})
	}
}

func TestBackoff(t *testing.T) {
	t.Parallel()
	withHeader := func(status int, retryAfter string) *http.Response {
		resp := &http.Response{StatusCode: status, Header: http.Header{}}
		if retryAfter != "" {
			resp.Header.Set("Retry-After", retryAfter)
		}
		return resp
	}
	// Retry-After is honoured on 429 and 503, up to the maximum.
	for _, tc := range []struct {
		resp *http.Response
		want time.Duration
	}{
		{withHeader(429, "7"), 7 * time.Second},
		{withHeader(503, "2"), 2 * time.Second},
		{withHeader(429, "0"), 0},
		{withHeader(429, "600"), time.Minute},
		{withHeader(429, time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)), time.Minute},
		{withHeader(429, "Mon, 01 Jan 2001 00:00:00 GMT"), 0},
	} {
		if got := backoff(time.Second, time.Minute, 0, tc.resp); got != tc.want {
			t.Errorf("Retry-After %q: wait %s, want %s", tc.resp.Header.Get("Retry-After"), got, tc.want)
		}
	}
	// Otherwise the wait doubles from min up to max, with jitter in the
	// upper half; a Retry-After that is not a number or date is ignored.
	for attempt, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 30 * time.Second, 30 * time.Second} {
		for _, resp := range []*http.Response{nil, withHeader(500, ""), withHeader(429, "soon"), withHeader(502, "5"), withHeader(429, "-3")} {
			got := backoff(time.Second, 30*time.Second, attempt, resp)
			if got < want/2 || got > want {
				t.Errorf("attempt %d: wait %s, want between %s and %s", attempt, got, want/2, want)
			}
		}
	}
	if got := backoff(time.Second, 30*time.Second, 1000, nil); got < 15*time.Second || got > 30*time.Second {
		t.Errorf("attempt 1000: wait %s", got)
	}
	if got := backoff(0, 0, 3, nil); got != 0 {
		t.Errorf("zero waits: %s", got)
	}
}

func TestRetrySettings(t *testing.T) {
	t.Parallel()
	retries, timeout, waitMin, waitMax, writes, err := retrySettings(Config{})
	if err != nil || retries != DefaultMaxRetries || timeout != DefaultRequestTimeout || waitMin != DefaultRetryWaitMin ||
		waitMax != DefaultRetryWaitMax || writes != DefaultMaxConcurrentWrites {
		t.Errorf("defaults: %d %s %s %s %d %v", retries, timeout, waitMin, waitMax, writes, err)
	}
	if retries, _, _, _, _, _ := retrySettings(Config{MaxRetries: NoRetries}); retries != 0 {
		t.Errorf("NoRetries gives %d retries", retries)
	}
	for _, cfg := range []Config{{RequestTimeout: -time.Second}, {RetryWaitMin: 2 * time.Second, RetryWaitMax: time.Second}, {RetryWaitMin: -1}} {
		if _, err := NewClient(Config{Host: "portal.example.com", Token: testToken, RequestTimeout: cfg.RequestTimeout,
			RetryWaitMin: cfg.RetryWaitMin, RetryWaitMax: cfg.RetryWaitMax}); err == nil {
			t.Errorf("%+v accepted", cfg)
		}
	}
}

// At most MaxConcurrentWrites writes are in flight at once; reads are not
// held back by writes.
func TestWriteConcurrencyLimit(t *testing.T) {
	t.Parallel()
	const limit, writers = 4, 20
	var mu sync.Mutex
	inFlight, peak := 0, 0
	full := make(chan struct{})
	var fullOnce sync.Once
	fs := newFakeServer(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		peak = max(peak, inFlight)
		if inFlight == limit {
			fullOnce.Do(func() { close(full) })
		}
		mu.Unlock()
		if r.Method == http.MethodPut {
			<-full // the first writes wait until the limit is reached
		}
		mu.Lock()
		inFlight--
		mu.Unlock()
		if r.Method == http.MethodGet {
			listOK(w, r)
			return
		}
		echoLinkHandler(w, r)
	})
	c := retryClient(t, fs, func(cfg *Config) { cfg.MaxConcurrentWrites = limit })
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.SetLink(context.Background(), RoomTarget("4711"), LinkRequest{LinkType: LinkTypeExternal, Access: AccessRead})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if peak != limit {
		t.Errorf("peak of concurrent writes = %d, want %d", peak, limit)
	}

	// Reads pass while every write slot is taken.
	block := make(chan struct{})
	held := make(chan struct{}, limit)
	fs2 := newFakeServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut {
			held <- struct{}{}
			<-block
		}
		listOK(w, r)
	})
	c2 := retryClient(t, fs2, func(cfg *Config) { cfg.MaxConcurrentWrites = limit })
	for range limit {
		go func() {
			_, _ = c2.DeleteLink(context.Background(), RoomTarget("4711"), Link{ID: "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90", LinkType: LinkTypeExternal})
		}()
	}
	for range limit {
		<-held
	}
	if _, err := c2.ListLinks(context.Background(), RoomTarget("4711"), nil); err != nil {
		t.Errorf("a read while writes hold every slot: %v", err)
	}
	// A write waiting for a slot gives up with its context.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c2.SetLink(ctx, RoomTarget("4711"), LinkRequest{LinkType: LinkTypeExternal, Access: AccessRead}); !errors.Is(err, context.Canceled) {
		t.Errorf("waiting write: %v", err)
	}
	close(block)
}

// Redirects are not followed: the token never travels to the target.
func TestRedirectNotFollowed(t *testing.T) {
	t.Parallel()
	target := newFakeServer(t, listOK)
	fs := newFakeServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+r.URL.Path, http.StatusFound)
	})
	_, err := retryClient(t, fs, nil).ListLinks(context.Background(), RoomTarget("4711"), nil)
	if e := asAPIError(t, err); e.StatusCode != http.StatusFound || !strings.Contains(e.Message, "redirect") {
		t.Errorf("error = %v", err)
	}
	if n := len(target.requests()); n != 0 {
		t.Errorf("the redirect target saw %d requests", n)
	}
}

// https by default; plain http only for loopback hosts or with
// AllowInsecureHTTP; TLS verification on unless InsecureSkipVerify; a
// private CA through CACertificatePEM.
func TestTransportSecurity(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		host  string
		allow bool
		ok    bool
	}{
		{"http://portal.example.com", false, false},
		{"http://10.0.0.5:8080", false, false},
		{"http://portal.example.com", true, true},
		{"http://127.0.0.1:8080", false, true},
		{"http://127.8.9.10", false, true},
		{"http://localhost:8080", false, true},
		{"http://docspace.localhost", false, true},
		{"http://[::1]:8080", false, true},
		{"https://portal.example.com", false, true},
		{"portal.example.com", false, true},
	} {
		_, err := NewClient(Config{Host: tc.host, Token: testToken, AllowInsecureHTTP: tc.allow})
		if tc.ok != (err == nil) {
			t.Errorf("NewClient(%q, allow %v) = %v", tc.host, tc.allow, err)
		}
		if !tc.ok && !errors.Is(err, ErrPlainHTTP) {
			t.Errorf("NewClient(%q): %v is not ErrPlainHTTP", tc.host, err)
		}
	}

	var conns atomic.Int64
	srv := httptest.NewUnstartedServer(listOK)
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Config.ErrorLog = nullLogger()
	srv.StartTLS()
	t.Cleanup(srv.Close)
	caPEM := string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}))
	newTLSClient := func(cfg Config) (*Client, error) {
		cfg.Host, cfg.Token, cfg.RetryWaitMin, cfg.RetryWaitMax = srv.URL, testToken, time.Millisecond, 2*time.Millisecond
		return NewClient(cfg)
	}

	c, err := newTLSClient(Config{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.ListLinks(context.Background(), RoomTarget("4711"), nil)
	if err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("an unknown CA: %v", err)
	}
	if n := conns.Load(); n != 1 {
		t.Errorf("a certificate failure was retried: %d connections", n)
	}
	assertNoSecrets(t, err)

	for name, cfg := range map[string]Config{"private CA": {CACertificatePEM: caPEM}, "skip verify": {InsecureSkipVerify: true}} {
		c, err := newTLSClient(cfg)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := c.ListLinks(context.Background(), RoomTarget("4711"), nil); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, bad := range []string{"not a certificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"} {
		if _, err := newTLSClient(Config{CACertificatePEM: bad}); !errors.Is(err, ErrCACertificate) {
			t.Errorf("CA %q: %v", bad, err)
		}
	}
	// The client speaks TLS 1.2 at least.
	old := httptest.NewUnstartedServer(listOK)
	old.TLS = &tls.Config{MaxVersion: tls.VersionTLS11}
	old.Config.ErrorLog = nullLogger()
	old.StartTLS()
	t.Cleanup(old.Close)
	c, err = NewClient(Config{Host: old.URL, Token: testToken, InsecureSkipVerify: true, MaxRetries: NoRetries})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListLinks(context.Background(), RoomTarget("4711"), nil); err == nil {
		t.Error("TLS 1.1 accepted")
	}
}

// Every attempt is logged with method, path, status and redacted
// Authorization; no token, password or share link reaches the log.
func TestRequestLogging(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t, sequence(reply(503, "text/html", proxyHTML), func(w http.ResponseWriter, r *http.Request) {
		replyJSON(200, okEnvelope(strings.ReplaceAll(externalLinkEntry("3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"),
			`"denyDownload":false`, `"password":"`+plantedPassword+`","shareLink":"`+plantedShareLink+`"`)))(w, r)
	}))
	c := retryClient(t, fs, nil)
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	if _, err := c.SetLink(ctx, RoomTarget("4711"), LinkRequest{LinkID: "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90", LinkType: LinkTypeExternal, Access: AccessRead, Password: "Request-Pa55word"}); err != nil {
		t.Fatal(err)
	}
	log := buf.String()
	for _, secret := range append(plantedSecrets, "Request-Pa55word") {
		if strings.Contains(log, secret) {
			t.Errorf("the log holds %q:\n%s", secret, log)
		}
	}
	entries, err := tflogtest.MultilineJSONDecode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var statuses []float64
	for _, e := range entries {
		if e["@message"] != "DocSpace API request" {
			continue
		}
		if e["method"] != "PUT" || e["path"] != "/api/2.0/files/rooms/4711/links" {
			t.Errorf("entry %v", e)
		}
		headers, _ := e["request_headers"].(map[string]any)
		if headers["Authorization"] != "[redacted]" {
			t.Errorf("Authorization logged as %v", headers["Authorization"])
		}
		statuses = append(statuses, e["status"].(float64))
		if e["attempt"].(float64) != float64(len(statuses)) {
			t.Errorf("attempt %v, want %d", e["attempt"], len(statuses))
		}
	}
	if fmt.Sprint(statuses) != "[503 200]" {
		t.Errorf("logged statuses %v, want [503 200]", statuses)
	}
	if !strings.Contains(log, "Retrying DocSpace API request") {
		t.Error("the retry is not logged")
	}
}

// nullLogger silences a test server's complaints about failed handshakes.
func nullLogger() *log.Logger { return log.New(io.Discard, "", 0) }

// Speaking https to a plain-http port is a configuration error: no retry.
func TestNoRetryOnWrongScheme(t *testing.T) {
	t.Parallel()
	srv := httptest.NewUnstartedServer(listOK)
	var conns atomic.Int64
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Config.ErrorLog = nullLogger()
	srv.Start()
	t.Cleanup(srv.Close)
	c, err := NewClient(Config{Host: strings.Replace(srv.URL, "http://", "https://", 1), Token: testToken,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 2 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.ListLinks(context.Background(), RoomTarget("4711"), nil)
	if err == nil || strings.Contains(err.Error(), "attempts") {
		t.Errorf("error = %v, want one attempt", err)
	}
	if n := conns.Load(); n != 1 {
		t.Errorf("%d connections, want 1", n)
	}
}

// TestConnectionsAreReused: rounds of concurrent requests, as a Terraform run
// sends them, reuse their connections instead of opening new ones each round.
func TestConnectionsAreReused(t *testing.T) {
	t.Parallel()
	var opened atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"response":[],"count":0,"status":0,"statusCode":200}`))
	}))
	srv.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			opened.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	c, err := NewClient(Config{Host: srv.URL, Token: "t"})
	if err != nil {
		t.Fatal(err)
	}
	const concurrent, rounds = 10, 5
	for range rounds {
		var wg sync.WaitGroup
		for range concurrent {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := c.ListLinks(context.Background(), RoomTarget("4711"), nil); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
	}
	// Ideally each round reuses the first round's connections. A connection
	// goes back to the idle pool a moment after its body is read, so on a
	// busy machine the next round may open a few more; Go's default of 2 idle
	// connections per host would open about 8 in every later round (42 in
	// all), which this bound still tells apart.
	if n, limit := opened.Load(), int32(2*concurrent); n > limit {
		t.Errorf("%d connections opened for %d rounds of %d requests, want at most %d", n, rounds, concurrent, limit)
	}
}
