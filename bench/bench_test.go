package bench

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/bench/rusage"
)

func TestFloor(t *testing.T) {
	c := Concurrency{Parallelism: 10, ClientWrites: 8, ServerReads: 50, ServerWrites: 15}
	if c.Reads() != 10 || c.Writes() != 8 {
		t.Fatalf("effective concurrency %d reads, %d writes; want 10, 8", c.Reads(), c.Writes())
	}
	q := Requests{GetRoom: 60, GetLinks: 60, PutLinks: 300}
	// 120 reads × 50 ms ÷ 10 + 300 writes × 50 ms ÷ 8
	if got, want := Floor(q, 50*time.Millisecond, c), 600*time.Millisecond+1875*time.Millisecond; got != want {
		t.Errorf("Floor = %s, want %s", got, want)
	}
	if got := SequentialFloor(q, 50*time.Millisecond); got != 21*time.Second {
		t.Errorf("SequentialFloor = %s, want 21s", got)
	}
	if got := Ratio(6*time.Second, 3*time.Second, 2*time.Second); got != 1.2 {
		t.Errorf("Ratio = %v, want 1.2", got)
	}
}

func TestStepMedian(t *testing.T) {
	s := Step{Samples: []Sample{
		{Wall: 3 * time.Second, Provider: rusage.Summary{CPU: 3 * time.Second, MaxRSSKiB: 10}},
		{Wall: 1 * time.Second, Provider: rusage.Summary{CPU: 1 * time.Second, MaxRSSKiB: 30}},
		{Wall: 2 * time.Second, Provider: rusage.Summary{CPU: 2 * time.Second, MaxRSSKiB: 20}},
	}}
	if s.Wall() != 2*time.Second || s.CPU() != 2*time.Second || s.MaxRSSKiB() != 30 {
		t.Errorf("median wall %s, CPU %s, max RSS %d", s.Wall(), s.CPU(), s.MaxRSSKiB())
	}
}

func TestWorkload(t *testing.T) {
	w := Workload{Links: 12, Rooms: []int{1, 2, 3}}
	if err := w.Validate(); err != nil {
		t.Fatal(err)
	}
	perRoom := map[int]int{}
	for _, l := range w.Items() {
		perRoom[l.Room]++
	}
	for room, n := range perRoom {
		if n > LinksPerRoom {
			t.Errorf("room %d holds %d links", room, n)
		}
	}
	if err := (Workload{Links: 16, Rooms: []int{1, 2, 3}}).Validate(); err == nil {
		t.Error("16 links in 3 rooms accepted")
	}
	for _, cfg := range []string{w.ProviderConfig(), w.DataConfig()} {
		if strings.Count(cfg, "bench link") != 12 || !strings.Contains(cfg, "for_each = local.links") {
			t.Errorf("config:\n%s", cfg)
		}
	}
}

func TestRusageRecords(t *testing.T) {
	file := filepath.Join(t.TempDir(), "r.jsonl")
	for _, r := range []rusage.Record{{PID: 1, User: time.Second, MaxRSSKiB: 100}, {PID: 2, System: time.Second, MaxRSSKiB: 300}} {
		if err := rusage.Append(file, r); err != nil {
			t.Fatal(err)
		}
	}
	recs, err := rusage.Read(file)
	if err != nil {
		t.Fatal(err)
	}
	if s := rusage.Summarize(recs); s.Processes != 2 || s.CPU != 2*time.Second || s.MaxRSSKiB != 300 {
		t.Errorf("summary %+v", s)
	}
}

func TestShares(t *testing.T) {
	cum := `      flat  flat%   sum%        cum   cum%
         0     0%     0%      4.96s 33.76%  github.com/hashicorp/terraform-plugin-go/tfprotov6/internal/tfplugin6._Provider_PlanResourceChange_Handler
     0.02s  0.14%  0.54%      3.98s 27.09%  github.com/hashicorp/go-hclog.(*intLogger).log
         0     0% 15.11%      0.74s  5.04%  github.com/docspace-community/terraform-provider-docspace/internal/provider.(*roomLinkResource).ModifyPlan
         0     0% 58.75%      0.18s  1.23%  github.com/docspace-community/terraform-provider-docspace/internal/provider.(*roomLinkResource).Read
         0     0% 58.75%      0.10s  0.50%  github.com/docspace-community/terraform-provider-docspace/internal/provider.(*roomLinkResource).Read.func1
`
	got := strings.Join(Shares(cum), "\n")
	for _, want := range []string{"| PlanResourceChange (framework plan modifiers + ModifyPlan) | 34% |", "by go-hclog (across the RPCs above) | 27% |", "Get/Set they call) | 6% |"} {
		if !strings.Contains(got, want) {
			t.Errorf("shares lack %q:\n%s", want, got)
		}
	}
}

func TestMarkdown(t *testing.T) {
	step := func(name string, wall time.Duration, q Requests) Step {
		return Step{Name: name, Samples: []Sample{{Wall: wall, Requests: q, Provider: rusage.Summary{Processes: 3, CPU: wall / 2, MaxRSSKiB: 40 << 10}, TreeCPU: wall}}}
	}
	size := func(links int) SizeResult {
		s := SizeResult{Links: links, Rooms: RoomsFor(links), Reps: 1, ScriptReps: 1}
		for _, n := range StepNames {
			s.Provider = append(s.Provider, step(n, time.Duration(links)*10*time.Millisecond, Requests{GetLinks: links / 5, PutLinks: links}))
			s.Data = append(s.Data, step(n, time.Duration(links)*5*time.Millisecond, Requests{}))
			s.Floor = append(s.Floor, step(n, time.Duration(links)*7*time.Millisecond, Requests{}))
		}
		for _, n := range []string{ScriptCreate, ScriptUpdate, ScriptDelete} {
			s.Script = append(s.Script, step(n, time.Duration(links)*60*time.Millisecond, Requests{GetLinks: links / 5, PutLinks: links}))
		}
		return s
	}
	r := Report{
		Latency: 50 * time.Millisecond, Concurrency: Concurrency{Parallelism: 10, ClientWrites: 8, ServerReads: 50, ServerWrites: 15},
		MainLinks: 300, Sizes: []SizeResult{size(300), size(30), size(1000)}, Machine: Machine{Cores: 2},
	}
	md := r.Markdown()
	for _, want := range []string{"## 300 links over 60 rooms", "## Targets (300 links)", "## Growth", "| linear growth |", "plan of 300 unchanged links: ≤ 60 list requests",
		"### Provider vs framework floor vs terraform_data (300 links)",
		// plan: 3 s of wall, 1.5 s of provider CPU (5 ms per link); the
		// framework floor 2.1 s plus the network floor of 60 GETs and 300
		// PUTs (the fake steps all make the same requests): 0.3 s + 1.875 s.
		"| plan (no changes) | 3.00 s | 2.10 s + 2.17 s | 0.70 |",
		"| provider CPU per unchanged link in a plan ≤ 1.50 ms | 5.00 ms per link = 1.50 s ÷ 300; the framework floor alone: 3.50 ms per link — already above the target, so the miss is the framework's (see the profile) | **missed** |",
		"| plan within 1.1× of the framework floor + network floor | 0.70 = 3.00 s ÷ (2.10 s + 2.17 s) | **met** |",
		"| ratio ≤ 1.4 for plan (no changes) |"} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if linear, text := r.linearity(); !linear {
		t.Errorf("linear workload judged non-linear: %s", text)
	}
}
