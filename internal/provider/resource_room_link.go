package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ resource.ResourceWithConfigure      = (*roomLinkResource)(nil)
	_ resource.ResourceWithImportState    = (*roomLinkResource)(nil)
	_ resource.ResourceWithValidateConfig = (*roomLinkResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*roomLinkResource)(nil)
)

type roomLinkResource struct {
	data *providerData
	// unknown names the provider's settings not known yet, while data is nil.
	unknown []string
}

// NewRoomLinkResource is the docspace_room_link resource.
func NewRoomLinkResource() resource.Resource { return &roomLinkResource{} }

type roomLinkModel struct {
	ID              types.String `tfsdk:"id"`
	RoomID          types.String `tfsdk:"room_id"`
	LinkType        types.String `tfsdk:"link_type"`
	Access          types.String `tfsdk:"access"`
	Title           types.String `tfsdk:"title"`
	ExpirationDate  Timestamp    `tfsdk:"expiration_date"`
	Password        types.String `tfsdk:"password"`
	DenyDownload    types.Bool   `tfsdk:"deny_download"`
	Internal        types.Bool   `tfsdk:"internal"`
	MaxUseCount     types.Int64  `tfsdk:"max_use_count"`
	ShareLink       types.String `tfsdk:"share_link"`
	RequestToken    types.String `tfsdk:"request_token"`
	IsExpired       types.Bool   `tfsdk:"is_expired"`
	Primary         types.Bool   `tfsdk:"primary"`
	CurrentUseCount types.Int64  `tfsdk:"current_use_count"`
	// Terraform-side settings: never sent to DocSpace as such.
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64  `tfsdk:"password_wo_version"`
	RotationTriggers  types.Map    `tfsdk:"rotation_triggers"`
	ExpiresIn         types.String `tfsdk:"expires_in"`
	OnExpired         types.String `tfsdk:"on_expired"`
	RenewBefore       types.String `tfsdk:"renew_before"`
	StoreShareLink    types.Bool   `tfsdk:"store_share_link"`
}

// fields lists the model's attributes for readFields and writeFields.
func (m *roomLinkModel) fields() []modelField {
	return []modelField{
		{"id", &m.ID}, {"room_id", &m.RoomID}, {"link_type", &m.LinkType}, {"access", &m.Access}, {"title", &m.Title},
		{"expiration_date", &m.ExpirationDate}, {"password", &m.Password}, {"deny_download", &m.DenyDownload},
		{"internal", &m.Internal}, {"max_use_count", &m.MaxUseCount}, {"share_link", &m.ShareLink},
		{"request_token", &m.RequestToken}, {"is_expired", &m.IsExpired}, {"primary", &m.Primary},
		{"current_use_count", &m.CurrentUseCount}, {"password_wo", &m.PasswordWO},
		{"password_wo_version", &m.PasswordWOVersion}, {"rotation_triggers", &m.RotationTriggers},
		{"expires_in", &m.ExpiresIn}, {"on_expired", &m.OnExpired}, {"renew_before", &m.RenewBefore},
		{"store_share_link", &m.StoreShareLink},
	}
}

// read fills the model from a plan, state or configuration value.
func (m *roomLinkModel) read(v tftypes.Value) diag.Diagnostics { return readFields(v, m.fields()) }

// value is the model as a value of the resource's object type typ.
func (m *roomLinkModel) value(ctx context.Context, typ tftypes.Type) (tftypes.Value, diag.Diagnostics) {
	return writeFields(ctx, typ, m.fields())
}

// setModel replaces a plan's or state's value with the model, keeping the
// value's type (the resource's object type).
func setModel(ctx context.Context, raw *tftypes.Value, m *roomLinkModel) diag.Diagnostics {
	v, diags := m.value(ctx, raw.Type())
	if !diags.HasError() {
		*raw = v
	}
	return diags
}

func (r *roomLinkResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_link"
}

