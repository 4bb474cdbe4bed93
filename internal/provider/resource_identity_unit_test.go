package provider

import (
	"context"
	"fmt"
	"maps"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// identityOf builds the identity an import block hands to ImportState.
func identityOf(t *testing.T, r resource.ResourceWithIdentity, values map[string]string) *tfsdk.ResourceIdentity {
	t.Helper()
	ctx := context.Background()
	var resp resource.IdentitySchemaResponse
	r.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &resp)
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
		room, id, diags := roomLinks.fromImportIdentity(context.Background(), identityOf(t, NewRoomLinkResource().(resource.ResourceWithIdentity), tc.values))
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
	resp := resource.ReadResponse{State: stateOf(t, r, storedModel(room, gone)), Identity: identityOf(t, r, nil)}
	r.Read(ctx, resource.ReadRequest{State: resp.State, Identity: identityOf(t, r, nil)}, &resp)
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
