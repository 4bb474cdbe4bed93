package provider

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// Two Terraform runs — two provider instances, two states — manage links of
// one room at the same time. Every configured link looks like every other
// (same kind, access and title), so only the id tells them apart. After
// every step of both runs, the room holds exactly the links the two states
// track, and no link is tracked twice.

// runLink is one configured link of a run.
type runLink struct {
	name         string
	denyDownload bool
	// importID is set for the one step that imports an existing link.
	importID string
	// movedFrom is set for the one step that renames the resource.
	movedFrom string
}

// runStep is one configuration of one run, and the faults its writes meet.
type runStep struct {
	links  []runLink
	faults []docspacetest.Fault
	// what says what changed, for the log.
	what string
}

// twoRunsTitle is the title of every link: the links look alike.
const twoRunsTitle = "Team link"

// modelTarget is what the runs' links belong to: a room or a file, with
// the emulator's view of its links.
type modelTarget struct {
	kind  *linkKind
	id    int
	links func() []docspacetest.Link
	set   func(docspacetest.Link) error // a link made outside Terraform
}

func roomModelTarget(srv *docspacetest.Server, room int) modelTarget {
	return modelTarget{kind: roomLinks, id: room, links: func() []docspacetest.Link { return srv.Links(room) },
		set: func(l docspacetest.Link) error { return srv.SetLink(room, l) }}
}

func fileModelTarget(srv *docspacetest.Server, file int) modelTarget {
	return modelTarget{kind: fileLinks, id: file, links: func() []docspacetest.Link { return srv.FileLinks(file) },
		set: func(l docspacetest.Link) error { return srv.SetFileLink(file, l) }}
}

func runConfig(providerBlock string, target modelTarget, links []runLink) string {
	var b strings.Builder
	b.WriteString(providerBlock)
	typ, parent := "docspace_"+target.kind.name, strconv.Itoa(target.id)
	for _, l := range links {
		fmt.Fprintf(&b, "resource %q %q {\n  %s = %q\n  access = \"read\"\n  title = %q\n  deny_download = %v\n}\n",
			typ, l.name, target.kind.parentAttr, parent, twoRunsTitle, l.denyDownload)
		if l.importID != "" {
			fmt.Fprintf(&b, "import {\n  to = %s.%s\n  id = \"%s/%s\"\n}\n", typ, l.name, parent, l.importID)
		}
		if l.movedFrom != "" {
			fmt.Fprintf(&b, "moved {\n  from = %s.%s\n  to = %s.%s\n}\n", typ, l.movedFrom, typ, l.name)
		}
	}
	return b.String()
}

// recoverableFaults are the faults the provider gets past within its
// retries on a portal that keeps ids: refusals before the write, answers
// lost after it, and a create still in flight after the client gave up.
var recoverableFaults = []docspacetest.Fault{
	docspacetest.FaultRateLimit, docspacetest.FaultServerError, docspacetest.FaultBadGateway, docspacetest.FaultUnavailable,
	docspacetest.FaultResetBefore, docspacetest.FaultResetAfter, docspacetest.FaultSlow, docspacetest.FaultTruncated,
	docspacetest.FaultEmptyBody, docspacetest.FaultLateApply,
}

// generateRun draws the steps of one run: adds, changes, removals, renames
// and imports, at most perRun links at a time, each step with up to two
// faults. Every run ends with an empty configuration.
func generateRun(rng *rand.Rand, run string, steps, perRun int) []runStep {
	var out []runStep
	var links []runLink
	next := 0
	newName := func() string {
		next++
		return fmt.Sprintf("%s_%d", run, next)
	}
	for range steps {
		cur := slices.Clone(links)
		for i := range cur {
			cur[i].importID, cur[i].movedFrom = "", ""
		}
		var what string
		switch op := rng.IntN(5); {
		case op == 0 && len(cur) < perRun, len(cur) == 0:
			cur = append(cur, runLink{name: newName()})
			what = "add " + cur[len(cur)-1].name
		case op == 1:
			i := rng.IntN(len(cur))
			cur[i].denyDownload = !cur[i].denyDownload
			what = "change " + cur[i].name
		case op == 2:
			i := rng.IntN(len(cur))
			what = "remove " + cur[i].name
			cur = slices.Delete(cur, i, i+1)
		case op == 3:
			i := rng.IntN(len(cur))
			cur[i].movedFrom, cur[i].name = cur[i].name, newName()
			what = "rename " + cur[i].movedFrom + " to " + cur[i].name
		case len(cur) < perRun:
			cur = append(cur, runLink{name: newName(), importID: uuid.NewString()})
			what = "import " + cur[len(cur)-1].name
		default:
			i := rng.IntN(len(cur))
			what = "remove " + cur[i].name
			cur = slices.Delete(cur, i, i+1)
		}
		var faults []docspacetest.Fault
		for range rng.IntN(3) {
			faults = append(faults, recoverableFaults[rng.IntN(len(recoverableFaults))])
		}
		out = append(out, runStep{links: cur, faults: faults, what: what})
		links = cur
	}
	return append(out, runStep{what: "remove all"})
}

