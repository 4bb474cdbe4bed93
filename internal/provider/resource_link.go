package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ resource.ResourceWithConfigure      = (*linkResource)(nil)
	_ resource.ResourceWithImportState    = (*linkResource)(nil)
	_ resource.ResourceWithValidateConfig = (*linkResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*linkResource)(nil)
)

type linkResource struct {
	kind *linkKind
	data *providerData
	// unknown names the provider's settings not known yet, while data is nil.
	unknown []string
}

// NewRoomLinkResource is the docspace_room_link resource.
func NewRoomLinkResource() resource.Resource { return &linkResource{kind: roomLinks} }

func (r *linkResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.kind.name
}

func (r *linkResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = linkResourceSchema(r.kind)
}

func (r *linkResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
	r.unknown = unknownSettingsFrom(req.ProviderData)
}

// ImportState takes "<parent id>/<link_id>", or the identity of an import
// block, and checks both parts before any request is made.
func (r *linkResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parentID, linkID, err := parseImportID(r.kind, req.ID)
	if req.ID == "" {
		var diags diag.Diagnostics
		parentID, linkID, diags = r.kind.fromImportIdentity(ctx, req.Identity)
		resp.Diagnostics.Append(diags...)
		err = nil
	}
	if err != nil {
		addInvalidImportID(&resp.Diagnostics, err)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	target := docspace.Target{Kind: r.kind.target, ID: parentID}
	if r.data == nil {
		// The provider's settings are not known yet, so the link cannot be
		// read, and a bare state would plan its replacement.
		resp.Deferred = deferOrRefuse(req.ClientCapabilities.DeferralAllowed, r.unknown,
			fmt.Sprintf("import %s link %s/%s", r.kind.target.Noun(), parentID, linkID), &resp.Diagnostics)
		if resp.Deferred == nil {
			return
		}
	} else if !r.importable(ctx, target, linkID, &resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(r.kind.parentAttr), parentID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), linkID)...)
	resp.Diagnostics.Append(r.kind.identity(types.StringValue(parentID), types.StringValue(linkID)).set(ctx, resp.Identity)...)
	// Terraform-side settings an import cannot read: their defaults.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("on_expired"), onExpiredKeep)...)
	// A deferred import is asked for again once the settings are known;
	// that call marks it.
	if resp.Deferred == nil {
		resp.Diagnostics.Append(markImported(ctx, resp.Private)...)
	}
}

// importable looks the link up before it is imported, so that a link id
// that is not there, or a room's primary link, is refused with the reason
// instead of Terraform's "non-existent remote object". The listing is the
// one the Read after the import uses.
func (r *linkResource) importable(ctx context.Context, target docspace.Target, linkID string, diags *diag.Diagnostics) bool {
	link, found, err := r.data.api.FindLink(ctx, target, linkID)
	switch {
	case err != nil:
		addCouldNotImport(diags, r.kind.title, describeAPIError(err, target, r.data.api.Host()))
	case !found:
		addLinkNotFoundForImport(diags, r.kind, target, linkID)
	case link.Primary && r.kind.primaryElsewhere():
		addPrimaryLinkImportRefused(diags, target.ID, linkID)
	case link.RoomLink:
		addRoomLinkOfFormImportRefused(diags, target, linkID)
	default:
		return true
	}
	return false
}

func (r *linkResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan linkModel
	resp.Diagnostics.Append(plan.read(r.kind, req.Plan.Raw)...)
	if resp.Diagnostics.HasError() {
		return
	}
	linkReq, diags := r.request(ctx, plan, req.Config)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	target, host := plan.target(r.kind), r.data.api.Host()
	// The provider chooses the link's id, so that whatever happens to the
	// answer, the link can be looked up, adopted, or recorded.
	linkReq.LinkID = uuid.NewString()
	link, err := r.data.api.CreateLink(ctx, target, linkReq)
	var unknown *docspace.UnknownOutcomeError
	switch {
	case errors.As(err, &unknown):
		// Recorded with an error: Terraform marks it tainted and the next
		// apply replaces it, so no link is left that the state does not know.
		plan.recordUnsure(unknown.LinkID, linkReq)
		resp.Diagnostics.Append(setModel(ctx, r.kind, &resp.State.Raw, &plan)...)
		resp.Diagnostics.Append(r.kind.identity(plan.Parent, plan.ID).set(ctx, resp.Identity)...)
		addMayHaveBeenCreated(&resp.Diagnostics, r.kind.title, unknown, host)
		return
	case docspace.IsLinkLimit(err):
		addLinkLimitReached(&resp.Diagnostics, r.kind.title, linkLimitDetail(ctx, r.data.api, target, host, linkReq.LinkType, err))
		return
	case err != nil:
		addCouldNotCreate(&resp.Diagnostics, r.kind.title, describeAPIError(err, target, host))
		return
	case !strings.EqualFold(link.ID, linkReq.LinkID):
		addLinkIDNotKept(&resp.Diagnostics, target, linkReq.LinkID, link.ID)
	}
	if problems := compareLink(linkReq, link); len(problems) > 0 {
		if link.Adopted {
			// Taken by its settings on a portal that ignores ids: nothing
			// proves this apply made it, so it is not this apply's to delete.
			addAdoptedLinkMismatch(&resp.Diagnostics, problems, link.ID, target, r.kind.name)
			return
		}
		// DocSpace kept something other than what was asked. Take the link
		// back, made by this very create, so nothing is left behind that
		// the state does not describe.
		_, delErr := r.data.api.DeleteLink(ctx, target, link)
		addCreatedLinkMismatch(&resp.Diagnostics, problems, link.ID, delErr, target, r.data.api.Host())
		return
	}
	plan.setLink(ctx, link)
	resp.Diagnostics.Append(forgetLegacyDigest(ctx, resp.Private)...)
	resp.Diagnostics.Append(setModel(ctx, r.kind, &resp.State.Raw, &plan)...)
	resp.Diagnostics.Append(r.kind.identity(plan.Parent, plan.ID).set(ctx, resp.Identity)...)
}

