package provider

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ resource.ResourceWithConfigure   = (*primaryLinkResource)(nil)
	_ resource.ResourceWithImportState = (*primaryLinkResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*primaryLinkResource)(nil)
)

// primaryLinkResource adopts the primary external link that DocSpace keeps
// for a room (API.md §6): it never creates one through the links endpoint, and by
// default leaves it in place on destroy.
type primaryLinkResource struct {
	data *providerData
	// unknown names the provider's settings not known yet, while data is nil.
	unknown []string
}

// NewRoomPrimaryLinkResource is the docspace_room_primary_link resource.
func NewRoomPrimaryLinkResource() resource.Resource { return &primaryLinkResource{} }

func (r *primaryLinkResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_primary_link"
}

func (r *primaryLinkResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = primaryLinkSchema()
}

func (r *primaryLinkResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
	r.unknown = unknownSettingsFrom(req.ProviderData)
}

func (r *primaryLinkResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	roomID := req.ID
	if roomID == "" {
		var diags diag.Diagnostics
		roomID, _, diags = roomPrimaryLinks.fromImportIdentity(ctx, req.Identity)
		if resp.Diagnostics.Append(diags...); diags.HasError() {
			return
		}
	} else if err := docspace.ValidateRoomID(roomID); err != nil {
		addInvalidPrimaryImportID(&resp.Diagnostics, err)
		return
	}
	if r.data == nil {
		// The provider's settings are not known yet: the link cannot be read.
		resp.Deferred = deferOrRefuse(req.ClientCapabilities.DeferralAllowed, r.unknown,
			"import the primary link of room "+roomID, &resp.Diagnostics)
		if resp.Deferred == nil {
			return
		}
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("room_id"), roomID)...)
	resp.Diagnostics.Append(roomPrimaryLinks.identity(types.StringValue(roomID), types.StringNull()).set(ctx, resp.Identity)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("revoke_on_destroy"), false)...)
	// A deferred import is asked for again once the settings are known;
	// that call marks it.
	if resp.Deferred == nil {
		resp.Diagnostics.Append(markImported(ctx, resp.Private)...)
	}
}

