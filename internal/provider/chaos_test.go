package provider

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// providersWithClient serves a provider whose client configuration a test
// adjusts, e.g. to wait milliseconds between retries instead of seconds.
func providersWithClient(adjust func(*docspace.Config)) map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"docspace": providerserver.NewProtocol6WithError(&docspaceProvider{version: "test", now: time.Now, clientConfig: adjust}),
	}
}

// fastRetries keeps retries in tests to milliseconds.
func fastRetries(c *docspace.Config) {
	c.RetryWaitMin, c.RetryWaitMax = time.Millisecond, 10*time.Millisecond
}

// chaosLink is one configured link of the chaos test.
type chaosLink struct {
	address, room string
	kind          docspace.LinkType
	access        string
	title         string
	password      string
	expiration    *time.Time
	denyDownload  bool
	internal      bool
	maxUseCount   int
}

// chaosLinks is the configuration of one step: in each room, five external
// links and one invitation link, the most a room takes (API.md §4.6). Version 2
// changes every attribute of every link.
func chaosLinks(rooms []docspacetest.Room, version int, expiries [2]time.Time) []chaosLink {
	external := []string{"read", "editing", "review", "comment", "fill_forms"}
	var links []chaosLink
	for r, room := range rooms {
		roomID := strconv.Itoa(room.ID)
		for i := range 5 {
			l := chaosLink{
				address:      fmt.Sprintf("docspace_room_link.r%d_e%d", r, i),
				room:         roomID,
				kind:         docspace.LinkTypeExternal,
				access:       external[(i+version)%len(external)],
				title:        fmt.Sprintf("Chaos room %d link %d v%d", r, i, version),
				denyDownload: (i+version)%2 == 0,
				internal:     room.Type == docspacetest.RoomCustom && (i+version)%3 == 0,
			}
			if (i+version)%2 == 1 {
				l.password = fmt.Sprintf("Chaos-%d-%d-v%d!", r, i, version)
			}
			if (i+version)%3 != 1 {
				l.expiration = &expiries[(i+version)%2]
			}
			links = append(links, l)
		}
		invitation := chaosLink{
			address:     fmt.Sprintf("docspace_room_link.r%d_inv", r),
			room:        roomID,
			kind:        docspace.LinkTypeInvitation,
			access:      "read",
			title:       fmt.Sprintf("Chaos room %d invitation v%d", r, version),
			maxUseCount: 10*version + r,
		}
		if version == 2 {
			invitation.access = "content_creator"
			invitation.expiration = &expiries[1]
		}
		links = append(links, invitation)
	}
	return links
}

func chaosConfig(providerBlock string, links []chaosLink) string {
	var b strings.Builder
	b.WriteString(providerBlock)
	for _, l := range links {
		fmt.Fprintf(&b, "resource \"docspace_room_link\" %q {\n  room_id = %q\n  link_type = %q\n  access = %q\n  title = %q\n",
			strings.TrimPrefix(l.address, "docspace_room_link."), l.room, l.kind.Name(), l.access, l.title)
		if l.expiration != nil {
			fmt.Fprintf(&b, "  expiration_date = %q\n", l.expiration.Format(time.RFC3339))
		}
		if l.kind == docspace.LinkTypeExternal {
			fmt.Fprintf(&b, "  deny_download = %v\n  internal = %v\n", l.denyDownload, l.internal)
			if l.password != "" {
				fmt.Fprintf(&b, "  password = %q\n", l.password)
			}
		} else {
			fmt.Fprintf(&b, "  max_use_count = %d\n", l.maxUseCount)
		}
		b.WriteString("}\n")
	}
	return b.String()
}

