// Command docspace-bench measures the provider against the DocSpace emulator
// and writes BENCHMARKS.md. `make bench` runs it in the bench module, which
// sits in the provider's repository:
//
//	cd bench && go run ./cmd/docspace-bench [-quick] [-links 300 -rooms 60] [-latency 50ms]
//
// It builds the provider, serves the emulator on loopback with a per-request
// latency and the real server's concurrency limits, and runs, for the main
// workload and the growth sizes: terraform apply / plan / apply (update all)
// / destroy with the provider, the same graph of terraform_data resources,
// and a sequential script. No `terraform init` is run: a CLI configuration
// with dev_overrides points Terraform at the build.
//
// Settings may also come from the environment: BENCH_LINKS, BENCH_ROOMS,
// BENCH_GROWTH, BENCH_REPS, BENCH_LARGE_REPS, BENCH_LATENCY, BENCH_QUICK.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/bench"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "docspace-bench:", err)
		os.Exit(1)
	}
}

type settings struct {
	links, rooms    int
	growth          []int
	reps, largeReps int
	largeFrom       int
	latency         time.Duration
	parallelism     int
	writeLimit      int
	quick, profile  bool
	profileOnly     bool
	floor           bool
	out, terraform  string
	repo            string
	keep            bool
	providerEnv     envList
	script          bool
	scriptReps      int
	experiments     bool
	connectDelay    time.Duration
}

func parseSettings() (settings, error) {
	var s settings
	var growth string
	flag.IntVar(&s.links, "links", envInt("BENCH_LINKS", 300), "links of the main workload (env BENCH_LINKS)")
	flag.IntVar(&s.rooms, "rooms", envInt("BENCH_ROOMS", 0), "rooms of the main workload; default links/5 (env BENCH_ROOMS)")
	flag.StringVar(&growth, "growth", envString("BENCH_GROWTH", "30,1000"), "further sizes in links, rooms scaled like the main workload (env BENCH_GROWTH)")
	flag.IntVar(&s.reps, "reps", envInt("BENCH_REPS", 3), "rounds per size; the median is reported (env BENCH_REPS)")
	flag.IntVar(&s.largeReps, "large-reps", envInt("BENCH_LARGE_REPS", 1), "rounds for sizes of -large-from links and more (env BENCH_LARGE_REPS)")
	flag.IntVar(&s.largeFrom, "large-from", 1000, "sizes from this many links on are large")
	flag.DurationVar(&s.latency, "latency", envDuration("BENCH_LATENCY", 50*time.Millisecond), "latency the emulator adds to every request (env BENCH_LATENCY)")
	flag.IntVar(&s.parallelism, "parallelism", 10, "terraform -parallelism")
	flag.IntVar(&s.writeLimit, "write-limit", docspace.DefaultMaxConcurrentWrites, "the client's bound on concurrent writes, for the floor")
	flag.BoolVar(&s.quick, "quick", envInt("BENCH_QUICK", 0) != 0, "skip sizes above the main workload and the profile (env BENCH_QUICK=1)")
	flag.BoolVar(&s.profile, "profile", true, "profile the provider in one extra round of the main workload")
	flag.BoolVar(&s.profileOnly, "profile-only", false, "only profile the provider at the main size (plan -reps times) and measure the framework floor's plan; print, write no report")
	flag.BoolVar(&s.floor, "floor", true, "measure the framework floor (cmd/provider-floor) next to the provider")
	flag.StringVar(&s.repo, "repo", "..", "the provider's repository (its go.mod), relative to the bench module")
	flag.StringVar(&s.out, "out", "", "report file (default BENCHMARKS.md in -repo)")
	flag.StringVar(&s.terraform, "terraform", "", "terraform binary (default: from PATH)")
	flag.BoolVar(&s.script, "script", true, "run the sequential script too")
	flag.IntVar(&s.scriptReps, "script-reps", envInt("BENCH_SCRIPT_REPS", 1), "rounds of the script (its time is requests × latency, so one is enough) (env BENCH_SCRIPT_REPS)")
	flag.BoolVar(&s.experiments, "experiments", true, "run the variant with the provider's logs requested once at the main size")
	flag.DurationVar(&s.connectDelay, "connect-delay", 0, "extra wait before the first request on each new connection (a TCP/TLS handshake's round trips)")
	flag.BoolVar(&s.keep, "keep", false, "keep the scratch directory")
	flag.Var(&s.providerEnv, "provider-env", "NAME=VALUE added to the environment of Terraform and the provider (repeatable), for experiments")
	flag.Parse()
	if s.rooms == 0 {
		s.rooms = bench.RoomsFor(s.links)
	}
	for _, f := range strings.Split(growth, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return s, fmt.Errorf("-growth: %q is not a number of links", f)
		}
		if n == s.links || slices.Contains(s.growth, n) || (s.quick && n > s.links) {
			continue
		}
		s.growth = append(s.growth, n)
	}
	if s.quick {
		s.profile, s.experiments = false, false
	}
	if s.profileOnly {
		s.profile = true
	}
	if s.out == "" {
		s.out = filepath.Join(s.repo, "BENCHMARKS.md")
	}
	if _, err := os.Stat(filepath.Join(s.repo, "go.mod")); err != nil {
		return s, fmt.Errorf("-repo %s: not the provider's repository: %w", s.repo, err)
	}
	if s.terraform == "" {
		tf, err := exec.LookPath("terraform")
		if err != nil {
			return s, bench.ErrNoTerraform
		}
		s.terraform = tf
	}
	return s, nil
}

