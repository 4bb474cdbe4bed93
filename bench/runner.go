package bench

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/bench/rusage"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// Runner runs the Terraform, terraform_data and script steps against one portal.
type Runner struct {
	Terraform   string // terraform binary
	WorkDir     string // scratch directory
	Plugins     string // dev_overrides directory holding terraform-provider-docspace
	Provider    string // the real provider binary the wrapper in Plugins starts ("" if Plugins holds the provider itself)
	Floor       string // the framework floor (cmd/provider-floor) the wrapper starts instead, "" to skip it
	Latency     time.Duration
	Concurrency Concurrency
	Portal      *Portal
	Env         []string // added to Terraform's environment (and so the provider's)
	Log         io.Writer
}

// Step names, in the order the steps run.
const (
	StepCreate  = "apply (create)"
	StepPlan    = "plan (no changes)"
	StepUpdate  = "apply (update all)"
	StepDestroy = "destroy"
)

// StepNames lists the Terraform steps in order.
var StepNames = []string{StepCreate, StepPlan, StepUpdate, StepDestroy}

type tfStep struct {
	name   string
	args   []string
	access string // the access every link has afterwards ("" none left)
}

var tfSteps = []tfStep{
	{StepCreate, []string{"apply", "-auto-approve", "-var", "access=" + AccessCreate}, AccessCreate},
	{StepPlan, []string{"plan", "-detailed-exitcode", "-var", "access=" + AccessCreate}, AccessCreate},
	{StepUpdate, []string{"apply", "-auto-approve", "-var", "access=" + AccessUpdate}, AccessUpdate},
	{StepDestroy, []string{"destroy", "-auto-approve", "-var", "access=" + AccessUpdate}, ""},
}

// Script step names.
const (
	ScriptCreate = "create (PUT per link, GET per room)"
	ScriptUpdate = "update (PUT per link, GET per room)"
	ScriptDelete = "delete (PUT per link, GET per room)"
)

// SizeResult is everything measured for one workload size.
type SizeResult struct {
	Links, Rooms int
	Reps         int
	ScriptReps   int
	Provider     []Step // StepNames, docspace_room_link
	Floor        []Step // StepNames, docspace_room_link of the framework floor (empty when not run)
	Data         []Step // StepNames, terraform_data
	Script       []Step // ScriptCreate, ScriptUpdate, ScriptDelete
	Skipped      []string
	Load         [2]float64
	Elapsed      time.Duration
}

// Ran reports whether a Terraform step ran at this size.
func (s SizeResult) Ran(step string) bool {
	return len(StepByName(s.Provider, step).Samples) > 0
}

// SizePlan says what to run for one size.
type SizePlan struct {
	Reps        int      // rounds of the Terraform steps (provider and terraform_data)
	Skip        []string // StepUpdate and/or StepDestroy: not run at this size (without destroy, the links are cleared through the emulator)
	ScriptReps  int      // rounds of the script
	ScriptSteps int      // 3: create, update, delete; 2: create, update; 1: create (without delete, the links are cleared through the emulator)
}

// StepByName finds a step.
func StepByName(steps []Step, name string) Step {
	for _, s := range steps {
		if s.Name == name {
			return s
		}
	}
	return Step{Name: name}
}

// NewWorkload creates rooms (Custom rooms, through the emulator's controls)
// for a workload.
func (r *Runner) NewWorkload(links, rooms int) (Workload, error) {
	w := Workload{Links: links}
	for i := range rooms {
		w.Rooms = append(w.Rooms, r.Portal.CreateRoom(fmt.Sprintf("bench %d/%d", links, i), docspacetest.RoomCustom).ID)
	}
	return w, w.Validate()
}

