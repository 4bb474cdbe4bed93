package bench

import (
	"slices"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/bench/rusage"
)

// Requests are the requests of one step, by kind.
type Requests struct {
	GetRoom  int // GET /api/2.0/files/rooms/{id}
	GetLinks int // GET /api/2.0/files/rooms/{id}/links
	PutLinks int // PUT /api/2.0/files/rooms/{id}/links
	Other    int // anything else that reached the emulator
	Rejected int // 429 from the concurrency limits
}

// Total counts the requests that reached the emulator.
func (r Requests) Total() int { return r.GetRoom + r.GetLinks + r.PutLinks + r.Other }

// Reads and Writes split Total by method.
func (r Requests) Reads() int  { return r.GetRoom + r.GetLinks }
func (r Requests) Writes() int { return r.PutLinks }

// Sample is one run of one step.
type Sample struct {
	Wall     time.Duration
	Requests Requests
	Traffic  Traffic
	Provider rusage.Summary // provider processes (zero for terraform_data and the script)
	TreeCPU  time.Duration  // terraform and every provider process it started
}

// TerraformCPU is Terraform's own CPU time: the tree's without the providers'.
func (s Sample) TerraformCPU() time.Duration { return s.TreeCPU - s.Provider.CPU }

// Step is every run of one step.
type Step struct {
	Name    string
	Samples []Sample
}

// Median is the sample with the median wall time (the lower middle one for
// an even count).
func (s Step) Median() Sample {
	if len(s.Samples) == 0 {
		return Sample{}
	}
	sorted := slices.Clone(s.Samples)
	slices.SortFunc(sorted, func(a, b Sample) int { return int(a.Wall - b.Wall) })
	return sorted[(len(sorted)-1)/2]
}

// Wall is the median wall time.
func (s Step) Wall() time.Duration { return s.Median().Wall }

// CPU is the median provider CPU time.
func (s Step) CPU() time.Duration {
	return medianOf(s.Samples, func(x Sample) time.Duration { return x.Provider.CPU })
}

// TerraformCPU is the median of Terraform's own CPU time.
func (s Step) TerraformCPU() time.Duration {
	return medianOf(s.Samples, func(x Sample) time.Duration { return x.TerraformCPU() })
}

// MaxRSSKiB is the largest provider peak RSS over all samples.
func (s Step) MaxRSSKiB() int64 {
	var m int64
	for _, x := range s.Samples {
		m = max(m, x.Provider.MaxRSSKiB)
	}
	return m
}

// RequestsVary reports whether the samples disagree on the request counts.
func (s Step) RequestsVary() bool {
	for _, x := range s.Samples {
		if x.Requests != s.Samples[0].Requests {
			return true
		}
	}
	return false
}

func medianOf(samples []Sample, f func(Sample) time.Duration) time.Duration {
	if len(samples) == 0 {
		return 0
	}
	v := make([]time.Duration, len(samples))
	for i, x := range samples {
		v[i] = f(x)
	}
	slices.Sort(v)
	return v[(len(v)-1)/2]
}

// Concurrency is how many requests can be in flight at once: Terraform's
// -parallelism, and below it the client's write limit and the server's limits.
type Concurrency struct {
	Parallelism  int // terraform -parallelism
	ClientWrites int // the provider's own bound on concurrent writes (0: none)
	ServerReads  int // the portal's bound on concurrent reads (0: none)
	ServerWrites int
}

func lowest(limits ...int) int {
	m := 0
	for _, l := range limits {
		if l > 0 && (m == 0 || l < m) {
			m = l
		}
	}
	return max(m, 1)
}

// Reads and Writes are the effective concurrency of each kind.
func (c Concurrency) Reads() int  { return lowest(c.Parallelism, c.ServerReads) }
func (c Concurrency) Writes() int { return lowest(c.Parallelism, c.ClientWrites, c.ServerWrites) }

// Floor is the network floor of a step: every request waits latency, and at
// most the effective concurrency of its kind are in flight at once.
func Floor(r Requests, latency time.Duration, c Concurrency) time.Duration {
	reads := time.Duration(r.Reads()+r.Other) * latency / time.Duration(c.Reads())
	writes := time.Duration(r.Writes()) * latency / time.Duration(c.Writes())
	return reads + writes
}

// SequentialFloor is the floor of one request at a time.
func SequentialFloor(r Requests, latency time.Duration) time.Duration {
	return time.Duration(r.Total()) * latency
}

// Ratio is provider / (terraform_data + floor).
func Ratio(provider, data, floor time.Duration) float64 {
	if data+floor <= 0 {
		return 0
	}
	return float64(provider) / float64(data+floor)
}
