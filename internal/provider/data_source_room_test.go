package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// stringList is a knownvalue check of an exact list of strings.
func stringList(values ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(values))
	for i, v := range values {
		checks[i] = knownvalue.StringExact(v)
	}
	return knownvalue.ListExact(checks)
}

// TestAccRoomDataSource_roomTypes looks each room type up by id and by
// title and checks what it allows, value for value (API.md §4.5, §4.6).
func TestAccRoomDataSource_roomTypes(t *testing.T) {
	cases := []struct {
		room                 docspace.RoomType
		name                 string
		external, invitation []string
		additional           int64
	}{
		{docspace.RoomTypeFillingForms, "form_filling", []string{"fill_forms", "read"}, []string{"content_creator", "fill_forms"}, 0},
		{docspace.RoomTypeEditing, "collaboration", nil, []string{"content_creator", "editing", "read"}, 0},
		{docspace.RoomTypeCustom, "custom",
			[]string{"editing", "fill_forms", "review", "comment", "read"},
			[]string{"content_creator", "editing", "review", "comment", "read"}, 5},
		{docspace.RoomTypePublic, "public",
			[]string{"editing", "fill_forms", "review", "comment", "read"},
			[]string{"content_creator", "read"}, 5},
		{docspace.RoomTypeVirtualData, "virtual_data", nil, []string{"content_creator", "editing", "read", "fill_forms"}, 0},
		{docspace.RoomTypeAI, "ai", nil, []string{"content_creator", "read"}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			room := createRoom(t, tc.room)
			config := fmt.Sprintf(`
data "docspace_room" "by_id" {
  id = %q
}
data "docspace_room" "by_title" {
  title = %q
}
`, room.ID, room.Title)
			var checks []statecheck.StateCheck
			for _, address := range []string{"data.docspace_room.by_id", "data.docspace_room.by_title"} {
				for attr, check := range map[string]knownvalue.Check{
					"id":                            knownvalue.StringExact(room.ID),
					"title":                         knownvalue.StringExact(room.Title),
					"room_type":                     knownvalue.StringExact(tc.name),
					"external_link_access":          stringList(tc.external...),
					"invitation_link_access":        stringList(tc.invitation...),
					"max_additional_external_links": knownvalue.Int64Exact(tc.additional),
					"max_invitation_links":          knownvalue.Int64Exact(1),
				} {
					checks = append(checks, statecheck.ExpectKnownValue(address, tfjsonpath.New(attr), check))
				}
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps: []resource.TestStep{
					{Config: config, ConfigStateChecks: checks},
					{Config: config, PlanOnly: true},
				},
			})
		})
	}
}

// TestAccRoomDataSource_feedsLinks: a room found by title carries a link,
// with an access value the room data source offers.
func TestAccRoomDataSource_feedsLinks(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
data "docspace_room" "audit" {
  title = %q
}
resource "docspace_room_link" "test" {
  room_id = data.docspace_room.audit.id
  access  = data.docspace_room.audit.external_link_access[0]
  title   = "From the room data source"
}
`, room.Title),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("room_id"), knownvalue.StringExact(room.ID)),
				statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("access"), knownvalue.StringExact("editing")),
				statecheck.CompareValuePairs("data.docspace_room.audit", tfjsonpath.New("id"), linkAddr, tfjsonpath.New("room_id"), compare.ValuesSame()),
			},
			Check: checkRemote(linkAddr, func(l docspace.Link) error {
				if l.Access != docspace.AccessEditing {
					return fmt.Errorf("access = %s, want editing", l.Access.Name())
				}
				return nil
			}),
		}},
	})
}

// TestAccRoomDataSource_errors: a lookup that finds no room, or several,
// fails and names what it found.
func TestAccRoomDataSource_errors(t *testing.T) {
	// Two rooms with the same title: createRoom names rooms after the test.
	first := createRoom(t, docspace.RoomTypeCustom)
	second := createRoom(t, docspace.RoomTypePublic)
	title := first.Title
	// q quotes text for a pattern, letting Terraform wrap lines between words.
	q := func(text string) string {
		return strings.Join(strings.Fields(regexp.QuoteMeta(text)), `\s+`)
	}
	cases := []struct {
		name   string
		config string
		want   *regexp.Regexp
	}{
		{
			"several rooms with the title",
			fmt.Sprintf(`data "docspace_room" "test" { title = %q }`, title),
			regexp.MustCompile(`Several Rooms Match[\s\S]*2\s+rooms\s+on\s+\S+\s+are\s+titled\s+"` + q(title) + `":\s+ids\s+(` +
				q(first.ID) + `,\s+` + q(second.ID) + `|` + q(second.ID) + `,\s+` + q(first.ID) + `)`),
		},
		{
			"titles match exactly: other case",
			fmt.Sprintf(`data "docspace_room" "test" { title = %q }`, "TF-ACC "+t.Name()),
			regexp.MustCompile(`Room Not Found[\s\S]*is\s+titled\s+"` + q("TF-ACC "+t.Name()) + `"[\s\S]*Rooms\s+whose\s+titles\s+contain\s+it:\s+"` +
				q(title) + `"\s+\(id\s+(` + q(first.ID) + `|` + q(second.ID) + `)\)`),
		},
		{
			"no room contains the title",
			`data "docspace_room" "test" { title = "no such room 8c1f02" }`,
			expectError(`is titled "no such room 8c1f02" (titles are matched exactly). The token's user sees no room whose title contains it`),
		},
		{
			"an unknown id",
			`data "docspace_room" "test" { id = "987654321" }`,
			expectError("Room 987654321 does not exist"),
		},
		{
			"neither id nor title",
			`data "docspace_room" "test" {}`,
			expectError("Exactly one of these attributes must be configured: [id,title]"),
		},
		{
			"both id and title",
			fmt.Sprintf(`data "docspace_room" "test" {
  id    = %q
  title = %q
}`, first.ID, title),
			expectError("Exactly one of these attributes must be configured: [id,title]"),
		},
		{
			"an id that cannot name a room",
			`data "docspace_room" "test" { id = "../4711" }`,
			expectError("Invalid Room ID"),
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

// TestRoomModelUnknownType: a room type the provider does not know reports
// nothing allowed, and says so in a warning rather than failing.
func TestRoomModelUnknownType(t *testing.T) {
	t.Parallel()
	state, diags := newRoomModel(context.Background(), docspace.Room{ID: "4711", Title: "Future", Type: docspace.RoomType(12)})
	if diags.HasError() || diags.WarningsCount() != 1 || diags.Warnings()[0].Summary() != "Unknown Room Type" {
		t.Fatalf("diagnostics = %v, want one Unknown Room Type warning", diags)
	}
	empty := types.ListValueMust(types.StringType, nil)
	if state.RoomType.ValueString() != "room_type_12" || !state.ExternalLinkAccess.Equal(empty) || !state.InvitationLinkAccess.Equal(empty) ||
		state.MaxAdditionalExternalLinks.ValueInt64() != 0 || state.MaxInvitationLinks.ValueInt64() != 0 {
		t.Errorf("state = %+v", state)
	}
}
