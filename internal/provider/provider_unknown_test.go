package provider

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

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

// TestAccProvider_importWhileHostUnknown: an import block while the
// provider's host is known only at apply cannot read the link, and a state
// that was not read would plan the link's replacement (link_type null).
// Terraform without deferred actions gets an error naming the unknown
// setting instead, for both resources; the portal keeps its links as they
// were.
func TestAccProvider_importWhileHostUnknown(t *testing.T) {
	room := createRoom(t, docspace.RoomTypePublic)
	c := testClient(t)
	existing, err := c.SetLink(context.Background(), docspace.RoomTarget(room.ID), docspace.LinkRequest{LinkType: docspace.LinkTypeExternal,
		Access: docspace.AccessRead, Title: "Existing"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c.DeleteLink(context.Background(), docspace.RoomTarget(room.ID), docspace.Link{ID: existing.ID, LinkType: docspace.LinkTypeExternal})
	}) //nolint:errcheck // best effort
	before, err := c.ListLinks(context.Background(), docspace.RoomTarget(room.ID), nil)
	if err != nil {
		t.Fatal(err)
	}
	provider := fmt.Sprintf(`
resource "terraform_data" "portal" {
  input = %q
}

provider "docspace" {
  host = terraform_data.portal.output
}
`, os.Getenv(envHost))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_5_0)},
		Steps: []resource.TestStep{
			{
				Config: provider + fmt.Sprintf(`
import {
  to = docspace_room_link.adopted
  id = "%[1]s/%[2]s"
}

resource "docspace_room_link" "adopted" {
  room_id = %[1]q
  access  = "read"
  title   = "Existing"
}`, room.ID, existing.ID),
				ExpectError: regexp.MustCompile("Provider Settings Not Known Yet[\\s\\S]*setting\\s+`host`\\s+is\\s+not\\s+known[\\s\\S]*import\\s+room\\s+link"),
			},
			{
				Config: provider + fmt.Sprintf(`
import {
  to = docspace_room_primary_link.adopted
  id = %[1]q
}

resource "docspace_room_primary_link" "adopted" {
  room_id = %[1]q
}`, room.ID),
				ExpectError: regexp.MustCompile("Provider Settings Not Known Yet[\\s\\S]*setting\\s+`host`\\s+is\\s+not\\s+known[\\s\\S]*import\\s+the\\s+primary\\s+link"),
			},
		},
	})
	after, err := c.ListLinks(context.Background(), docspace.RoomTarget(room.ID), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) {
		t.Errorf("the room holds %d links after the refused imports, had %d", len(after), len(before))
	}
	for i := range before {
		if i < len(after) && after[i].ID != before[i].ID {
			t.Errorf("link %s became %s", before[i].ID, after[i].ID)
		}
	}
}

