//go:build unix && !linux

package rusage

import (
	"runtime"
	"syscall"
)

func sysProcAttr() *syscall.SysProcAttr { return nil }

// maxRSSKiB: darwin reports ru_maxrss in bytes, the BSDs in KiB.
func maxRSSKiB(ru *syscall.Rusage) int64 {
	if runtime.GOOS == "darwin" {
		return int64(ru.Maxrss) / 1024
	}
	return int64(ru.Maxrss)
}