func run() error {
	s, err := parseSettings()
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	started := time.Now()

	work, err := os.MkdirTemp("", "docspace-bench-")
	if err != nil {
		return err
	}
	if s.keep {
		fmt.Fprintln(os.Stderr, "scratch directory:", work)
	} else {
		defer os.RemoveAll(work)
	}

	// The real provider, the wrapper Terraform starts in its place (it
	// records the provider's CPU time and peak RSS) and the profiling build.
	provider := filepath.Join(work, "provider", "terraform-provider-docspace")
	plugins := filepath.Join(work, "plugins")
	pprofProvider := filepath.Join(work, "pprof", "terraform-provider-docspace")
	floorProvider := filepath.Join(work, "floor", "terraform-provider-docspace")
	// The provider is built in its own module, the helpers in this one.
	builds := [][3]string{{provider, s.repo, "."}, {filepath.Join(plugins, "terraform-provider-docspace"), ".", "./cmd/provider-rusage"}}
	if s.profile {
		builds = append(builds, [3]string{pprofProvider, ".", "./cmd/provider-pprof"})
	}
	if s.floor {
		builds = append(builds, [3]string{floorProvider, ".", "./cmd/provider-floor"})
	} else {
		floorProvider = ""
	}
	for _, b := range builds {
		fmt.Fprintf(os.Stderr, "go build -C %s -o %s %s\n", b[1], b[0], b[2])
		cmd := exec.CommandContext(ctx, "go", "build", "-C", b[1], "-o", b[0], b[2])
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build %s: %w", b[2], err)
		}
	}

	portal := bench.NewPortal(bench.PortalOptions{
		Latency: s.latency, MaxReads: bench.RealMaxConcurrentReads, MaxWrites: bench.RealMaxConcurrentWrites,
	})
	defer portal.Close()
	portal.SetConnectDelay(s.connectDelay)
	conc := bench.Concurrency{
		Parallelism: s.parallelism, ClientWrites: s.writeLimit,
		ServerReads: bench.RealMaxConcurrentReads, ServerWrites: bench.RealMaxConcurrentWrites,
	}
	runner := &bench.Runner{
		Terraform: s.terraform, WorkDir: work, Plugins: plugins, Provider: provider, Floor: floorProvider,
		Latency: s.latency, Concurrency: conc, Portal: portal, Log: os.Stderr, Env: s.providerEnv,
	}
	report := bench.Report{
		Machine: bench.DescribeMachine(ctx, s.terraform), Latency: s.latency, Concurrency: conc,
		MainLinks: s.links, Command: commandLine(),
	}

	if s.profileOnly {
		return profileOnly(ctx, runner, s, pprofProvider, work)
	}

	sizes := append([]int{s.links}, s.growth...)
	for _, n := range sizes {
		rooms := s.rooms
		if n != s.links {
			rooms = max(bench.RoomsFor(n), (n*s.rooms+s.links-1)/s.links)
		}
		plan := bench.SizePlan{Reps: s.reps, ScriptReps: s.scriptReps, ScriptSteps: 3}
		if n > 100 {
			// The script's delete takes as long as its create; leave it to
			// the small size, where it is cheap.
			plan.ScriptSteps = 2
		}
		if n >= s.largeFrom {
			// Terraform's own time grows faster than linearly with the
			// number of resources; keep the largest size within budget.
			plan.Reps = min(s.reps, s.largeReps)
			plan.ScriptReps = min(s.scriptReps, 1)
			plan.ScriptSteps = 1
			plan.Skip = []string{bench.StepUpdate, bench.StepDestroy}
		}
		if !s.script {
			plan.ScriptReps = 0
		}
		w, err := runner.NewWorkload(n, rooms)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "%d links over %d rooms, %d round(s), latency %s\n", n, rooms, plan.Reps, s.latency)
		res, err := runner.Size(ctx, w, plan)
		if err != nil {
			return err
		}
		report.Sizes = append(report.Sizes, res)
		if n != s.links {
			continue
		}
		if s.profile {
			prof, err := profile(ctx, runner, w, pprofProvider, work, 1)
			if err != nil {
				return err
			}
			report.Profile = prof
			if report.InProcess, err = inProcess(ctx); err != nil {
				return err
			}
		}
		if s.experiments {
			for _, v := range variants() {
				fmt.Fprintf(os.Stderr, "variant: %s\n", v.Name)
				v.Steps, err = runner.Variant(ctx, w, v.Name, v.Env)
				if err != nil {
					return err
				}
				report.Variants = append(report.Variants, v)
			}
		}
	}
	report.Elapsed = time.Since(started)
	if err := os.WriteFile(s.out, []byte(report.Markdown()), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s in %s\n", s.out, report.Elapsed.Round(time.Second))
	return nil
}

