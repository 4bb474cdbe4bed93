package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// linkLookupChecks asserts every attribute of one looked-up link.
func linkLookupChecks(address, roomID string, want map[string]knownvalue.Check) []statecheck.StateCheck {
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(address, tfjsonpath.New("room_id"), knownvalue.StringExact(roomID)),
		statecheck.ExpectKnownValue(address, tfjsonpath.New("id"), knownvalue.StringRegexp(guidPattern)),
		statecheck.ExpectKnownValue(address, tfjsonpath.New("share_link"), knownvalue.StringRegexp(regexp.MustCompile(`^https://.+/s/.{15}$`))),
		statecheck.ExpectSensitiveValue(address, tfjsonpath.New("share_link")),
		statecheck.ExpectKnownValue(address, tfjsonpath.New("is_expired"), knownvalue.Bool(false)),
	}
	for attr, check := range want {
		checks = append(checks, statecheck.ExpectKnownValue(address, tfjsonpath.New(attr), check))
	}
	return checks
}

// TestAccRoomLinkDataSource_custom looks up links of a Custom room by id
// and by title: an external link with a password and an expiry, and an
// invitation link; the data sources agree with the resources.
func TestAccRoomLinkDataSource_custom(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	expires := futureDate(30 * 24 * time.Hour)
	config := fmt.Sprintf(`
locals {
  room = %q
}
resource "docspace_room_link" "ext" {
  room_id         = local.room
  access          = "comment"
  title           = "Auditors"
  password        = "Audit-2026-pass"
  deny_download   = true
  expiration_date = %q
}
resource "docspace_room_link" "inv" {
  room_id       = local.room
  link_type     = "invitation"
  access        = "content_creator"
  title         = "Join us"
  max_use_count = 10
}
data "docspace_room_link" "by_id" {
  room_id = local.room
  id      = docspace_room_link.ext.id
}
data "docspace_room_link" "by_title" {
  room_id    = local.room
  title      = "Auditors"
  depends_on = [docspace_room_link.ext, docspace_room_link.inv]
}
data "docspace_room_link" "invitation" {
  room_id    = local.room
  title      = "Join us"
  depends_on = [docspace_room_link.ext, docspace_room_link.inv]
}
`, room.ID, expires)

	external := map[string]knownvalue.Check{
		"title":              knownvalue.StringExact("Auditors"),
		"access":             knownvalue.StringExact("comment"),
		"link_type":          knownvalue.StringExact("external"),
		"primary":            knownvalue.Bool(false),
		"internal":           knownvalue.Bool(false),
		"deny_download":      knownvalue.Bool(true),
		"password_protected": knownvalue.Bool(true),
		"expiration_date":    knownvalue.NotNull(),
		"max_use_count":      knownvalue.Null(),
	}
	checks := append(linkLookupChecks("data.docspace_room_link.by_id", room.ID, external),
		linkLookupChecks("data.docspace_room_link.by_title", room.ID, external)...)
	checks = append(checks, linkLookupChecks("data.docspace_room_link.invitation", room.ID, map[string]knownvalue.Check{
		"title":              knownvalue.StringExact("Join us"),
		"access":             knownvalue.StringExact("content_creator"),
		"link_type":          knownvalue.StringExact("invitation"),
		"primary":            knownvalue.Bool(false),
		"deny_download":      knownvalue.Bool(false),
		"password_protected": knownvalue.Bool(false),
		"expiration_date":    knownvalue.Null(),
		"max_use_count":      knownvalue.Int64Exact(10),
	})...)
	for _, pair := range []struct{ data, res string }{
		{"data.docspace_room_link.by_id", "docspace_room_link.ext"},
		{"data.docspace_room_link.by_title", "docspace_room_link.ext"},
		{"data.docspace_room_link.invitation", "docspace_room_link.inv"},
	} {
		for _, attr := range []string{"id", "share_link"} {
			checks = append(checks, statecheck.CompareValuePairs(pair.data, tfjsonpath.New(attr), pair.res, tfjsonpath.New(attr), compare.ValuesSame()))
		}
	}
	checks = append(checks, statecheck.CompareValuePairs(
		"data.docspace_room_link.by_id", tfjsonpath.New("expiration_date"),
		"data.docspace_room_link.by_title", tfjsonpath.New("expiration_date"), compare.ValuesSame()))

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{Config: config, ConfigStateChecks: checks},
			// Looking links up changes nothing, however often.
			{Config: config, PlanOnly: true},
		},
	})
}

