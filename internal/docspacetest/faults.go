package docspacetest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Fault is a failure the emulator injects into an API request, as a flaky
// network, an overloaded server or a reverse proxy would. Some faults happen
// before the request reaches DocSpace; the dangerous ones happen after the
// request was applied, so the client cannot know whether its write took
// effect.
type Fault int

const (
	// FaultNone is no fault.
	FaultNone Fault = iota
	// FaultRateLimit answers 429 with an empty body, Retry-After: 1 and
	// X-RateLimit-* headers, as the server's limiter does (API.md §8.4). Not applied.
	FaultRateLimit
	// FaultServerError answers 500 with the API.md §8.1 error envelope. Not applied.
	FaultServerError
	// FaultBadGateway applies the request, then answers 502 with a proxy's
	// HTML page: the upstream answer was lost.
	FaultBadGateway
	// FaultUnavailable answers 503 with a proxy's HTML page. Not applied.
	FaultUnavailable
	// FaultResetBefore resets the connection before the request is
	// processed. Not applied.
	FaultResetBefore
	// FaultResetAfter applies the request, then resets the connection
	// before a byte of the response is sent.
	FaultResetAfter
	// FaultSlow applies the request, then holds the response back for the
	// mix's SlowDelay (default one minute) or until the client gives up.
	FaultSlow
	// FaultTruncated applies the request and sends the first half of its
	// JSON body (with a matching Content-Length).
	FaultTruncated
	// FaultEmptyBody applies the request and answers 200 with an empty body.
	FaultEmptyBody
	// FaultProxyNotFound answers 404 with an empty body, as a proxy or an
	// ingress without a route does. Not applied.
	FaultProxyNotFound
	// FaultProxyNotFoundPage answers 404 with a proxy's HTML page. Not
	// applied.
	FaultProxyNotFoundPage
	// FaultLateApply holds the request back for the slow delay before it
	// reaches DocSpace, then applies it whether or not the client still
	// waits: a request still in flight after the client gave up. Not in
	// AllFaults; tests ask for it by name.
	FaultLateApply
)

var faultNames = map[Fault]string{
	FaultNone:        "none",
	FaultRateLimit:   "429 rate limited",
	FaultServerError: "500 error envelope",
	FaultBadGateway:  "502 HTML after apply",
	FaultUnavailable: "503 HTML",
	FaultResetBefore: "reset before processing",
	FaultResetAfter:  "reset after apply",
	FaultSlow:        "slow response after apply",
	FaultTruncated:   "truncated JSON after apply",
	FaultEmptyBody:   "empty 200 after apply",

	FaultProxyNotFound:     "empty 404 from a proxy",
	FaultProxyNotFoundPage: "HTML 404 from a proxy",
	FaultLateApply:         "applied after the client gave up",
}

func (f Fault) String() string {
	if name, ok := faultNames[f]; ok {
		return name
	}
	return "fault " + strconv.Itoa(int(f))
}

// Applied reports whether a request that meets the fault has taken effect
// on the emulator: the client saw a failure, but the write happened.
func (f Fault) Applied() bool {
	switch f {
	case FaultBadGateway, FaultResetAfter, FaultSlow, FaultTruncated, FaultEmptyBody, FaultLateApply:
		return true
	}
	return false
}

// AllFaults lists every fault kind.
func AllFaults() []Fault {
	return []Fault{FaultRateLimit, FaultServerError, FaultBadGateway, FaultUnavailable, FaultResetBefore,
		FaultResetAfter, FaultSlow, FaultTruncated, FaultEmptyBody, FaultProxyNotFound, FaultProxyNotFoundPage}
}

// FaultMix injects faults into a share of the API requests. The decisions
// come from a random source seeded with Seed, in the order requests arrive,
// so a run with the same seed and the same request order meets the same
// faults.
type FaultMix struct {
	// Rate is the share of requests that fail, from 0 to 1.
	Rate float64
	// Seed seeds the decisions.
	Seed uint64
	// Faults are the kinds to choose from, with equal weight; empty means
	// AllFaults.
	Faults []Fault
	// Methods limits the faults to requests with these methods; empty means
	// every request.
	Methods []string
	// SlowDelay is how long FaultSlow holds a response; zero means a minute.
	SlowDelay time.Duration
}

