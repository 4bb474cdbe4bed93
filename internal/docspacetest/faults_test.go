package docspacetest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// rawResult is one exchange that may have failed below HTTP.
type rawResult struct {
	status int
	header http.Header
	body   []byte
	err    error
}

// rawCall sends one request on a fresh connection and reports whatever came back.
func rawCall(ctx context.Context, srv *Server, method, path string, body any, timeout time.Duration) rawResult {
	var reader io.Reader
	if body != nil {
		data, _ := json.Marshal(body)
		reader = bytes.NewReader(data)
	}
	req, _ := http.NewRequestWithContext(ctx, method, srv.URL+path, reader)
	req.Header.Set("Authorization", "Bearer "+DefaultToken)
	if reader != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	client := &http.Client{Timeout: timeout, Transport: &http.Transport{DisableKeepAlives: true}}
	res, err := client.Do(req)
	if err != nil {
		return rawResult{err: err}
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	return rawResult{status: res.StatusCode, header: res.Header, body: data, err: err}
}

// Each fault answers as documented, and takes effect on the emulator exactly
// when Applied says so.
func TestFaultKinds(t *testing.T) {
	t.Parallel()
	cases := []struct {
		fault Fault
		check func(t *testing.T, r rawResult)
	}{
		{FaultRateLimit, func(t *testing.T, r rawResult) {
			if r.status != http.StatusTooManyRequests || len(r.body) != 0 || r.header.Get("Retry-After") != "1" ||
				r.header.Get("X-RateLimit-Limit") == "" || r.header.Get("X-RateLimit-Remaining") != "0" || r.header.Get("X-RateLimit-Reset") == "" {
				t.Errorf("got %d %q headers %v", r.status, r.body, r.header)
			}
		}},
		{FaultServerError, func(t *testing.T, r rawResult) {
			var env struct {
				Error      struct{ Message string }
				Status     int
				StatusCode int
			}
			if r.status != 500 || json.Unmarshal(r.body, &env) != nil || env.Error.Message == "" || env.Status != 1 || env.StatusCode != 500 {
				t.Errorf("got %d %s", r.status, r.body)
			}
		}},
		{FaultBadGateway, func(t *testing.T, r rawResult) {
			if r.status != 502 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") || !bytes.Contains(r.body, []byte("<html>")) {
				t.Errorf("got %d %s", r.status, r.body)
			}
		}},
		{FaultUnavailable, func(t *testing.T, r rawResult) {
			if r.status != 503 || !bytes.Contains(r.body, []byte("503 Service Temporarily Unavailable")) {
				t.Errorf("got %d %s", r.status, r.body)
			}
		}},
		{FaultResetBefore, func(t *testing.T, r rawResult) {
			if r.err == nil {
				t.Errorf("got %d %s, want a failed connection", r.status, r.body)
			}
		}},
		{FaultResetAfter, func(t *testing.T, r rawResult) {
			if r.err == nil {
				t.Errorf("got %d %s, want a failed connection", r.status, r.body)
			}
		}},
		{FaultSlow, func(t *testing.T, r rawResult) {
			if r.err == nil {
				t.Errorf("got %d %s, want the client to give up", r.status, r.body)
			}
		}},
		{FaultTruncated, func(t *testing.T, r rawResult) {
			if r.status != 200 || len(r.body) == 0 || json.Valid(r.body) || !bytes.HasPrefix(r.body, []byte(`{"response":`)) {
				t.Errorf("got %d %s", r.status, r.body)
			}
		}},
		{FaultEmptyBody, func(t *testing.T, r rawResult) {
			if r.status != 200 || len(r.body) != 0 {
				t.Errorf("got %d %q", r.status, r.body)
			}
		}},
		{FaultProxyNotFound, func(t *testing.T, r rawResult) {
			if r.status != 404 || len(r.body) != 0 {
				t.Errorf("got %d %q", r.status, r.body)
			}
		}},
		{FaultProxyNotFoundPage, func(t *testing.T, r rawResult) {
			if r.status != 404 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") || !bytes.Contains(r.body, []byte("404 Not Found")) {
				t.Errorf("got %d %s", r.status, r.body)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.fault.String(), func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t)
			room := srv.CreateRoom("r", RoomCustom)
			id := newGUID()
			srv.FailNext(tc.fault)
			r := rawCall(context.Background(), srv, http.MethodPut, linksPath(room.ID),
				map[string]any{"linkId": id, "linkType": 1, "access": 2, "title": "chaos"}, 200*time.Millisecond)
			tc.check(t, r)
			_, applied := srv.Link(room.ID, id)
			if applied != tc.fault.Applied() {
				t.Errorf("link applied = %v, want %v", applied, tc.fault.Applied())
			}
			if got := srv.FaultCounts(); len(got) != 1 || got[tc.fault] != 1 {
				t.Errorf("FaultCounts = %v", got)
			}
			want := 0
			if tc.fault.Applied() {
				want = 1
			}
			if got := srv.AppliedDespiteFault(http.MethodPut); got != want {
				t.Errorf("AppliedDespiteFault = %d, want %d", got, want)
			}
			// The fault was one request's; the next one is served.
			again := rawCall(context.Background(), srv, http.MethodGet, linksPath(room.ID), nil, 5*time.Second)
			if again.err != nil || again.status != 200 {
				t.Fatalf("next request: %v %d", again.err, again.status)
			}
		})
	}
}

