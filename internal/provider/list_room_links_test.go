package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

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
