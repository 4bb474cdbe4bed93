package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/ephemeralvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ ephemeral.EphemeralResourceWithConfigure        = (*roomLinkEphemeral)(nil)
	_ ephemeral.EphemeralResourceWithConfigValidators = (*roomLinkEphemeral)(nil)
)

// roomLinkEphemeral reads one link of a room, secrets included, for a single
// Terraform operation: Terraform keeps none of it in the plan or the state.
// It only ever lists the room's links, since asking DocSpace for the primary
// link (GET …/rooms/{id}/link) creates one in a Custom room (API.md §6).
type roomLinkEphemeral struct {
	data    *providerData
	unknown []string // the provider settings not known yet, if any
}

// NewRoomLinkEphemeralResource is the docspace_room_link ephemeral resource.
func NewRoomLinkEphemeralResource() ephemeral.EphemeralResource { return &roomLinkEphemeral{} }

type roomLinkEphemeralModel struct {
	RoomID types.String `tfsdk:"room_id"`
	linkInfo
	RequestToken types.String `tfsdk:"request_token"`
	Password     types.String `tfsdk:"password"`
}

func (e *roomLinkEphemeral) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_link"
}

func (e *roomLinkEphemeral) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "One link of a DocSpace room with its secrets (`share_link`, `request_token`, `password`), " +
			"for one Terraform operation only: nothing of it is kept in the plan or the state (Terraform 1.10 or later). " +
			"Select the link by `id`, by exact `title`, or the room's primary link with `primary = true`. Its values can " +
			"feed write-only arguments, of a secret store's provider or `password_wo` of another link. It only lists the " +
			"room's links: it never creates the primary link of a Custom room that has none, which is an error instead.",
		Attributes: map[string]schema.Attribute{
			"room_id": schema.StringAttribute{
				MarkdownDescription: "Id of the room: the number in the room's address (`/rooms/shared/4711`).",
				Required:            true,
				Validators:          []validator.String{parentIDValidator{kind: docspace.TargetRoom}},
			},
			"id": schema.StringAttribute{
				MarkdownDescription: "The link's id (a GUID). Exactly one of `id`, `title` and `primary` must be set.",
				Optional:            true,
				Computed:            true,
				Validators: []validator.String{stringvalidator.RegexMatches(docspace.LinkIDPattern,
					"must be a link id: a GUID such as 3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90")},
			},
			"title": schema.StringAttribute{
				MarkdownDescription: "The link's title, matched exactly. No link, or several links, with that title is an error.",
				Optional:            true,
				Computed:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"primary": schema.BoolAttribute{
				MarkdownDescription: "`true` selects the room's primary external link; a room without one is an error. " +
					"In the result, whether the link is the primary one.",
				Optional: true,
				Computed: true,
			},
			"request_token": schema.StringAttribute{Computed: true, Sensitive: true, MarkdownDescription: "The share key in an external link's address; null for invitation links. Sensitive."},
			"password":      schema.StringAttribute{Computed: true, Sensitive: true, MarkdownDescription: "The link's password; null when it has none. Sensitive."},
		},
	}
	// The link's own values, as the data sources show them; the selectors
	// above are Optional as well.
	for name, a := range ephemeralLinkInfoAttributes(docspace.TargetRoom) {
		if _, ok := resp.Schema.Attributes[name]; !ok {
			resp.Schema.Attributes[name] = a
		}
	}
}

func (e *roomLinkEphemeral) ConfigValidators(context.Context) []ephemeral.ConfigValidator {
	return []ephemeral.ConfigValidator{
		ephemeralvalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("title"), path.MatchRoot("primary")),
	}
}

func (e *roomLinkEphemeral) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	e.unknown = unknownSettingsFrom(req.ProviderData)
	e.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (e *roomLinkEphemeral) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	if e.data == nil {
		if req.ClientCapabilities.DeferralAllowed {
			resp.Deferred = &ephemeral.Deferred{Reason: ephemeral.DeferredReasonProviderConfigUnknown}
			return
		}
		providerNotConfigured(e.unknown, &resp.Diagnostics)
		return
	}
	var cfg roomLinkEphemeralModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !cfg.Primary.IsNull() && !cfg.Primary.ValueBool() {
		addPrimaryFalseSelectsNothing(&resp.Diagnostics)
		return
	}
	roomID := cfg.RoomID.ValueString()
	links, err := e.data.api.Links(ctx, docspace.RoomTarget(roomID), nil)
	if err != nil {
		addCouldNotListLinks(&resp.Diagnostics, path.Root("room_id"), err, docspace.RoomTarget(roomID), e.data.api.Host())
		return
	}
	l, diags := selectRoomLink(roomID, links, linkSelector{id: cfg.ID.ValueString(), title: cfg.Title.ValueString(), primary: cfg.Primary.ValueBool()})
	if resp.Diagnostics.Append(diags...); diags.HasError() {
		return
	}
	out := roomLinkEphemeralModel{RoomID: cfg.RoomID, linkInfo: newLinkInfo(l),
		RequestToken: optionalString(l.RequestToken), Password: optionalString(l.Password)}
	if !cfg.ID.IsNull() {
		out.ID = cfg.ID // the configured spelling of the same id
	}
	resp.Diagnostics.Append(resp.Result.Set(ctx, &out)...)
}