// variants are the experiments run once at the main size: what the
// provider's logging costs when someone asks for it.
func variants() []bench.Variant {
	return []bench.Variant{
		{Name: "provider logs requested", Description: "TF_LOG_PROVIDER_DOCSPACE=TRACE without TF_LOG: the provider then leaves the plugin libraries' " +
			"log sinks on and serves every request with its loggers, writing each TRACE line as JSON to stderr, which Terraform parses " +
			"and drops (by default, with no TF_LOG* variable set, the provider switches the sinks off)",
			Env: []string{"TF_LOG_PROVIDER_DOCSPACE=TRACE"}},
	}
}

// profileOnly profiles apply (create) and s.reps plans at the main size,
// runs the framework floor's apply and plans, and prints the plan's
// profile and the provider CPU per link of every plan: a quick loop for
// work on the provider's plan.
func profileOnly(ctx context.Context, runner *bench.Runner, s settings, pprofProvider, work string) error {
	w, err := runner.NewWorkload(s.links, s.rooms)
	if err != nil {
		return err
	}
	prof, err := profile(ctx, runner, w, pprofProvider, work, s.reps)
	if err != nil {
		return err
	}
	perLink := func(st bench.Step) string {
		var parts []string
		for _, x := range st.Samples {
			parts = append(parts, fmt.Sprintf("%.2f ms", x.Provider.CPU.Seconds()*1000/float64(w.Links)))
		}
		return strings.Join(parts, ", ")
	}
	out := os.Stdout
	fmt.Fprintf(out, "provider CPU per link, plan (profiling build): %s\n", perLink(bench.StepByName(prof.Steps, bench.StepPlan)))
	plain, err := runner.Plans(ctx, w, s.reps, bench.RunProvider)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "provider CPU per link, plan: %s\n", perLink(plain))
	if runner.Floor != "" {
		floor, err := runner.Plans(ctx, w, s.reps, bench.RunFloor)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "framework floor CPU per link, plan: %s\n", perLink(floor))
	}
	for _, part := range prof.Parts {
		fmt.Fprintf(out, "\n%s (%d processes):\n%s\n%s", part.Step, part.Files, strings.Join(bench.Shares(part.Cumulative), "\n"), part.Flat)
	}
	return nil
}

