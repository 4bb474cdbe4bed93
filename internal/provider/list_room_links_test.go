package provider

import (
	"context"
	"fmt"
	"iter"
	"maps"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// Tests of the list resources through `terraform query`: they need
// Terraform 1.14 or later, and run on Terraform 1.16.4 in `make test` when
// it is at hand (see GNUmakefile).

var queryVersion = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)}

// byTitle picks the listed link with this title in the given room.
func byTitle(title, roomID string) queryfilter.QueryFilter {
	return queryfilter.ByDisplayName(knownvalue.StringRegexp(regexp.MustCompile(
		"^" + regexp.QuoteMeta(fmt.Sprintf("%q (", title)) + `.*\) in room ` + regexp.QuoteMeta(roomID) + `\b`)))
}

func expectValues(addr string, filter queryfilter.QueryFilter, values map[string]knownvalue.Check) querycheck.QueryResultCheck {
	var checks []querycheck.KnownValueCheck
	for attr, check := range values {
		checks = append(checks, querycheck.KnownValueCheck{Path: tfjsonpath.New(attr), KnownValue: check})
	}
	return querycheck.ExpectResourceKnownValues(addr, filter, checks)
}

// TestAccQuery_roomLinks lists the links of one room, with and without
// filters: the primary link is left to docspace_room_primary_link, each
// result names its link by identity, and include_resource carries the
// settings as an import would read them. Runs against a real portal too.
func TestAccQuery_roomLinks(t *testing.T) {
	custom := createRoom(t, docspace.RoomTypeCustom)
	public := createRoom(t, docspace.RoomTypePublic)
	expires := futureDate(60 * 24 * time.Hour)
	config := fmt.Sprintf(`
resource "docspace_room_link" "auditors" {
  room_id         = %[1]q
  access          = "read"
  title           = "Auditors"
  expiration_date = %[3]q
  deny_download   = true
}
resource "docspace_room_link" "partners" {
  room_id  = %[1]q
  access   = "comment"
  title    = "Partners"
  password = "Partner-2026"
}
resource "docspace_room_link" "join" {
  room_id       = %[1]q
  link_type     = "invitation"
  access        = "editing"
  title         = "Join as editor"
  max_use_count = 25
}
resource "docspace_room_link" "press" {
  room_id = %[2]q
  access  = "read"
  title   = "Press kit"
}
`, custom.ID, public.ID, expires)
	ids := map[string]*string{"auditors": new(string), "join": new(string)}
	linkID := func(name string) knownvalue.Check {
		return knownvalue.StringFunc(func(v string) error { return equalString(v, *ids[name]) })
	}
	query := func(lists string) string { return "provider \"docspace\" {}\n" + lists }
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   queryVersion,
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeTestCheckFunc(
					captureID("docspace_room_link.auditors", ids["auditors"]),
					captureID("docspace_room_link.join", ids["join"]),
				),
			},
			{
				Query: true,
				Config: query(fmt.Sprintf(`
list "docspace_room_link" "custom" {
  provider         = docspace
  include_resource = true
  config {
    room_id = %[1]q
  }
}
list "docspace_room_link" "public" {
  provider = docspace
  config {
    room_id = %[2]q
  }
}
list "docspace_room_primary_link" "public" {
  provider         = docspace
  include_resource = true
  config {
    room_id = %[2]q
  }
}
`, custom.ID, public.ID)),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("docspace_room_link.custom", 3),
					querycheck.ExpectLength("docspace_room_link.public", 1), // the primary link is not among them
					querycheck.ExpectLength("docspace_room_primary_link.public", 1),
					querycheck.ExpectIdentity("docspace_room_link.custom", map[string]knownvalue.Check{
						"room_id": knownvalue.StringExact(custom.ID), "id": linkID("auditors"),
					}),
					querycheck.ExpectIdentity("docspace_room_link.custom", map[string]knownvalue.Check{
						"room_id": knownvalue.StringExact(custom.ID), "id": linkID("join"),
					}),
					querycheck.ExpectIdentity("docspace_room_primary_link.public", map[string]knownvalue.Check{
						"room_id": knownvalue.StringExact(public.ID),
					}),
					querycheck.ExpectResourceDisplayName("docspace_room_link.custom", queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
						"room_id": knownvalue.StringExact(custom.ID), "id": linkID("auditors"),
					}), knownvalue.StringExact(fmt.Sprintf(`"Auditors" (external, read) in room %s %q`, custom.ID, custom.Title))),
					expectValues("docspace_room_link.custom", byTitle("Auditors", custom.ID), map[string]knownvalue.Check{
						"id":              linkID("auditors"),
						"room_id":         knownvalue.StringExact(custom.ID),
						"link_type":       knownvalue.StringExact("external"),
						"access":          knownvalue.StringExact("read"),
						"deny_download":   knownvalue.Bool(true),
						"internal":        knownvalue.Bool(false),
						"on_expired":      knownvalue.StringExact("keep"),
						"expiration_date": knownvalue.StringFunc(func(v string) error { return sameInstant(v, expires) }),
					}),
					expectValues("docspace_room_link.custom", byTitle("Join as editor", custom.ID), map[string]knownvalue.Check{
						"link_type":     knownvalue.StringExact("invitation"),
						"access":        knownvalue.StringExact("editing"),
						"max_use_count": knownvalue.Int64Exact(25),
						// left out, so that generated configuration passes the
						// resource's check for external-only settings
						"deny_download": knownvalue.Null(),
					}),
					querycheck.ExpectResourceDisplayName("docspace_room_link.custom", byTitle("Partners", custom.ID),
						knownvalue.StringRegexp(regexp.MustCompile(`\(external, comment, password\)`))),
					expectValues("docspace_room_primary_link.public", queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
						"room_id": knownvalue.StringExact(public.ID),
					}), map[string]knownvalue.Check{
						"revoke_on_destroy": knownvalue.Bool(false),
						"access":            knownvalue.StringExact("read"),
					}),
				},
			},
			{
				// Filters apply on the client: invitation links only, a title
				// substring in another case, and nothing at all.
				Query: true,
				Config: query(fmt.Sprintf(`
list "docspace_room_link" "invitations" {
  provider = docspace
  config {
    room_id   = %[1]q
    link_type = "invitation"
  }
}
list "docspace_room_link" "partners" {
  provider = docspace
  config {
    room_id        = %[1]q
    title_contains = "PART"
  }
}
list "docspace_room_link" "none" {
  provider = docspace
  config {
    room_id        = %[1]q
    link_type      = "external"
    title_contains = "editor"
  }
}
`, custom.ID)),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("docspace_room_link.invitations", 1),
					querycheck.ExpectIdentity("docspace_room_link.invitations", map[string]knownvalue.Check{
						"room_id": knownvalue.StringExact(custom.ID), "id": linkID("join"),
					}),
					querycheck.ExpectLength("docspace_room_link.partners", 1),
					querycheck.ExpectLength("docspace_room_link.none", 0),
				},
			},
		},
	})
}