// checkChaosState compares the emulator with the configuration: exactly the
// configured links, no other, each with every attribute as configured, and
// the state pointing at them.
func checkChaosState(srv *docspacetest.Server, rooms []docspacetest.Room, primaries map[int]string, want []chaosLink) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		var problems []string
		stateIDs := map[string]string{} // link id -> address
		for _, l := range want {
			rs, ok := s.RootModule().Resources[l.address]
			if !ok {
				problems = append(problems, l.address+" is not in the state")
				continue
			}
			stateIDs[rs.Primary.ID] = l.address
			roomID, _ := strconv.Atoi(l.room)
			got, found := srv.Link(roomID, rs.Primary.ID)
			if !found {
				problems = append(problems, fmt.Sprintf("%s: link %s is not in room %s", l.address, rs.Primary.ID, l.room))
				continue
			}
			access, _ := docspace.ParseAccess(l.access)
			expiryOK := (l.expiration == nil && got.Expiration == nil) ||
				(l.expiration != nil && got.Expiration != nil && got.Expiration.Equal(*l.expiration))
			useCount := l.kind == docspace.LinkTypeExternal && got.MaxUseCount == nil ||
				l.kind == docspace.LinkTypeInvitation && got.MaxUseCount != nil && *got.MaxUseCount == l.maxUseCount
			if got.Access != int(access) || got.LinkType != int(l.kind) || got.Primary || got.Title != l.title || got.Password != l.password ||
				got.DenyDownload != l.denyDownload || got.Internal != l.internal || !expiryOK || !useCount {
				problems = append(problems, fmt.Sprintf("%s: the portal holds access %d, type %d, title %q, password set %v (want %v), "+
					"deny_download %v, internal %v, expiry ok %v, use count ok %v", l.address, got.Access, got.LinkType, got.Title,
					got.Password != "", l.password != "", got.DenyDownload, got.Internal, expiryOK, useCount))
			}
			if rs.Primary.Attributes["title"] != l.title || rs.Primary.Attributes["access"] != l.access {
				problems = append(problems, l.address+": the state does not hold the configuration")
			}
		}
		if len(stateIDs) != len(want) {
			problems = append(problems, fmt.Sprintf("%d distinct link ids in the state for %d resources", len(stateIDs), len(want)))
		}
		total := 0
		for _, room := range rooms {
			for _, l := range srv.Links(room.ID) {
				if l.Primary {
					if l.ID != primaries[room.ID] {
						problems = append(problems, fmt.Sprintf("room %d: the primary link was replaced", room.ID))
					}
					continue
				}
				total++
				if _, ok := stateIDs[l.ID]; !ok {
					problems = append(problems, fmt.Sprintf("room %d holds link %s (%q) that no resource manages", room.ID, l.ID, l.Title))
				}
			}
		}
		if total != len(want) {
			problems = append(problems, fmt.Sprintf("the rooms hold %d links, want %d", total, len(want)))
		}
		if len(problems) > 0 {
			return fmt.Errorf("the portal does not match the configuration:\n  %s", strings.Join(problems, "\n  "))
		}
		return nil
	}
}

// TestAccChaos applies 30 links over five rooms while a quarter of all
// requests fail — rate limits, server and proxy errors, proxies answering
// 404, connections reset before and after the write, answers too slow, cut
// short or empty — then updates all 30 and destroys them under the same
// faults. After each step the portal holds exactly the configured links, and
// the next plan is empty. Creates are never sent again blindly, so every
// fault after a create's write is settled by a look at the room.
func TestAccChaos(t *testing.T) { runChaos(t, false) }

// TestAccChaos_ignoredLinkIDs is TestAccChaos on a portal that ignores the
// link id a create sends: lost answers must still not
// leave a second link.
func TestAccChaos_ignoredLinkIDs(t *testing.T) { runChaos(t, true) }

// chaosMix is the random part of the chaos: every kind of fault, a proxy's
// 404 at a quarter of the weight of the others. The client tries a proxy's
// 404 twice more and then takes it for a wrong host, by design; at equal
// weight, three of them in a row on one request would end about one run in
// fifty, at a quarter about one in two thousand.
func chaosMix() []docspacetest.Fault {
	var mix []docspacetest.Fault
	for _, f := range docspacetest.AllFaults() {
		weight := 4
		if f == docspacetest.FaultProxyNotFound || f == docspacetest.FaultProxyNotFoundPage {
			weight = 1
		}
		for range weight {
			mix = append(mix, f)
		}
	}
	return mix
}