// faultState is the emulator's fault configuration and tally. Guarded by e.mu.
type faultState struct {
	mix    *FaultMix
	rng    *rand.Rand
	queue  []queuedFault
	counts map[Fault]int
	// applied counts requests by method that took effect although the
	// client saw a fault.
	applied map[string]int
	// delay is the slow delay of faults queued without a mix (SetFaultDelay).
	delay time.Duration
}

// SetFaultDelay sets how long FaultSlow and FaultLateApply hold a request
// when no mix names a SlowDelay; zero means a minute.
func (e *Emulator) SetFaultDelay(d time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.faults.delay = d
}

// InjectFaults starts injecting faults into a share of the requests, in
// place of any earlier mix. A zero Rate stops the mix.
func (e *Emulator) InjectFaults(mix FaultMix) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if mix.Rate <= 0 {
		e.faults.mix, e.faults.rng = nil, nil
		return
	}
	mix.Faults = slices.Clone(mix.Faults)
	if len(mix.Faults) == 0 {
		mix.Faults = AllFaults()
	}
	mix.Methods = slices.Clone(mix.Methods)
	e.faults.mix = &mix
	e.faults.rng = rand.New(rand.NewPCG(mix.Seed, mix.Seed^0x9e3779b97f4a7c15)) //nolint:gosec // reproducible chaos, not secrets
}

// queuedFault is a fault waiting for the next request, of one method or
// of any ("").
type queuedFault struct {
	method string
	fault  Fault
}

// FailNext makes the next requests meet the given faults, one each, in
// order, before any mix applies.
func (e *Emulator) FailNext(faults ...Fault) {
	e.FailNextOn("", faults...)
}

// FailNextOn queues faults for the next requests with the given method
// ("" for any). The queue keeps its order across methods: a queued fault
// waits until those queued before it have met their requests, so
// FailNextOn("PUT", FaultResetAfter) followed by FailNextOn("GET",
// FaultUnavailable) fails the first GET after that PUT.
func (e *Emulator) FailNextOn(method string, faults ...Fault) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, f := range faults {
		e.faults.queue = append(e.faults.queue, queuedFault{method: strings.ToUpper(method), fault: f})
	}
}

// StopFaults ends the mix and drops faults queued by FailNext. The tally
// stays.
func (e *Emulator) StopFaults() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.faults.mix, e.faults.rng, e.faults.queue = nil, nil, nil
}

// FaultCounts tallies the faults injected so far, by kind.
func (e *Emulator) FaultCounts() map[Fault]int {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make(map[Fault]int, len(e.faults.counts))
	for f, n := range e.faults.counts {
		out[f] = n
	}
	return out
}

// AppliedDespiteFault counts the requests with the given method ("" for
// any) that took effect although the client met a fault: the writes whose
// outcome the client could not know.
func (e *Emulator) AppliedDespiteFault(method string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	if method == "" {
		n := 0
		for _, c := range e.faults.applied {
			n += c
		}
		return n
	}
	return e.faults.applied[strings.ToUpper(method)]
}

// nextFault decides the fault of one request.
func (e *Emulator) nextFault(r *http.Request) (Fault, time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	f := FaultNone
	delay := time.Minute
	if e.faults.delay > 0 {
		delay = e.faults.delay
	}
	if mix := e.faults.mix; mix != nil && mix.SlowDelay > 0 {
		delay = mix.SlowDelay
	}
	switch {
	case len(e.faults.queue) > 0:
		next := e.faults.queue[0]
		if next.method != "" && !strings.EqualFold(next.method, r.Method) {
			return FaultNone, 0 // waits for a request of its method
		}
		f, e.faults.queue = next.fault, e.faults.queue[1:]
	case e.faults.mix != nil:
		mix := e.faults.mix
		if len(mix.Methods) > 0 && !slices.ContainsFunc(mix.Methods, func(m string) bool { return strings.EqualFold(m, r.Method) }) {
			return FaultNone, 0
		}
		if e.faults.rng.Float64() < mix.Rate {
			f = mix.Faults[e.faults.rng.IntN(len(mix.Faults))]
		}
	}
	if f != FaultNone {
		if e.faults.counts == nil {
			e.faults.counts = map[Fault]int{}
		}
		e.faults.counts[f]++
	}
	return f, delay
}

