package provider

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// TestAccProvider_hostKnownOnlyAtApply: the provider's host and token come
// from terraform_data outputs, unknown while planning. The plan succeeds,
// with the links' computed values unknown and no room check (a room that
// does not allow the access would only fail at apply); apply configures the
// provider with the known values, and the next plan, with everything known,
// is empty. Destroy works too.
func TestAccProvider_hostKnownOnlyAtApply(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	config := fmt.Sprintf(`
resource "terraform_data" "portal" {
  input = %q
}

resource "terraform_data" "token" {
  input = sensitive(%q)
}

provider "docspace" {
  host  = terraform_data.portal.output
  token = terraform_data.token.output
}

resource "docspace_room_link" "test" {
  room_id = %q
  access  = "read"
  title   = "Configured later"
}

resource "docspace_room_primary_link" "test" {
  room_id = %q
}
`, os.Getenv(envHost), os.Getenv(envToken), room.ID, room.ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectUnknownValue(linkAddr, tfjsonpath.New("id")),
					plancheck.ExpectUnknownValue(linkAddr, tfjsonpath.New("share_link")),
					plancheck.ExpectKnownValue(linkAddr, tfjsonpath.New("title"), knownvalue.StringExact("Configured later")),
					plancheck.ExpectResourceAction("docspace_room_primary_link.test", plancheck.ResourceActionCreate),
					plancheck.ExpectUnknownValue("docspace_room_primary_link.test", tfjsonpath.New("share_link")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(guidPattern)),
				},
				Check: checkRemote(linkAddr, func(l docspace.Link) error {
					if l.Title != "Configured later" || l.Access != docspace.AccessRead {
						return fmt.Errorf("DocSpace holds %q with access %s", l.Title, l.Access.Name())
					}
					return nil
				}),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// TestAccProvider_emptyStringsCountAsUnset: host = "" and token = "" in
// the block (an empty variable, say) fall back to DOCSPACE_HOST and
// DOCSPACE_TOKEN instead of failing.
func TestAccProvider_emptyStringsCountAsUnset(t *testing.T) {
	room := createRoom(t, docspace.RoomTypePublic)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "docspace" {
  host  = ""
  token = ""
}

data "docspace_room_links" "test" {
  room_id = %q
}`, room.ID),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.docspace_room_links.test", tfjsonpath.New("links"), knownvalue.ListSizeExact(1)),
			},
		}},
	})
}

// TestResolveCredentialsEmptyValues: an empty value in the block counts as
// unset, for the token and for the user name and password; when nothing is
// left the message says the empty string counted as unset.
func TestResolveCredentialsEmptyValues(t *testing.T) {
	empty := types.StringValue("")
	t.Setenv(envUsername, "")
	t.Setenv(envPassword, "")

	t.Setenv(envToken, "env-token")
	c, diags := resolveCredentials(providerModel{Token: empty, Username: types.StringNull(), Password: types.StringNull()})
	if diags.HasError() || c.token != "env-token" {
		t.Errorf("token = \"\" with %s set: %+v %v", envToken, c, diags)
	}
	c, diags = resolveCredentials(providerModel{Token: empty, Username: types.StringValue("a@example.com"), Password: types.StringValue("Secret-2026")})
	if diags.HasError() || c.userName != "a@example.com" {
		t.Errorf("token = \"\" beside username/password is no conflict: %+v %v", c, diags)
	}

	t.Setenv(envToken, "")
	_, diags = resolveCredentials(providerModel{Token: empty, Username: types.StringNull(), Password: types.StringNull()})
	if !diags.HasError() || !strings.Contains(diags[0].Detail(), "an empty string counts as unset") {
		t.Errorf("no token anywhere: %v", diags)
	}
}

// TestUnknownSettings names every setting that is not known yet.
func TestUnknownSettings(t *testing.T) {
	m := providerModel{Host: types.StringUnknown(), Token: types.StringValue("x"), CACertificate: types.StringUnknown()}
	if got := strings.Join(m.unknownSettings(), ","); got != "host,ca_certificate" {
		t.Errorf("unknownSettings = %q", got)
	}
}
