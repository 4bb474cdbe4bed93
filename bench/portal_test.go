package bench

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// The script runs against the portal: one PUT per link and one GET per room
// per pass, counted by the emulator, and the links end up as asked.
func TestScriptAgainstPortal(t *testing.T) {
	p := NewPortal(PortalOptions{MaxReads: RealMaxConcurrentReads, MaxWrites: RealMaxConcurrentWrites})
	defer p.Close()
	r := &Runner{Portal: p}
	w, err := r.NewWorkload(12, 3)
	if err != nil {
		t.Fatal(err)
	}
	samples, err := r.runScript(context.Background(), w, 3)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range samples {
		if q := s.Requests; q.PutLinks != 12 || q.GetLinks != 3 || q.GetRoom != 0 || q.Other != 0 {
			t.Errorf("pass %d: requests %+v", i, q)
		}
	}
	if err := r.check(w, ""); err != nil {
		t.Error(err)
	}
}

// More concurrent writes than the limit are answered 429 at once; the
// latency holds each request's slot.
func TestThrottle(t *testing.T) {
	p := NewPortal(PortalOptions{Latency: 200 * time.Millisecond, MaxWrites: 1})
	defer p.Close()
	room := p.CreateRoom("r", docspacetest.RoomCustom)
	var wg sync.WaitGroup
	codes := make(chan int, 2)
	start := time.Now()
	for range 2 {
		wg.Go(func() {
			req, _ := http.NewRequest(http.MethodPut, p.URL+"/api/2.0/files/rooms/"+strconv.Itoa(room.ID)+"/links", strings.NewReader(`{"linkType":1,"access":2}`))
			req.Header.Set("Authorization", "Bearer "+docspacetest.DefaultToken)
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			codes <- resp.StatusCode
		})
	}
	wg.Wait()
	close(codes)
	got := map[int]int{}
	for c := range codes {
		got[c]++
	}
	if got[200] != 1 || got[429] != 1 {
		t.Errorf("status codes %v, want one 200 and one 429", got)
	}
	if time.Since(start) < 200*time.Millisecond {
		t.Error("latency not applied")
	}
	if tr := p.Traffic(); tr.Rejected != 1 || tr.Writes != 1 || tr.PeakWrites != 1 {
		t.Errorf("traffic %+v", tr)
	}
}
