package rusage

import "syscall"

// sysProcAttr makes the provider die with the wrapper, should Terraform kill
// the wrapper outright.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// maxRSSKiB: Linux reports ru_maxrss in KiB.
func maxRSSKiB(ru *syscall.Rusage) int64 { return ru.Maxrss }