// TestAccRoomLinkDataSource_primary finds the primary link DocSpace made
// itself in Public and Form filling rooms, by its default title and by the
// id the room listing reports.
func TestAccRoomLinkDataSource_primary(t *testing.T) {
	cases := []struct {
		room   docspace.RoomType
		title  string
		access string
	}{
		{docspace.RoomTypePublic, "Shared link", "read"},
		{docspace.RoomTypeFillingForms, "Link to fill out", "fill_forms"},
	}
	for _, tc := range cases {
		t.Run(tc.room.Name(), func(t *testing.T) {
			room := createRoom(t, tc.room)
			config := fmt.Sprintf(`
locals {
  room = %q
}
data "docspace_room_links" "all" {
  room_id = local.room
}
data "docspace_room_link" "by_title" {
  room_id = local.room
  title   = %q
}
data "docspace_room_link" "by_id" {
  room_id = local.room
  id      = data.docspace_room_links.all.links[0].id
}
`, room.ID, tc.title)
			primary := map[string]knownvalue.Check{
				"title":              knownvalue.StringExact(tc.title),
				"access":             knownvalue.StringExact(tc.access),
				"link_type":          knownvalue.StringExact("external"),
				"primary":            knownvalue.Bool(true),
				"password_protected": knownvalue.Bool(false),
				"expiration_date":    knownvalue.Null(),
			}
			checks := append(linkLookupChecks("data.docspace_room_link.by_title", room.ID, primary),
				linkLookupChecks("data.docspace_room_link.by_id", room.ID, primary)...)
			for _, attr := range []string{"id", "share_link"} {
				checks = append(checks, statecheck.CompareValuePairs(
					"data.docspace_room_link.by_title", tfjsonpath.New(attr),
					"data.docspace_room_link.by_id", tfjsonpath.New(attr), compare.ValuesSame()))
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps:                    []resource.TestStep{{Config: config, ConfigStateChecks: checks}},
			})
		})
	}
}

// TestAccRoomLinkDataSource_idSpelling: an id in capitals finds the link,
// and the state keeps the configured spelling.
func TestAccRoomLinkDataSource_idSpelling(t *testing.T) {
	room := createRoom(t, docspace.RoomTypePublic)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
data "docspace_room_links" "all" {
  room_id = %[1]q
}
data "docspace_room_link" "test" {
  room_id = %[1]q
  id      = upper(data.docspace_room_links.all.links[0].id)
}
`, room.ID),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.docspace_room_link.test", tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9A-F-]{36}$`))),
				statecheck.ExpectKnownValue("data.docspace_room_link.test", tfjsonpath.New("title"), knownvalue.StringExact("Shared link")),
			},
		}},
	})
}

// setLinks creates links in a room behind Terraform's back and returns their ids.
func setLinks(t *testing.T, roomID string, reqs ...docspace.LinkRequest) []string {
	t.Helper()
	c := testClient(t)
	ids := make([]string, len(reqs))
	for i, req := range reqs {
		l, err := c.SetLink(context.Background(), docspace.RoomTarget(roomID), req)
		if err != nil {
			t.Fatalf("creating link %q: %v", req.Title, err)
		}
		ids[i] = l.ID
	}
	return ids
}

