package docspacetest

import (
	"net/http/httptest"
	"testing"
)

// Server is an Emulator listening on a loopback address. Its URL is the
// portal's base URL.
type Server struct {
	*httptest.Server
	*Emulator
}

// NewServer starts an emulator on a loopback address. The caller must Close it.
func NewServer(opts ...Option) *Server {
	e := New(opts...)
	ts := httptest.NewServer(e)
	e.mu.Lock()
	e.host = ts.Listener.Addr().String()
	e.mu.Unlock()
	return &Server{Server: ts, Emulator: e}
}

// Close shuts the server down, cutting short any response a fault holds back.
func (s *Server) Close() {
	s.Emulator.shutdown()
	s.Server.Close()
}

// NewTestServer starts an emulator that is closed when the test ends.
func NewTestServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s := NewServer(opts...)
	t.Cleanup(s.Close)
	return s
}