// Size measures one workload: plan.Reps rounds of the Terraform steps with
// the provider and with terraform_data, and plan.ScriptReps rounds of the script.
func (r *Runner) Size(ctx context.Context, w Workload, plan SizePlan) (SizeResult, error) {
	start := time.Now()
	res := SizeResult{Links: w.Links, Rooms: len(w.Rooms), Reps: plan.Reps, ScriptReps: plan.ScriptReps, Skipped: plan.Skip, Load: [2]float64{LoadAverage(), 0}}
	steps := make([]tfStep, 0, len(tfSteps))
	for _, s := range tfSteps {
		if (s.name == StepUpdate || s.name == StepDestroy) && slices.Contains(plan.Skip, s.name) {
			continue
		}
		if s.name == StepDestroy && slices.Contains(plan.Skip, StepUpdate) {
			// Without the update, destroy finds the links as created.
			s.args = []string{"destroy", "-auto-approve", "-var", "access=" + AccessCreate}
		}
		steps = append(steps, s)
	}
	destroy := !slices.Contains(plan.Skip, StepDestroy)
	for _, s := range steps {
		res.Provider = append(res.Provider, Step{Name: s.name})
		res.Data = append(res.Data, Step{Name: s.name})
		if r.Floor != "" {
			res.Floor = append(res.Floor, Step{Name: s.name})
		}
	}
	scriptSteps := []string{ScriptCreate, ScriptUpdate, ScriptDelete}[:max(1, min(plan.ScriptSteps, 3))]
	for _, n := range scriptSteps {
		res.Script = append(res.Script, Step{Name: n})
	}
	base := filepath.Join(r.WorkDir, fmt.Sprintf("links-%d", w.Links))
	provDir, dataDir := filepath.Join(base, "docspace"), filepath.Join(base, "terraform_data")
	floorDir := filepath.Join(base, "floor")
	if err := writeConfig(provDir, w.ProviderConfig()); err != nil {
		return res, err
	}
	if err := writeConfig(floorDir, w.ProviderConfig()); err != nil {
		return res, err
	}
	if err := writeConfig(dataDir, w.DataConfig()); err != nil {
		return res, err
	}
	for rep := range max(plan.Reps, plan.ScriptReps) {
		if rep < plan.Reps {
			for i, s := range steps {
				sample, err := r.RunStep(ctx, provDir, w, s, RunProvider)
				if err != nil {
					return res, fmt.Errorf("%d links, docspace %s (round %d): %w", w.Links, s.name, rep+1, err)
				}
				res.Provider[i].Samples = append(res.Provider[i].Samples, sample)
			}
			if !destroy {
				if err := r.clear(w, provDir); err != nil {
					return res, err
				}
			}
			for i, s := range steps {
				if r.Floor == "" {
					break
				}
				sample, err := r.RunStep(ctx, floorDir, w, s, RunFloor)
				if err != nil {
					return res, fmt.Errorf("%d links, framework floor %s (round %d): %w", w.Links, s.name, rep+1, err)
				}
				res.Floor[i].Samples = append(res.Floor[i].Samples, sample)
			}
			if !destroy && r.Floor != "" {
				if err := r.clear(w, floorDir); err != nil {
					return res, err
				}
			}
			for i, s := range steps {
				sample, err := r.RunStep(ctx, dataDir, w, s, RunData)
				if err != nil {
					return res, fmt.Errorf("%d links, terraform_data %s (round %d): %w", w.Links, s.name, rep+1, err)
				}
				res.Data[i].Samples = append(res.Data[i].Samples, sample)
			}
			if !destroy {
				if err := r.clear(w, dataDir); err != nil {
					return res, err
				}
			}
		}
		if rep < plan.ScriptReps {
			samples, err := r.runScript(ctx, w, len(scriptSteps))
			if err != nil {
				return res, fmt.Errorf("%d links, script (round %d): %w", w.Links, rep+1, err)
			}
			for i := range samples {
				res.Script[i].Samples = append(res.Script[i].Samples, samples[i])
			}
		}
	}
	res.Load[1] = LoadAverage()
	res.Elapsed = time.Since(start)
	return res, nil
}

