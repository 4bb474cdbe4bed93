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

var _ datasource.DataSourceWithConfigure = (*roomLinksDataSource)(nil)

type roomLinksDataSource struct {
	data *providerData
	// unknown names the provider's settings not known yet, while data is nil.
	unknown []string
}

// NewRoomLinksDataSource is the docspace_room_links data source.
func NewRoomLinksDataSource() datasource.DataSource { return &roomLinksDataSource{} }

type roomLinksModel struct {
	RoomID   types.String `tfsdk:"room_id"`
	LinkType types.String `tfsdk:"link_type"`
	Links    []linkInfo   `tfsdk:"links"`
}

func (d *roomLinksDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_links"
}

func (d *roomLinksDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "All links of a DocSpace room, including its primary external link. Passwords are never " +
			"exposed; `password_protected` says whether a link has one.",
		Attributes: map[string]schema.Attribute{
			"room_id": schema.StringAttribute{
				MarkdownDescription: "Id of the room: the number in the room's address (`/rooms/shared/4711`). An unknown room is an error.",
				Required:            true,
				Validators:          []validator.String{roomIDValidator{}},
			},
			"link_type": schema.StringAttribute{
				MarkdownDescription: "Only links of this type: `external` or `invitation`. All links when omitted.",
				Optional:            true,
				Validators: []validator.String{stringvalidator.OneOf(
					docspace.LinkTypeExternal.Name(), docspace.LinkTypeInvitation.Name())},
			},
			"links": schema.ListNestedAttribute{
				MarkdownDescription: "The links, in DocSpace's order (the primary link first among external links).",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: linkInfoAttributes(docspace.TargetRoom)},
			},
		},
	}
}

func (d *roomLinksDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
	d.unknown = unknownSettingsFrom(req.ProviderData)
}

func (d *roomLinksDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if d.data == nil {
		if req.ClientCapabilities.DeferralAllowed {
			resp.Deferred = &datasource.Deferred{Reason: datasource.DeferredReasonProviderConfigUnknown}
			return
		}
		providerNotConfigured(d.unknown, &resp.Diagnostics)
		return
	}
	var cfg roomLinksModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var filter *docspace.LinkType
	if !cfg.LinkType.IsNull() {
		kind, _ := docspace.ParseLinkType(cfg.LinkType.ValueString())
		filter = &kind
	}
	roomID := cfg.RoomID.ValueString()
	links, err := d.data.api.Links(ctx, docspace.RoomTarget(roomID), filter)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("room_id"), "Could Not List Room Links", describeAPIError(err, docspace.RoomTarget(roomID), d.data.api.Host()))
		return
	}
	cfg.Links = make([]linkInfo, 0, len(links))
	for _, l := range links {
		cfg.Links = append(cfg.Links, newLinkInfo(l))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