// barrier lets runs wait for each other between steps. A run that ends
// early breaks it, so the others fail instead of waiting for good.
type barrier struct {
	mu      sync.Mutex
	cond    *sync.Cond
	parties int
	waiting int
	round   int
	broken  bool
}

func newBarrier(parties int) *barrier {
	b := &barrier{parties: parties}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *barrier) wait() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.broken {
		return errors.New("another run stopped")
	}
	round := b.round
	b.waiting++
	if b.waiting == b.parties {
		b.waiting, b.round = 0, b.round+1
		b.cond.Broadcast()
		return nil
	}
	for round == b.round && !b.broken {
		b.cond.Wait()
	}
	if round == b.round {
		return errors.New("another run stopped")
	}
	return nil
}

func (b *barrier) breakAll() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.broken = true
	b.cond.Broadcast()
}

// sharedStates holds what each run's state tracks after its last step.
type sharedStates struct {
	mu     sync.Mutex
	target modelTarget
	byRun  map[string]map[string]string // run -> link id -> address
}

func (s *sharedStates) record(run string, st *terraform.State) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := map[string]string{}
	for addr, rs := range st.RootModule().Resources {
		if rs.Type == "docspace_"+s.target.kind.name {
			if prev, dup := ids[rs.Primary.ID]; dup {
				ids[rs.Primary.ID] = prev + " and " + addr
				continue
			}
			ids[rs.Primary.ID] = addr
		}
	}
	s.byRun[run] = ids
}

// check compares the room or file with the union of the states.
func (s *sharedStates) check() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var problems []string
	tracked := map[string]string{}
	for run, ids := range s.byRun {
		for id, addr := range ids {
			if strings.Contains(addr, " and ") {
				problems = append(problems, fmt.Sprintf("run %s tracks link %s twice: %s", run, id, addr))
			}
			if other, ok := tracked[id]; ok {
				problems = append(problems, fmt.Sprintf("link %s is tracked by run %s (%s) and by %s", id, run, addr, other))
			}
			tracked[id] = "run " + run + " (" + addr + ")"
		}
	}
	held := map[string]bool{}
	for _, l := range s.target.links() {
		if l.Primary {
			continue
		}
		held[l.ID] = true
		if _, ok := tracked[l.ID]; !ok {
			problems = append(problems, fmt.Sprintf("the room holds link %s (%q) that no state tracks", l.ID, l.Title))
		}
	}
	for id, who := range tracked {
		if !held[id] {
			problems = append(problems, fmt.Sprintf("%s tracks link %s, which the room does not hold", who, id))
		}
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		return fmt.Errorf("the room does not hold exactly the links of the two states:\n  %s", strings.Join(problems, "\n  "))
	}
	return nil
}

