package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// Resource identity (Terraform 1.12 and later): what names a link on the
// portal for as long as it lives, so that `import { identity = {…} }` blocks
// and `terraform query` can address it without an import string.

var (
	_ resource.ResourceWithIdentity = (*roomLinkResource)(nil)
	_ resource.ResourceWithIdentity = (*primaryLinkResource)(nil)
)

// roomLinkIdentity names a link: its room and its id. Both are fixed for the
// link's life (a change of room replaces the link).
type roomLinkIdentity struct {
	RoomID types.String `tfsdk:"room_id"`
	ID     types.String `tfsdk:"id"`
}

// primaryLinkIdentity names a room's primary link by the room alone: the
// link's own id changes whenever it is rotated (API.md §6).
type primaryLinkIdentity struct {
	RoomID types.String `tfsdk:"room_id"`
}

const identityRoomIDDescription = "Id of the room: the number in the room's address (`/rooms/shared/4711`)."

func (r *roomLinkResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"room_id": identityschema.StringAttribute{RequiredForImport: true, Description: identityRoomIDDescription},
			"id":      identityschema.StringAttribute{RequiredForImport: true, Description: "The link's id (a GUID)."},
		},
	}
}

func (r *primaryLinkResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"room_id": identityschema.StringAttribute{RequiredForImport: true, Description: identityRoomIDDescription},
		},
	}
}

// setIdentity records a resource's identity. The framework hands every
// operation of a resource with identity a response identity to fill; unit
// tests that call the resource directly may leave it out.
func setIdentity(ctx context.Context, into *tfsdk.ResourceIdentity, value any) diag.Diagnostics {
	if into == nil {
		return nil
	}
	return into.Set(ctx, value)
}

func linkIdentity(roomID, linkID types.String) roomLinkIdentity {
	return roomLinkIdentity{RoomID: roomID, ID: linkID}
}

func primaryIdentity(roomID types.String) primaryLinkIdentity {
	return primaryLinkIdentity{RoomID: roomID}
}

// linkFromImportIdentity reads and checks the identity of an
// `import { identity = { room_id = "…", id = "…" } }` block, before any
// request is made.
func linkFromImportIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity) (roomID, linkID string, diags diag.Diagnostics) {
	if identity == nil {
		diags.AddError("Missing Import ID", "Import a room link with \"<room_id>/<link_id>\", or with identity = { room_id = \"4711\", id = \"<link id>\" }.")
		return "", "", diags
	}
	var id roomLinkIdentity
	if diags = identity.Get(ctx, &id); diags.HasError() {
		return "", "", diags
	}
	roomID, linkID, err := parseImportID(id.RoomID.ValueString() + "/" + id.ID.ValueString())
	if err != nil {
		diags.AddError("Invalid Import Identity", fmt.Sprintf(
			"identity = { room_id = %q, id = %q } does not name a room link: room_id is the number in the room's address "+
				"and id the link's GUID, as the docspace_room_links data source or `terraform query` lists them.\n\n%s",
			id.RoomID.ValueString(), id.ID.ValueString(), err))
	}
	return roomID, linkID, diags
}

// primaryFromImportIdentity reads and checks the identity of a primary link
// import block.
func primaryFromImportIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity) (string, diag.Diagnostics) {
	var diags diag.Diagnostics
	if identity == nil {
		diags.AddError("Missing Import ID", "Import a room's primary link with the room id, or with identity = { room_id = \"4711\" }.")
		return "", diags
	}
	var id primaryLinkIdentity
	if diags = identity.Get(ctx, &id); diags.HasError() {
		return "", diags
	}
	if err := docspace.ValidateRoomID(id.RoomID.ValueString()); err != nil {
		diags.AddError("Invalid Import Identity", fmt.Sprintf("identity = { room_id = %q } does not name a room: %s", id.RoomID.ValueString(), err))
	}
	return id.RoomID.ValueString(), diags
}
