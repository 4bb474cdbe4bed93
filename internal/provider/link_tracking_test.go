package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// The tests of this file prove the provider's promise: the state says
// exactly what the portal holds. After every step they compare the links
// on the emulator with the links in the state: no orphan, no duplicate,
// nothing forgotten.

// proxyMode is how the proxy in front of the emulator answers.
type proxyMode int32

const (
	proxyPass          proxyMode = iota
	proxyEmptyNotFound           // every request: 404 without a body
	proxyHTMLNotFound            // every request: 404 with an HTML page
	proxyLoginPage               // every request: 200 with a sign-in page
	proxyLinksNotFound           // …/links: DocSpace's own "Item not found", the room itself answers
	proxyPutNotFound             // PUT: 404 without a body
	proxyAsMember                // every request with the token of a member who cannot manage links
	proxyNewLinkID               // PUT: the body's linkId replaced by a fresh one, as a confused proxy might
)

// memberToken belongs to a member of every room who is not a room manager.
const memberToken = "member-token"

// newProxy puts an HTTP handler in front of an emulator, as a reverse proxy
// or an ingress would be, and returns its address and a switch of its mode.
// It is a handler of its own rather than a mode of the emulator's router, so
// that it can answer like things that are not DocSpace.
func newProxy(t *testing.T, srv *docspacetest.Server) (string, *atomic.Int32) {
	t.Helper()
	target, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	upstream := httputil.NewSingleHostReverseProxy(target)
	var mode atomic.Int32
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch proxyMode(mode.Load()) {
		case proxyEmptyNotFound:
			w.WriteHeader(http.StatusNotFound)
			return
		case proxyHTMLNotFound:
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, "<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>")
			return
		case proxyLoginPage:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action=\"/login\"></form></body></html>")
			return
		case proxyLinksNotFound:
			if strings.HasSuffix(r.URL.Path, "/links") {
				w.Header().Set("Content-Type", "application/json; charset=utf-8")
				w.WriteHeader(http.StatusNotFound)
				fmt.Fprint(w, `{"error":{"message":"Item not found","type":"ASC.Common.Web.ItemNotFoundException","stack":null,"hresult":-2146233088},"status":1,"statusCode":404}`)
				return
			}
		case proxyPutNotFound:
			if r.Method == http.MethodPut {
				w.WriteHeader(http.StatusNotFound)
				return
			}
		case proxyAsMember:
			r.Header.Set("Authorization", "Bearer "+memberToken)
		case proxyNewLinkID:
			if r.Method == http.MethodPut {
				data, _ := io.ReadAll(r.Body)
				var body map[string]any
				// Deletes (access 0) pass unchanged, so what it made can go.
				if json.Unmarshal(data, &body) == nil && body["access"] != float64(0) {
					body["linkId"] = uuid.NewString()
					data, _ = json.Marshal(body)
				}
				r.Body = io.NopCloser(bytes.NewReader(data))
				r.ContentLength = int64(len(data))
			}
		}
		upstream.ServeHTTP(w, r)
	}))
	t.Cleanup(proxy.Close)
	return proxy.URL, &mode
}

// stateMatchesPortal compares the links of the rooms with the
// docspace_room_link resources in the state: the same ids, as many on the
// portal as in the state. Primary links are the rooms' own and not counted.
func stateMatchesPortal(srv *docspacetest.Server, rooms ...int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		var inState, onPortal []string
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "docspace_room_link" {
				continue
			}
			room, _ := strconv.Atoi(rs.Primary.Attributes["room_id"])
			if slices.Contains(rooms, room) {
				inState = append(inState, rs.Primary.ID)
			}
		}
		for _, room := range rooms {
			for _, l := range srv.Links(room) {
				if !l.Primary {
					onPortal = append(onPortal, l.ID)
				}
			}
		}
		slices.Sort(inState)
		slices.Sort(onPortal)
		if !slices.Equal(inState, onPortal) {
			return fmt.Errorf("the state holds links %v, the portal %v", inState, onPortal)
		}
		return nil
	}
}

