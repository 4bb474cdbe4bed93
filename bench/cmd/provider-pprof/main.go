// Command provider-pprof is terraform-provider-docspace with a CPU profile:
// the same provider, served the same way as the repository's main.go, that
// writes cpu-<pid>.pprof and heap-<pid>.pprof into DOCSPACE_BENCH_PPROF when Terraform shuts it
// down. `make bench` uses it for one extra pass to show where the provider's
// CPU time goes.
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"

	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
	"github.com/docspace-community/terraform-provider-docspace/internal/server"
)

// EnvDir names the directory the profiles are written to.
const EnvDir = "DOCSPACE_BENCH_PPROF"

func main() {
	dir := os.Getenv(EnvDir)
	if dir != "" {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("cpu-%d.pprof", os.Getpid())))
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		stop, done := make(chan struct{}), make(chan struct{})
		go watchMemory(filepath.Join(dir, fmt.Sprintf("mem-%d.json", os.Getpid())), filepath.Join(dir, fmt.Sprintf("live-%d.pprof", os.Getpid())), stop, done)
		defer func() {
			close(stop)
			<-done
			pprof.StopCPUProfile()
			f.Close()
			// Allocations over the process's life (-sample_index=alloc_space)
			// and what is still reachable at the end (inuse_space).
			runtime.GC()
			if h, err := os.Create(filepath.Join(dir, fmt.Sprintf("heap-%d.pprof", os.Getpid()))); err == nil {
				_ = pprof.Lookup("allocs").WriteTo(h, 0)
				h.Close()
			}
		}()
	}
	// Served as main.go serves it, so the profile is of the real thing.
	if err := server.Serve("registry.terraform.io/docspace-community/docspace", provider.New("bench"), false); err != nil {
		log.Print(err.Error())
	}
}
