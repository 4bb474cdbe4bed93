package bench

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// Real server limits (API.md §9): more concurrent requests
// than these are rejected at once with 429, not queued.
const (
	RealMaxConcurrentReads  = 50
	RealMaxConcurrentWrites = 15
)

// PortalOptions shape the emulated portal.
type PortalOptions struct {
	// Latency is added to every request while it holds a server slot, like
	// a remote portal's round trip and processing time.
	Latency time.Duration
	// MaxReads and MaxWrites bound the requests in flight (GET/HEAD and the
	// rest); more are rejected with 429 and Retry-After: 1. Zero: no bound.
	MaxReads, MaxWrites int
}

// Portal is the DocSpace emulator behind a throttle that adds latency and
// enforces concurrency limits, listening on a loopback address. It also
// counts what the emulator's own request log cannot see: requests rejected
// by the throttle, connections opened, and the peak concurrency reached.
type Portal struct {
	*docspacetest.Emulator
	URL string

	server       *httptest.Server
	throttle     *throttle
	conns        atomic.Int64
	connectDelay atomic.Int64 // nanoseconds
}

// SetConnectDelay makes the first request on every new connection wait d
// longer, like the round trips of a TCP and TLS handshake to a remote portal.
func (p *Portal) SetConnectDelay(d time.Duration) { p.connectDelay.Store(int64(d)) }

// slowListener delays the first read of every accepted connection.
type slowListener struct {
	net.Listener
	delay *atomic.Int64
}

func (l *slowListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &slowConn{Conn: c, delay: time.Duration(l.delay.Load())}, nil
}

type slowConn struct {
	net.Conn
	delay time.Duration
	once  sync.Once
}

func (c *slowConn) Read(b []byte) (int, error) {
	c.once.Do(func() {
		if c.delay > 0 {
			time.Sleep(c.delay)
		}
	})
	return c.Conn.Read(b)
}

// NewPortal starts an emulated portal. The caller must Close it.
func NewPortal(o PortalOptions, opts ...docspacetest.Option) *Portal {
	e := docspacetest.New(opts...)
	t := &throttle{next: e, latency: o.Latency}
	if o.MaxReads > 0 {
		t.reads = make(chan struct{}, o.MaxReads)
	}
	if o.MaxWrites > 0 {
		t.writes = make(chan struct{}, o.MaxWrites)
	}
	p := &Portal{Emulator: e, throttle: t}
	p.server = httptest.NewUnstartedServer(t)
	p.server.Listener = &slowListener{Listener: p.server.Listener, delay: &p.connectDelay}
	p.server.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			p.conns.Add(1)
		}
	}
	p.server.Start()
	p.URL = p.server.URL
	return p
}

// Close stops the server.
func (p *Portal) Close() { p.server.Close() }

// ClearLinks deletes the links of the given rooms behind the API's back
// (the primary links stay).
func (p *Portal) ClearLinks(rooms []int) {
	for _, room := range rooms {
		for _, l := range p.Links(room) {
			if !l.Primary {
				p.DeleteLink(room, l.ID)
			}
		}
	}
}

// Traffic is what the throttle saw since the last Reset.
type Traffic struct {
	Reads, Writes         int // requests that reached the emulator
	Rejected              int // answered 429 by the concurrency limits
	Connections           int // TCP connections opened by clients
	PeakReads, PeakWrites int // most requests in flight at once
}

// Traffic returns the counters since the last Reset.
func (p *Portal) Traffic() Traffic {
	t := p.throttle
	t.mu.Lock()
	defer t.mu.Unlock()
	return Traffic{
		Reads: t.served[0], Writes: t.served[1], Rejected: t.rejected,
		Connections: int(p.conns.Load()),
		PeakReads:   t.peak[0], PeakWrites: t.peak[1],
	}
}

// Reset zeroes the throttle's counters and the emulator's request log.
func (p *Portal) Reset() {
	t := p.throttle
	t.mu.Lock()
	t.served, t.peak, t.rejected = [2]int{}, [2]int{}, 0
	t.mu.Unlock()
	p.conns.Store(0)
	p.ResetRequests()
}

// throttle is an http.Handler in front of the emulator.
type throttle struct {
	next          http.Handler
	latency       time.Duration
	reads, writes chan struct{} // slots; nil means unbounded

	mu       sync.Mutex
	inFlight [2]int // [reads, writes]
	peak     [2]int
	served   [2]int
	rejected int
}

func isRead(method string) bool {
	return strings.EqualFold(method, http.MethodGet) || strings.EqualFold(method, http.MethodHead)
}

func (t *throttle) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	kind, slots := 1, t.writes
	if isRead(r.Method) {
		kind, slots = 0, t.reads
	}
	if slots != nil {
		select {
		case slots <- struct{}{}:
			defer func() { <-slots }()
		default:
			t.mu.Lock()
			t.rejected++
			t.mu.Unlock()
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
	}
	t.mu.Lock()
	t.inFlight[kind]++
	t.peak[kind] = max(t.peak[kind], t.inFlight[kind])
	t.served[kind]++
	t.mu.Unlock()
	defer func() {
		t.mu.Lock()
		t.inFlight[kind]--
		t.mu.Unlock()
	}()
	if t.latency > 0 {
		timer := time.NewTimer(t.latency)
		select {
		case <-timer.C:
		case <-r.Context().Done():
			timer.Stop()
			return
		}
	}
	t.next.ServeHTTP(w, r)
}