// TestAccRoomLinkDataSource_errors: a lookup that finds nothing, or more than
// one link, fails and says what the room holds.
func TestAccRoomLinkDataSource_errors(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	ids := setLinks(t, room.ID,
		docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Twins"},
		docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Twins"},
		docspace.LinkRequest{LinkType: docspace.LinkTypeInvitation, Access: docspace.AccessEditing, Title: "Auditors"},
	)
	empty := createRoom(t, docspace.RoomTypeCustom)
	lookup := func(roomID, attrs string) string {
		return fmt.Sprintf("data \"docspace_room_link\" \"test\" {\n  room_id = %q\n%s\n}\n", roomID, attrs)
	}
	quoted := func(s string) string { return regexp.QuoteMeta(s) }
	cases := []struct {
		name   string
		config string
		want   *regexp.Regexp
	}{
		{
			"several links with the title",
			lookup(room.ID, `  title = "Twins"`),
			regexp.MustCompile(`Several Links Match[\s\S]*Room\s+` + room.ID + `\s+has\s+2\s+links\s+titled\s+"Twins":\s+` +
				quoted(ids[0]) + `\s+\(external\),\s+` + quoted(ids[1]) + `\s+\(external\)`),
		},
		{
			"no link with the title: titles match exactly",
			lookup(room.ID, `  title = "auditors"`),
			regexp.MustCompile(`Link Not Found[\s\S]*Room\s+` + room.ID + `\s+has\s+no\s+link\s+titled\s+"auditors"[\s\S]*Its\s+links:[\s\S]*"Auditors"\s+\(invitation,\s+id\s+` +
				quoted(ids[2]) + `\)`),
		},
		{
			"no link with the id",
			lookup(room.ID, `  id = "00000000-0000-4000-8000-000000000001"`),
			regexp.MustCompile(`Room\s+` + room.ID + `\s+has\s+no\s+link\s+with\s+id\s+00000000-0000-4000-8000-000000000001[\s\S]*"Twins"\s+\(external,\s+id\s+` + quoted(ids[0]) + `\)`),
		},
		{
			"a room without links",
			lookup(empty.ID, `  title = "Shared link"`),
			expectError("DocSpace lists no links for room " + empty.ID + ": the room has none"),
		},
		{
			"an unknown room",
			lookup("987654321", `  title = "Shared link"`),
			expectError("Room 987654321 does not exist"),
		},
		{
			"neither id nor title",
			lookup(room.ID, ""),
			expectError("Exactly one of these attributes must be configured: [id,title]"),
		},
		{
			"both id and title",
			lookup(room.ID, fmt.Sprintf("  id = %q\n  title = \"Twins\"", ids[0])),
			expectError("Exactly one of these attributes must be configured: [id,title]"),
		},
		{
			"an id that is not a GUID",
			lookup(room.ID, `  id = "Twins"`),
			expectError("must be a link id"),
		},
		{
			"an empty title",
			lookup(room.ID, `  title = ""`),
			expectError("string length must be at least 1"),
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps:                    []resource.TestStep{{Config: tc.config, ExpectError: tc.want}},
			})
		})
	}
}

// TestAccRoomLinkDataSource_sharesListing: any number of link and room
// look-ups of one room cost one listing and one room lookup per run.
func TestAccRoomLinkDataSource_sharesListing(t *testing.T) {
	srv, providerBlock := newEmulator(t)
	room := emulatorRoomID(t, srv, docspacetest.RoomPublic)
	config := providerBlock + fmt.Sprintf(`
data "docspace_room_links" "all" {
  room_id = %[1]q
}
data "docspace_room_link" "by_title" {
  room_id = %[1]q
  title   = "Shared link"
}
data "docspace_room_link" "by_id" {
  room_id = %[1]q
  id      = data.docspace_room_links.all.links[0].id
}
data "docspace_room" "room" {
  id = %[1]q
}
`, room)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: config},
			{PreConfig: srv.ResetRequests, Config: config, PlanOnly: true},
			{
				PreConfig: func() {
					// The plan-only step ran two plans (without and with
					// refresh); each read all four data sources, listing the
					// room's links once and looking the room up once.
					if n := srv.Requests("GET", "/api/2.0/files/rooms/"+room+"/links"); n != 2 {
						t.Errorf("%d listings of the room's links, want 2 (one per run)", n)
					}
					if n := srv.Requests("GET", "/api/2.0/files/rooms/"+room); n != 2 {
						t.Errorf("%d lookups of the room, want 2 (one per run)", n)
					}
				},
				Config:   config,
				PlanOnly: true,
			},
		},
	})
}