// noLinksLeftIn is a CheckDestroy: the rooms hold no link but their primary
// links.
func noLinksLeftIn(srv *docspacetest.Server, rooms ...int) func(*terraform.State) error {
	return func(*terraform.State) error {
		for _, room := range rooms {
			for _, l := range srv.Links(room) {
				if !l.Primary {
					return fmt.Errorf("room %d still holds link %s (%q)", room, l.ID, l.Title)
				}
			}
		}
		return nil
	}
}

// portalHolds fails the test unless the room holds n links besides its
// primary link; for PreConfig, after a step whose apply failed.
func portalHolds(t *testing.T, srv *docspacetest.Server, room, n int) {
	t.Helper()
	got := 0
	for _, l := range srv.Links(room) {
		if !l.Primary {
			got++
		}
	}
	if got != n {
		t.Errorf("room %d holds %d links, want %d", room, got, n)
	}
}

func trackingProvider(host string, extra string) string {
	return fmt.Sprintf("provider \"docspace\" {\n  host  = %q\n  token = %q\n%s}\n", host, docspacetest.DefaultToken, extra)
}

func twoLinks(roomID int) string {
	return fmt.Sprintf(`
resource "docspace_room_link" "a" {
  room_id = "%[1]d"
  access  = "read"
  title   = "Tracked A"
}

resource "docspace_room_link" "b" {
  room_id = "%[1]d"
  access  = "editing"
  title   = "Tracked B"
}
`, roomID)
}