func (r *roomLinkResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A link of a DocSpace room: an **external** link that opens the room's content " +
			"(optionally with a password, an expiry, download denied, or for signed-in users only), or an " +
			"**invitation** link that makes whoever opens it a member of the room with a role.\n\n" +
			"The room's primary external link is created by DocSpace itself and is not managed by this resource.",
		Attributes: map[string]schema.Attribute{
			"id":      linkIDAttribute(""),
			"room_id": linkRoomIDAttribute("the room", "Rooms on third-party storage have ids of their own, which work too. Changing it replaces the link."),
			"link_type": schema.StringAttribute{
				MarkdownDescription: "`external` (default) or `invitation`. Changing it replaces the link.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(docspace.LinkTypeExternal.Name()),
				Validators: []validator.String{stringvalidator.OneOf(
					docspace.LinkTypeExternal.Name(), docspace.LinkTypeInvitation.Name())},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"access": schema.StringAttribute{
				MarkdownDescription: linkAccessDoc(docspace.AccessNames(), "`content_creator` is for invitation links only."),
				Required:            true,
				Validators:          []validator.String{accessName{allowed: docspace.AccessNames()}},
			},
			"title": linkTitleAttribute("When omitted, DocSpace names the link (\"Shared link\" or \"Invitation link\", in the API user's language) and that name is kept."),
			"expiration_date": schema.StringAttribute{
				CustomType: timestampType{},
				MarkdownDescription: "When the link stops working, as an RFC 3339 date-time with an offset " +
					"(`2026-12-31T23:59:59Z`). Must be in the future and at most 10 years ahead when set or changed. " +
					"DocSpace echoes it in the portal's time zone; the same instant written differently is not a change. " +
					"Omit it for a link that never expires. DocSpace before 3.7 sets invitation links to expire 7 days " +
					"after every change, whatever is configured; there, leave it unset.",
				Optional: true,
				Computed: true,
			},
			"password":            linkPasswordAttribute("External links only."),
			"password_wo":         linkPasswordWOAttribute("External links only."),
			"password_wo_version": linkPasswordWOVersionAttribute(),
			"deny_download":       linkDenyDownloadAttribute("External links only."),
			"internal":            linkInternalAttribute("External links only."),
			"max_use_count": schema.Int64Attribute{
				MarkdownDescription: "How many people may join through the link, 1 to 1000; unlimited when omitted. " +
					"Invitation links only, DocSpace 3.7 or later.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(1, 1000)},
			},
			"rotation_triggers": schema.MapAttribute{
				MarkdownDescription: "Arbitrary values that, when changed, replace the link with a new one (new id and " +
					"address), for example a `time_rotating` resource's `id`. Add `lifecycle { create_before_destroy = true }` " +
					"to issue the new link before the old one stops working, for an external link in a room with a free slot. " +
					"That cannot work for an invitation link (a room takes one) or in a room that already holds five " +
					"additional external links: the new link would be refused while the old one exists. There, leave " +
					"`create_before_destroy` out, so the old link is deleted first and the address changes with a moment " +
					"without a link; or keep a slot free.",
				Optional:      true,
				ElementType:   types.StringType,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
			},
			"expires_in": schema.StringAttribute{
				MarkdownDescription: "Alternative to `expiration_date`: how long the link lives from its creation, as a " +
					"duration such as `\"720h\"` (hours, minutes and seconds: `h`, `m`, `s`). The date is fixed when the link " +
					"is created (and when `expires_in` changes), so it does not move with every plan.",
				Optional: true,
				Validators: []validator.String{
					durationValidator{},
					stringvalidator.ConflictsWith(path.MatchRoot("expiration_date")),
				},
			},
			"on_expired": schema.StringAttribute{
				MarkdownDescription: "What a plan does once the link has expired: `keep` (default: nothing, `is_expired` " +
					"shows it), `recreate` (replace it with a new link; needs `expires_in`, or a new `expiration_date`; " +
					"without any expiry it has nothing to act on and validation warns), or " +
					"`error` (refuse to keep it: the plan warns, naming the link and its expiry, and shows `is_expired` " +
					"changing; applying that plan fails with the same message). `error` only refuses plans that keep the " +
					"link: `terraform destroy`, `terraform apply -replace`, a replacement for another reason and removing " +
					"the resource from the configuration always work, as does a plan that sets a new future date or removes " +
					"the expiry.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(onExpiredKeep),
				Validators: []validator.String{stringvalidator.OneOf(onExpiredKeep, onExpiredRecreate, onExpiredError)},
			},
			"renew_before":     linkRenewBeforeAttribute(),
			"store_share_link": linkStoreShareLinkAttribute(),
			"share_link":       linkShareLinkAttribute(),
			"request_token":    linkRequestTokenAttribute("Null for invitation links."),
			"is_expired":       linkIsExpiredAttribute(),
			"primary": schema.BoolAttribute{
				MarkdownDescription: "Always `false`: a room's primary link is not managed by this resource.",
				Computed:            true,
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"current_use_count": schema.Int64Attribute{
				MarkdownDescription: "How many people have joined through an invitation link (DocSpace 3.7 or later); " +
					"null for external links.",
				Computed: true,
			},
		},
	}
}

func (r *roomLinkResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
	r.unknown = unknownSettingsFrom(req.ProviderData)
}

// ImportState takes "<room_id>/<link_id>", or the identity of an import
// block, and checks both parts before any request is made.
func (r *roomLinkResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	roomID, linkID, err := parseImportID(req.ID)
	if req.ID == "" {
		var diags diag.Diagnostics
		roomID, linkID, diags = linkFromImportIdentity(ctx, req.Identity)
		resp.Diagnostics.Append(diags...)
		err = nil
	}
	if err != nil {
		resp.Diagnostics.AddError("Invalid Import ID", err.Error())
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if r.data == nil {
		// The provider's settings are not known yet, so the link cannot be
		// read, and a bare state would plan its replacement.
		resp.Deferred = deferOrRefuse(req.ClientCapabilities.DeferralAllowed, r.unknown,
			fmt.Sprintf("import room link %s/%s", roomID, linkID), &resp.Diagnostics)
		if resp.Deferred == nil {
			return
		}
	} else if !r.importable(ctx, roomID, linkID, &resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("room_id"), roomID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), linkID)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, linkIdentity(types.StringValue(roomID), types.StringValue(linkID)))...)
	// Terraform-side settings an import cannot read: their defaults.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("on_expired"), onExpiredKeep)...)
	// A deferred import is asked for again once the settings are known;
	// that call marks it.
	if resp.Deferred == nil {
		resp.Diagnostics.Append(markImported(ctx, resp.Private)...)
	}
}