// runTwoStates applies the steps of each run with its own provider and
// state, all runs at once against one room, and checks the room against
// the union of the states after every step.
func runTwoStates(t *testing.T, srv *docspacetest.Server, target modelTarget, runs map[string][]runStep) {
	t.Helper()
	providerBlock := fmt.Sprintf("provider \"docspace\" {\n  host = %q\n  token = %q\n  max_retries = 12\n  request_timeout = \"1s\"\n}\n",
		srv.URL, docspacetest.DefaultToken)
	// A create in flight lands 1.5 s after it was sent: after the client
	// gave up (1 s), before it looks again (2 s).
	srv.SetFaultDelay(1500 * time.Millisecond)
	states := &sharedStates{target: target, byRun: map[string]map[string]string{}}
	together := newBarrier(len(runs))
	var faultsMu sync.Mutex
	t.Run("runs", func(t *testing.T) {
		for name, steps := range runs {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				t.Cleanup(func() {
					if t.Failed() {
						together.breakAll()
					}
				})
				var tsteps []resource.TestStep
				for i, step := range steps {
					tsteps = append(tsteps, resource.TestStep{
						PreConfig: func() {
							t.Logf("run %s step %d: %s; faults %v", name, i+1, step.what, step.faults)
							for _, l := range step.links {
								if l.importID != "" {
									if err := target.set(docspacetest.Link{ID: l.importID, LinkType: 1, Access: 2, Title: twoRunsTitle,
										DenyDownload: l.denyDownload}); err != nil {
										t.Fatalf("making the link to import: %v", err)
									}
									states.mu.Lock()
									// Made outside Terraform for this run to import.
									states.byRun[name+" (to import)"] = map[string]string{l.importID: l.name}
									states.mu.Unlock()
								}
							}
							faultsMu.Lock()
							srv.FailNextOn(http.MethodPut, step.faults...)
							faultsMu.Unlock()
						},
						Config: runConfig(providerBlock, target, step.links),
						Check: func(st *terraform.State) error {
							states.mu.Lock()
							delete(states.byRun, name+" (to import)")
							states.mu.Unlock()
							states.record(name, st)
							if err := together.wait(); err != nil {
								return err
							}
							err := states.check()
							if err2 := together.wait(); err == nil {
								err = err2
							}
							return err
						},
					})
				}
				resource.Test(t, resource.TestCase{
					ProtoV6ProviderFactories: providersWithClient(fastRetries),
					Steps:                    tsteps,
				})
			})
		}
	})
	srv.StopFaults()
	if links := target.links(); len(links) > 0 {
		var left []string
		for _, l := range links {
			if !l.Primary {
				left = append(left, l.ID)
			}
		}
		if len(left) > 0 {
			t.Errorf("after both runs destroyed their links, %s %d holds %v", target.kind.target.Noun(), target.id, left)
		}
	}
}

// TestAccTwoRunsOneRoom: two runs create identical-looking links in one room
// (and, the same way, on one file) at the same time. One create meets a
// DocSpace error before it took effect and then loses its answer after it
// did; another is still on its way when the client gives up, and lands
// later. Each run ends with its own links, and the room or file holds
// exactly the links of the two states.
//
// The two-runs tests are not parallel: each holds a test slot while its two
// runs need two more at once, which `go test` on two cores (-parallel 2)
// does not have for two of them; they run one after the other, first.
func TestAccTwoRunsOneRoom(t *testing.T) {
	for _, onFile := range []bool{false, true} {
		t.Run(map[bool]string{false: "room", true: "file"}[onFile], func(t *testing.T) {
			srv, _ := newEmulator(t)
			room := srv.CreateRoom("two runs", docspacetest.RoomCustom).ID
			target := roomModelTarget(srv, room)
			if onFile {
				target = fileModelTarget(srv, srv.CreateFile(room, "Shared.docx").ID)
			}
			a1, a2 := runLink{name: "a_1"}, runLink{name: "a_2"}
			b1, b2, b3 := runLink{name: "b_1"}, runLink{name: "b_2"}, runLink{name: "b_3"}
			runTwoStates(t, srv, target, map[string][]runStep{
				"a": {
					{what: "nothing yet"},
					{links: []runLink{a1}, faults: []docspacetest.Fault{docspacetest.FaultServerError, docspacetest.FaultResetAfter}, what: "add a_1"},
					{links: []runLink{a1, a2}, faults: []docspacetest.Fault{docspacetest.FaultLateApply}, what: "add a_2"},
					{what: "remove all"},
				},
				"b": {
					{links: []runLink{b1}, what: "add b_1"},
					{links: []runLink{b1, b2}, what: "add b_2"},
					{links: []runLink{b1, b2, b3}, what: "add b_3"},
					{what: "remove all"},
				},
			})
		})
	}
}