// A slow response arrives whole when the client waits long enough.
func TestFaultSlowDelivers(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("r", RoomCustom)
	srv.InjectFaults(FaultMix{Rate: 1, Faults: []Fault{FaultSlow}, SlowDelay: 10 * time.Millisecond})
	r := rawCall(context.Background(), srv, http.MethodGet, linksPath(room.ID), nil, 0)
	if r.err != nil || r.status != 200 || !json.Valid(r.body) {
		t.Fatalf("got %v %d %s", r.err, r.status, r.body)
	}
}

// The same seed meets the same faults in the same request order; the mix
// respects its rate and methods; StopFaults ends it.
func TestFaultMix(t *testing.T) {
	t.Parallel()
	sequence := func(mix FaultMix, method string) []Fault {
		srv := newEnv(t)
		room := srv.CreateRoom("r", RoomCustom)
		srv.InjectFaults(mix)
		var out []Fault
		for range 200 {
			before := srv.FaultCounts()
			var body any
			if method == http.MethodPut {
				body = map[string]any{"linkId": newGUID(), "linkType": 1, "access": 0}
			}
			rawCall(context.Background(), srv, method, linksPath(room.ID), body, time.Second)
			after := srv.FaultCounts()
			f := FaultNone
			for k, n := range after {
				if n != before[k] {
					f = k
				}
			}
			out = append(out, f)
		}
		return out
	}
	mix := FaultMix{Rate: 0.25, Seed: 7, SlowDelay: time.Millisecond}
	a, b := sequence(mix, http.MethodGet), sequence(mix, http.MethodGet)
	if !slices.Equal(a, b) {
		t.Errorf("same seed, different faults:\n%v\n%v", a, b)
	}
	failed := 200 - countOf(a, FaultNone)
	if failed < 30 || failed > 70 {
		t.Errorf("%d of 200 requests failed at rate 0.25", failed)
	}
	kinds := map[Fault]bool{}
	for _, f := range a {
		kinds[f] = true
	}
	if len(kinds) != len(AllFaults())+1 {
		t.Errorf("kinds met: %v", kinds)
	}
	if c := sequence(FaultMix{Rate: 0.25, Seed: 8, SlowDelay: time.Millisecond}, http.MethodGet); slices.Equal(a, c) {
		t.Error("another seed gave the same faults")
	}
	if only := sequence(FaultMix{Rate: 1, Seed: 7, Methods: []string{"PUT"}}, http.MethodGet); countOf(only, FaultNone) != 200 {
		t.Error("a PUT-only mix failed GET requests")
	}
	if only := sequence(FaultMix{Rate: 1, Seed: 7, Methods: []string{"put"}, Faults: []Fault{FaultServerError}}, http.MethodPut); countOf(only, FaultServerError) != 200 {
		t.Error("a PUT-only mix spared PUT requests")
	}

	srv := newEnv(t)
	room := srv.CreateRoom("r", RoomCustom)
	srv.InjectFaults(FaultMix{Rate: 1, Faults: []Fault{FaultServerError}})
	srv.FailNext(FaultUnavailable)
	if r := rawCall(context.Background(), srv, http.MethodGet, linksPath(room.ID), nil, time.Second); r.status != 503 {
		t.Errorf("FailNext does not come first: %d", r.status)
	}
	if r := rawCall(context.Background(), srv, http.MethodGet, linksPath(room.ID), nil, time.Second); r.status != 500 {
		t.Errorf("the mix does not apply: %d", r.status)
	}
	srv.StopFaults()
	if r := rawCall(context.Background(), srv, http.MethodGet, linksPath(room.ID), nil, time.Second); r.status != 200 {
		t.Errorf("StopFaults: %d", r.status)
	}
	if got := srv.FaultCounts(); got[FaultServerError] != 1 || got[FaultUnavailable] != 1 {
		t.Errorf("FaultCounts = %v", got)
	}
}

