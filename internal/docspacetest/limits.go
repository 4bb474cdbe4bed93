package docspacetest

import (
	"net/http"
	"time"
)

// Limits are the server's rate limits (API.md §9 Rate limiting). A request beyond
// any of them is rejected at once with 429, Retry-After and X-RateLimit-*
// headers, and is not processed. Zero fields impose no limit.
type Limits struct {
	// ConcurrentWrites bounds the non-GET requests in flight.
	ConcurrentWrites int
	// ConcurrentReads bounds the GET requests in flight.
	ConcurrentReads int
	// PerMinute bounds the requests admitted in any sliding minute.
	PerMinute int
}

// ServerLimits are DocSpace's defaults: 15 concurrent writes, 50 concurrent
// reads, 1500 requests a minute.
var ServerLimits = Limits{ConcurrentWrites: 15, ConcurrentReads: 50, PerMinute: 1500}

// WithLimits enforces rate limits, e.g. ServerLimits. Default: none.
func WithLimits(l Limits) Option {
	return func(o *options) { o.limits = l }
}

// WithLatency makes every request take at least d before it is processed,
// as a distant portal would, so that concurrent requests overlap.
func WithLatency(d time.Duration) Option {
	return func(o *options) { o.latency = d }
}

// SetLimits changes the enforced rate limits; a zero Limits lifts them.
func (e *Emulator) SetLimits(l Limits) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.limits = l
}

// limiterState is what the limiter tracks. Guarded by e.mu.
type limiterState struct {
	reads, writes int
	admitted      []time.Time // within the last minute, oldest first
}

// admit applies the limits to a request. It returns a release function for
// an admitted request, or the Retry-After and limit of a rejection.
func (e *Emulator) admit(r *http.Request) (release func(), rejected bool, retryAfter time.Duration, limit int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	l := e.limits
	if l == (Limits{}) {
		return func() {}, false, 0, 0
	}
	now := time.Now() // the limiter runs on wall time, whatever the portal clock says
	st := &e.limiter
	for len(st.admitted) > 0 && now.Sub(st.admitted[0]) >= time.Minute {
		st.admitted = st.admitted[1:]
	}
	if l.PerMinute > 0 && len(st.admitted) >= l.PerMinute {
		return nil, true, st.admitted[0].Add(time.Minute).Sub(now), l.PerMinute
	}
	read := r.Method == http.MethodGet
	inFlight, bound := &st.writes, l.ConcurrentWrites
	if read {
		inFlight, bound = &st.reads, l.ConcurrentReads
	}
	if bound > 0 && *inFlight >= bound {
		return nil, true, time.Second, bound
	}
	*inFlight++
	st.admitted = append(st.admitted, now)
	return func() {
		e.mu.Lock()
		defer e.mu.Unlock()
		*inFlight--
	}, false, 0, 0
}

// ExpireTokenAfter lets token authenticate n more requests; from then on
// it is rejected with 401, as a token that expires in the middle of a run.
func (e *Emulator) ExpireTokenAfter(token string, n int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.tokenBudget == nil {
		e.tokenBudget = map[string]int{}
	}
	e.tokenBudget[token] = n
}

// spendToken counts one authenticated request against a token's budget,
// if it has one, and reports whether the token is still valid. Caller holds e.mu.
func (e *Emulator) spendToken(token string) bool {
	n, limited := e.tokenBudget[token]
	if !limited {
		return true
	}
	if n <= 0 {
		delete(e.tokens, token)
		return false
	}
	e.tokenBudget[token] = n - 1
	return true
}

// shutdown releases responses held back by FaultSlow.
func (e *Emulator) shutdown() {
	e.mu.Lock()
	defer e.mu.Unlock()
	select {
	case <-e.done:
	default:
		close(e.done)
	}
}