// importable looks the link up before it is imported, so that a link id
// that is not in the room, or the room's primary link, is refused with the
// reason instead of Terraform's "non-existent remote object". The listing
// is the one the Read after the import uses.
func (r *roomLinkResource) importable(ctx context.Context, roomID, linkID string, diags *diag.Diagnostics) bool {
	link, found, err := r.data.api.FindLink(ctx, docspace.RoomTarget(roomID), linkID)
	switch {
	case err != nil:
		diags.AddError("Could Not Import Room Link", describeAPIError(err, roomID, r.data.api.Host()))
	case !found:
		diags.AddError("Room Link Not Found",
			fmt.Sprintf("Room %s has no link %s, so there is nothing to import. Check both ids: the docspace_room_links "+
				"data source lists the room's links with their ids, and a link deleted in DocSpace cannot be imported. "+
				"The token's user must also be a room manager of the room: DocSpace lists no links to other members.", roomID, linkID))
	case link.Primary:
		diags.AddError("Primary Links Are Imported With docspace_room_primary_link", primaryLinkRefusal(roomID, linkID))
	default:
		return true
	}
	return false
}

// primaryLinkRefusal explains why docspace_room_link does not take a room's
// primary link, and which resource does.
func primaryLinkRefusal(roomID, linkID string) string {
	return fmt.Sprintf("Link %s is the primary external link of room %s. DocSpace creates that link itself and "+
		"regenerates it with a new id when it is revoked, so docspace_room_link cannot manage it. Manage it with the "+
		"docspace_room_primary_link resource instead, imported by the room id:\n\n"+
		"  terraform import docspace_room_primary_link.<name> %s\n\n"+
		"or an import block with to = docspace_room_primary_link.<name> and id = %q (Terraform 1.12 and later: "+
		"identity = { room_id = %q }).", linkID, roomID, roomID, roomID, roomID)
}