func runChaos(t *testing.T, ignoreLinkIDs bool) {
	srv, _ := newEmulator(t)
	srv.SetIgnoreLinkIDs(ignoreLinkIDs)
	var rooms []docspacetest.Room
	primaries := map[int]string{}
	for i, kind := range []docspacetest.RoomType{docspacetest.RoomCustom, docspacetest.RoomPublic, docspacetest.RoomCustom, docspacetest.RoomPublic, docspacetest.RoomCustom} {
		room := srv.CreateRoom(fmt.Sprintf("chaos %d", i), kind)
		rooms = append(rooms, room)
		for _, l := range srv.Links(room.ID) {
			primaries[room.ID] = l.ID
		}
	}
	now := time.Now().UTC().Truncate(time.Second)
	expiries := [2]time.Time{now.Add(30 * 24 * time.Hour), now.Add(90 * 24 * time.Hour)}
	v1, v2 := chaosLinks(rooms, 1, expiries), chaosLinks(rooms, 2, expiries)
	if len(v1) != 30 {
		t.Fatalf("%d links configured, want 30", len(v1))
	}
	providerBlock := fmt.Sprintf("provider \"docspace\" {\n  host = %q\n  token = %q\n  max_retries = 12\n  request_timeout = \"1s\"\n}\n",
		srv.URL, docspacetest.DefaultToken)
	updates := make([]plancheck.PlanCheck, 0, len(v2))
	for _, l := range v2 {
		updates = append(updates, plancheck.ExpectResourceAction(l.address, plancheck.ResourceActionUpdate))
	}

	// Every kind of fault meets at least one create, whatever order the
	// requests arrive in; then a quarter of all requests fail at random.
	if ignoreLinkIDs {
		// Where ids are ignored, a look-alike is taken for a create whose
		// answer was lost only once the run has seen an answer with another
		// id (API.md §10.12): the first writes, one per write slot, pass.
		for range docspace.DefaultMaxConcurrentWrites {
			srv.FailNextOn(http.MethodPut, docspacetest.FaultNone)
		}
	}
	srv.FailNextOn(http.MethodPut, docspacetest.AllFaults()...)
	mix := docspacetest.FaultMix{Rate: 0.25, Seed: 20261127, Faults: chaosMix()}
	if ignoreLinkIDs {
		mix.SlowDelay = time.Second // slow, within the longer timeout below
	}
	srv.InjectFaults(mix)
	resource.ParallelTest(t, resource.TestCase{
		// An answer held back costs the request timeout: half a second here.
		ProtoV6ProviderFactories: providersWithClient(func(c *docspace.Config) {
			fastRetries(c)
			c.RequestTimeout = 500 * time.Millisecond
			if ignoreLinkIDs {
				// Where ids are ignored, a create that timed out before
				// DocSpace saw it cannot be sent again, and ends tainted:
				// no busy test machine may pass for a lost answer.
				c.RequestTimeout = 3 * time.Second
			}
		}),
		CheckDestroy: func(*terraform.State) error {
			for _, room := range rooms {
				for _, l := range srv.Links(room.ID) {
					if !l.Primary || l.ID != primaries[room.ID] {
						return fmt.Errorf("room %d still holds link %s (%q, primary %v)", room.ID, l.ID, l.Title, l.Primary)
					}
				}
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: chaosConfig(providerBlock, v1),
				Check:  checkChaosState(srv, rooms, primaries, v1),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				Config: chaosConfig(providerBlock, v2),
				Check:  checkChaosState(srv, rooms, primaries, v2),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             updates,
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
	srv.StopFaults()

	counts := srv.FaultCounts()
	var report []string
	total := 0
	for _, f := range docspacetest.AllFaults() {
		report = append(report, fmt.Sprintf("%s: %d", f, counts[f]))
		total += counts[f]
		if counts[f] == 0 {
			t.Errorf("no %q fault was injected", f)
		}
	}
	puts := srv.Requests(http.MethodPut, "/api/2.0/files/rooms/{id}/links")
	t.Logf("chaos: %d requests, %d faults (%s); %d link writes, %d applied although the answer was lost",
		srv.Requests("", "/api/2.0/files/rooms/{id}/links")+srv.Requests("", "/api/2.0/files/rooms/{id}"), total,
		strings.Join(report, ", "), puts, srv.AppliedDespiteFault(http.MethodPut))
	if srv.AppliedDespiteFault(http.MethodPut) == 0 {
		t.Error("no write had its answer lost: the test proves nothing about convergence")
	}
}

// TestAccTokenExpiresMidRun: the token expires in the middle of an apply.
// The apply fails with one clear message naming the portal; no 401 is
// retried and, once one arrives, no further request is sent. With a valid
// token the next apply completes the configuration without duplicates.
func TestAccTokenExpiresMidRun(t *testing.T) {
	srv, providerBlock := newEmulator(t)
	rooms := []docspacetest.Room{srv.CreateRoom("expiry 0", docspacetest.RoomCustom), srv.CreateRoom("expiry 1", docspacetest.RoomCustom)}
	var b strings.Builder
	b.WriteString(providerBlock)
	for r, room := range rooms {
		for i := range 5 {
			fmt.Fprintf(&b, "resource \"docspace_room_link\" \"r%d_%d\" {\n  room_id = \"%d\"\n  access = \"read\"\n  title = \"expiry %d %d\"\n}\n", r, i, room.ID, r, i)
		}
	}
	config := b.String()
	var putsBefore int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providersWithClient(fastRetries),
		CheckDestroy: func(*terraform.State) error {
			for _, room := range rooms {
				if n := len(srv.Links(room.ID)); n != 0 {
					return fmt.Errorf("room %d holds %d links", room.ID, n)
				}
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					// Enough for the plans' room lookups and a few writes.
					srv.ExpireTokenAfter(docspacetest.DefaultToken, 7)
					putsBefore = srv.Requests(http.MethodPut, "/api/2.0/files/rooms/{id}/links")
				},
				Config:      config,
				ExpectError: expectError("DocSpace rejected the token for " + srv.URL),
			},
			{
				PreConfig: func() {
					rejected := srv.StatusCount(http.StatusUnauthorized)
					// At most the writes in flight when the first 401 arrived
					// meet one; after it no request is sent.
					// (writes are bounded by the client, reads by one per room).
					if inFlight := docspace.DefaultMaxConcurrentWrites + len(rooms); rejected == 0 || rejected > inFlight {
						t.Errorf("%d requests were rejected with 401, want 1 to %d: a 401 must neither be retried nor followed by new requests",
							rejected, inFlight)
					}
					// Each link was written at most once: nothing was retried.
					if n := srv.Requests(http.MethodPut, "/api/2.0/files/rooms/{id}/links") - putsBefore; n > 10 {
						t.Errorf("%d writes were sent for 10 links: a rejected write was retried", n)
					}
					t.Logf("token expiry: %d requests rejected with 401, %d writes sent", rejected,
						srv.Requests(http.MethodPut, "/api/2.0/files/rooms/{id}/links")-putsBefore)
					srv.AddToken(docspacetest.DefaultToken)
				},
				Config: config,
				Check: func(*terraform.State) error {
					for _, room := range rooms {
						if n := len(srv.Links(room.ID)); n != 5 {
							return fmt.Errorf("room %d holds %d links, want 5", room.ID, n)
						}
					}
					return nil
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// TestAccChaos_fileLinks is TestAccChaos for the links of files: three
// files with four links each are created and then all updated while a
// quarter of the requests fail at random, with every kind of fault. After
// each step every file holds exactly the links of the state, each as
// configured, and the next plan is empty; destroy leaves no link.
func TestAccChaos_fileLinks(t *testing.T) {
	srv, _ := newEmulator(t)
	room := srv.CreateRoom("chaos files", docspacetest.RoomCustom)
	var files []int
	for i := range 3 {
		files = append(files, srv.CreateFile(room.ID, fmt.Sprintf("Chaos %d.docx", i)).ID)
	}
	providerBlock := fmt.Sprintf("provider \"docspace\" {\n  host = %q\n  token = %q\n  max_retries = 12\n  request_timeout = \"1s\"\n}\n",
		srv.URL, docspacetest.DefaultToken)
	config := func(access string) string {
		var b strings.Builder
		b.WriteString(providerBlock)
		for f, id := range files {
			for i := range 4 {
				fmt.Fprintf(&b, "resource \"docspace_file_link\" \"f%d_%d\" {\n  file_id = \"%d\"\n  access = %q\n  title = \"Chaos %d\"\n}\n",
					f, i, id, access, i)
			}
		}
		return b.String()
	}
	check := func(access docspace.Access) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			tracked := map[string]bool{}
			for _, rs := range s.RootModule().Resources {
				if rs.Type == "docspace_file_link" {
					tracked[rs.Primary.ID] = true
				}
			}
			held := 0
			for _, id := range files {
				for _, l := range srv.FileLinks(id) {
					held++
					if !tracked[l.ID] {
						return fmt.Errorf("file %d holds link %s (%q) that the state does not track", id, l.ID, l.Title)
					}
					if docspace.Access(l.Access) != access {
						return fmt.Errorf("file %d: link %s has access %d, want %s", id, l.ID, l.Access, access.Name())
					}
				}
			}
			if held != len(tracked) || held != 12 {
				return fmt.Errorf("the files hold %d links, the state tracks %d, 12 are configured", held, len(tracked))
			}
			return nil
		}
	}
	srv.FailNextOn(http.MethodPut, docspacetest.AllFaults()...)
	srv.InjectFaults(docspacetest.FaultMix{Rate: 0.25, Seed: 20261208, Faults: chaosMix()})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providersWithClient(func(c *docspace.Config) {
			fastRetries(c)
			c.RequestTimeout = 500 * time.Millisecond
		}),
		CheckDestroy: func(*terraform.State) error {
			for _, id := range files {
				if links := srv.FileLinks(id); len(links) > 0 {
					return fmt.Errorf("file %d still holds %d links", id, len(links))
				}
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config:           config("read"),
				Check:            check(docspace.AccessRead),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				Config:           config("comment"),
				Check:            check(docspace.AccessComment),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
	srv.StopFaults()
	if srv.AppliedDespiteFault(http.MethodPut) == 0 {
		t.Error("no write had its answer lost: the test proves nothing about convergence")
	}
}
