package provider

import (
	"context"
	"slices"
	"strings"

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
	_ datasource.DataSourceWithConfigure        = (*roomLinkDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*roomLinkDataSource)(nil)
)

type roomLinkDataSource struct {
	data *providerData
	// unknown names the provider's settings not known yet, while data is nil.
	unknown []string
}

// NewRoomLinkDataSource is the docspace_room_link data source.
func NewRoomLinkDataSource() datasource.DataSource { return &roomLinkDataSource{} }

// roomLinkLookupModel is one link of a room, found by id or by title.
type roomLinkLookupModel struct {
	RoomID types.String `tfsdk:"room_id"`
	linkInfo
}

func (d *roomLinkDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_link"
}

func (d *roomLinkDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := linkInfoAttributes(docspace.TargetRoom)
	attrs["room_id"] = schema.StringAttribute{
		MarkdownDescription: "Id of the room: the number in the room's address (`/rooms/shared/4711`). An unknown room is an error.",
		Required:            true,
		Validators:          []validator.String{parentIDValidator{kind: docspace.TargetRoom}},
	}
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "The link's id (a GUID), as `docspace_room_link` and `docspace_room_links` report it. " +
			"Exactly one of `id` and `title` must be set. A room without a link of that id is an error.",
		Optional:   true,
		Computed:   true,
		Validators: []validator.String{stringvalidator.RegexMatches(docspace.LinkIDPattern, "must be a link id: a GUID such as 3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90")},
	}
	attrs["title"] = schema.StringAttribute{
		MarkdownDescription: "The link's title, matched exactly (case and spaces count). The primary link of a room " +
			"that DocSpace made itself is titled `Shared link` (`Link to fill out` in Form filling rooms) unless renamed. " +
			"Exactly one of `id` and `title` must be set. No link, or several links, with that title is an error.",
		Optional:   true,
		Computed:   true,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "One link of a DocSpace room, looked up by its `id` or by its `title`: an external " +
			"link (including the room's primary link) or an invitation link. Passwords are never exposed; " +
			"`password_protected` says whether the link has one. `share_link` is sensitive.",
		Attributes: attrs,
	}
}

func (d *roomLinkDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("title")),
	}
}

func (d *roomLinkDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
	d.unknown = unknownSettingsFrom(req.ProviderData)
}

func (d *roomLinkDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if d.data == nil {
		if req.ClientCapabilities.DeferralAllowed {
			resp.Deferred = &datasource.Deferred{Reason: datasource.DeferredReasonProviderConfigUnknown}
			return
		}
		providerNotConfigured(d.unknown, &resp.Diagnostics)
		return
	}
	var cfg roomLinkLookupModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	roomID := cfg.RoomID.ValueString()
	// One listing of the room serves every lookup in the run (docspace.Session).
	links, err := d.data.api.Links(ctx, docspace.RoomTarget(roomID), nil)
	if err != nil {
		addCouldNotListLinks(&resp.Diagnostics, path.Root("room_id"), err, docspace.RoomTarget(roomID), d.data.api.Host())
		return
	}

	found, diags := selectRoomLink(roomID, links, linkSelector{id: cfg.ID.ValueString(), title: cfg.Title.ValueString()})
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}

	state := roomLinkLookupModel{RoomID: cfg.RoomID, linkInfo: newLinkInfo(found)}
	if !cfg.ID.IsNull() {
		state.ID = cfg.ID // the configured spelling of the same id
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// linkSelector names one link of a room: by id, by exact title, or the
// primary link; the first one set counts.
type linkSelector struct {
	id, title string
	primary   bool
}

// selectRoomLink picks the selected link from a room's listing, with a
// diagnostic on the selecting attribute when none or several match.
func selectRoomLink(roomID string, links []docspace.Link, by linkSelector) (docspace.Link, diag.Diagnostics) {
	var diags diag.Diagnostics
	switch {
	case by.id != "":
		i := slices.IndexFunc(links, func(l docspace.Link) bool { return strings.EqualFold(l.ID, by.id) })
		if i < 0 {
			addNoLinkWithID(&diags, roomID, by.id, links)
			return docspace.Link{}, diags
		}
		return links[i], diags
	case by.primary:
		i := slices.IndexFunc(links, func(l docspace.Link) bool { return l.Primary })
		if i < 0 {
			addNoPrimaryLinkToSelect(&diags, roomID, links)
			return docspace.Link{}, diags
		}
		return links[i], diags
	}
	var matches []docspace.Link
	for _, l := range links {
		if l.Title == by.title {
			matches = append(matches, l)
		}
	}
	switch len(matches) {
	case 0:
		addNoLinkTitled(&diags, roomID, by.title, links)
	case 1:
		return matches[0], diags
	default:
		addSeveralLinksTitled(&diags, roomID, by.title, matches)
	}
	return docspace.Link{}, diags
}
