//go:build !unix

package rusage

import "os"

// Wrap needs wait4's resource usage, which only Unix systems report.
func Wrap() int {
	os.Stderr.WriteString("provider-rusage: resource usage is only measured on Unix systems\n")
	return 2
}