// TestAccTwoRunsModel draws random sequences of configuration changes
// (add, change, remove, rename, import) and faults for two runs that share
// a room, every link alike, and applies them at once. DOCSPACE_MODEL_SEED
// replays a seed; DOCSPACE_MODEL_STEPS and DOCSPACE_MODEL_ROUNDS make a
// longer run (README, Development).
func TestAccTwoRunsModel(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("DOCSPACE_MODEL_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("DOCSPACE_MODEL_SEED=%q: %v", s, err)
		}
		seed = v
	}
	steps, rounds := envInt(t, "DOCSPACE_MODEL_STEPS", 5), envInt(t, "DOCSPACE_MODEL_ROUNDS", 1)
	for round := range rounds {
		seed := seed + uint64(round)
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			t.Logf("model seed %d (replay with DOCSPACE_MODEL_SEED=%d)", seed, seed)
			rng := rand.New(rand.NewPCG(seed, seed^0x5bd1e995)) //nolint:gosec // reproducible test sequences
			srv, _ := newEmulator(t)
			room := srv.CreateRoom("model", docspacetest.RoomCustom).ID
			// Two runs of at most two links each fit the room's five, and
			// a file's six; even seeds share a room, odd ones a file in it.
			target := roomModelTarget(srv, room)
			if seed%2 == 1 {
				target = fileModelTarget(srv, srv.CreateFile(room, "Model.docx").ID)
			}
			t.Logf("the runs share %s %d", target.kind.target.Noun(), target.id)
			runTwoStates(t, srv, target, map[string][]runStep{
				"a": generateRun(rng, "a", steps, 2),
				"b": generateRun(rng, "b", steps, 2),
			})
		})
	}
}

func envInt(t *testing.T, name string, fallback int) int {
	t.Helper()
	s := os.Getenv(name)
	if s == "" {
		return fallback
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a positive number", name, s)
	}
	return n
}

// TestAccLookAlikeNeverTaken: the room holds a link made outside this
// configuration with the same kind, access and title and another expiry.
// A create meets DocSpace errors before it took effect: it never takes
// that link for its own, nor deletes it as one DocSpace stored differently.
// After every step the room holds that link and the configured one.
func TestAccLookAlikeNeverTaken(t *testing.T) {
	t.Parallel()
	srv, providerBlock := newEmulator(t)
	room := srv.CreateRoom("look-alike", docspacetest.RoomCustom).ID
	other := docspacetest.Link{ID: "0be1a11e-0000-4000-8000-000000000004", LinkType: 1, Access: 2, Title: twoRunsTitle}
	if err := srv.SetLink(room, other); err != nil {
		t.Fatal(err)
	}
	config := providerBlock + fmt.Sprintf("resource \"docspace_room_link\" \"mine\" {\n  room_id = \"%d\"\n  access = \"read\"\n  title = %q\n  expiration_date = %q\n}\n",
		room, twoRunsTitle, futureDate(30*24*time.Hour))
	roomHoldsBoth := func(st *terraform.State) error {
		mine := st.RootModule().Resources["docspace_room_link.mine"].Primary.ID
		if strings.EqualFold(mine, other.ID) {
			return fmt.Errorf("the state took the other link %s for its own", other.ID)
		}
		var ids []string
		for _, l := range srv.Links(room) {
			ids = append(ids, l.ID)
		}
		slices.Sort(ids)
		want := []string{other.ID, mine}
		slices.Sort(want)
		if !slices.Equal(ids, want) {
			return fmt.Errorf("the room holds %v, want the other link and the configured one %v", ids, want)
		}
		return nil
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: providersWithClient(fastRetries),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					srv.FailNextOn(http.MethodPut, docspacetest.FaultServerError, docspacetest.FaultUnavailable, docspacetest.FaultResetBefore)
				},
				Config: config,
				Check:  roomHoldsBoth,
			},
			{
				Config: providerBlock,
				Check: func(*terraform.State) error {
					if links := srv.Links(room); len(links) != 1 || links[0].ID != other.ID {
						return fmt.Errorf("after removing the configured link the room holds %d links, want only the other one", len(links))
					}
					return nil
				},
			},
		},
	})
}
