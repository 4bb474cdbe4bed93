package provider

import (
	"context"
	"time"

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
	RoomID   types.String        `tfsdk:"room_id"`
	LinkType types.String        `tfsdk:"link_type"`
	Links    []roomLinkInfoModel `tfsdk:"links"`
}

type roomLinkInfoModel struct {
	ID                types.String `tfsdk:"id"`
	Title             types.String `tfsdk:"title"`
	Access            types.String `tfsdk:"access"`
	LinkType          types.String `tfsdk:"link_type"`
	ShareLink         types.String `tfsdk:"share_link"`
	ExpirationDate    types.String `tfsdk:"expiration_date"`
	IsExpired         types.Bool   `tfsdk:"is_expired"`
	Primary           types.Bool   `tfsdk:"primary"`
	Internal          types.Bool   `tfsdk:"internal"`
	DenyDownload      types.Bool   `tfsdk:"deny_download"`
	PasswordProtected types.Bool   `tfsdk:"password_protected"`
	MaxUseCount       types.Int64  `tfsdk:"max_use_count"`
	CurrentUseCount   types.Int64  `tfsdk:"current_use_count"`
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
				NestedObject:        schema.NestedAttributeObject{Attributes: roomLinkInfoAttributes()},
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
		resp.Diagnostics.AddAttributeError(path.Root("room_id"), "Could Not List Room Links", describeAPIError(err, roomID, d.data.api.Host()))
		return
	}
	cfg.Links = make([]roomLinkInfoModel, 0, len(links))
	for _, l := range links {
		cfg.Links = append(cfg.Links, newRoomLinkInfo(l))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}

// roomLinkInfoAttributes describes one link as the link data sources report
// it; docspace_room_links lists them, docspace_room_link looks one up.
func roomLinkInfoAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":                 schema.StringAttribute{Computed: true, MarkdownDescription: "The link's id (a GUID)."},
		"title":              schema.StringAttribute{Computed: true, MarkdownDescription: "The link's name."},
		"access":             schema.StringAttribute{Computed: true, MarkdownDescription: "What the link grants: " + quotedList(docspace.AccessNames()) + "."},
		"link_type":          schema.StringAttribute{Computed: true, MarkdownDescription: "`external` or `invitation`."},
		"share_link":         schema.StringAttribute{Computed: true, Sensitive: true, MarkdownDescription: "The address to share. Sensitive."},
		"expiration_date":    schema.StringAttribute{Computed: true, MarkdownDescription: "When the link expires (RFC 3339, in the portal's time zone); null if never."},
		"is_expired":         schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the expiration date has passed."},
		"primary":            schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether this is the room's primary external link."},
		"internal":           schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether only signed-in portal users may open the link."},
		"deny_download":      schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether downloading through the link is forbidden."},
		"password_protected": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the link has a password."},
		"max_use_count":      schema.Int64Attribute{Computed: true, MarkdownDescription: "Invitation links: how many people may join; null when unlimited."},
		"current_use_count":  schema.Int64Attribute{Computed: true, MarkdownDescription: "Invitation links: how many people have joined (DocSpace 3.7 or later)."},
	}
}

// newRoomLinkInfo maps a link to the data sources' model. The password itself
// is never exposed, only whether there is one.
func newRoomLinkInfo(l docspace.Link) roomLinkInfoModel {
	expiration := types.StringNull()
	if l.Expiration != nil {
		expiration = types.StringValue(l.Expiration.Format(time.RFC3339Nano))
	}
	return roomLinkInfoModel{
		ID:                types.StringValue(l.ID),
		Title:             types.StringValue(l.Title),
		Access:            types.StringValue(l.Access.Name()),
		LinkType:          types.StringValue(l.LinkType.Name()),
		ShareLink:         types.StringValue(l.ShareLink),
		ExpirationDate:    expiration,
		IsExpired:         types.BoolValue(l.IsExpired),
		Primary:           types.BoolValue(l.Primary),
		Internal:          types.BoolValue(l.Internal),
		DenyDownload:      types.BoolValue(l.DenyDownload),
		PasswordProtected: types.BoolValue(l.Password != ""),
		MaxUseCount:       optionalInt(l.MaxUseCount),
		CurrentUseCount:   optionalInt(l.CurrentUseCount),
	}
}