// TestUnknownSettingsDeferOrRefuse: every path that would need the portal
// while the provider's settings are unknown defers where Terraform allows
// deferred actions, and otherwise refuses an import naming the settings; a
// state that was read before is kept as it is.
func TestUnknownSettingsDeferOrRefuse(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pending := &unconfigured{settings: []string{"host", "token"}}
	link, fileLink, primary := &linkResource{kind: roomLinks}, &linkResource{kind: fileLinks}, &primaryLinkResource{}
	var cfgResp fwresource.ConfigureResponse
	link.Configure(ctx, fwresource.ConfigureRequest{ProviderData: pending}, &cfgResp)
	fileLink.Configure(ctx, fwresource.ConfigureRequest{ProviderData: pending}, &cfgResp)
	primary.Configure(ctx, fwresource.ConfigureRequest{ProviderData: pending}, &cfgResp)
	const roomID, linkID = "4711", "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"
	bareLink := stateOf(t, link, linkModel{Parent: types.StringValue(roomID), ID: types.StringValue(linkID),
		ExpirationDate: newTimestampNull(), RotationTriggers: types.MapNull(types.StringType), OnExpired: types.StringValue(onExpiredKeep)})
	bareFileLink := stateOf(t, fileLink, linkModel{Parent: types.StringValue("9001"), ID: types.StringValue(linkID),
		ExpirationDate: newTimestampNull(), RotationTriggers: types.MapNull(types.StringType), OnExpired: types.StringValue(onExpiredKeep)})
	readLink := stateOf(t, link, storedModel(roomID, linkID))
	barePrimary := primaryStateOf(t, primary, map[string]tftypes.Value{"room_id": tftypes.NewValue(tftypes.String, roomID),
		"revoke_on_destroy": tftypes.NewValue(tftypes.Bool, false)})

	for _, deferral := range []bool{true, false} {
		caps := func() (fwresource.ImportStateClientCapabilities, fwresource.ReadClientCapabilities, fwresource.ModifyPlanClientCapabilities) {
			return fwresource.ImportStateClientCapabilities{DeferralAllowed: deferral}, fwresource.ReadClientCapabilities{DeferralAllowed: deferral},
				fwresource.ModifyPlanClientCapabilities{DeferralAllowed: deferral}
		}
		importCaps, readCaps, planCaps := caps()
		check := func(what string, deferred bool, diags diag.Diagnostics) {
			t.Helper()
			switch {
			case deferral && (!deferred || diags.HasError()):
				t.Errorf("%s with deferral allowed: deferred %v, %s", what, deferred, summaries(diags))
			case !deferral && (deferred || !diags.HasError() || !strings.Contains(diags[0].Detail(), "settings `host` and `token` are not known")):
				t.Errorf("%s without deferral: deferred %v, %v", what, deferred, diags)
			}
		}
		for _, r := range []fwresource.ResourceWithImportState{link, fileLink, primary} {
			id := roomID + "/" + linkID
			if r == primary {
				id = roomID
			}
			resp := fwresource.ImportStateResponse{State: emptyState(t, r), Identity: identityOf(t, r.(fwresource.ResourceWithIdentity), nil)}
			r.ImportState(ctx, fwresource.ImportStateRequest{ID: id, ClientCapabilities: importCaps}, &resp)
			check(fmt.Sprintf("%T ImportState", r), resp.Deferred != nil, resp.Diagnostics)
		}
		for name, tc := range map[string]struct {
			r     fwresource.Resource
			state tfsdk.State
		}{"link": {link, bareLink}, "file link": {fileLink, bareFileLink}, "primary link": {primary, barePrimary}} {
			readResp := fwresource.ReadResponse{State: tc.state, Identity: identityOf(t, tc.r.(fwresource.ResourceWithIdentity), nil)}
			tc.r.Read(ctx, fwresource.ReadRequest{State: tc.state, ClientCapabilities: readCaps}, &readResp)
			check(name+" Read of an unread import", readResp.Deferred != nil, readResp.Diagnostics)

			plan := tfsdk.Plan{Schema: tc.state.Schema, Raw: tc.state.Raw}
			planResp := fwresource.ModifyPlanResponse{Plan: plan}
			tc.r.(fwresource.ResourceWithModifyPlan).ModifyPlan(ctx, fwresource.ModifyPlanRequest{State: tc.state, Plan: plan,
				Config: tfsdk.Config{Schema: tc.state.Schema, Raw: tc.state.Raw}, ClientCapabilities: planCaps}, &planResp)
			check(name+" ModifyPlan of an unread import", planResp.Deferred != nil, planResp.Diagnostics)
		}
		// A state read before keeps its values: the plan works from it.
		readResp := fwresource.ReadResponse{State: readLink, Identity: identityOf(t, link, nil)}
		link.Read(ctx, fwresource.ReadRequest{State: readLink, ClientCapabilities: readCaps}, &readResp)
		if readResp.Deferred != nil || readResp.Diagnostics.HasError() || !readResp.State.Raw.Equal(readLink.Raw) {
			t.Errorf("Read of a known link: deferred %v, %s", readResp.Deferred != nil, summaries(readResp.Diagnostics))
		}
		for _, d := range []datasource.DataSourceWithConfigure{&linksDataSource{kind: roomLinks}, &linksDataSource{kind: fileLinks}, &linksDataSource{kind: folderLinks},
			&entryDataSource{kind: docspace.TargetFile}, &entryDataSource{kind: docspace.TargetFolder}, &roomLinkDataSource{}, &roomDataSource{}} {
			d.Configure(ctx, datasource.ConfigureRequest{ProviderData: pending}, &datasource.ConfigureResponse{})
			resp := datasource.ReadResponse{}
			d.Read(ctx, datasource.ReadRequest{ClientCapabilities: datasource.ReadClientCapabilities{DeferralAllowed: deferral}}, &resp)
			if deferral != (resp.Deferred != nil) || deferral == resp.Diagnostics.HasError() {
				t.Errorf("%T Read, deferral allowed %v: deferred %v, %s", d, deferral, resp.Deferred != nil, summaries(resp.Diagnostics))
			}
		}
	}
}

// emptyState is a resource's null state, as ImportState receives it.
func emptyState(t *testing.T, r fwresource.Resource) tfsdk.State {
	t.Helper()
	ctx := context.Background()
	var schemaResp fwresource.SchemaResponse
	r.Schema(ctx, fwresource.SchemaRequest{}, &schemaResp)
	return tfsdk.State{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil)}
}

// primaryStateOf is a docspace_room_primary_link state with the given
// attributes, null elsewhere.
func primaryStateOf(t *testing.T, r *primaryLinkResource, values map[string]tftypes.Value) tfsdk.State {
	t.Helper()
	state := emptyState(t, r)
	typ := state.Schema.Type().TerraformType(context.Background()).(tftypes.Object)
	attrs := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		attrs[name] = tftypes.NewValue(at, nil)
		if v, ok := values[name]; ok {
			attrs[name] = v
		}
	}
	state.Raw = tftypes.NewValue(typ, attrs)
	return state
}