// TestAccLinkTracking_foreignAnswers: only DocSpace's own
// "not found", confirmed by the room itself, removes a link from the state.
// A proxy's empty or HTML 404, a login page, or a links endpoint that says
// "not found" while the room exists, are errors naming the host, and the
// state keeps every link; a failed delete keeps it too. A host with an API
// path reaches the same portal.
func TestAccLinkTracking_foreignAnswers(t *testing.T) {
	srv, _ := newEmulator(t)
	room := srv.CreateRoom("tracking proxy", docspacetest.RoomCustom).ID
	proxyURL, mode := newProxy(t, srv)
	config := trackingProvider(proxyURL, "  max_retries = 1\n") + twoLinks(room)
	notDocSpace := expectError("did not come from DocSpace's API at " + proxyURL)
	setMode := func(m proxyMode) func() {
		return func() {
			mode.Store(int32(m))
			portalHolds(t, srv, room, 2)
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providersWithClient(fastRetries),
		CheckDestroy:             noLinksLeftIn(srv, room),
		Steps: []resource.TestStep{
			{Config: config, Check: stateMatchesPortal(srv, room)},
			{PreConfig: setMode(proxyEmptyNotFound), RefreshState: true, ExpectError: notDocSpace},
			{PreConfig: setMode(proxyHTMLNotFound), RefreshState: true, ExpectError: notDocSpace},
			{PreConfig: setMode(proxyLoginPage), RefreshState: true, ExpectError: notDocSpace},
			{PreConfig: setMode(proxyLinksNotFound), RefreshState: true, ExpectError: expectError("yet the room itself exists")},
			{
				// Every refresh above kept both links: nothing to create.
				PreConfig: setMode(proxyPass),
				Config:    config,
				Check:     stateMatchesPortal(srv, room),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				// A host with the API path reaches the same portal.
				Config: trackingProvider(proxyURL+"/api/2.0", "  max_retries = 1\n") + twoLinks(room),
				Check:  stateMatchesPortal(srv, room),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				// A delete answered by a proxy's 404 did not happen.
				PreConfig:   setMode(proxyPutNotFound),
				Config:      config,
				Destroy:     true,
				ExpectError: notDocSpace,
			},
			{
				PreConfig: setMode(proxyPass),
				Config:    config,
				Check:     stateMatchesPortal(srv, room),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// TestAccLinkTracking_noLinkRights: a token whose user
// cannot manage a room's links gets "200 []" from the listing (API.md §7.3).
// Refresh fails naming the room and keeps every link, and the adopted
// primary link, in a Public room (which always has its primary link) and in
// a Custom room (whose details carry no share settings for such a user);
// with the right token again, nothing is planned.
func TestAccLinkTracking_noLinkRights(t *testing.T) {
	srv, _ := newEmulator(t)
	srv.SetMemberToken(memberToken)
	custom := srv.CreateRoom("tracking rights custom", docspacetest.RoomCustom).ID
	public := srv.CreateRoom("tracking rights public", docspacetest.RoomPublic).ID
	proxyURL, mode := newProxy(t, srv)
	config := trackingProvider(proxyURL, "") + twoLinks(custom) + fmt.Sprintf(`
resource "docspace_room_link" "public" {
  room_id = "%[1]d"
  access  = "read"
  title   = "Tracked public"
}

resource "docspace_room_primary_link" "public" {
  room_id = "%[1]d"
}
`, public)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providersWithClient(fastRetries),
		CheckDestroy:             noLinksLeftIn(srv, custom, public),
		Steps: []resource.TestStep{
			{Config: config, Check: stateMatchesPortal(srv, custom, public)},
			{
				PreConfig:    func() { mode.Store(int32(proxyAsMember)) },
				RefreshState: true,
				ExpectError:  expectError(fmt.Sprintf("the token's user cannot manage links of room %d", custom)),
			},
			{
				RefreshState: true,
				ExpectError:  expectError(fmt.Sprintf("the token's user cannot manage links of room %d", public)),
			},
			{
				PreConfig: func() {
					mode.Store(int32(proxyPass))
					portalHolds(t, srv, custom, 2)
					portalHolds(t, srv, public, 1)
				},
				Config: config,
				Check:  stateMatchesPortal(srv, custom, public),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// TestAccLinkTracking_lostCreate: with no retries, a
// create whose answer is lost after DocSpace made the link is adopted by a
// look at the room; when that look fails too, the link is recorded tainted
// with the error, and the next apply replaces it. The room never holds a
// link the state does not know.
func TestAccLinkTracking_lostCreate(t *testing.T) {
	srv, _ := newEmulator(t)
	room := srv.CreateRoom("tracking lost create", docspacetest.RoomCustom).ID
	provider := trackingProvider(srv.URL, "  max_retries = 0\n")
	one := provider + fmt.Sprintf("resource \"docspace_room_link\" \"a\" {\n  room_id = \"%d\"\n  access = \"read\"\n  title = \"Tracked A\"\n}\n", room)
	both := provider + twoLinks(room)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providersWithClient(fastRetries),
		CheckDestroy:             noLinksLeftIn(srv, room),
		Steps: []resource.TestStep{
			{
				// The answer is lost after the write: the link is looked up
				// and adopted.
				PreConfig: func() { srv.FailNextOn(http.MethodPut, docspacetest.FaultResetAfter) },
				Config:    one,
				Check:     stateMatchesPortal(srv, room),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				// Lost again, and the look at the room fails as well.
				PreConfig: func() {
					srv.FailNextOn(http.MethodPut, docspacetest.FaultBadGateway)
					srv.FailNextOn(http.MethodGet, docspacetest.FaultUnavailable)
				},
				Config:      both,
				ExpectError: expectError("Room Link May Have Been Created"),
			},
			{
				// The state holds it, tainted: replaced, never doubled.
				PreConfig: func() { portalHolds(t, srv, room, 2) },
				Config:    both,
				Check:     stateMatchesPortal(srv, room),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("docspace_room_link.b", plancheck.ResourceActionDestroyBeforeCreate),
						plancheck.ExpectResourceAction("docspace_room_link.a", plancheck.ResourceActionNoop),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// TestAccLinkTracking_stalePrimaryLink: the primary link
// is revoked in DocSpace after the last refresh, and a plan made without
// refresh names the old id. The apply writes nothing (a PUT with that id
// would create an additional link), records the current primary link, and
// the next apply configures it. An answer that is not the primary link is
// refused, and the link it made deleted again. The room never holds more
// than its primary link.
func TestAccLinkTracking_stalePrimaryLink(t *testing.T) {
	srv, _ := newEmulator(t)
	room := srv.CreateRoom("tracking primary", docspacetest.RoomPublic).ID
	proxyURL, mode := newProxy(t, srv)
	providerBlock := trackingProvider(proxyURL, "")
	config := func(title string) string {
		return providerBlock + fmt.Sprintf("resource \"docspace_room_primary_link\" \"p\" {\n  room_id = \"%d\"\n  title = %q\n}\n", room, title)
	}
	onlyPrimary := func(wantTitle string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			links := srv.Links(room)
			if len(links) != 1 || !links[0].Primary {
				return fmt.Errorf("room holds %d links, want its primary link alone", len(links))
			}
			if id := s.RootModule().Resources["docspace_room_primary_link.p"].Primary.ID; id != links[0].ID {
				return fmt.Errorf("state holds %s, the room's primary link is %s", id, links[0].ID)
			}
			if links[0].Title != wantTitle {
				return fmt.Errorf("primary link titled %q, want %q", links[0].Title, wantTitle)
			}
			return nil
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		AdditionalCLIOptions:     &resource.AdditionalCLIOptions{Plan: resource.PlanOptions{NoRefresh: true}},
		Steps: []resource.TestStep{
			{Config: config("First"), Check: onlyPrimary("First")},
			{
				PreConfig: func() {
					// Revoked in the DocSpace UI: a new primary link, new id.
					links := srv.Links(room)
					if _, err := emulatorClient(t, srv).DeleteLink(t.Context(), docspace.RoomTarget(strconv.Itoa(room)), docspace.Link{ID: links[0].ID, LinkType: docspace.LinkTypeExternal}); err != nil {
						t.Fatal(err)
					}
				},
				Config:      config("Second"),
				ExpectError: expectError("Primary Link Changed Outside Terraform"),
			},
			{
				PreConfig: func() {
					if links := srv.Links(room); len(links) != 1 {
						t.Errorf("room holds %d links after the stale apply, want 1", len(links))
					}
				},
				Config: config("Second"),
				Check:  onlyPrimary("Second"),
			},
			{
				// The PUT reaches DocSpace with another id, which makes an
				// additional link: refused, and that link deleted again.
				PreConfig:   func() { mode.Store(int32(proxyNewLinkID)) },
				Config:      config("Third"),
				ExpectError: expectError("DocSpace Did Not Update the Primary Link"),
			},
			{
				PreConfig: func() {
					mode.Store(int32(proxyPass))
					if links := srv.Links(room); len(links) != 1 {
						t.Errorf("room holds %d links after the refused answer, want 1", len(links))
					}
				},
				Config: config("Third"),
				Check:  onlyPrimary("Third"),
			},
		},
	})
}

// TestAccLinkTracking_ignoredLinkID: on a portal that
// ignores the link id a create sends, the provider keeps the id DocSpace
// answers with; a create whose answer is lost is looked up, not sent again,
// so no second link appears; updates and deletes reach the right links.
func TestAccLinkTracking_ignoredLinkID(t *testing.T) {
	srv, providerBlock := newEmulator(t)
	srv.SetIgnoreLinkIDs(true)
	room := srv.CreateRoom("tracking ignored ids", docspacetest.RoomCustom).ID
	link := func(name, title string) string {
		return fmt.Sprintf("resource \"docspace_room_link\" %q {\n  room_id = \"%d\"\n  access = \"read\"\n  title = %q\n}\n", name, room, title)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providersWithClient(fastRetries),
		CheckDestroy:             noLinksLeftIn(srv, room),
		Steps: []resource.TestStep{
			{
				Config: providerBlock + link("a", "Ignored A"),
				Check:  stateMatchesPortal(srv, room),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				// The create is applied and its answer lost: a blind retry
				// would make a second link here.
				PreConfig: func() { srv.FailNextOn(http.MethodPut, docspacetest.FaultResetAfter) },
				Config:    providerBlock + link("a", "Ignored A") + link("b", "Ignored B"),
				Check:     stateMatchesPortal(srv, room),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				Config: providerBlock + link("a", "Ignored A2") + link("b", "Ignored B2"),
				Check:  stateMatchesPortal(srv, room),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("docspace_room_link.a", plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction("docspace_room_link.b", plancheck.ResourceActionUpdate),
					},
				},
			},
		},
	})
}

// TestAccLinkTracking_linkLimit: a create refused for the
// room's link limit names the links that hold the slots, expired ones
// included, and what to do; nothing is created.
func TestAccLinkTracking_linkLimit(t *testing.T) {
	srv, providerBlock := newEmulator(t)
	room := srv.CreateRoom("tracking limits", docspacetest.RoomCustom).ID
	past := time.Now().Add(-time.Hour)
	var external []string
	for i := range 5 {
		l := docspacetest.Link{Title: fmt.Sprintf("Slot %d", i), Access: 2, LinkType: 1}
		if i == 0 {
			l.Expiration = &past
		}
		if err := srv.SetLink(room, l); err != nil {
			t.Fatal(err)
		}
	}
	if err := srv.SetLink(room, docspacetest.Link{Title: "Existing invitation", Access: 2, LinkType: 0}); err != nil {
		t.Fatal(err)
	}
	for _, l := range srv.Links(room) {
		if l.LinkType == 1 {
			external = append(external, l.ID)
		}
	}
	invitation := providerBlock + fmt.Sprintf("resource \"docspace_room_link\" \"inv\" {\n  room_id = \"%d\"\n  link_type = \"invitation\"\n  access = \"read\"\n}\n", room)
	sixth := providerBlock + fmt.Sprintf("resource \"docspace_room_link\" \"sixth\" {\n  room_id = \"%d\"\n  access = \"read\"\n  title = \"Sixth\"\n}\n", room)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: invitation, ExpectError: expectError(`takes one invitation link, and it already has one: - `)},
			{Config: invitation, ExpectError: expectError(`"Existing invitation" (does not expire)`)},
			{Config: sixth, ExpectError: expectError(external[0] + ` "Slot 0" (expired, still holds its slot)`)},
			{Config: sixth, ExpectError: expectError(external[4] + ` "Slot 4" (does not expire)`)},
			{
				PreConfig: func() { portalHolds(t, srv, room, 6) },
				Config:    providerBlock,
			},
		},
	})
}

// runFailing executes one Terraform command that must fail, and returns
// its output.
func (r *terraformRun) runFailing(args ...string) string {
	r.t.Helper()
	out, err := r.try(args...)
	if err == nil {
		r.t.Fatalf("terraform %s succeeded, want a failure:\n%s", strings.Join(args, " "), out)
	}
	return out
}

// TestAccRoomLink_onExpiredNeverBlocksRemoval: with
// on_expired = "error", a plan that keeps the expired link warns and its
// apply fails; terraform destroy, apply -replace (whose warning says so)
// and removing the resource
// from the configuration all work. The same holds for a change to an expired
// link that on_expired = "keep" keeps. It runs the Terraform CLI itself, because
// the test framework has no -replace and destroys without refreshing.
func TestAccRoomLink_onExpiredNeverBlocksRemoval(t *testing.T) {
	if testEmulator == nil {
		t.Skip("needs the DocSpace emulator (DOCSPACE_HOST names a real portal)")
	}
	srv := docspacetest.NewTestServer(t, docspacetest.WithLocation(testLocation))
	room := srv.CreateRoom("expired removal", docspacetest.RoomCustom).ID
	r := newTerraformRun(t, "DOCSPACE_TOKEN="+docspacetest.DefaultToken, "DOCSPACE_HOST=", "TF_LOG=", "TF_LOG_PATH=")
	configWith := func(withLink bool, policy, title string) string {
		c := fmt.Sprintf("terraform {\n  required_providers {\n    docspace = {\n      source = \"docspace-community/docspace\"\n    }\n  }\n}\n\n"+
			"provider \"docspace\" {\n  host = %q\n}\n", srv.URL)
		if withLink {
			c += fmt.Sprintf("\nresource \"docspace_room_link\" \"test\" {\n  room_id    = \"%d\"\n  access     = \"read\"\n  title      = %q\n"+
				"  expires_in = \"2s\"\n  on_expired = %q\n}\n", room, title, policy)
		}
		return c
	}
	config := func(withLink bool) string { return configWith(withLink, "error", "Expiring") }
	// onlyLink returns the room's one link, once it has expired.
	onlyLink := func(step string) docspacetest.Link {
		t.Helper()
		links := srv.Links(room)
		if len(links) != 1 {
			t.Fatalf("%s: room holds %d links, want 1", step, len(links))
		}
		for links[0].Expiration != nil && time.Now().Before(*links[0].Expiration) {
			time.Sleep(100 * time.Millisecond)
		}
		return links[0]
	}

	r.writeConfig(config(true))
	r.run("apply", "-auto-approve")
	expired := onlyLink("after create")

	if out := r.run("plan"); !strings.Contains(out, "Warning: Room Link Has Expired") {
		t.Errorf("plan of the expired link: no warning\n%s", out)
	}
	if out := r.runFailing("apply", "-auto-approve"); !strings.Contains(out, "Error: Room Link Has Expired") {
		t.Errorf("apply of the expired link failed otherwise:\n%s", out)
	}
	if l := onlyLink("after the refused apply"); l.ID != expired.ID {
		t.Errorf("the refused apply replaced link %s with %s", expired.ID, l.ID)
	}

	// Terraform plans -replace as an update first, so the warning shows;
	// it says what happens to a replacement, which succeeds.
	out := r.run("apply", "-auto-approve", "-replace=docspace_room_link.test")
	if strings.Contains(out, "Applying this plan fails") || strings.Contains(out, "Warning: Room Link Has Expired") &&
		!strings.Contains(wrappedText(out), "a replacement (terraform apply -replace, or a change that forces one), a destroy, or removing the resource from the configuration goes ahead") {
		t.Errorf("-replace of the expired link: the warning does not say that the replacement goes ahead:\n%s", out)
	}
	if l := onlyLink("after -replace"); l.ID == expired.ID {
		t.Errorf("-replace kept link %s", l.ID)
	}

	r.run("destroy", "-auto-approve")
	if n := len(srv.Links(room)); n != 0 {
		t.Errorf("destroy left %d links", n)
	}

	r.run("apply", "-auto-approve")
	onlyLink("after the second create")
	r.writeConfig(config(false))
	r.run("apply", "-auto-approve")
	if n := len(srv.Links(room)); n != 0 {
		t.Errorf("removing the resource from the configuration left %d links", n)
	}

	// on_expired = "keep" with another change to the expired link: the
	// change cannot be made (it would resend the past date), yet the same
	// configuration destroys.
	r.writeConfig(configWith(true, "keep", "Expiring"))
	r.run("apply", "-auto-approve")
	onlyLink("after the create kept on expiry")
	r.writeConfig(configWith(true, "keep", "Renamed"))
	if out := r.run("plan"); !strings.Contains(out, "Warning: Link Has Expired") {
		t.Errorf("plan of a change to the expired link: no warning\n%s", out)
	}
	if out := r.runFailing("apply", "-auto-approve"); !strings.Contains(out, "Error: Link Has Expired") {
		t.Errorf("apply of a change to the expired link failed otherwise:\n%s", out)
	}
	r.run("destroy", "-auto-approve")
	if n := len(srv.Links(room)); n != 0 {
		t.Errorf("destroy of the changed expired link left %d links", n)
	}
}

// wrappedText joins Terraform's wrapped diagnostic lines into one line of
// words, without the box drawing.
func wrappedText(out string) string {
	var words []string
	for _, line := range strings.Split(out, "\n") {
		words = append(words, strings.Fields(strings.TrimLeft(strings.TrimSpace(line), "│╷╵"))...)
	}
	return strings.Join(words, " ")
}

// TestAccRoomLink_linkLimitAtPlan: the plan of a sixth additional external
// link in a full room (or a second invitation link) warns, naming the links
// that hold the slots, and the apply fails as before; a plan that may free
// a slot in the same apply (another link of the room removed) still plans,
// with the warning. The room's links are counted after every step.
func TestAccRoomLink_linkLimitAtPlan(t *testing.T) {
	if testEmulator == nil {
		t.Skip("needs the DocSpace emulator (DOCSPACE_HOST names a real portal)")
	}
	srv := docspacetest.NewTestServer(t, docspacetest.WithLocation(testLocation))
	room := srv.CreateRoom("full", docspacetest.RoomCustom).ID
	var holders []string
	for i := range 5 {
		if err := srv.SetLink(room, docspacetest.Link{LinkType: 1, Access: 2, Title: fmt.Sprintf("Slot %d", i+1)}); err != nil {
			t.Fatal(err)
		}
	}
	for _, l := range srv.Links(room) {
		holders = append(holders, l.ID)
	}
	if err := srv.SetLink(room, docspacetest.Link{LinkType: 0, Access: 2, Title: "Join"}); err != nil {
		t.Fatal(err)
	}
	count := func(step string, want int) {
		t.Helper()
		if n := len(srv.Links(room)); n != want {
			t.Errorf("%s: the room holds %d links, want %d", step, n, want)
		}
	}
	r := newTerraformRun(t, "DOCSPACE_TOKEN="+docspacetest.DefaultToken, "DOCSPACE_HOST=", "TF_LOG=", "TF_LOG_PATH=")
	header := fmt.Sprintf("terraform {\n  required_providers {\n    docspace = {\n      source = \"docspace-community/docspace\"\n    }\n  }\n}\n\n"+
		"provider \"docspace\" {\n  host = %q\n}\n", srv.URL)
	link := func(name, kind string) string {
		return fmt.Sprintf("\nresource \"docspace_room_link\" %q {\n  room_id   = \"%d\"\n  link_type = %q\n  access    = \"read\"\n  title     = %q\n}\n",
			name, room, kind, name)
	}

	r.writeConfig(header + link("sixth", "external") + link("second_invitation", "invitation"))
	out := r.run("plan", "-json") // one line per diagnostic: warnings are not folded together
	if n := strings.Count(out, `"@level":"warn","@message":"Warning: Room Link Limit Reached`); n != 2 {
		t.Errorf("the plan warns %d times, want once for each link:\n%s", n, out)
	}
	for _, id := range holders {
		if !strings.Contains(out, id) {
			t.Errorf("the plan's warning does not name link %s, which holds a slot:\n%s", id, out)
		}
	}
	count("after the plan", 6)
	if out := r.runFailing("apply", "-auto-approve"); !strings.Contains(out, "Error: Room Link Limit Reached") {
		t.Errorf("the apply failed otherwise:\n%s", out)
	}
	count("after the refused apply", 6)

	// A slot is freed in DocSpace: no warning, and the link is made.
	srv.DeleteLink(room, holders[0])
	r.writeConfig(header + link("sixth", "external"))
	if out := r.run("apply", "-auto-approve"); strings.Contains(out, "Room Link Limit Reached") {
		t.Errorf("the apply into a free slot warns:\n%s", out)
	}
	count("after the apply into the freed slot", 6)

	// The room is full again, with one of its links managed here. A plan
	// that removes it and adds another may free that slot in its apply: it
	// plans, with the warning, and is not refused.
	r.writeConfig(header + link("seventh", "external"))
	out = r.run("plan")
	if !strings.Contains(out, "Warning: Room Link Limit Reached") || !strings.Contains(out, "1 to add, 0 to change, 1 to destroy") {
		t.Errorf("the plan that frees a slot was not planned with a warning:\n%s", out)
	}
	count("after that plan", 6)
	r.writeConfig(header)
	r.run("apply", "-auto-approve")
	count("after removing the managed link", 5)
}

// TestConfigureHostWithAPIPath: a host ending in the API path is reduced to
// the portal's address, with a warning that names both.
func TestConfigureHostWithAPIPath(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	p := &docspaceProvider{version: "test"}
	var schemaResp provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &schemaResp)
	objectType := schemaResp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	values := map[string]tftypes.Value{}
	for name, typ := range objectType.AttributeTypes {
		values[name] = tftypes.NewValue(typ, nil)
	}
	values["host"] = tftypes.NewValue(tftypes.String, "https://portal.example.com/api/2.0/")
	values["token"] = tftypes.NewValue(tftypes.String, "sk-configure")
	req := provider.ConfigureRequest{Config: tfsdk.Config{Schema: schemaResp.Schema, Raw: tftypes.NewValue(objectType, values)}}
	var resp provider.ConfigureResponse
	p.Configure(ctx, req, &resp)
	if resp.Diagnostics.HasError() || len(resp.Diagnostics) != 1 {
		t.Fatalf("diagnostics: %v", resp.Diagnostics)
	}
	d := resp.Diagnostics[0]
	if d.Summary() != "DocSpace Host Contains an API Path" || !strings.Contains(d.Detail(), `"/api/2.0"`) ||
		!strings.Contains(d.Detail(), "https://portal.example.com,") {
		t.Errorf("warning %q: %s", d.Summary(), d.Detail())
	}
	if host := resp.ResourceData.(*providerData).api.Host(); host != "https://portal.example.com" {
		t.Errorf("client host %s", host)
	}
}

// TestRoomLinkReadAndDeleteKeepTrack: what Read and Delete make of answers
// that do not prove a link gone. Each keeps the link in the state and says
// why; only a room DocSpace confirms gone lets the link go.
func TestRoomLinkReadAndDeleteKeepTrack(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t, docspacetest.WithLocation(testLocation))
	srv.SetMemberToken(memberToken)
	room := fmt.Sprint(srv.CreateRoom("keep track", docspacetest.RoomCustom).ID)
	link, err := emulatorClient(t, srv).SetLink(context.Background(), docspace.RoomTarget(room), docspace.LinkRequest{
		LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Kept",
	})
	if err != nil {
		t.Fatal(err)
	}
	proxy := func(handler http.HandlerFunc) string {
		s := httptest.NewServer(handler)
		t.Cleanup(s.Close)
		return s.URL
	}
	emptyNotFound := proxy(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNotFound) })
	loginPage := proxy(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body>Sign in</body></html>")
	})
	linksNotFound := proxy(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/links") {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"error":{"message":"Item not found","type":null},"status":1,"statusCode":404}`)
			return
		}
		srv.ServeHTTP(w, r)
	})
	asMember := proxy(func(w http.ResponseWriter, r *http.Request) {
		r.Header.Set("Authorization", "Bearer "+memberToken)
		srv.ServeHTTP(w, r)
	})
	cases := []struct {
		name, url, roomID string
		wantRemoved       bool
		wantDiag, wantIn  string
	}{
		{"proxy's empty 404", emptyNotFound, room, false, "Error: Could Not Read Room Link", "did not come from DocSpace's API"},
		{"login page", loginPage, room, false, "Error: Could Not Read Room Link", "root address, such as " + loginPage},
		{"links not found, room exists", linksNotFound, room, false, "Error: Could Not Read Room Link", "yet the room itself exists"},
		{"no rights", asMember, room, false, "Error: Could Not Read Room Link", "cannot manage links of room " + room},
		{"room confirmed gone", srv.URL, "999999", true, "Warning: Room Not Found", "no longer exists"},
	}
	for _, tc := range cases {
		t.Run("read/"+tc.name, func(t *testing.T) {
			r := newTestResource(t, tc.url)
			state := stateOf(t, r, storedModel(tc.roomID, link.ID))
			resp := fwresource.ReadResponse{State: state}
			r.Read(context.Background(), fwresource.ReadRequest{State: state}, &resp)
			if got := summaries(resp.Diagnostics); got != tc.wantDiag || !strings.Contains(resp.Diagnostics[0].Detail(), tc.wantIn) {
				t.Fatalf("diagnostics %q (%v), want %q containing %q", got, resp.Diagnostics, tc.wantDiag, tc.wantIn)
			}
			if removed := resp.State.Raw.IsNull(); removed != tc.wantRemoved {
				t.Fatalf("removed from state: %v, want %v", removed, tc.wantRemoved)
			}
		})
	}
	for _, tc := range []struct{ name, url string }{{"proxy's empty 404", emptyNotFound}, {"links not found, room exists", linksNotFound}} {
		t.Run("delete/"+tc.name, func(t *testing.T) {
			r := newTestResource(t, tc.url)
			state := stateOf(t, r, storedModel(room, link.ID))
			resp := fwresource.DeleteResponse{State: state}
			r.Delete(context.Background(), fwresource.DeleteRequest{State: state}, &resp)
			if got := summaries(resp.Diagnostics); got != "Error: Could Not Delete Room Link" {
				t.Errorf("diagnostics %q, want the delete to fail", got)
			}
		})
	}
	if _, found := srv.Link(mustAtoi(t, room), link.ID); !found {
		t.Error("the link is gone from the portal")
	}
}
