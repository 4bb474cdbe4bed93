package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var _ datasource.DataSourceWithConfigure = (*linksDataSource)(nil)

// linksDataSource lists the links of one room, file or folder: one type for
// every kind of link, as the link resource is. The kind names the parent
// attribute (room_id, file_id, folder_id); kinds with invitation links (rooms)
// also take a link_type filter.
type linksDataSource struct {
	kind *linkKind
	data *providerData
	// unknown names the provider's settings not known yet, while data is nil.
	unknown []string
}

// NewFileLinksDataSource is the docspace_file_links data source.
func NewFileLinksDataSource() datasource.DataSource { return &linksDataSource{kind: fileLinks} }

// NewFolderLinksDataSource is the docspace_folder_links data source.
func NewFolderLinksDataSource() datasource.DataSource { return &linksDataSource{kind: folderLinks} }

func (d *linksDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.kind.target.Noun() + "_links"
}

func (d *linksDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	noun := d.kind.target.Noun()
	attrs := map[string]schema.Attribute{
		d.kind.parentAttr: schema.StringAttribute{
			MarkdownDescription: parentIDDescription(d.kind.target) + " An unknown " + noun + " is an error.",
			Required:            true,
			Validators:          []validator.String{parentIDValidator{kind: d.kind.target}},
		},
		"links": schema.ListNestedAttribute{
			MarkdownDescription: "The links, in DocSpace's order.",
			Computed:            true,
			NestedObject:        schema.NestedAttributeObject{Attributes: linkInfoAttributes(d.kind.target)},
		},
	}
	description := "All external links of a DocSpace " + noun + ", its primary links among them (`primary`). " +
		"Passwords are never exposed; `password_protected` says whether a link has one."
	switch d.kind.target {
	case docspace.TargetFile:
		description += "\n\nA PDF form in a Form filling room is shared through the room's own link, which DocSpace " +
			"lists among the form's links; manage that one with `docspace_room_primary_link`."
	case docspace.TargetFolder:
		description += "\n\nGiven a room's id, it lists the room's links, as `docspace_room_links` does."
	}
	if d.kind.hasInvitations() {
		description = "All links of a DocSpace room, including its primary external link. Passwords are never " +
			"exposed; `password_protected` says whether a link has one."
		attrs["link_type"] = schema.StringAttribute{
			MarkdownDescription: "Only links of this type: `external` or `invitation`. All links when omitted.",
			Optional:            true,
			Validators: []validator.String{stringvalidator.OneOf(
				docspace.LinkTypeExternal.Name(), docspace.LinkTypeInvitation.Name())},
		}
		attrs["links"] = schema.ListNestedAttribute{
			MarkdownDescription: "The links, in DocSpace's order (the primary link first among external links).",
			Computed:            true,
			NestedObject:        schema.NestedAttributeObject{Attributes: linkInfoAttributes(d.kind.target)},
		}
	}
	resp.Schema = schema.Schema{MarkdownDescription: description, Attributes: attrs}
}

func (d *linksDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
	d.unknown = unknownSettingsFrom(req.ProviderData)
}

func (d *linksDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if d.data == nil {
		if req.ClientCapabilities.DeferralAllowed {
			resp.Deferred = &datasource.Deferred{Reason: datasource.DeferredReasonProviderConfigUnknown}
			return
		}
		providerNotConfigured(d.unknown, &resp.Diagnostics)
		return
	}
	var parentID types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(d.kind.parentAttr), &parentID)...)
	var filter *docspace.LinkType
	if d.kind.hasInvitations() {
		var linkType types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("link_type"), &linkType)...)
		if !linkType.IsNull() {
			kind, _ := docspace.ParseLinkType(linkType.ValueString())
			filter = &kind
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	target := docspace.Target{Kind: d.kind.target, ID: parentID.ValueString()}
	links, err := d.data.api.Links(ctx, target, filter)
	if err != nil {
		addCouldNotListLinks(&resp.Diagnostics, path.Root(d.kind.parentAttr), err, target, d.data.api.Host())
		return
	}
	infos := make([]linkInfo, 0, len(links))
	for _, l := range links {
		infos = append(infos, newLinkInfo(l))
	}
	// The state is the configuration with the links added.
	resp.State.Raw = req.Config.Raw.Copy()
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("links"), infos)...)
}
