package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// Resource identity (Terraform 1.12 and later): what names a link on the
// portal for as long as it lives, so that `import { identity = {…} }` blocks
// and `terraform query` can address it without an import string. A link is
// named by its room, file or folder and its id, both fixed for its life (a
// change of either replaces the link); a room's primary link by the room
// alone, as its own id changes whenever it is rotated (API.md §6).

var (
	_ resource.ResourceWithIdentity = (*linkResource)(nil)
	_ resource.ResourceWithIdentity = (*primaryLinkResource)(nil)
)

func (r *linkResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = r.kind.identitySchema()
}

func (r *primaryLinkResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = roomPrimaryLinks.identitySchema()
}

// identitySchema is the identity of the kind's links.
func (k *linkKind) identitySchema() identityschema.Schema {
	attrs := map[string]identityschema.Attribute{
		k.parentAttr: identityschema.StringAttribute{RequiredForImport: true, Description: parentIDDescription(k.target)},
	}
	if !k.primary {
		attrs["id"] = identityschema.StringAttribute{RequiredForImport: true, Description: "The link's id (a GUID)."}
	}
	return identityschema.Schema{Attributes: attrs}
}

// linkIdentity is the identity of one link of a kind.
type linkIdentity struct {
	kind       *linkKind
	parent, id types.String
}

// identity names the link with id in parent; a primary link ignores id.
func (k *linkKind) identity(parent, id types.String) linkIdentity {
	return linkIdentity{kind: k, parent: parent, id: id}
}

// set records the identity. The framework hands every operation of a
// resource with identity a response identity to fill; unit tests that call
// the resource directly may leave it out.
func (v linkIdentity) set(ctx context.Context, into *tfsdk.ResourceIdentity) diag.Diagnostics {
	if into == nil {
		return nil
	}
	attrs := map[string]tftypes.Value{}
	for name, val := range map[string]types.String{v.kind.parentAttr: v.parent, "id": v.id} {
		if name == "id" && v.kind.primary {
			continue
		}
		tv, err := val.ToTerraformValue(ctx)
		if err != nil {
			return conversionError(err)
		}
		attrs[name] = tv
	}
	typ := into.Schema.Type().TerraformType(ctx)
	if err := tftypes.ValidateValue(typ, attrs); err != nil {
		return conversionError(err)
	}
	into.Raw = tftypes.NewValue(typ, attrs)
	return nil
}

// fromImportIdentity reads and checks the identity of an import block,
// before any request is made. A primary link's identity has no link id.
func (k *linkKind) fromImportIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity) (parentID, linkID string, diags diag.Diagnostics) {
	if identity == nil {
		addMissingImportID(&diags, k)
		return "", "", diags
	}
	var parent, id types.String
	diags.Append(identity.GetAttribute(ctx, path.Root(k.parentAttr), &parent)...)
	if !k.primary {
		diags.Append(identity.GetAttribute(ctx, path.Root("id"), &id)...)
	}
	if diags.HasError() {
		return "", "", diags
	}
	if k.primary {
		if err := k.target.ValidateID(parent.ValueString()); err != nil {
			addInvalidPrimaryImportIdentity(&diags, k, parent.ValueString(), err)
		}
		return parent.ValueString(), "", diags
	}
	parentID, linkID, err := parseImportID(k, parent.ValueString()+"/"+id.ValueString())
	if err != nil {
		addInvalidImportIdentity(&diags, k, parent.ValueString(), id.ValueString(), err)
	}
	return parentID, linkID, diags
}

// parseImportID splits "<parent id>/<link id>" and checks both parts.
func parseImportID(k *linkKind, id string) (parentID, linkID string, err error) {
	format := importIDFormat(k)
	parts := strings.Split(id, "/")
	if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
		return "", "", importIDFormError(id, format)
	}
	if err := k.target.ValidateID(parts[0]); err != nil {
		return "", "", fmt.Errorf("%w\n\n%s", err, format)
	}
	linkID, err = docspace.ParseLinkID(parts[1])
	if err != nil {
		return "", "", fmt.Errorf("%w. %s", err, format)
	}
	return parts[0], linkID, nil
}

// parentIDDescription documents the attribute that names a link's room,
// file or folder.
func parentIDDescription(kind docspace.TargetKind) string {
	switch kind {
	case docspace.TargetFile:
		return "Id of the file: the number in the file's address (`fileid=9001`)."
	case docspace.TargetFolder:
		return "Id of the folder: the number in the folder's address (`folder=9002`). A room's id works too: the room's rules then apply."
	}
	return "Id of the room: the number in the room's address (`/rooms/shared/4711`)."
}