func (r *roomLinkResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan roomLinkModel
	resp.Diagnostics.Append(plan.read(req.Plan.Raw)...)
	if resp.Diagnostics.HasError() {
		return
	}
	linkReq, diags := r.request(ctx, plan, req.Config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	roomID, host := plan.RoomID.ValueString(), r.data.api.Host()
	// The provider chooses the link's id, so that whatever happens to the
	// answer, the link can be looked up, adopted, or recorded.
	linkReq.LinkID = uuid.NewString()
	link, err := r.data.api.CreateLink(ctx, docspace.RoomTarget(roomID), linkReq)
	var unknown *docspace.UnknownOutcomeError
	switch {
	case errors.As(err, &unknown):
		// Recorded with an error: Terraform marks it tainted and the next
		// apply replaces it, so no link is left that the state does not know.
		plan.recordUnsure(unknown.LinkID, linkReq)
		resp.Diagnostics.Append(setModel(ctx, &resp.State.Raw, &plan)...)
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, linkIdentity(plan.RoomID, plan.ID))...)
		resp.Diagnostics.AddError("Room Link May Have Been Created", unknownOutcomeDetail(unknown, host))
		return
	case docspace.IsLinkLimit(err):
		resp.Diagnostics.AddError("Room Link Limit Reached", linkLimitDetail(ctx, r.data.api, roomID, host, linkReq.LinkType, err))
		return
	case err != nil:
		resp.Diagnostics.AddError("Could Not Create Room Link", describeAPIError(err, roomID, host))
		return
	case !strings.EqualFold(link.ID, linkReq.LinkID):
		resp.Diagnostics.AddWarning("DocSpace Did Not Keep the Link Id",
			fmt.Sprintf("The provider created the link in room %s with id %s, and it is known as %s: either DocSpace answered "+
				"with that id (a proxy or portal version that does not keep the id it is sent), or the answer was lost and %s "+
				"is the one link with the configured settings that the room gained since the create began and no other create of "+
				"this run made, which the provider adopted. The state keeps %s. "+
				"Where ids are not kept, a create cannot be retried safely, so after a lost answer the provider looks at the "+
				"room before it sends anything again.", roomID, linkReq.LinkID, link.ID, link.ID, link.ID))
	}
	if problems := compareLink(linkReq, link); len(problems) > 0 {
		if link.Adopted {
			// Taken by its settings on a portal that ignores ids: nothing
			// proves this apply made it, so it is not this apply's to delete.
			resp.Diagnostics.AddError("DocSpace Did Not Apply the Link as Configured", explainMismatch(problems)+
				fmt.Sprintf("\n\nThis portal does not keep link ids, and the answer to the create was lost: link %s of room %s is the one "+
					"link made since the create with the configured settings, but nothing proves this apply made it, so it was left "+
					"in place. If it is this configuration's, delete it in DocSpace or import it "+
					"(terraform import docspace_room_link.<name> %s/%s).", link.ID, roomID, roomID, link.ID))
			return
		}
		// DocSpace kept something other than what was asked. Take the link
		// back, made by this very create, so nothing is left behind that
		// the state does not describe.
		_, delErr := r.data.api.DeleteLink(ctx, docspace.RoomTarget(roomID), link.ID, link.LinkType)
		detail := explainMismatch(problems) + "\n\nThe link was deleted again, so nothing was left behind."
		if delErr != nil {
			detail = explainMismatch(problems) + fmt.Sprintf("\n\nDeleting the link %s again failed too: %s. Remove it in DocSpace.",
				link.ID, describeAPIError(delErr, roomID, r.data.api.Host()))
		}
		resp.Diagnostics.AddError("DocSpace Did Not Apply the Link as Configured", detail)
		return
	}
	plan.setLink(ctx, link)
	resp.Diagnostics.Append(forgetLegacyDigest(ctx, resp.Private)...)
	resp.Diagnostics.Append(setModel(ctx, &resp.State.Raw, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, linkIdentity(plan.RoomID, plan.ID))...)
}