func (r *linkResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state linkModel
	resp.Diagnostics.Append(state.read(r.kind, req.State.Raw)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The identity goes with every answer, a removal too: Terraform before
	// 1.12 sends none, and the framework wants one back all the same.
	resp.Diagnostics.Append(r.kind.identity(state.Parent, state.ID).set(ctx, resp.Identity)...)
	if r.data == nil {
		// Provider settings not known yet: keep the state as it is, unless
		// it is an import's, never read (no access yet), which would plan a
		// replacement.
		if state.Access.IsNull() {
			resp.Deferred = deferOrRefuse(req.ClientCapabilities.DeferralAllowed, r.unknown,
				fmt.Sprintf("read the imported "+r.kind.target.Noun()+" link %s/%s", state.Parent.ValueString(), state.ID.ValueString()), &resp.Diagnostics)
		}
		return
	}
	target, linkID := state.target(r.kind), state.ID.ValueString()
	link, found, err := r.data.api.FindLink(ctx, target, linkID)
	switch {
	case docspace.IsNotFound(err):
		if gone, detail := confirmGone(ctx, r.data.api, target, r.data.api.Host(), err); !gone {
			addCouldNotRead(&resp.Diagnostics, r.kind.title, detail)
			return
		}
		addParentGone(&resp.Diagnostics, target, linkID)
		resp.State.RemoveResource(ctx)
		return
	case err != nil:
		addCouldNotRead(&resp.Diagnostics, r.kind.title, describeAPIError(err, target, r.data.api.Host()))
		return
	case !found:
		addLinkGone(&resp.Diagnostics, r.kind.title, linkID, target)
		resp.State.RemoveResource(ctx)
		return
	case link.Primary && r.kind.primaryElsewhere():
		addPrimaryLinkNotManaged(&resp.Diagnostics, target.ID, linkID)
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
	resp.Diagnostics.Append(setModel(ctx, r.kind, &resp.State.Raw, &state)...)
}

func (r *linkResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state linkModel
	resp.Diagnostics.Append(plan.read(r.kind, req.Plan.Raw)...)
	resp.Diagnostics.Append(state.read(r.kind, req.State.Raw)...)
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
			target := plan.target(r.kind)
			link, found, err := r.data.api.FindLink(ctx, target, plan.ID.ValueString())
			if err == nil && !found {
				err = linkMissingError(plan.ID.ValueString())
			}
			if err != nil {
				addCouldNotRead(&resp.Diagnostics, r.kind.title, describeAPIError(err, target, r.data.api.Host()))
				return
			}
			plan.ShareLink, plan.RequestToken = shareSecrets(plan.StoreShareLink, link.ShareLink, link.RequestToken)
		}
		resp.Diagnostics.Append(setModel(ctx, r.kind, &resp.State.Raw, &plan)...)
		resp.Diagnostics.Append(r.kind.identity(plan.Parent, plan.ID).set(ctx, resp.Identity)...)
		return
	}
	linkReq.LinkID = state.ID.ValueString()
	target := plan.target(r.kind)
	link, err := r.data.api.SetLink(ctx, target, linkReq)
	if err != nil {
		addCouldNotUpdate(&resp.Diagnostics, r.kind.title, describeAPIError(err, target, r.data.api.Host()))
		return
	}
	if problems := compareLink(linkReq, link); len(problems) > 0 {
		// Record what DocSpace holds, so the next plan shows the difference.
		// The password is the one just sent: a write-only one when the plan
		// has password_wo_version, which the state then says too.
		state.PasswordWOVersion = plan.PasswordWOVersion
		state.setLink(ctx, link)
		resp.Diagnostics.Append(setModel(ctx, r.kind, &resp.State.Raw, &state)...)
		resp.Diagnostics.Append(r.kind.identity(state.Parent, state.ID).set(ctx, resp.Identity)...)
		addLinkMismatch(&resp.Diagnostics, problems)
		return
	}
	plan.setLink(ctx, link)
	resp.Diagnostics.Append(forgetLegacyDigest(ctx, resp.Private)...)
	resp.Diagnostics.Append(setModel(ctx, r.kind, &resp.State.Raw, &plan)...)
	resp.Diagnostics.Append(r.kind.identity(plan.Parent, plan.ID).set(ctx, resp.Identity)...)
}

func (r *linkResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state linkModel
	resp.Diagnostics.Append(state.read(r.kind, req.State.Raw)...)
	if resp.Diagnostics.HasError() {
		return
	}
	target := state.target(r.kind)
	_, err := r.data.api.DeleteLink(ctx, target, state.stored())
	if docspace.IsNotFound(err) {
		// The room is gone, and its links with it, once DocSpace says so twice.
		if gone, detail := confirmGone(ctx, r.data.api, target, r.data.api.Host(), err); !gone {
			addCouldNotDelete(&resp.Diagnostics, r.kind.title, detail)
		}
		return
	}
	if err != nil {
		addCouldNotDelete(&resp.Diagnostics, r.kind.title, describeAPIError(err, target, r.data.api.Host()))
	}
}

// request builds the full PUT body from a plan, every option every time,
// with the write-only password from the configuration and an expiry pinned
// from expires_in where the plan leaves the date to the provider.
func (r *linkResource) request(ctx context.Context, m linkModel, config tfsdk.Config) (docspace.LinkRequest, diag.Diagnostics) {
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
func docSpaceHoldsPlan(planReq docspace.LinkRequest, plan, state linkModel) bool {
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