// TestAccQuery_everyRoom lists the links of every room the token sees, on
// an emulator of its own so that the count is exact: rooms without links add
// nothing, a Custom room gets no primary link from being listed, and the
// list block's limit is kept.
func TestAccQuery_everyRoom(t *testing.T) {
	srv, providerBlock := newEmulator(t)
	c := emulatorClient(t, srv)
	rooms := map[string]string{}
	for name, kind := range map[string]docspacetest.RoomType{
		"custom": docspacetest.RoomCustom, "public": docspacetest.RoomPublic, "editing": docspacetest.RoomEditing, "empty": docspacetest.RoomCustom,
	} {
		rooms[name] = emulatorRoomID(t, srv, kind)
	}
	for _, l := range []struct {
		room string
		req  docspace.LinkRequest
	}{
		{"custom", docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "One"}},
		{"custom", docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessEditing, Title: "Two"}},
		{"public", docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Three"}},
		{"editing", docspace.LinkRequest{LinkType: docspace.LinkTypeInvitation, Access: docspace.AccessEditing, Title: "Four"}},
	} {
		if _, err := c.SetLink(context.Background(), docspace.RoomTarget(rooms[l.room]), l.req); err != nil {
			t.Fatal(err)
		}
	}
	primaryRequests := func() int { return srv.Requests("GET", "/api/2.0/files/rooms/{id}/link") }
	before := primaryRequests()
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   queryVersion,
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				// The query needs an initialised working directory.
				Config: providerBlock + fmt.Sprintf("data \"docspace_room\" \"any\" {\n  id = %q\n}\n", rooms["empty"]),
			},
			{
				Query: true,
				// The provider block of the first step's configuration serves.
				Config: `
list "docspace_room_link" "all" {
  provider         = docspace
  include_resource = true
}
list "docspace_room_link" "first_two" {
  provider = docspace
  limit    = 2
}
list "docspace_room_primary_link" "all" {
  provider = docspace
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("docspace_room_link.all", 4),
					querycheck.ExpectLength("docspace_room_link.first_two", 2),
					querycheck.ExpectLength("docspace_room_primary_link.all", 1),
					querycheck.ExpectIdentity("docspace_room_primary_link.all", map[string]knownvalue.Check{
						"room_id": knownvalue.StringExact(rooms["public"]),
					}),
					expectValues("docspace_room_link.all", byTitle("Four", rooms["editing"]), map[string]knownvalue.Check{
						"room_id": knownvalue.StringExact(rooms["editing"]), "link_type": knownvalue.StringExact("invitation"),
					}),
				},
			},
			{
				Query: true,
				Config: `
list "docspace_room_link" "unknown_room" {
  provider = docspace
  config {
    room_id = "999999"
  }
}
`,
				ExpectError: regexp.MustCompile(`Could Not Read Room[\s\S]*999999`),
			},
		},
		CheckDestroy: func(*terraform.State) error {
			if n := primaryRequests() - before; n != 0 {
				return fmt.Errorf("listing asked for a room's primary link %d times, which makes one in a Custom room", n)
			}
			return nil
		},
	})
}

func equalString(got, want string) error {
	if got != want {
		return fmt.Errorf("got %q, want %q", got, want)
	}
	return nil
}

// sameInstant compares two RFC 3339 dates as instants.
func sameInstant(got, want string) error {
	g, err := time.Parse(time.RFC3339Nano, got)
	if err != nil {
		return err
	}
	w, err := time.Parse(time.RFC3339Nano, want)
	if err != nil {
		return err
	}
	if !g.Equal(w) {
		return fmt.Errorf("%s is not the instant %s", got, want)
	}
	return nil
}

// listed is what one List call streamed.
type listed struct {
	names   []string // "<room>/<title>", in order
	diags   []string // "<severity>: <summary>"
	details []string // the diagnostics' details
}

// runList calls a list resource as the framework does, with the given
// config attributes (unset ones null).
func runList(t *testing.T, lr list.ListResource, target fwresource.ResourceWithIdentity, url string, cfg map[string]string, limit int64) listed {
	t.Helper()
	return listWith(t, context.Background(), testProviderData(t, url), lr, target, cfg, limit)
}

func testProviderData(t *testing.T, url string) *providerData {
	t.Helper()
	client, err := docspace.NewClient(docspace.Config{Host: url, Token: docspacetest.DefaultToken, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return &providerData{api: docspace.NewSession(client), now: time.Now}
}

// listWith runs a list resource with the given context and provider data,
// which list blocks of one query share.
func listWith(t *testing.T, ctx context.Context, data *providerData, lr list.ListResource, target fwresource.ResourceWithIdentity, cfg map[string]string, limit int64) listed {
	t.Helper()
	var configureResp fwresource.ConfigureResponse
	lr.(list.ListResourceWithConfigure).Configure(ctx, fwresource.ConfigureRequest{ProviderData: data}, &configureResp)

	var schemaResp list.ListResourceSchemaResponse
	lr.ListResourceConfigSchema(ctx, list.ListResourceSchemaRequest{}, &schemaResp)
	// Config values are given as text; a bool attribute takes "true".
	attrs := stringAttributes(maps.Keys(schemaResp.Schema.Attributes), cfg)
	for name, a := range schemaResp.Schema.Attributes {
		if typ := a.GetType().TerraformType(ctx); typ.Is(tftypes.Bool) {
			var v any
			if text, ok := cfg[name]; ok {
				v = text == "true"
			}
			attrs[name] = tftypes.NewValue(tftypes.Bool, v)
		}
	}
	var resourceSchema fwresource.SchemaResponse
	target.Schema(ctx, fwresource.SchemaRequest{}, &resourceSchema)
	var identitySchema fwresource.IdentitySchemaResponse
	target.IdentitySchema(ctx, fwresource.IdentitySchemaRequest{}, &identitySchema)
	req := list.ListRequest{
		Config:                 tfsdk.Config{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), attrs)},
		IncludeResource:        true,
		Limit:                  limit,
		ResourceSchema:         resourceSchema.Schema,
		ResourceIdentitySchema: identitySchema.IdentitySchema,
	}
	// Results are named by their parent: room_id, file_id or folder_id.
	parentAttr := "room_id"
	if r, ok := target.(*linkResource); ok {
		parentAttr = r.kind.parentAttr
	}
	var stream list.ListResultsStream
	lr.List(ctx, req, &stream)
	var out listed
	for result := range stream.Results {
		for _, d := range result.Diagnostics {
			out.diags = append(out.diags, d.Severity().String()+": "+d.Summary())
			out.details = append(out.details, d.Detail())
		}
		if result.Identity == nil || result.Identity.Raw.IsNull() {
			continue
		}
		var roomID, title types.String
		result.Identity.GetAttribute(ctx, path.Root(parentAttr), &roomID)
		result.Resource.GetAttribute(ctx, path.Root("title"), &title)
		out.names = append(out.names, roomID.ValueString()+"/"+title.ValueString())
	}
	return out
}

// TestRoomLinkList: filters apply on the client, primary links go to their
// own list, the limit holds, and a room that cannot be read ends the listing
// with an error rather than passing a partial list for a whole one.
func TestRoomLinkList(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t)
	c := emulatorClient(t, srv)
	// DocSpace lists rooms newest first: the broken room comes last.
	broken := fmt.Sprint(srv.CreateRoom("Broken", docspacetest.RoomCustom).ID)
	custom := fmt.Sprint(srv.CreateRoom("Sandbox", docspacetest.RoomCustom).ID)
	public := fmt.Sprint(srv.CreateRoom("Showcase", docspacetest.RoomPublic).ID)
	gone := fmt.Sprint(srv.CreateRoom("Gone", docspacetest.RoomCustom).ID)
	uses := 5
	for _, l := range []struct {
		room string
		req  docspace.LinkRequest
	}{
		{custom, docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Auditors"}},
		{custom, docspace.LinkRequest{LinkType: docspace.LinkTypeInvitation, Access: docspace.AccessEditing, Title: "Join", MaxUseCount: &uses}},
		{public, docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Press AUDIT kit"}},
		{gone, docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Vanishing"}},
		{broken, docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Unreadable"}},
	} {
		if _, err := c.SetLink(context.Background(), docspace.RoomTarget(l.room), l.req); err != nil {
			t.Fatal(err)
		}
	}
	// The portal as the list sees it: one room is deleted between the room
	// listing and its own, another cannot be read at all.
	portal := func(brokenStatus int) string {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch r.URL.Path {
			case "/api/2.0/files/rooms/" + gone + "/links":
				srv.DeleteRoom(mustAtoi(t, gone))
			case "/api/2.0/files/rooms/" + broken + "/links":
				if brokenStatus != 0 {
					w.WriteHeader(brokenStatus)
					return
				}
			}
			srv.ServeHTTP(w, r)
		}))
		t.Cleanup(s.Close)
		return s.URL
	}
	cases := []struct {
		name    string
		primary bool
		cfg     map[string]string
		limit   int64
		status  int
		want    []string
		diags   []string
	}{
		{name: "one room", cfg: map[string]string{"room_id": custom}, want: []string{custom + "/Join", custom + "/Auditors"}},
		{name: "invitation links", cfg: map[string]string{"room_id": custom, "link_type": "invitation"}, want: []string{custom + "/Join"}},
		{name: "external links", cfg: map[string]string{"room_id": custom, "link_type": "external"}, want: []string{custom + "/Auditors"}},
		{name: "title in any case", cfg: map[string]string{"title_contains": "aUdIt"}, want: []string{custom + "/Auditors", public + "/Press AUDIT kit"}},
		{name: "no primary link", cfg: map[string]string{"room_id": public}, want: []string{public + "/Press AUDIT kit"}},
		{name: "every room, a deleted one skipped", want: []string{custom + "/Join", custom + "/Auditors", public + "/Press AUDIT kit", broken + "/Unreadable"}},
		{name: "limit", cfg: map[string]string{"room_id": custom}, limit: 1, want: []string{custom + "/Join"}},
		{name: "primary links", primary: true, want: []string{public + "/Shared link"}},
		{name: "primary link of a room without one", primary: true, cfg: map[string]string{"room_id": custom}},
		{name: "unreadable room ends the list", status: http.StatusForbidden,
			want: []string{custom + "/Join", custom + "/Auditors", public + "/Press AUDIT kit"}, diags: []string{"Error: Could Not List Room Links"}},
		{name: "unknown room", cfg: map[string]string{"room_id": "999999"}, diags: []string{"Error: Could Not Read Room"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv.ResetRequests()
			lr := NewRoomLinkListResource()
			var target fwresource.ResourceWithIdentity = &linkResource{kind: roomLinks}
			if tc.primary {
				lr, target = NewRoomPrimaryLinkListResource(), &primaryLinkResource{}
			}
			got := runList(t, lr, target, portal(tc.status), tc.cfg, tc.limit)
			sortByRoom(got.names)
			sortByRoom(tc.want)
			if !slices.Equal(got.names, tc.want) || !slices.Equal(got.diags, tc.diags) {
				t.Errorf("listed %q with %q; want %q with %q", got.names, got.diags, tc.want, tc.diags)
			}
			if n := srv.Requests("GET", "/api/2.0/files/rooms/{id}/link"); n != 0 {
				t.Errorf("listing asked for a primary link %d times, which makes one in a Custom room", n)
			}
		})
	}
}

// sortByRoom orders "<room>/<title>" names by room, keeping each room's
// links in the order DocSpace listed them.
func sortByRoom(names []string) {
	slices.SortStableFunc(names, func(a, b string) int {
		return strings.Compare(strings.SplitN(a, "/", 2)[0], strings.SplitN(b, "/", 2)[0])
	})
}

// TestRoomLinkListSharedSession: list blocks of one query share the
// provider's Session, and one that stops early (its limit reached, its call
// over, its context cancelled with its reads ahead still on their way)
// leaves another complete, without errors: the other block, waiting for
// those reads, asks again instead of taking their cancellation as its own.
// The first room answers sooner than the others, so the first block always
// ends while its reads ahead are in flight and the second waits for them.
func TestRoomLinkListSharedSession(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t)
	const rooms = 12
	for range rooms {
		srv.CreateRoom("Showcase", docspacetest.RoomPublic)
	}
	var quick atomic.Value // the path of the first room's links
	quick.Store("")
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/links") {
			delay := 300 * time.Millisecond
			if r.URL.Path == quick.Load().(string) {
				delay = 50 * time.Millisecond
			}
			select {
			case <-time.After(delay):
			case <-r.Context().Done():
				return
			}
		}
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(slow.Close)
	data := testProviderData(t, slow.URL)
	listedRooms, err := data.api.ListRooms(context.Background(), "")
	if err != nil || len(listedRooms) != rooms {
		t.Fatalf("rooms: %d, %v", len(listedRooms), err)
	}
	quick.Store("/api/2.0/files/rooms/" + listedRooms[0].ID + "/links")
	// Two blocks run at once, as Terraform runs a query's list blocks: the
	// second starts while the first's reads ahead are on their way, and
	// waits for them.
	done := make(chan listed)
	go func() {
		first, endFirst := context.WithCancel(context.Background())
		result := listWith(t, first, data, NewRoomPrimaryLinkListResource(), &primaryLinkResource{}, nil, 1)
		endFirst() // the call is over: its reads ahead are cancelled
		done <- result
	}()
	time.Sleep(10 * time.Millisecond)
	second := listWith(t, context.Background(), data, NewRoomPrimaryLinkListResource(), &primaryLinkResource{}, nil, 0)
	if first := <-done; len(first.names) != 1 || len(first.diags) != 0 {
		t.Errorf("first block: %q %q", first.names, first.diags)
	}
	if len(second.names) != rooms || len(second.diags) != 0 {
		t.Errorf("second block listed %d links with %q, want %d and no diagnostics", len(second.names), second.diags, rooms)
	}
}

// stringAttributes is an object's string attributes: the given values,
// null where none is given.
func stringAttributes(names iter.Seq[string], values map[string]string) map[string]tftypes.Value {
	attrs := map[string]tftypes.Value{}
	for name := range names {
		var v any
		if s, ok := values[name]; ok {
			v = s
		}
		attrs[name] = tftypes.NewValue(tftypes.String, v)
	}
	return attrs
}

// TestListedLinksCarryNoPassword: a listed link's password may be a
// write-only one of some configuration, so the resource a list result
// carries holds none (generated configuration needs it added anyway).
func TestListedLinksCarryNoPassword(t *testing.T) {
	t.Parallel()
	l := docspace.Link{ID: "a6f1c0de-0000-4000-8000-000000000001", LinkType: docspace.LinkTypeExternal,
		Access: docspace.AccessRead, Title: "Listed", Password: "Write-only-Pa55word-9", ShareLink: "https://x/s/1"}
	if m := importedLink(context.Background(), roomLinks, types.StringValue("4711"), l); !m.Password.IsNull() {
		t.Errorf("docspace_room_link result holds password %q", m.Password.ValueString())
	}
	l.Primary = true
	if m := importedLink(context.Background(), roomPrimaryLinks, types.StringValue("4711"), l); !m.Password.IsNull() {
		t.Errorf("docspace_room_primary_link result holds password %q", m.Password.ValueString())
	}
}

// TestRoomLinkListSkipsUnmanageableRooms: listing every room skips the rooms
// whose links the token's user may not manage (DocSpace lists none of their
// links to a plain member), names them in one warning, and lists the rest.
// One room asked for by room_id is still an error.
func TestRoomLinkListSkipsUnmanageableRooms(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t)
	c := emulatorClient(t, srv)
	custom := fmt.Sprint(srv.CreateRoom("Managed", docspacetest.RoomCustom).ID)
	hidden := []string{fmt.Sprint(srv.CreateRoom("Member only", docspacetest.RoomPublic).ID)}
	public := fmt.Sprint(srv.CreateRoom("Managed showcase", docspacetest.RoomPublic).ID)
	hidden = append(hidden, fmt.Sprint(srv.CreateRoom("Member only too", docspacetest.RoomPublic).ID))
	if _, err := c.SetLink(context.Background(), docspace.RoomTarget(custom), docspace.LinkRequest{LinkType: docspace.LinkTypeExternal,
		Access: docspace.AccessRead, Title: "Auditors"}); err != nil {
		t.Fatal(err)
	}
	// A plain member of the hidden rooms: DocSpace answers their listings
	// with no links at all (API.md §7.3), though a Public room always has
	// its primary link.
	portal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, id := range hidden {
			if r.URL.Path == "/api/2.0/files/rooms/"+id+"/links" {
				w.Header().Set("Content-Type", "application/json")
				fmt.Fprint(w, `{"count":0,"response":[],"status":0,"statusCode":200}`)
				return
			}
		}
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(portal.Close)
	const warning = "Warning: Rooms Skipped: Links Not Manageable"
	for _, tc := range []struct {
		name   string
		lr     list.ListResource
		target fwresource.ResourceWithIdentity
		cfg    map[string]string
		want   []string
		diags  []string
	}{
		{"links", NewRoomLinkListResource(), &linkResource{kind: roomLinks}, nil, []string{custom + "/Auditors"}, []string{warning}},
		{"primary links", NewRoomPrimaryLinkListResource(), &primaryLinkResource{}, nil, []string{public + "/Shared link"}, []string{warning}},
		{"one hidden room", NewRoomLinkListResource(), &linkResource{kind: roomLinks}, map[string]string{"room_id": hidden[0]}, nil,
			[]string{"Error: Could Not List Room Links"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := runList(t, tc.lr, tc.target, portal.URL, tc.cfg, 0)
			if !slices.Equal(got.names, tc.want) || !slices.Equal(got.diags, tc.diags) {
				t.Fatalf("listed %q with %q; want %q with %q", got.names, got.diags, tc.want, tc.diags)
			}
			if tc.cfg == nil && !strings.Contains(got.details[0], "2 rooms") || !strings.Contains(got.details[0], hidden[0]) ||
				tc.cfg == nil && !strings.Contains(got.details[0], hidden[1]) {
				t.Errorf("the diagnostic does not name the skipped rooms %v: %s", hidden, got.details[0])
			}
		})
	}
}