func countOf(faults []Fault, f Fault) int {
	n := 0
	for _, g := range faults {
		if g == f {
			n++
		}
	}
	return n
}

// API.md §9: beyond the concurrent-write, concurrent-read or per-minute limit a
// request is rejected at once with 429 and rate-limit headers.
func TestLimits(t *testing.T) {
	t.Parallel()
	if ServerLimits != (Limits{ConcurrentWrites: 15, ConcurrentReads: 50, PerMinute: 1500}) {
		t.Errorf("ServerLimits = %+v", ServerLimits)
	}
	for _, tc := range []struct {
		name   string
		limits Limits
		method string
	}{
		{"writes", Limits{ConcurrentWrites: 2}, http.MethodPut},
		{"reads", Limits{ConcurrentReads: 2}, http.MethodGet},
	} {
		t.Run("concurrent "+tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t, WithLimits(tc.limits))
			room := srv.CreateRoom("r", RoomCustom)
			body := func() any {
				if tc.method == http.MethodPut {
					return map[string]any{"linkId": newGUID(), "linkType": 1, "access": 2}
				}
				return nil
			}
			// Two requests held in flight by a slow answer fill the limit.
			srv.FailNext(FaultSlow, FaultSlow)
			ctx, cancel := context.WithCancel(context.Background())
			var wg sync.WaitGroup
			for range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					rawCall(ctx, srv, tc.method, linksPath(room.ID), body(), 0)
				}()
			}
			waitFor(t, func() bool { return srv.FaultCounts()[FaultSlow] == 2 })
			r := rawCall(context.Background(), srv, tc.method, linksPath(room.ID), body(), 5*time.Second)
			if r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") == "" || r.header.Get("X-RateLimit-Limit") != "2" {
				t.Errorf("third request: %v %d %v", r.err, r.status, r.header)
			}
			if tc.method == http.MethodPut && len(srv.Links(room.ID)) != 2 {
				t.Errorf("the rejected write was applied: %d links", len(srv.Links(room.ID)))
			}
			// The other kind of request is not limited by this one.
			other := http.MethodGet
			if tc.method == http.MethodGet {
				other = http.MethodPut
			}
			var otherBody any
			if other == http.MethodPut {
				otherBody = map[string]any{"linkId": newGUID(), "linkType": 1, "access": 2}
			}
			if r := rawCall(context.Background(), srv, other, linksPath(room.ID), otherBody, 5*time.Second); r.status != 200 {
				t.Errorf("%s while %s are at the limit: %d", other, tc.name, r.status)
			}
			cancel()
			wg.Wait()
			waitFor(t, func() bool {
				return rawCall(context.Background(), srv, tc.method, linksPath(room.ID), body(), 5*time.Second).status == 200
			})
		})
	}
	t.Run("per minute", func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t, WithLimits(Limits{PerMinute: 3}))
		room := srv.CreateRoom("r", RoomCustom)
		for i := range 3 {
			if r := rawCall(context.Background(), srv, http.MethodGet, linksPath(room.ID), nil, 5*time.Second); r.status != 200 {
				t.Fatalf("request %d: %d", i, r.status)
			}
		}
		r := rawCall(context.Background(), srv, http.MethodGet, linksPath(room.ID), nil, 5*time.Second)
		if r.status != http.StatusTooManyRequests || r.header.Get("X-RateLimit-Limit") != "3" || len(r.body) != 0 {
			t.Fatalf("fourth request: %d %v", r.status, r.header)
		}
		if secs := r.header.Get("Retry-After"); secs == "" || secs == "0" || len(secs) > 2 {
			t.Errorf("Retry-After = %q, want 1 to 60 seconds", secs)
		}
		srv.SetLimits(Limits{})
		if r := rawCall(context.Background(), srv, http.MethodGet, linksPath(room.ID), nil, 5*time.Second); r.status != 200 {
			t.Errorf("after lifting the limits: %d", r.status)
		}
	})
}