func (r *roomLinkResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state roomLinkModel
	resp.Diagnostics.Append(state.read(req.State.Raw)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The identity goes with every answer, a removal too: Terraform before
	// 1.12 sends none, and the framework wants one back all the same.
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, linkIdentity(state.RoomID, state.ID))...)
	if r.data == nil {
		// Provider settings not known yet: keep the state as it is, unless
		// it is an import's, never read, which would plan a replacement.
		if state.LinkType.IsNull() {
			resp.Deferred = deferOrRefuse(req.ClientCapabilities.DeferralAllowed, r.unknown,
				fmt.Sprintf("read the imported room link %s/%s", state.RoomID.ValueString(), state.ID.ValueString()), &resp.Diagnostics)
		}
		return
	}
	roomID, linkID := state.RoomID.ValueString(), state.ID.ValueString()
	link, found, err := r.data.api.FindLink(ctx, docspace.RoomTarget(roomID), linkID)
	switch {
	case docspace.IsNotFound(err):
		if gone, detail := confirmRoomGone(ctx, r.data.api, roomID, r.data.api.Host(), err); !gone {
			resp.Diagnostics.AddError("Could Not Read Room Link", detail)
			return
		}
		resp.Diagnostics.AddWarning("Room Not Found",
			fmt.Sprintf("Room %s no longer exists, so its link %s is removed from the state. Terraform will plan to create it again if it is still configured.", roomID, linkID))
		resp.State.RemoveResource(ctx)
		return
	case err != nil:
		resp.Diagnostics.AddError("Could Not Read Room Link", describeAPIError(err, roomID, r.data.api.Host()))
		return
	case !found:
		resp.Diagnostics.AddWarning("Room Link Not Found",
			fmt.Sprintf("Link %s is no longer among the links of room %s (it was deleted outside Terraform), so it is removed from the state. Terraform will plan to create it again if it is still configured.", linkID, roomID))
		resp.State.RemoveResource(ctx)
		return
	case link.Primary:
		resp.Diagnostics.AddError("Primary Links Are Not Managed by docspace_room_link", primaryLinkRefusal(roomID, linkID))
		return
	}
	if !state.PasswordWOVersion.IsNull() {
		resp.Diagnostics.Append(forgetLegacyDigest(ctx, resp.Private)...)
	}
	imported, diags := takeImportMark(ctx, req.Private, resp.Private)
	resp.Diagnostics.Append(diags...)
	state.setLink(ctx, link)
	if imported {
		state.ShareLink, state.RequestToken = types.StringNull(), types.StringNull()
	}
	resp.Diagnostics.Append(setModel(ctx, &resp.State.Raw, &state)...)
}

