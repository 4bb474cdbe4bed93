package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// TestAccEntryLinksDataSource lists the links of a file and of a folder:
// the links Terraform made, with what DocSpace reports of them and no
// password, and, checked against the portal, nothing besides. A file with
// no links lists none.
func TestAccEntryLinksDataSource(t *testing.T) {
	for _, k := range []*linkKind{fileLinks, folderLinks} {
		t.Run(k.name, func(t *testing.T) {
			room := createRoom(t, docspace.RoomTypeCustom)
			parentID := createFile(t, room.ID, "Price list.xlsx").ID
			emptyID := createFile(t, room.ID, "Empty.docx").ID
			if k == folderLinks {
				parentID = createFolder(t, room.ID, "Press photos").ID
				emptyID = createFolder(t, room.ID, "Empty").ID
			}
			noun := k.target.Noun()
			addr := "data.docspace_" + noun + "_links.test"
			config := fmt.Sprintf(`
resource "docspace_%[1]s" "partners" {
  %[2]s = %[3]q
  access   = "comment"
  title    = "Partners"
  password = "Partner-2026x"
}
resource "docspace_%[1]s" "readers" {
  %[2]s         = %[3]q
  access        = "read"
  title         = "Readers"
  deny_download = true
}
data "docspace_%[4]s_links" "test" {
  %[2]s = %[3]q
  depends_on = [docspace_%[1]s.partners, docspace_%[1]s.readers]
}
data "docspace_%[4]s_links" "empty" {
  %[2]s = %[5]q
}
`, k.name, k.parentAttr, parentID, noun, emptyID)
			entry := func(title, access string, password, denyDownload bool) knownvalue.Check {
				return knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"id":                 knownvalue.StringRegexp(guidPattern),
					"title":              knownvalue.StringExact(title),
					"access":             knownvalue.StringExact(access),
					"link_type":          knownvalue.StringExact("external"),
					"primary":            knownvalue.Bool(false),
					"password_protected": knownvalue.Bool(password),
					"deny_download":      knownvalue.Bool(denyDownload),
					"share_link":         knownvalue.NotNull(),
					"expiration_date":    knownvalue.Null(),
				})
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				CheckDestroy:             checkNoLinksLeft,
				Steps: []resource.TestStep{{
					Config: config,
					ConfigStateChecks: []statecheck.StateCheck{
						// DocSpace lists by access rank: comment before read.
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("links"), knownvalue.ListExact([]knownvalue.Check{
							entry("Partners", "comment", true, false),
							entry("Readers", "read", false, true),
						})),
						statecheck.ExpectSensitiveValue(addr, tfjsonpath.New("links").AtSliceIndex(0).AtMapKey("share_link")),
						statecheck.CompareValuePairs(addr, tfjsonpath.New("links").AtSliceIndex(0).AtMapKey("id"),
							"docspace_"+k.name+".partners", tfjsonpath.New("id"), compare.ValuesSame()),
						statecheck.ExpectKnownValue("data.docspace_"+noun+"_links.empty", tfjsonpath.New("links"), knownvalue.ListExact(nil)),
					},
					Check: func(*terraform.State) error {
						links, err := testClient(t).ListLinks(context.Background(), docspace.Target{Kind: k.target, ID: parentID}, nil)
						if err != nil {
							return err
						}
						if len(links) != 2 {
							return fmt.Errorf("the portal holds %d links of %s %s, want the 2 listed", len(links), noun, parentID)
						}
						return nil
					},
				}},
			})
		})
	}
}

// TestAccEntryLinksDataSource_unknown: an unknown file or folder is an error
// that names it, not an empty list.
func TestAccEntryLinksDataSource_unknown(t *testing.T) {
	for _, k := range []*linkKind{fileLinks, folderLinks} {
		t.Run(k.name, func(t *testing.T) {
			noun := k.target.Noun()
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps: []resource.TestStep{{
					Config:      fmt.Sprintf("data \"docspace_%s_links\" \"test\" {\n  %s = \"987654321\"\n}\n", noun, k.parentAttr),
					ExpectError: expectError(fmt.Sprintf("Could Not List %s Links", capitalize(noun))),
				}, {
					Config:      fmt.Sprintf("data \"docspace_%s_links\" \"test\" {\n  %s = \"../12\"\n}\n", noun, k.parentAttr),
					ExpectError: expectError(fmt.Sprintf("Invalid %s ID", capitalize(noun))),
				}},
			})
		})
	}
}

// TestAccEntryLinksDataSource_primary: the primary link DocSpace 3.7 gives a
// file created in a Public room is listed, as primary.
func TestAccEntryLinksDataSource_primary(t *testing.T) {
	requireEmulator(t)
	room := createRoom(t, docspace.RoomTypePublic)
	file := createFile(t, room.ID, "Press release.docx")
	addr := "data.docspace_file_links.test"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf("data \"docspace_file_links\" \"test\" {\n  file_id = %q\n}\n", file.ID),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("links"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"primary":   knownvalue.Bool(true),
						"access":    knownvalue.StringExact("read"),
						"link_type": knownvalue.StringExact("external"),
					}),
				})),
			},
		}},
	})
}
