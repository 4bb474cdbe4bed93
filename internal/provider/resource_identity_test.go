package provider

import (
	"fmt"
	"os"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// Tests of resource identity: they need Terraform 1.12 or later, and run on
// Terraform 1.16.4 in `make test` when it is at hand (see GNUmakefile).

// TestAccIdentity_roomLink: the state carries room_id and id as the
// identity; an import block by identity, one by the string id and the
// import command all adopt the same link without a change.
func TestAccIdentity_roomLink(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	config := linkConfig(room.ID, `
  access        = "comment"
  title         = "Reviewers"
  deny_download = true`)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(linkAddr, map[string]knownvalue.Check{
						"room_id": knownvalue.StringExact(room.ID),
						"id":      knownvalue.StringRegexp(guidPattern),
					}),
					sameID.AddStateValue(linkAddr, tfjsonpath.New("id")),
					statecheck.ExpectIdentityValueMatchesState(linkAddr, tfjsonpath.New("id")),
					statecheck.ExpectIdentityValueMatchesState(linkAddr, tfjsonpath.New("room_id")),
				},
			},
			{
				// An in-place update keeps the identity.
				Config: linkConfig(room.ID, `
  access        = "read"
  title         = "Reviewers"
  deny_download = true`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(linkAddr, tfjsonpath.New("id")),
					statecheck.ExpectIdentityValueMatchesState(linkAddr, tfjsonpath.New("id")),
				},
			},
			{
				ResourceName:    linkAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
			},
			{
				ResourceName:    linkAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					return room.ID + "/" + s.RootModule().Resources[linkAddr].Primary.ID, nil
				},
			},
		},
	})
}

// TestAccIdentity_importRefused: an identity that does not name a link
// fails before any request, and a room's primary link is refused by
// docspace_room_link whichever way it is named.
func TestAccIdentity_importRefused(t *testing.T) {
	room := createRoom(t, docspace.RoomTypePublic)
	primary, found, err := primaryOf(room.ID)
	if err != nil || !found {
		t.Fatalf("public room %s: primary link found %v, %v", room.ID, found, err)
	}
	importBlock := func(identity string) string {
		return linkConfig(room.ID, `  access = "read"`) + fmt.Sprintf(`
import {
  to       = docspace_room_link.test
  identity = %s
}
`, identity)
	}
	steps := []resource.TestStep{{
		Config:      importBlock(fmt.Sprintf(`{ room_id = %q, id = %q }`, room.ID, primary.ID)),
		PlanOnly:    true,
		ExpectError: expectError("Primary Links Are Imported With docspace_room_primary_link"),
	}}
	for _, identity := range []string{
		fmt.Sprintf(`{ room_id = %q, id = "not-a-guid" }`, room.ID),
		fmt.Sprintf(`{ room_id = "../people", id = %q }`, primary.ID),
		fmt.Sprintf(`{ room_id = "", id = %q }`, primary.ID),
	} {
		steps = append(steps, resource.TestStep{
			Config:      importBlock(identity),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`Invalid Import Identity`),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: testProviders,
		Steps:                    steps,
	})
}

// TestAccIdentity_primaryLink: a primary link is named by its room alone,
// so rotating it (a new link id) keeps the identity, and it imports by
// identity and by the room id.
func TestAccIdentity_primaryLink(t *testing.T) {
	room := createRoom(t, docspace.RoomTypePublic)
	rotated := statecheck.CompareValue(compare.ValuesDiffer())
	identity := map[string]knownvalue.Check{"room_id": knownvalue.StringExact(room.ID)}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: primaryConfig(room.ID, `  title = "Press kit"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(primaryAddr, identity),
					rotated.AddStateValue(primaryAddr, tfjsonpath.New("id")),
				},
			},
			{
				Config: primaryConfig(room.ID, "  title = \"Press kit\"\n  rotation_triggers = { quarter = \"2026-Q4\" }"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(primaryAddr, identity),
					rotated.AddStateValue(primaryAddr, tfjsonpath.New("id")),
				},
			},
			{
				// rotation_triggers live in Terraform only: an import cannot
				// read them, so the import configurations leave them out.
				Config:          primaryConfig(room.ID, `  title = "Press kit"`),
				ResourceName:    primaryAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
			},
			{
				Config:          primaryConfig(room.ID, `  title = "Press kit"`),
				ResourceName:    primaryAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   room.ID,
			},
			{
				Config: primaryConfig(room.ID, "  title = \"Press kit\"\n  rotation_triggers = { quarter = \"2026-Q4\" }") + fmt.Sprintf(`
import {
  to       = docspace_room_primary_link.other
  identity = { room_id = "12/../34" }
}
resource "docspace_room_primary_link" "other" {
  room_id = %q
}
`, room.ID),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`Invalid Import Identity`),
			},
		},
	})
}

// TestAccIdentity_refreshWithoutProvider: when the provider's host becomes
// known only at apply, the refresh keeps the links as they are, and still
// answers with their identities; on every Terraform version, those before
// 1.12 (which send none) included.
func TestAccIdentity_refreshWithoutProvider(t *testing.T) {
	room := createRoom(t, docspace.RoomTypePublic)
	config := func(host string) string {
		return fmt.Sprintf(`
resource "terraform_data" "portal" {
  input = %q
}

provider "docspace" {
  host = terraform_data.portal.output
}

resource "docspace_room_link" "test" {
  room_id = %q
  access  = "read"
}

resource "docspace_room_primary_link" "test" {
  room_id = %q
}
`, host, room.ID, room.ID)
	}
	host := os.Getenv(envHost)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{Config: config(host)},
			{
				// A new terraform_data output: the host is unknown while planning.
				Config: config(host + "/"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("terraform_data.portal", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction(primaryAddr, plancheck.ResourceActionNoop),
				}},
			},
		},
	})
}
