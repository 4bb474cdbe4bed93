package provider

import (
	"context"
	"fmt"
	"maps"
	"os"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
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

// identityOf builds the identity an import block hands to ImportState.
func identityOf(t *testing.T, r fwresource.ResourceWithIdentity, values map[string]string) *tfsdk.ResourceIdentity {
	t.Helper()
	ctx := context.Background()
	var resp fwresource.IdentitySchemaResponse
	r.IdentitySchema(ctx, fwresource.IdentitySchemaRequest{}, &resp)
	attrs := stringAttributes(maps.Keys(resp.IdentitySchema.Attributes), values)
	return &tfsdk.ResourceIdentity{Schema: resp.IdentitySchema, Raw: tftypes.NewValue(resp.IdentitySchema.Type().TerraformType(ctx), attrs)}
}

// TestImportIdentity: an identity is checked as strictly as an import ID,
// before any request; a valid one comes back normalised.
func TestImportIdentity(t *testing.T) {
	t.Parallel()
	const guid = "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"
	cases := []struct {
		name     string
		values   map[string]string
		room, id string
		problem  string
	}{
		{"valid", map[string]string{"room_id": "4711", "id": guid}, "4711", guid, ""},
		{"upper-case guid", map[string]string{"room_id": "4711", "id": "3F6C2A9E-8D41-4B7A-9C05-1E2D7F4A6B90"}, "4711", guid, ""},
		{"not a guid", map[string]string{"room_id": "4711", "id": "auditors"}, "", "", "Invalid Import Identity"},
		{"traversal", map[string]string{"room_id": "../people", "id": guid}, "", "", "Invalid Import Identity"},
		{"slash in room", map[string]string{"room_id": "47/11", "id": guid}, "", "", "Invalid Import Identity"},
		{"no room", map[string]string{"id": guid}, "", "", "Invalid Import Identity"},
		{"no id", map[string]string{"room_id": "4711"}, "", "", "Invalid Import Identity"},
	}
	for _, tc := range cases {
		room, id, diags := roomLinks.fromImportIdentity(context.Background(), identityOf(t, NewRoomLinkResource().(fwresource.ResourceWithIdentity), tc.values))
		if got := summaries(diags); (tc.problem == "" && got != "") || (tc.problem != "" && got != "Error: "+tc.problem) ||
			(tc.problem == "" && (room != tc.room || id != tc.id)) {
			t.Errorf("%s: got %q %q %q; want %q %q %q", tc.name, room, id, got, tc.room, tc.id, tc.problem)
		}
	}
	for _, tc := range []struct {
		room    string
		problem bool
	}{{"4712", false}, {"", true}, {"4712?x=1", true}, {"..", true}} {
		room, _, diags := roomPrimaryLinks.fromImportIdentity(context.Background(), identityOf(t, &primaryLinkResource{}, map[string]string{"room_id": tc.room}))
		if diags.HasError() != tc.problem || (!tc.problem && room != tc.room) {
			t.Errorf("primary link identity %q: got %q, %s", tc.room, room, summaries(diags))
		}
	}
	if _, _, diags := roomLinks.fromImportIdentity(context.Background(), nil); !diags.HasError() {
		t.Error("an import without id or identity passed")
	}
}

// TestReadIdentityOnRemoval: a Read that finds the link gone removes it and
// still answers with the identity, which the framework demands even when
// Terraform (before 1.12) sent none.
func TestReadIdentityOnRemoval(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv := docspacetest.NewTestServer(t)
	room := fmt.Sprint(srv.CreateRoom("empty", docspacetest.RoomCustom).ID)
	const gone = "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"
	r := newTestResource(t, srv.URL)
	resp := fwresource.ReadResponse{State: stateOf(t, r, storedModel(room, gone)), Identity: identityOf(t, r, nil)}
	r.Read(ctx, fwresource.ReadRequest{State: resp.State, Identity: identityOf(t, r, nil)}, &resp)
	if !resp.State.Raw.IsNull() {
		t.Fatalf("the link is gone but stays in the state: %s", summaries(resp.Diagnostics))
	}
	var gotRoom, gotID types.String
	diags := resp.Identity.GetAttribute(ctx, path.Root("room_id"), &gotRoom)
	diags.Append(resp.Identity.GetAttribute(ctx, path.Root("id"), &gotID)...)
	if diags.HasError() || gotRoom.ValueString() != room || gotID.ValueString() != gone {
		t.Errorf("identity after the removal: %s %s %s", gotRoom, gotID, summaries(diags))
	}
}

// TestAccIdentity_entryLinks: a file's and a folder's link carry their
// file_id or folder_id and id as the identity, and import by it without a
// change.
func TestAccIdentity_entryLinks(t *testing.T) {
	for _, k := range []*linkKind{fileLinks, folderLinks} {
		t.Run(k.name, func(t *testing.T) {
			room := createRoom(t, docspace.RoomTypeCustom)
			parentID := createFile(t, room.ID, "Identity.docx").ID
			if k == folderLinks {
				parentID = createFolder(t, room.ID, "Identity").ID
			}
			addr := "docspace_" + k.name + ".test"
			resource.ParallelTest(t, resource.TestCase{
				TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
				ProtoV6ProviderFactories: testProviders,
				CheckDestroy:             checkNoLinksLeft,
				Steps: []resource.TestStep{
					{
						Config: entryLinkConfig(k, parentID, "  access = \"read\"\n  title = \"By identity\""),
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{
								k.parentAttr: knownvalue.StringExact(parentID),
								"id":         knownvalue.StringRegexp(guidPattern),
							}),
							statecheck.ExpectIdentityValueMatchesState(addr, tfjsonpath.New("id")),
						},
					},
					{ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
				},
			})
		})
	}
}
