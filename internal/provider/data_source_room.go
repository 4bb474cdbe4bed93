package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSourceWithConfigure        = (*roomDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*roomDataSource)(nil)
)

type roomDataSource struct {
	data *providerData
	// unknown names the provider's settings not known yet, while data is nil.
	unknown []string
}

// NewRoomDataSource is the docspace_room data source.
func NewRoomDataSource() datasource.DataSource { return &roomDataSource{} }

type roomModel struct {
	ID                         types.String `tfsdk:"id"`
	Title                      types.String `tfsdk:"title"`
	RoomType                   types.String `tfsdk:"room_type"`
	ExternalLinkAccess         types.List   `tfsdk:"external_link_access"`
	InvitationLinkAccess       types.List   `tfsdk:"invitation_link_access"`
	MaxAdditionalExternalLinks types.Int64  `tfsdk:"max_additional_external_links"`
	MaxInvitationLinks         types.Int64  `tfsdk:"max_invitation_links"`
}

// maxInvitationLinks is how many invitation links any room holds (API.md §4.6).
const maxInvitationLinks = 1

// maxSimilarRooms bounds the rooms a failed title lookup names.
const maxSimilarRooms = 10

func (d *roomDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room"
}

func (d *roomDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A DocSpace room, looked up by `id` or by `title`, with its type and what links it " +
			"takes: the `access` values a `docspace_room_link` of each `link_type` may have in it, and how many links. " +
			"Use it to refer to rooms by name and to check link settings before anything is changed. " +
			"Archived rooms are found by `id` only.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Id of the room: the number in the room's address (`/rooms/shared/4711`). " +
					"Exactly one of `id` and `title` must be set. An unknown room is an error.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{parentIDValidator{kind: docspace.TargetRoom}},
			},
			"title": schema.StringAttribute{
				MarkdownDescription: "The room's title, matched exactly (case and spaces count) among the rooms " +
					"the token's user can see. Exactly one of `id` and `title` must be set. No room, or several rooms, " +
					"with that title is an error.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"room_type": schema.StringAttribute{
				MarkdownDescription: "The room's type: " + quotedList(docspace.RoomTypeNames()) + " (in DocSpace: " +
					"Form filling, Collaboration, Custom, Public, Virtual data and AI rooms).",
				Computed: true,
			},
			"external_link_access": schema.ListAttribute{
				MarkdownDescription: "The `access` values an `external` link may have in this room, including its " +
					"primary link. Empty when the room takes no external links (Collaboration, Virtual data and AI rooms).",
				ElementType: types.StringType,
				Computed:    true,
			},
			"invitation_link_access": schema.ListAttribute{
				MarkdownDescription: "The `access` values an `invitation` link may have in this room.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"max_additional_external_links": schema.Int64Attribute{
				MarkdownDescription: "How many external links besides the primary link the room can hold: 5 in " +
					"Custom and Public rooms, 0 in all others.",
				Computed: true,
			},
			"max_invitation_links": schema.Int64Attribute{
				MarkdownDescription: "How many invitation links the room can hold: 1.",
				Computed:            true,
			},
		},
	}
}

func (d *roomDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("title")),
	}
}

func (d *roomDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
	d.unknown = unknownSettingsFrom(req.ProviderData)
}

func (d *roomDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if d.data == nil {
		if req.ClientCapabilities.DeferralAllowed {
			resp.Deferred = &datasource.Deferred{Reason: datasource.DeferredReasonProviderConfigUnknown}
			return
		}
		providerNotConfigured(d.unknown, &resp.Diagnostics)
		return
	}
	var cfg roomModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var room docspace.Room
	if !cfg.ID.IsNull() {
		roomID := cfg.ID.ValueString()
		// Through the Session: resources and data sources of the same room share the lookup.
		found, err := d.data.api.Room(ctx, roomID)
		if err != nil {
			addCouldNotReadRoom(&resp.Diagnostics, path.Root("id"), err, roomID, d.data.api.Host())
			return
		}
		room = found
		room.ID = roomID // the configured spelling
	} else {
		found, diags := d.roomByTitle(ctx, cfg.Title.ValueString())
		resp.Diagnostics.Append(diags...)
		if resp.Diagnostics.HasError() {
			return
		}
		room = found
	}

	state, diags := newRoomModel(ctx, room)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// roomByTitle finds the one room with exactly this title. DocSpace filters
// by substring without regard to case; the exact match is made here.
func (d *roomDataSource) roomByTitle(ctx context.Context, title string) (docspace.Room, diag.Diagnostics) {
	var diags diag.Diagnostics
	host := d.data.api.Host()
	candidates, err := d.data.api.ListRooms(ctx, title)
	if err != nil {
		detail := err.Error()
		if docspace.IsUnauthorized(err) || docspace.IsRateLimited(err) {
			detail = describeAPIError(err, docspace.RoomTarget(""), host)
		}
		addCouldNotListRoomsByTitle(&diags, detail)
		return docspace.Room{}, diags
	}
	var matches []docspace.Room
	for _, r := range candidates {
		if r.Title == title {
			matches = append(matches, r)
		}
	}
	switch len(matches) {
	case 1:
		return matches[0], diags
	case 0:
		addNoRoomTitled(&diags, host, title, candidates)
	default:
		addSeveralRoomsTitled(&diags, host, title, matches)
	}
	return docspace.Room{}, diags
}

// newRoomModel reports a room with what its type allows (API.md §4.5, §4.6).
func newRoomModel(ctx context.Context, room docspace.Room) (roomModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	state := roomModel{
		ID:                         types.StringValue(room.ID),
		Title:                      types.StringValue(room.Title),
		RoomType:                   types.StringValue(room.Type.Name()),
		MaxAdditionalExternalLinks: types.Int64Value(int64(docspace.AdditionalExternalLinkLimit(room.Type))),
		MaxInvitationLinks:         types.Int64Value(maxInvitationLinks),
	}
	lists := map[docspace.LinkType]*types.List{
		docspace.LinkTypeExternal:   &state.ExternalLinkAccess,
		docspace.LinkTypeInvitation: &state.InvitationLinkAccess,
	}
	for kind, into := range lists {
		allowed, _ := docspace.AllowedAccess(room.Type, kind)
		names := make([]string, 0, len(allowed))
		for _, a := range allowed {
			names = append(names, a.Name())
		}
		list, d := types.ListValueFrom(ctx, types.StringType, names)
		diags.Append(d...)
		*into = list
	}
	if _, known := docspace.AllowedAccess(room.Type, docspace.LinkTypeInvitation); !known {
		state.MaxInvitationLinks = types.Int64Value(0)
		addUnknownRoomType(&diags, room)
	}
	return state, diags
}
