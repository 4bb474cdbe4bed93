// Package rusage records the resource usage of provider processes that
// Terraform starts: a wrapper runs the real provider as its child, waits for
// it, and appends one Record per process to a file named by an environment
// variable. It uses the standard library only, so the wrapper starts fast.
package rusage

import (
	"bufio"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"time"
)

// Environment variables the wrapper reads (Terraform passes its environment
// on to providers).
const (
	EnvProvider = "DOCSPACE_BENCH_PROVIDER" // path of the real provider binary
	EnvRecords  = "DOCSPACE_BENCH_RUSAGE"   // file the records are appended to
)

// Record is the resource usage of one provider process.
type Record struct {
	PID       int           `json:"pid"`
	Wall      time.Duration `json:"wall_ns"`
	User      time.Duration `json:"user_ns"`
	System    time.Duration `json:"system_ns"`
	MaxRSSKiB int64         `json:"max_rss_kib"` // peak resident set (Linux reports KiB)
	ExitCode  int           `json:"exit_code"`
}

// CPU is user plus system time.
func (r Record) CPU() time.Duration { return r.User + r.System }

// Append adds one record to the file, in one write (O_APPEND keeps
// concurrent writers' lines whole).
func Append(file string, rec Record) error {
	line, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(append(line, '\n')); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Read returns the records in the file; a missing file holds none.
func Read(file string) ([]Record, error) {
	f, err := os.Open(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var recs []Record
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, err
		}
		recs = append(recs, r)
	}
	return recs, sc.Err()
}

// Summary adds up the records of one Terraform command.
type Summary struct {
	Processes int
	CPU       time.Duration // all processes together
	MaxRSSKiB int64         // the largest peak of any one process
}

// Summarize adds up records.
func Summarize(recs []Record) Summary {
	var s Summary
	for _, r := range recs {
		s.Processes++
		s.CPU += r.CPU()
		s.MaxRSSKiB = max(s.MaxRSSKiB, r.MaxRSSKiB)
	}
	return s
}
