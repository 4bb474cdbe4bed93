// Command provider-rusage stands in for terraform-provider-docspace during
// `make bench`: it runs the real provider (DOCSPACE_BENCH_PROVIDER) as its
// child with the same arguments and streams, and records the child's CPU
// time and peak RSS in DOCSPACE_BENCH_RUSAGE when it exits.
package main

import (
	"os"

	"github.com/docspace-community/terraform-provider-docspace/bench/rusage"
)

func main() { os.Exit(rusage.Wrap()) }