// injectFault answers a request with a fault; serve is the emulator proper.
func (e *Emulator) injectFault(w http.ResponseWriter, r *http.Request, f Fault, slowDelay time.Duration, serve http.HandlerFunc) {
	if f == FaultLateApply {
		e.applyLate(w, r, slowDelay, serve)
		return
	}
	var rec *httptest.ResponseRecorder
	if f.Applied() {
		rec = httptest.NewRecorder()
		serve(rec, r)
		e.mu.Lock()
		if e.faults.applied == nil {
			e.faults.applied = map[string]int{}
		}
		e.faults.applied[r.Method]++
		e.mu.Unlock()
	}
	switch f {
	case FaultRateLimit:
		writeRateLimited(w, time.Second, 1500)
	case FaultServerError:
		writeError(w, &apiError{http.StatusInternalServerError, "An unexpected error occurred while processing the request.", "System.Exception", hresultException, false})
	case FaultBadGateway:
		writeProxyPage(w, http.StatusBadGateway, "Bad Gateway")
	case FaultUnavailable:
		writeProxyPage(w, http.StatusServiceUnavailable, "Service Temporarily Unavailable")
	case FaultProxyNotFound:
		writeEmpty(w, http.StatusNotFound)
	case FaultProxyNotFoundPage:
		writeProxyPage(w, http.StatusNotFound, "Not Found")
	case FaultResetBefore, FaultResetAfter:
		resetConnection(w)
	case FaultSlow:
		select {
		case <-time.After(slowDelay):
			copyRecorded(w, rec, -1)
		case <-r.Context().Done():
		case <-e.done:
		}
	case FaultTruncated:
		copyRecorded(w, rec, rec.Body.Len()/2)
	case FaultEmptyBody:
		for k, v := range rec.Header() {
			if !strings.EqualFold(k, "Content-Length") {
				w.Header()[k] = v
			}
		}
		w.Header().Set("Content-Length", "0")
		w.WriteHeader(http.StatusOK)
	}
}

// applyLate serves a request after delay, whether or not its client still
// waits. The body is read first: a client that gave up takes it along.
func (e *Emulator) applyLate(w http.ResponseWriter, r *http.Request, delay time.Duration, serve http.HandlerFunc) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	select {
	case <-time.After(delay):
	case <-e.done:
		return
	}
	late := r.Clone(context.WithoutCancel(r.Context()))
	late.Body = io.NopCloser(bytes.NewReader(body))
	rec := httptest.NewRecorder()
	serve(rec, late)
	e.mu.Lock()
	if e.faults.applied == nil {
		e.faults.applied = map[string]int{}
	}
	e.faults.applied[r.Method]++
	e.mu.Unlock()
	if r.Context().Err() == nil {
		copyRecorded(w, rec, -1)
	}
}

// copyRecorded sends a recorded response, its body cut to n bytes when n >= 0.
func copyRecorded(w http.ResponseWriter, rec *httptest.ResponseRecorder, n int) {
	body := rec.Body.Bytes()
	if n >= 0 && n < len(body) {
		body = body[:n]
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(rec.Code)
	_, _ = w.Write(body)
}

// writeProxyPage answers like nginx in front of a failing DocSpace (API.md §8.4).
func writeProxyPage(w http.ResponseWriter, status int, title string) {
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(status)
	_, _ = fmt.Fprintf(w, "<html>\r\n<head><title>%d %s</title></head>\r\n<body>\r\n<center><h1>%d %s</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
		status, title, status, title)
}

// resetConnection drops the connection with a TCP reset and no response.
func resetConnection(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0) // close with RST rather than FIN
	}
	_ = conn.Close()
}

// statusWriter remembers the status of a response, and still lets a fault
// take the connection over.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

func (s *statusWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	hj, ok := s.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, fmt.Errorf("docspacetest: the connection cannot be taken over")
	}
	return hj.Hijack()
}

func (s *statusWriter) Flush() {
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
