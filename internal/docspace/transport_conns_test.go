package docspace

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
)

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
