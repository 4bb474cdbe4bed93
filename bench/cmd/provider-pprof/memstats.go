package main

import (
	"bytes"
	"encoding/json"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"time"
)

// memPeaks samples the Go runtime's memory statistics while the provider
// runs, so the peak RSS can be split into heap, stacks and the rest.
type memPeaks struct {
	mu         sync.Mutex
	HeapAlloc  uint64 `json:"heap_alloc"`
	HeapInuse  uint64 `json:"heap_inuse"`
	HeapSys    uint64 `json:"heap_sys"`
	StackInuse uint64 `json:"stack_inuse"`
	Sys        uint64 `json:"sys"`
	TotalAlloc uint64 `json:"total_alloc"`
	NumGC      uint32 `json:"num_gc"`
	Goroutines int    `json:"goroutines"`
	LiveHeap   uint64 `json:"live_heap"` // largest heap marked live by a GC

	liveProfile  bytes.Buffer // heap profile taken when LiveHeap was reached
	Observations int          `json:"observations"`
}

func (p *memPeaks) sample() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	g := runtime.NumGoroutine()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.HeapAlloc = max(p.HeapAlloc, m.HeapAlloc)
	p.HeapInuse = max(p.HeapInuse, m.HeapInuse)
	p.HeapSys = max(p.HeapSys, m.HeapSys)
	p.StackInuse = max(p.StackInuse, m.StackInuse)
	p.Sys = max(p.Sys, m.Sys)
	p.TotalAlloc, p.NumGC = m.TotalAlloc, m.NumGC
	p.Goroutines = max(p.Goroutines, g)
	p.Observations++
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	if live[0].Value.Kind() == metrics.KindUint64 && live[0].Value.Uint64() > p.LiveHeap {
		p.LiveHeap = live[0].Value.Uint64()
		p.liveProfile.Reset()
		_ = pprof.Lookup("heap").WriteTo(&p.liveProfile, 0)
	}
}

// watchMemory samples every 20 ms until stop is closed, then writes the
// peaks to file and the heap profile at the largest live heap to liveFile.
func watchMemory(file, liveFile string, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	var p memPeaks
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			p.sample()
		case <-stop:
			p.sample()
			b, _ := json.Marshal(&p)
			_ = os.WriteFile(file, b, 0o644)
			_ = os.WriteFile(liveFile, p.liveProfile.Bytes(), 0o644)
			return
		}
	}
}