// profile runs the main workload once more with the profiling build (behind
// the same wrapper), apply (create) once and plan planReps times, and
// summarises the CPU profiles of each step's processes.
func profile(ctx context.Context, base *bench.Runner, w bench.Workload, pprofProvider, work string, planReps int) (*bench.Profile, error) {
	dir := filepath.Join(work, "profiles")
	stepDir := func(step string) string {
		return filepath.Join(dir, strings.NewReplacer(" ", "-", "(", "", ")", "").Replace(step))
	}
	r := *base
	r.Provider = pprofProvider
	fmt.Fprintf(os.Stderr, "profiling %d links\n", w.Links)
	steps, err := r.Profile(ctx, w, planReps, func(step string) []string {
		_ = os.MkdirAll(stepDir(step), 0o755)
		return []string{"DOCSPACE_BENCH_PPROF=" + stepDir(step)}
	})
	if err != nil {
		return nil, err
	}
	p := &bench.Profile{Steps: steps}
	pprofTop := func(files []string, args ...string) (string, error) {
		args = append(append([]string{"tool", "pprof"}, args...), pprofProvider)
		out, err := exec.CommandContext(ctx, "go", append(args, files...)...).Output()
		if err != nil {
			return "", fmt.Errorf("go tool pprof: %w", err)
		}
		return string(out), nil
	}
	for _, step := range []string{bench.StepCreate, bench.StepPlan} {
		files, _ := filepath.Glob(filepath.Join(stepDir(step), "cpu-*.pprof"))
		if len(files) == 0 {
			return nil, fmt.Errorf("the profiling build wrote no profile for %s", step)
		}
		part := bench.ProfilePart{Step: step, Files: len(files)}
		if part.Flat, err = pprofTop(files, "-top", "-nodecount=25"); err != nil {
			return nil, err
		}
		if part.Cumulative, err = pprofTop(files, "-top", "-cum", "-nodecount=100000"); err != nil {
			return nil, err
		}
		p.Parts = append(p.Parts, part)
	}
	// Memory: the process with the largest live heap, and what it still
	// held when Terraform shut it down (after a final GC).
	var peak struct {
		LiveHeap uint64 `json:"live_heap"`
		Sys      uint64 `json:"sys"`
	}
	var peakFile string
	mems, _ := filepath.Glob(filepath.Join(dir, "*", "mem-*.json"))
	for _, m := range mems {
		var v struct {
			LiveHeap uint64 `json:"live_heap"`
			Sys      uint64 `json:"sys"`
		}
		if b, err := os.ReadFile(m); err == nil && json.Unmarshal(b, &v) == nil && v.LiveHeap > peak.LiveHeap {
			peak, peakFile = v, m
		}
	}
	if peakFile != "" {
		p.PeakLiveHeap, p.PeakSys = peak.LiveHeap, peak.Sys
		pid := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(peakFile), "mem-"), ".json")
		heap := filepath.Join(filepath.Dir(peakFile), "heap-"+pid+".pprof")
		if p.Retained, err = pprofTop([]string{heap}, "-sample_index=inuse_space", "-top", "-cum", "-nodecount=14"); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// inProcess runs BenchmarkPlanUnchangedLink and keeps its result lines.
func inProcess(ctx context.Context) (string, error) {
	fmt.Fprintln(os.Stderr, "go test -bench PlanUnchangedLink")
	out, err := exec.CommandContext(ctx, "go", "test", "-run", "^$", "-bench", "PlanUnchangedLink", "-benchmem", "-benchtime", "1000x", ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go test -bench PlanUnchangedLink: %w\n%s", err, out)
	}
	var keep []string
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "Benchmark") || strings.HasPrefix(line, "cpu:") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n") + "\n", nil
}

func commandLine() string {
	args := append([]string{"docspace-bench"}, os.Args[1:]...)
	return strings.Join(args, " ")
}

func envString(key, def string) string {
	if v := strings.TrimSpace(os.Getenv(key)); v != "" {
		return v
	}
	return def
}

func envInt(key string, def int) int {
	if v, err := strconv.Atoi(strings.TrimSpace(os.Getenv(key))); err == nil {
		return v
	}
	return def
}

func envDuration(key string, def time.Duration) time.Duration {
	if v, err := time.ParseDuration(strings.TrimSpace(os.Getenv(key))); err == nil {
		return v
	}
	return def
}

// envList collects NAME=VALUE flags.
type envList []string

func (l *envList) String() string { return strings.Join(*l, ",") }

func (l *envList) Set(v string) error {
	if name, _, ok := strings.Cut(v, "="); !ok || name == "" {
		return fmt.Errorf("%q: want NAME=VALUE", v)
	}
	*l = append(*l, v)
	return nil
}