func (r *roomLinkResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state roomLinkModel
	resp.Diagnostics.Append(plan.read(req.Plan.Raw)...)
	resp.Diagnostics.Append(state.read(req.State.Raw)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if refused, ok := plannedRefusal(ctx, req.Private); ok {
		// Nothing was sent: the link stays as the state has it.
		resp.State.Raw = req.State.Raw.Copy()
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, refusalKey, nil)...)
		resp.Diagnostics.AddAttributeError(path.Root("expiration_date"), refused.Summary, refused.Detail)
		return
	}
	linkReq, diags := r.request(ctx, plan, req.Config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if docSpaceHoldsPlan(linkReq, plan, state) {
		// Only Terraform-side settings changed (on_expired, say).
		plan.copyComputed(state)
		if plan.ShareLink.IsUnknown() {
			// store_share_link became true: read what the state lacks.
			roomID := plan.RoomID.ValueString()
			link, found, err := r.data.api.FindLink(ctx, docspace.RoomTarget(roomID), plan.ID.ValueString())
			if err == nil && !found {
				err = fmt.Errorf("link %s is no longer among the room's links", plan.ID.ValueString())
			}
			if err != nil {
				resp.Diagnostics.AddError("Could Not Read Room Link", describeAPIError(err, roomID, r.data.api.Host()))
				return
			}
			plan.ShareLink, plan.RequestToken = shareSecrets(plan.StoreShareLink, link.ShareLink, link.RequestToken)
		}
		resp.Diagnostics.Append(setModel(ctx, &resp.State.Raw, &plan)...)
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, linkIdentity(plan.RoomID, plan.ID))...)
		return
	}
	linkReq.LinkID = state.ID.ValueString()
	roomID := plan.RoomID.ValueString()
	link, err := r.data.api.SetLink(ctx, docspace.RoomTarget(roomID), linkReq)
	if err != nil {
		resp.Diagnostics.AddError("Could Not Update Room Link", describeAPIError(err, roomID, r.data.api.Host()))
		return
	}
	if problems := compareLink(linkReq, link); len(problems) > 0 {
		// Record what DocSpace holds, so the next plan shows the difference.
		// The password is the one just sent: a write-only one when the plan
		// has password_wo_version, which the state then says too.
		state.PasswordWOVersion = plan.PasswordWOVersion
		state.setLink(ctx, link)
		resp.Diagnostics.Append(setModel(ctx, &resp.State.Raw, &state)...)
		resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, linkIdentity(state.RoomID, state.ID))...)
		resp.Diagnostics.AddError("DocSpace Did Not Apply the Link as Configured", explainMismatch(problems))
		return
	}
	plan.setLink(ctx, link)
	resp.Diagnostics.Append(forgetLegacyDigest(ctx, resp.Private)...)
	resp.Diagnostics.Append(setModel(ctx, &resp.State.Raw, &plan)...)
	resp.Diagnostics.Append(setIdentity(ctx, resp.Identity, linkIdentity(plan.RoomID, plan.ID))...)
}

func (r *roomLinkResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state roomLinkModel
	resp.Diagnostics.Append(state.read(req.State.Raw)...)
	if resp.Diagnostics.HasError() {
		return
	}
	kind, _ := docspace.ParseLinkType(state.LinkType.ValueString())
	roomID := state.RoomID.ValueString()
	_, err := r.data.api.DeleteLink(ctx, docspace.RoomTarget(roomID), state.ID.ValueString(), kind)
	if docspace.IsNotFound(err) {
		// The room is gone, and its links with it, once DocSpace says so twice.
		if gone, detail := confirmRoomGone(ctx, r.data.api, roomID, r.data.api.Host(), err); !gone {
			resp.Diagnostics.AddError("Could Not Delete Room Link", detail)
		}
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Could Not Delete Room Link", describeAPIError(err, roomID, r.data.api.Host()))
	}
}

// request builds the full PUT body from a plan, every option every time,
// with the write-only password from the configuration and an expiry pinned
// from expires_in where the plan leaves the date to the provider.
func (r *roomLinkResource) request(ctx context.Context, m roomLinkModel, config tfsdk.Config) (docspace.LinkRequest, diag.Diagnostics) {
	req, diags := m.request()
	writeOnly, moreDiags := writeOnlyPassword(ctx, config)
	diags.Append(moreDiags...)
	if writeOnly != "" {
		req.Password = writeOnly
	}
	if m.ExpirationDate.IsUnknown() && !m.ExpiresIn.IsNull() {
		if d, err := time.ParseDuration(m.ExpiresIn.ValueString()); err == nil {
			pinned := r.data.now().Add(d).UTC().Truncate(time.Second)
			req.Expiration = &pinned
		}
	}
	return req, diags
}

// docSpaceHoldsPlan reports whether an update can skip the PUT: the request
// built from the plan asks for exactly what the state says DocSpace holds,
// so only Terraform-side settings changed (on_expired, rotation_triggers, or
// expires_in where the pinned date stays). Not when the plan leaves the date
// to be pinned at apply, nor when password_wo_version changes (a new
// write-only password must be sent even if it looks the same), nor when the
// state cannot be read as a request.
func docSpaceHoldsPlan(planReq docspace.LinkRequest, plan, state roomLinkModel) bool {
	if plan.ExpirationDate.IsUnknown() || !plan.PasswordWOVersion.Equal(state.PasswordWOVersion) {
		return false
	}
	stateReq, diags := state.request()
	if diags.HasError() {
		return false
	}
	if !plan.PasswordWOVersion.IsNull() {
		// A write-only password is in neither the plan nor the state: with
		// its version unchanged, the link holds the configured one, which
		// planReq carries.
		stateReq.Password = planReq.Password
	}
	return equalRequests(planReq, stateReq)
}