// A token that expires in the middle of a run: 401 from then on.
func TestExpireTokenAfter(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("r", RoomCustom)
	srv.ExpireTokenAfter(DefaultToken, 2)
	var got []int
	for range 4 {
		got = append(got, rawCall(context.Background(), srv, http.MethodGet, linksPath(room.ID), nil, 5*time.Second).status)
	}
	if want := []int{200, 200, 401, 401}; !slices.Equal(got, want) {
		t.Errorf("statuses = %v, want %v", got, want)
	}
	if srv.StatusCount(401) != 2 || srv.StatusCount(200) != 2 {
		t.Errorf("StatusCount 401/200 = %d/%d", srv.StatusCount(401), srv.StatusCount(200))
	}
	srv.ResetRequests()
	if srv.StatusCount(401) != 0 {
		t.Error("ResetRequests keeps statuses")
	}
}

// waitFor polls until cond holds, failing the test after a generous bound.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// FailNextOn: a queued fault waits for a request of its method, and the
// queue keeps its order across methods.
func TestFailNextOn(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("r", RoomCustom)
	srv.FailNextOn(http.MethodPut, FaultResetAfter)
	srv.FailNextOn(http.MethodGet, FaultUnavailable)
	ctx := context.Background()
	if r := rawCall(ctx, srv, http.MethodGet, linksPath(room.ID), nil, time.Second); r.status != http.StatusOK {
		t.Errorf("GET before the PUT: %d %v, want 200 (the GET fault waits for the PUT's)", r.status, r.err)
	}
	if r := rawCall(ctx, srv, http.MethodPut, linksPath(room.ID), map[string]any{"linkId": newGUID(), "linkType": 1, "access": 2}, time.Second); r.err == nil {
		t.Errorf("PUT: %d, want a reset connection", r.status)
	}
	if r := rawCall(ctx, srv, http.MethodGet, linksPath(room.ID), nil, time.Second); r.status != http.StatusServiceUnavailable {
		t.Errorf("GET after the PUT: %d %v, want 503", r.status, r.err)
	}
	if r := rawCall(ctx, srv, http.MethodGet, linksPath(room.ID), nil, time.Second); r.status != http.StatusOK {
		t.Errorf("GET once the queue is empty: %d %v, want 200", r.status, r.err)
	}
}
