//go:build unix

package rusage

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"
)

// Wrap runs the provider named by EnvProvider with this process's arguments
// and standard streams, waits for it and appends its Record to EnvRecords.
// It returns the child's exit code.
func Wrap() int {
	path := os.Getenv(EnvProvider)
	if path == "" {
		os.Stderr.WriteString("provider-rusage: " + EnvProvider + " is not set\n")
		return 2
	}
	cmd := exec.CommandContext(context.Background(), path, os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.SysProcAttr = sysProcAttr()
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		os.Stderr.WriteString("provider-rusage: " + err.Error() + "\n")
		return 2
	}
	go func() {
		for s := range signals {
			_ = cmd.Process.Signal(s)
		}
	}()
	err := cmd.Wait()
	rec := Record{PID: cmd.Process.Pid, Wall: time.Since(start), ExitCode: cmd.ProcessState.ExitCode()}
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		os.Stderr.WriteString("provider-rusage: " + err.Error() + "\n")
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rec.User = time.Duration(ru.Utime.Nano())
		rec.System = time.Duration(ru.Stime.Nano())
		rec.MaxRSSKiB = maxRSSKiB(ru)
	}
	if file := os.Getenv(EnvRecords); file != "" {
		if err := Append(file, rec); err != nil {
			os.Stderr.WriteString("provider-rusage: " + err.Error() + "\n")
		}
	}
	if rec.ExitCode < 0 {
		return 1
	}
	return rec.ExitCode
}