// clear removes the workload's links behind Terraform's back and forgets
// the state in dir, instead of a destroy.
func (r *Runner) clear(w Workload, dir string) error {
	r.Portal.ClearLinks(w.Rooms)
	for _, f := range []string{"terraform.tfstate", "terraform.tfstate.backup"} {
		if err := os.Remove(filepath.Join(dir, f)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// Variant runs apply (create) and plan once in a fresh directory, with env
// added to Terraform's environment, then clears the links behind
// Terraform's back.
func (r *Runner) Variant(ctx context.Context, w Workload, name string, env []string) ([]Step, error) {
	dir := filepath.Join(r.WorkDir, fmt.Sprintf("variant-%d-%s", w.Links, strings.NewReplacer(" ", "-", "/", "-").Replace(name)))
	if err := writeConfig(dir, w.ProviderConfig()); err != nil {
		return nil, err
	}
	v := *r
	v.Env = append(append([]string(nil), r.Env...), env...)
	var steps []Step
	for _, s := range tfSteps[:2] {
		sample, err := v.RunStep(ctx, dir, w, s, RunProvider)
		if err != nil {
			return nil, fmt.Errorf("variant %s, %s: %w", name, s.name, err)
		}
		steps = append(steps, Step{Name: s.name, Samples: []Sample{sample}})
	}
	r.Portal.ClearLinks(w.Rooms)
	return steps, os.RemoveAll(dir)
}

// Profile runs apply (create) once and plan planReps times more (with
// whatever provider r.Provider names, e.g. the profiling build), calling
// before(step) ahead of each step so that the caller can point the profiles
// of each step somewhere of their own, then clears the links through the
// emulator.
func (r *Runner) Profile(ctx context.Context, w Workload, planReps int, before func(step string) []string) ([]Step, error) {
	dir := filepath.Join(r.WorkDir, fmt.Sprintf("profile-%d", w.Links))
	if err := writeConfig(dir, w.ProviderConfig()); err != nil {
		return nil, err
	}
	defer r.Portal.ClearLinks(w.Rooms)
	steps := []Step{{Name: StepCreate}, {Name: StepPlan}}
	for i, s := range tfSteps[:2] {
		reps := 1
		if s.name == StepPlan {
			reps = max(planReps, 1)
		}
		v := *r
		v.Env = append(slices.Clone(r.Env), before(s.name)...)
		for range reps {
			sample, err := v.RunStep(ctx, dir, w, s, RunProvider)
			if err != nil {
				return nil, fmt.Errorf("profiling %s: %w", s.name, err)
			}
			steps[i].Samples = append(steps[i].Samples, sample)
		}
	}
	return steps, nil
}

// Plans runs apply (create), reps plans and destroy of the provider or the
// framework floor in a fresh directory, and returns the plans.
func (r *Runner) Plans(ctx context.Context, w Workload, reps int, kind RunKind) (Step, error) {
	plans := Step{Name: StepPlan}
	dir := filepath.Join(r.WorkDir, fmt.Sprintf("plans-%d-%d", w.Links, kind))
	if err := writeConfig(dir, w.ProviderConfig()); err != nil {
		return plans, err
	}
	steps := []tfStep{tfSteps[0]}
	for range max(reps, 1) {
		steps = append(steps, tfSteps[1])
	}
	for _, s := range append(steps, tfStep{StepDestroy, []string{"destroy", "-auto-approve", "-var", "access=" + AccessCreate}, ""}) {
		sample, err := r.RunStep(ctx, dir, w, s, kind)
		if err != nil {
			return plans, fmt.Errorf("%s: %w", s.name, err)
		}
		if s.name == StepPlan {
			plans.Samples = append(plans.Samples, sample)
		}
	}
	return plans, os.RemoveAll(dir)
}

func writeConfig(dir, config string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o644)
}

// cliConfig writes the Terraform CLI configuration with dev_overrides for
// the provider, so that no `terraform init` (and no download) is needed.
func (r *Runner) cliConfig() (string, error) {
	file := filepath.Join(r.WorkDir, "terraformrc-"+filepath.Base(r.Plugins))
	cfg := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"docspace-community/docspace\" = %q\n  }\n  direct {}\n}\n", r.Plugins)
	return file, os.WriteFile(file, []byte(cfg), 0o644)
}

// RunKind says what a Terraform step runs against.
type RunKind int

const (
	RunProvider RunKind = iota // docspace_room_link of the provider (r.Provider)
	RunFloor                   // docspace_room_link of the framework floor (r.Floor), which makes no requests
	RunData                    // terraform_data
)

// RunStep runs one Terraform command in dir and, for the provider, checks
// the emulator holds what the step should leave behind.
func (r *Runner) RunStep(ctx context.Context, dir string, w Workload, s tfStep, kind RunKind) (Sample, error) {
	provider := r.Provider
	if kind == RunFloor {
		provider = r.Floor
	}
	cli, err := r.cliConfig()
	if err != nil {
		return Sample{}, err
	}
	records := filepath.Join(r.WorkDir, "rusage.jsonl")
	_ = os.Remove(records)
	args := append(append([]string(nil), s.args...), "-input=false", "-no-color", fmt.Sprintf("-parallelism=%d", r.Concurrency.Parallelism))
	cmd := exec.CommandContext(ctx, r.Terraform, args...)
	cmd.Dir = dir
	cmd.Env = append(cleanEnv(),
		"CHECKPOINT_DISABLE=1",
		"TF_IN_AUTOMATION=1",
		"TF_CLI_CONFIG_FILE="+cli,
		"DOCSPACE_HOST="+r.Portal.URL,
		"DOCSPACE_TOKEN="+docspacetest.DefaultToken,
		rusage.EnvProvider+"="+provider,
		rusage.EnvRecords+"="+records,
	)
	cmd.Env = append(cmd.Env, r.Env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	r.Portal.Reset()
	begin := time.Now()
	err = cmd.Run()
	wall := time.Since(begin)
	if err != nil {
		return Sample{}, fmt.Errorf("terraform %s: %w\n%s", strings.Join(args, " "), err, tail(out.String(), 4000))
	}
	sample := Sample{Wall: wall, Requests: r.requests(), Traffic: r.Portal.Traffic(), TreeCPU: treeCPU(cmd.ProcessState)}
	if kind != RunData {
		recs, err := rusage.Read(records)
		if err != nil {
			return sample, err
		}
		sample.Provider = rusage.Summarize(recs)
	}
	if kind == RunProvider {
		if err := r.check(w, s.access); err != nil {
			return sample, fmt.Errorf("after terraform %s: %w", strings.Join(args, " "), err)
		}
	}
	r.logf("  %-16s %-20s %7.2fs  CPU %5.2fs  %s\n", filepath.Base(dir), s.name, wall.Seconds(), sample.TreeCPU.Seconds(), describe(sample))
	return sample, nil
}

// runScript runs the sequential script's three steps.
func (r *Runner) runScript(ctx context.Context, w Workload, n int) ([]Sample, error) {
	s := &Script{Host: r.Portal.URL, Token: docspacetest.DefaultToken, HTTP: &http.Client{Timeout: time.Minute}}
	steps := []struct {
		name   string
		run    func(context.Context, Workload) error
		access string
	}{
		{ScriptCreate, s.Create, AccessCreate},
		{ScriptUpdate, s.Update, AccessUpdate},
		{ScriptDelete, s.Delete, ""},
	}
	var samples []Sample
	for _, st := range steps[:n] {
		r.Portal.Reset()
		begin := time.Now()
		if err := st.run(ctx, w); err != nil {
			return nil, fmt.Errorf("%s: %w", st.name, err)
		}
		sample := Sample{Wall: time.Since(begin), Requests: r.requests(), Traffic: r.Portal.Traffic()}
		if err := r.check(w, st.access); err != nil {
			return nil, fmt.Errorf("after %s: %w", st.name, err)
		}
		r.logf("  %-16s %-20s %7.2fs  %s\n", "script", st.name[:6], sample.Wall.Seconds(), describe(sample))
		samples = append(samples, sample)
	}
	if n < len(steps) {
		r.Portal.ClearLinks(w.Rooms)
	}
	return samples, nil
}

// check compares the emulator's links in the workload's rooms with what a
// step should leave: every link with the given access, or none at all.
func (r *Runner) check(w Workload, access string) error {
	got, wrong := 0, 0
	for _, room := range w.Rooms {
		for _, l := range r.Portal.Links(room) {
			if l.Primary {
				continue
			}
			got++
			if l.Access != scriptAccess[access] {
				wrong++
			}
		}
	}
	want := w.Links
	if access == "" {
		want = 0
	}
	if got != want || wrong > 0 {
		return fmt.Errorf("the emulator holds %d links (%d with access other than %q), want %d", got, wrong, access, want)
	}
	return nil
}

// treeCPU is the CPU time of a waited-for process and of the children it
// waited for (wait4 reports both together): Terraform and its providers.
func treeCPU(ps *os.ProcessState) time.Duration {
	if ps == nil {
		return 0
	}
	return ps.UserTime() + ps.SystemTime()
}

// requests reads the emulator's counters.
func (r *Runner) requests() Requests {
	p := r.Portal
	t := p.Traffic()
	q := Requests{
		GetRoom:  p.Requests("GET", "/api/2.0/files/rooms/{id}"),
		GetLinks: p.Requests("GET", "/api/2.0/files/rooms/{id}/links"),
		PutLinks: p.Requests("PUT", "/api/2.0/files/rooms/{id}/links"),
		Rejected: t.Rejected,
	}
	q.Other = t.Reads + t.Writes - q.GetRoom - q.GetLinks - q.PutLinks
	return q
}

func describe(s Sample) string {
	q := s.Requests
	msg := fmt.Sprintf("GET room %d, GET links %d, PUT %d", q.GetRoom, q.GetLinks, q.PutLinks)
	if q.Other > 0 {
		msg += fmt.Sprintf(", other %d", q.Other)
	}
	if q.Rejected > 0 {
		msg += fmt.Sprintf(", 429 %d", q.Rejected)
	}
	if s.Provider.Processes > 0 {
		msg += fmt.Sprintf("; provider CPU %.2fs, RSS %d MiB, %d processes", s.Provider.CPU.Seconds(), s.Provider.MaxRSSKiB/1024, s.Provider.Processes)
	}
	return msg
}

func (r *Runner) logf(format string, args ...any) {
	if r.Log != nil {
		fmt.Fprintf(r.Log, format, args...)
	}
}

// cleanEnv is this process's environment without settings that would change
// what Terraform or the provider does (logging, other portals, CLI config).
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "TF_") || strings.HasPrefix(k, "DOCSPACE_") || k == "CHECKPOINT_DISABLE" {
			continue
		}
		env = append(env, kv)
	}
	return env
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

// ErrNoTerraform is returned when no terraform binary is found.
var ErrNoTerraform = errors.New("terraform not found on PATH")