// ModifyPlan checks the room type's rules for primary links (API.md §4.5, §5.4,
// API.md §5.5) and plans a rotation as an update with a new id and address.
func (r *primaryLinkResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	if r.data == nil && !req.State.Raw.IsNull() {
		// An import's state that could not be read (the provider's settings
		// are not known yet) has no id: nothing can be planned from it.
		var id types.String
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
		if id.IsNull() {
			resp.Deferred = deferOrRefuse(req.ClientCapabilities.DeferralAllowed, r.unknown, "plan the imported primary link", &resp.Diagnostics)
			return
		}
	}
	if !req.State.Raw.IsNull() && req.Plan.Raw.Equal(req.State.Raw) {
		// Any update sends password_wo again; only a link left as it is
		// can keep a password changed in DocSpace.
		if r.data != nil {
			resp.Diagnostics.Append(r.passwordDrift(ctx, req.Config, req.State)...)
		}
		return
	}
	var plan, state linkModel
	resp.Diagnostics.Append(plan.read(roomPrimaryLinks, req.Plan.Raw)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(state.read(roomPrimaryLinks, req.State.Raw)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if !req.State.Raw.IsNull() && !plan.RotationTriggers.Equal(state.RotationTriggers) {
		plan.ID = types.StringUnknown()
		plan.ShareLink = types.StringUnknown()
		plan.RequestToken = types.StringUnknown()
	}
	planShareSecrets(plan.StoreShareLink, &plan.ShareLink, &plan.RequestToken)
	now := time.Now()
	if r.data != nil {
		now = r.data.now()
	}
	if plan.IsExpired.IsUnknown() {
		if t, ok := plan.ExpirationDate.Time(); ok {
			plan.IsExpired = types.BoolValue(!t.After(now))
		} else if plan.ExpirationDate.IsNull() {
			plan.IsExpired = types.BoolValue(false)
		}
	}
	if t, ok := plan.ExpirationDate.Time(); ok {
		previous, had := state.ExpirationDate.Time()
		if (!had || !sameTick(previous, t)) && (!t.After(now) || t.After(latestExpiry(now))) {
			addInvalidPrimaryExpiration(&resp.Diagnostics, plan.ExpirationDate.ValueString())
		}
	}
	if !plan.Parent.IsUnknown() && r.data != nil {
		r.checkRoom(ctx, plan, resp)
	}
	resp.Diagnostics.Append(setModel(ctx, roomPrimaryLinks, &resp.Plan.Raw, &plan)...)
}

// passwordDrift compares a write-only password the plan keeps with the
// primary link's password in DocSpace, from the listing the refresh read.
func (r *primaryLinkResource) passwordDrift(ctx context.Context, config tfsdk.Config, state tfsdk.State) diag.Diagnostics {
	password, ok := unchangedWriteOnlyPassword(ctx, config, state)
	if !ok {
		return nil
	}
	var roomID types.String
	state.GetAttribute(ctx, path.Root("room_id"), &roomID)
	links, err := r.data.api.Links(ctx, docspace.RoomTarget(roomID.ValueString()), nil)
	if err != nil {
		return nil // the refresh reports it
	}
	for _, l := range links {
		if l.Primary {
			return passwordDrift(password, l.Password, l.ID, docspace.RoomTarget(roomID.ValueString()))
		}
	}
	return nil
}

func (r *primaryLinkResource) checkRoom(ctx context.Context, plan linkModel, resp *resource.ModifyPlanResponse) {
	roomID := plan.Parent.ValueString()
	room, err := r.data.api.Room(ctx, roomID)
	if err != nil {
		addCouldNotReadRoom(&resp.Diagnostics, path.Root("room_id"), err, roomID, r.data.api.Host())
		return
	}
	roomName := describeRoom(roomID, room)
	allowed, known := docspace.AllowedAccess(room.Type, docspace.LinkTypeExternal)
	if !known {
		return
	}
	if len(allowed) == 0 {
		addRoomTakesNoPrimaryLink(&resp.Diagnostics, roomName)
		return
	}
	if room.Type == docspace.RoomTypeFillingForms {
		allowed = []docspace.Access{docspace.AccessFillForms, docspace.AccessRead}
	}
	if access, ok := docspace.ParseAccess(plan.Access.ValueString()); ok && !slices.Contains(allowed, access) {
		addPrimaryAccessNotAllowedInRoom(&resp.Diagnostics, roomName, allowed, plan.Access.ValueString())
	}
	fixedLifetime := room.Type == docspace.RoomTypePublic || room.Type == docspace.RoomTypeFillingForms
	if fixedLifetime && !plan.ExpirationDate.IsNull() {
		addPrimaryExpiryInRoom(&resp.Diagnostics, roomName)
	}
	if room.Type == docspace.RoomTypePublic && plan.Internal.ValueBool() {
		addPrimaryInternalInPublicRoom(&resp.Diagnostics, roomName)
	}
}

// Create adopts the room's primary link: it asks for it (which makes one in
// a Custom room that has none) and applies the configured settings.
func (r *primaryLinkResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan linkModel
	resp.Diagnostics.Append(plan.read(roomPrimaryLinks, req.Plan.Raw)...)
	if resp.Diagnostics.HasError() {
		return
	}
	roomID := plan.Parent.ValueString()
	current, err := r.data.api.PrimaryLink(ctx, docspace.RoomTarget(roomID))
	if err != nil {
		addCouldNotGetPrimary(&resp.Diagnostics, describeAPIError(err, docspace.RoomTarget(roomID), r.data.api.Host()))
		return
	}
	r.apply(ctx, roomID, plan, current, req.Config, &resp.State, resp.Private, &resp.Diagnostics)
	resp.Diagnostics.Append(roomPrimaryLinks.identity(plan.Parent, types.StringNull()).set(ctx, resp.Identity)...)
}

func (r *primaryLinkResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state linkModel
	resp.Diagnostics.Append(state.read(roomPrimaryLinks, req.State.Raw)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The identity goes with every answer, a removal too: Terraform before
	// 1.12 sends none, and the framework wants one back all the same.
	resp.Diagnostics.Append(roomPrimaryLinks.identity(state.Parent, types.StringNull()).set(ctx, resp.Identity)...)
	if r.data == nil {
		// Provider settings not known yet: keep the state as it is, unless
		// it is an import's, never read (no id).
		if state.ID.IsNull() {
			resp.Deferred = deferOrRefuse(req.ClientCapabilities.DeferralAllowed, r.unknown,
				"read the imported primary link of room "+state.Parent.ValueString(), &resp.Diagnostics)
		}
		return
	}
	roomID := state.Parent.ValueString()
	current, found, err := r.currentPrimary(ctx, roomID)
	if docspace.IsNotFound(err) {
		if gone, detail := confirmGone(ctx, r.data.api, docspace.RoomTarget(roomID), r.data.api.Host(), err); !gone {
			addCouldNotReadPrimary(&resp.Diagnostics, detail)
			return
		}
		addPrimaryRoomGone(&resp.Diagnostics, roomID)
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addCouldNotReadPrimary(&resp.Diagnostics, describeAPIError(err, docspace.RoomTarget(roomID), r.data.api.Host()))
		return
	}
	if !found {
		addPrimaryLinkGone(&resp.Diagnostics, roomID)
		resp.State.RemoveResource(ctx)
		return
	}
	if !state.PasswordWOVersion.IsNull() {
		resp.Diagnostics.Append(forgetLegacyDigest(ctx, resp.Private)...)
	}
	// The id follows the room's primary link, even if DocSpace issued a new
	// one outside Terraform.
	imported, diags := takeImportMark(ctx, req.Private, resp.Private)
	resp.Diagnostics.Append(diags...)
	state.setLink(ctx, current)
	if imported {
		state.ShareLink, state.RequestToken = types.StringNull(), types.StringNull()
	}
	resp.Diagnostics.Append(setModel(ctx, roomPrimaryLinks, &resp.State.Raw, &state)...)
}

func (r *primaryLinkResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state linkModel
	resp.Diagnostics.Append(plan.read(roomPrimaryLinks, req.Plan.Raw)...)
	resp.Diagnostics.Append(state.read(roomPrimaryLinks, req.State.Raw)...)
	if resp.Diagnostics.HasError() {
		return
	}
	roomID := plan.Parent.ValueString()
	// The plan may be older than the room's primary link: revoked in the
	// DocSpace UI after the last refresh, the id in the state names no link,
	// and a PUT with it would create an additional link (API.md §6).
	current, found, err := r.currentPrimary(ctx, roomID)
	if err != nil {
		addCouldNotReadPrimary(&resp.Diagnostics, describeAPIError(err, docspace.RoomTarget(roomID), r.data.api.Host()))
		return
	}
	if !found || !strings.EqualFold(current.ID, state.ID.ValueString()) {
		resp.State.Raw = req.State.Raw.Copy()
		planned := state.ID.ValueString()
		if found {
			state.setLink(ctx, current)
			resp.Diagnostics.Append(setModel(ctx, roomPrimaryLinks, &resp.State.Raw, &state)...)
		}
		addPrimaryChangedOutside(&resp.Diagnostics, planned, roomID, current.ID, found)
		return
	}
	if !plan.RotationTriggers.Equal(state.RotationTriggers) {
		if current, err = r.rotate(ctx, roomID, state.ID.ValueString()); err != nil {
			addCouldNotRotatePrimary(&resp.Diagnostics, describeAPIError(err, docspace.RoomTarget(roomID), r.data.api.Host()))
			return
		}
	}
	r.apply(ctx, roomID, plan, current, req.Config, &resp.State, resp.Private, &resp.Diagnostics)
	resp.Diagnostics.Append(roomPrimaryLinks.identity(plan.Parent, types.StringNull()).set(ctx, resp.Identity)...)
}

// currentPrimary finds the room's primary link in its listing, which,
// unlike GET …/link, never creates one.
func (r *primaryLinkResource) currentPrimary(ctx context.Context, roomID string) (docspace.Link, bool, error) {
	links, err := r.data.api.Links(ctx, docspace.RoomTarget(roomID), nil)
	if err != nil {
		return docspace.Link{}, false, err
	}
	i := slices.IndexFunc(links, func(l docspace.Link) bool { return l.Primary })
	if i < 0 {
		return docspace.Link{}, false, nil
	}
	return links[i], true, nil
}

// rotate revokes the primary link and returns its successor: Public and Form
// filling rooms issue one at once; a Custom room gets one when asked (API.md §6).
func (r *primaryLinkResource) rotate(ctx context.Context, roomID, linkID string) (docspace.Link, error) {
	next, err := r.data.api.DeleteLink(ctx, docspace.RoomTarget(roomID), docspace.Link{ID: linkID, LinkType: docspace.LinkTypeExternal})
	if err != nil {
		return docspace.Link{}, err
	}
	if next != nil {
		return *next, nil
	}
	return r.data.api.PrimaryLink(ctx, docspace.RoomTarget(roomID))
}

func (r *primaryLinkResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state linkModel
	resp.Diagnostics.Append(state.read(roomPrimaryLinks, req.State.Raw)...)
	if resp.Diagnostics.HasError() || !state.RevokeOnDestroy.ValueBool() {
		return // the link stays as DocSpace keeps it
	}
	roomID := state.Parent.ValueString()
	_, err := r.data.api.DeleteLink(ctx, docspace.RoomTarget(roomID), docspace.Link{ID: state.ID.ValueString(), LinkType: docspace.LinkTypeExternal})
	if docspace.IsNotFound(err) {
		if gone, detail := confirmGone(ctx, r.data.api, docspace.RoomTarget(roomID), r.data.api.Host(), err); !gone {
			addCouldNotRevokePrimary(&resp.Diagnostics, detail)
		}
		return
	}
	if err != nil {
		addCouldNotRevokePrimary(&resp.Diagnostics, describeAPIError(err, docspace.RoomTarget(roomID), r.data.api.Host()))
	}
}

// apply brings the primary link to the planned settings, with one PUT where
// anything differs, and records the result.
func (r *primaryLinkResource) apply(ctx context.Context, roomID string, plan linkModel, current docspace.Link, config tfsdk.Config,
	state *tfsdk.State, private privateSetter, diags *diag.Diagnostics) {
	writeOnly, moreDiags := writeOnlyPassword(ctx, config)
	diags.Append(moreDiags...)
	linkReq := primaryRequest(plan, current, writeOnly)
	link := current
	if !equalRequests(linkReq, requestOf(current)) {
		var err error
		if link, err = r.data.api.SetLink(ctx, docspace.RoomTarget(roomID), linkReq); err != nil {
			addCouldNotUpdatePrimary(diags, describeAPIError(err, docspace.RoomTarget(roomID), r.data.api.Host()))
			return
		}
		if !link.Primary || !strings.EqualFold(link.ID, current.ID) {
			// DocSpace made another link of the request instead of updating
			// the primary one: take it back, and record nothing new.
			deleted, delErr := false, error(nil)
			if !link.Primary && !strings.EqualFold(link.ID, current.ID) {
				_, delErr = r.data.api.DeleteLink(ctx, docspace.RoomTarget(roomID), docspace.Link{ID: link.ID, LinkType: docspace.LinkTypeExternal})
				deleted = delErr == nil
			}
			addPrimaryNotUpdated(diags, current.ID, roomID, link.ID, deleted, delErr, r.data.api.Host())
			return
		}
		if problems := compareLink(linkReq, link); len(problems) > 0 {
			plan.setLink(ctx, link)
			diags.Append(setModel(ctx, roomPrimaryLinks, &state.Raw, &plan)...)
			addLinkMismatch(diags, problems)
			return
		}
	}
	plan.setLink(ctx, link)
	diags.Append(forgetLegacyDigest(ctx, private)...)
	diags.Append(setModel(ctx, roomPrimaryLinks, &state.Raw, &plan)...)
}

// primaryRequest is the full PUT for the planned settings; what the plan
// leaves unknown (access and title when not configured) keeps the link's own.
func primaryRequest(m linkModel, current docspace.Link, writeOnly string) docspace.LinkRequest {
	req, _ := m.request()
	req.LinkID, req.Primary = current.ID, current.Primary
	if _, ok := docspace.ParseAccess(m.Access.ValueString()); !ok {
		req.Access = current.Access
	}
	if m.Title.IsUnknown() || m.Title.IsNull() {
		req.Title = current.Title
	}
	if writeOnly != "" {
		req.Password = writeOnly
	}
	return req
}