// equalRequests reports whether two requests would leave DocSpace holding
// the same link.
func equalRequests(a, b docspace.LinkRequest) bool {
	sameDate := (a.Expiration == nil) == (b.Expiration == nil) && (a.Expiration == nil || sameTick(*a.Expiration, *b.Expiration))
	a.Expiration, b.Expiration = nil, nil
	sameUses := equalIntPtr(a.MaxUseCount, b.MaxUseCount)
	a.MaxUseCount, b.MaxUseCount = nil, nil
	return sameDate && sameUses && a == b
}

// request maps the model's DocSpace settings onto a PUT body.
func (m roomLinkModel) request() (docspace.LinkRequest, diag.Diagnostics) {
	var diags diag.Diagnostics
	kind, ok := docspace.ParseLinkType(m.LinkType.ValueString())
	if !ok {
		diags.AddAttributeError(path.Root("link_type"), "Invalid Link Type", fmt.Sprintf("Unknown link type %q.", m.LinkType.ValueString()))
	}
	access, ok := docspace.ParseAccess(m.Access.ValueString())
	if !ok {
		diags.AddAttributeError(path.Root("access"), "Invalid Access", fmt.Sprintf("Unknown access %q.", m.Access.ValueString()))
	}
	req := docspace.LinkRequest{
		LinkType:     kind,
		Access:       access,
		Title:        m.Title.ValueString(),
		Password:     m.Password.ValueString(),
		DenyDownload: m.DenyDownload.ValueBool(),
		Internal:     m.Internal.ValueBool(),
	}
	if t, ok := m.ExpirationDate.Time(); ok {
		req.Expiration = &t
	}
	if !m.MaxUseCount.IsNull() && !m.MaxUseCount.IsUnknown() {
		n := int(m.MaxUseCount.ValueInt64())
		req.MaxUseCount = &n
	}
	return req, diags
}

// setLink copies what DocSpace reports into the model. The expiration keeps
// the model's own spelling when it names the same instant.
func (m *roomLinkModel) setLink(ctx context.Context, l docspace.Link) {
	m.ID = types.StringValue(l.ID)
	m.LinkType = types.StringValue(l.LinkType.Name())
	m.Access = types.StringValue(l.Access.Name())
	m.Title = types.StringValue(l.Title)
	reported := newTimestampPointer(l.Expiration)
	if same, _ := m.ExpirationDate.StringSemanticEquals(ctx, reported); !same {
		m.ExpirationDate = reported
	}
	m.Password = recordedPassword(m.Password, m.PasswordWOVersion, l.Password)
	m.DenyDownload = types.BoolValue(l.DenyDownload)
	m.Internal = types.BoolValue(l.Internal)
	m.MaxUseCount = optionalInt(l.MaxUseCount)
	m.ShareLink, m.RequestToken = shareSecrets(m.StoreShareLink, l.ShareLink, l.RequestToken)
	m.IsExpired = types.BoolValue(l.IsExpired)
	m.Primary = types.BoolValue(l.Primary)
	m.CurrentUseCount = optionalInt(l.CurrentUseCount)
}

// copyComputed takes the server-computed values from another model.
func (m *roomLinkModel) copyComputed(from roomLinkModel) {
	m.ID = from.ID
	if storesShareSecrets(m.StoreShareLink) && from.ShareLink.IsNull() {
		m.ShareLink, m.RequestToken = types.StringUnknown(), types.StringUnknown() // to be read
	} else {
		m.ShareLink, m.RequestToken = shareSecrets(m.StoreShareLink, from.ShareLink.ValueString(), from.RequestToken.ValueString())
	}
	m.IsExpired, m.Primary, m.CurrentUseCount = from.IsExpired, from.Primary, from.CurrentUseCount
}
