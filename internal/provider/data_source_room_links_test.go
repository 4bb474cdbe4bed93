package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

const linksAddr = "data.docspace_room_links.test"

// linkEntry is what one element of links must hold.
func linkEntry(title, access, kind string, primary, passwordProtected bool) knownvalue.Check {
	return knownvalue.ObjectPartial(map[string]knownvalue.Check{
		"id":                 knownvalue.StringRegexp(guidPattern),
		"title":              knownvalue.StringExact(title),
		"access":             knownvalue.StringExact(access),
		"link_type":          knownvalue.StringExact(kind),
		"primary":            knownvalue.Bool(primary),
		"password_protected": knownvalue.Bool(passwordProtected),
		"share_link":         knownvalue.NotNull(),
		"is_expired":         knownvalue.Bool(false),
	})
}

// TestAccRoomLinksDataSource_roomTypes lists the links of each room type:
// the primary link DocSpace makes in Public and Form filling rooms, links
// created beside it, and the type filter.
func TestAccRoomLinksDataSource_roomTypes(t *testing.T) {
	cases := []struct {
		room    docspace.RoomType
		links   string // resources to create first
		filter  string
		entries []knownvalue.Check
	}{
		{
			room:    docspace.RoomTypePublic,
			entries: []knownvalue.Check{linkEntry("Shared link", "read", "external", true, false)},
		},
		{
			room:    docspace.RoomTypeFillingForms,
			entries: []knownvalue.Check{linkEntry("Link to fill out", "fill_forms", "external", true, false)},
		},
		{
			room: docspace.RoomTypeCustom,
			links: `
resource "docspace_room_link" "ext" {
  room_id  = local.room
  access   = "comment"
  title    = "Commenters"
  password = "Comment-2026"
}
resource "docspace_room_link" "inv" {
  room_id   = local.room
  link_type = "invitation"
  access    = "content_creator"
  title     = "Join"
}`,
			// Ordered by access rank (API.md §7.2): content creator before comment.
			entries: []knownvalue.Check{
				linkEntry("Join", "content_creator", "invitation", false, false),
				linkEntry("Commenters", "comment", "external", false, true),
			},
		},
		{
			room: docspace.RoomTypePublic,
			links: `
resource "docspace_room_link" "inv" {
  room_id   = local.room
  link_type = "invitation"
  access    = "read"
  title     = "Readers"
}`,
			filter:  "invitation",
			entries: []knownvalue.Check{linkEntry("Readers", "read", "invitation", false, false)},
		},
		{
			room:    docspace.RoomTypeEditing,
			entries: []knownvalue.Check{},
		},
	}
	for i, tc := range cases {
		t.Run(fmt.Sprintf("%d-%s", i, tc.room), func(t *testing.T) {
			room := createRoom(t, tc.room)
			filter := ""
			if tc.filter != "" {
				filter = fmt.Sprintf("  link_type = %q\n", tc.filter)
			}
			config := fmt.Sprintf(`
locals {
  room = %q
}
%s
data "docspace_room_links" "test" {
  room_id = local.room
%s  depends_on = [%s]
}
`, room.ID, tc.links, filter, dependsOn(tc.links))
			checks := []statecheck.StateCheck{
				statecheck.ExpectKnownValue(linksAddr, tfjsonpath.New("links"), knownvalue.ListExact(tc.entries)),
			}
			if len(tc.entries) > 0 {
				checks = append(checks, statecheck.ExpectSensitiveValue(linksAddr, tfjsonpath.New("links").AtSliceIndex(0).AtMapKey("share_link")))
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				CheckDestroy:             checkNoLinksLeft,
				Steps: []resource.TestStep{{
					Config:            config,
					ConfigStateChecks: checks,
				}},
			})
		})
	}
}

// dependsOn names the resources of a snippet, so the data source reads after
// they exist.
func dependsOn(snippet string) string {
	var names []string
	for _, name := range []string{"ext", "inv"} {
		if strings.Contains(snippet, `"docspace_room_link" "`+name+`"`) {
			names = append(names, "docspace_room_link."+name)
		}
	}
	return strings.Join(names, ", ")
}

// TestAccRoomLinksDataSource_unknownRoom: an unknown room is an error, not
// an empty list.
func TestAccRoomLinksDataSource_unknownRoom(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config:      `data "docspace_room_links" "test" { room_id = "987654321" }`,
			ExpectError: expectError("Room 987654321 does not exist"),
		}},
	})
}
