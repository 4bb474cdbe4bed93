package provider

import (
	"context"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// latestExpiry is the furthest ahead DocSpace accepts an expiry: ten years
// (API.md §5.4).
func latestExpiry(now time.Time) time.Time { return now.AddDate(10, 0, 0) }

// ValidateConfig catches what needs no portal: attributes set on the wrong
// kind of link. It runs in `terraform validate` too.
func (r *linkResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg linkModel
	resp.Diagnostics.Append(cfg.read(r.kind, req.Config.Raw)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(validateRenewBefore(cfg.RenewBefore, cfg.ExpiresIn)...)
	if cfg.OnExpired.ValueString() == onExpiredRecreate && cfg.ExpirationDate.IsNull() && cfg.ExpiresIn.IsNull() {
		addRecreateWithoutExpiry(&resp.Diagnostics)
	}
	if cfg.LinkType.IsUnknown() {
		return
	}
	kind := docspace.LinkTypeExternal
	if !cfg.LinkType.IsNull() {
		var ok bool
		if kind, ok = docspace.ParseLinkType(cfg.LinkType.ValueString()); !ok {
			return // the attribute validator reports it
		}
	}
	for _, a := range cfg.kindOnlyAttributes() {
		if a.set && kind != a.kind {
			addAttributeOfOtherLinkType(&resp.Diagnostics, a.name, a.kind, kind)
		}
	}
	if kind == docspace.LinkTypeExternal && cfg.Access.ValueString() == docspace.AccessContentCreator.Name() {
		addContentCreatorOnExternalLink(&resp.Diagnostics)
	}
}

// ModifyPlan fills in what the server will compute, and refuses at plan
// time whatever DocSpace would refuse, or worse, silently ignore (API.md §10.5).
// The decisions are planLink's; this method reads the values, hands them
// over and applies the outcome, with the room lookup planLink asks for.
func (r *linkResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	if r.data == nil && !req.State.Raw.IsNull() {
		// An import's state that could not be read (the provider's settings
		// are not known yet) has no access: planning it would replace the
		// link. Read already refuses or defers that; this is the safety net.
		var access types.String
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("access"), &access)...)
		if access.IsNull() {
			resp.Deferred = deferOrRefuse(req.ClientCapabilities.DeferralAllowed, r.unknown, "plan the imported "+r.kind.target.Noun()+" link", &resp.Diagnostics)
			return
		}
	}
	// A refusal from an earlier plan never outlives it.
	if resp.Private != nil {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, refusalKey, nil)...)
	}
	// A replacement the schema asks for (room_id, link_type,
	// rotation_triggers) is never held up by the expiry policy.
	in := linkPlanInput{creating: req.State.Raw.IsNull(), replacing: len(resp.RequiresReplace) > 0, now: time.Now()}
	if r.data != nil {
		in.now = r.data.now()
	}
	in.unchanged = !in.creating && req.Plan.Raw.Equal(req.State.Raw)
	if in.unchanged {
		// Most plans of most links end here, reading four attributes of
		// the state instead of three whole models.
		glance, diags := glanceAtState(req.State.Raw)
		resp.Diagnostics.Append(diags...)
		if !glance.PasswordWOVersion.IsNull() && r.data != nil {
			// Any update sends password_wo again; only a link left as it is
			// can keep a password changed in DocSpace.
			resp.Diagnostics.Append(r.passwordDrift(ctx, req.Config, req.State)...)
		}
		if !expiredWithPolicy(glance, in.now) && !renewalDue(glance.RenewBefore, glance.ExpiresIn, glance.ExpirationDate, in.now) {
			return // nothing changes: no checks, no requests
		}
	}
	resp.Diagnostics.Append(in.plan.read(r.kind, req.Plan.Raw)...)
	resp.Diagnostics.Append(in.config.read(r.kind, req.Config.Raw)...)
	if !in.creating {
		resp.Diagnostics.Append(in.state.read(r.kind, req.State.Raw)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	out := planLink(ctx, in)
	resp.Diagnostics.Append(out.diags...)
	resp.RequiresReplace = append(resp.RequiresReplace, out.requiresReplace...)
	switch out.outcome {
	case planAsProposed:
		// Terraform's proposed plan stands.
	case planState:
		resp.Plan.Raw = req.State.Raw
	case planRefused:
		planShareSecrets(out.plan.StoreShareLink, &out.plan.ShareLink, &out.plan.RequestToken)
		refuseAtApply(ctx, r.kind, out.plan, out.refusal.Summary, out.refusal.Detail, resp)
	case planModel:
		planShareSecrets(out.plan.StoreShareLink, &out.plan.ShareLink, &out.plan.RequestToken)
		if out.checkParent {
			r.checkParent(ctx, out.plan, in, resp)
		}
		resp.Diagnostics.Append(setModel(ctx, r.kind, &resp.Plan.Raw, &out.plan)...)
	}
}

// linkPlanInput is what a plan of one docspace_room_link starts from.
type linkPlanInput struct {
	plan, config, state linkModel // state is empty when creating
	creating            bool      // no state: the link is to be created
	replacing           bool      // the schema already asks for a replacement
	unchanged           bool      // the proposed plan equals the state
	now                 time.Time
}

// planOutcome says what becomes of the plan.
type planOutcome int

const (
	planAsProposed planOutcome = iota // Terraform's proposed plan stands (nothing to add, or an error stops the plan)
	planState                         // the link stays exactly as the state holds it, computed values included
	planModel                         // linkPlan.plan is the plan
	planRefused                       // linkPlan.plan, with linkPlan.refusal carried to the apply (refuseAtApply)
)

// linkPlan is what planLink decides.
type linkPlan struct {
	outcome         planOutcome
	plan            linkModel // with planModel and planRefused
	refusal         refusal   // with planRefused
	requiresReplace path.Paths
	checkParent     bool // the location's rules are still to be checked against the portal (planModel only)
	diags           diag.Diagnostics
}

// planLink decides the plan of one link from the proposed plan, the
// configuration and the state, without asking the portal: expiry policy,
// the expiry date, what a pre-3.7 portal ignores, and the values DocSpace
// will compute.
func planLink(ctx context.Context, in linkPlanInput) linkPlan {
	plan, cfg, state := in.plan, in.config, in.state
	if plan.LinkType.IsUnknown() {
		return linkPlan{} // which rules apply is known at apply time only
	}
	// A link due for renewal (expired ones too) is renewed in place before
	// any expiry policy looks at it.
	renewing := !in.creating && !in.replacing && cfg.ExpiresIn.Equal(state.ExpiresIn) &&
		renewalDue(cfg.RenewBefore, cfg.ExpiresIn, state.ExpirationDate, in.now)
	if !renewing && !in.creating && !in.replacing && hasExpired(state, in.now) {
		if out, settled := planExpired(plan, cfg, state, in.now); settled {
			return out
		}
	}
	if in.unchanged && !renewing {
		return linkPlan{} // expired, and the policy keeps it as it is
	}
	kind, _ := docspace.ParseLinkType(plan.LinkType.ValueString())
	diags, refused := planExpiration(ctx, &plan, cfg, state, in.creating || renewing, kind, in.now)
	out := linkPlan{diags: diags}
	switch {
	case refused != nil && in.replacing:
		// The new link would get the past date: a plain configuration error.
		out.diags.AddAttributeError(path.Root("expiration_date"), refused.Summary, refused.Detail)
	case refused != nil:
		// A change to a link that has expired. Terraform plans the same
		// configuration before a destroy, so refusing it now would block
		// the destroy (and -replace): the apply refuses it instead.
		out.outcome, out.plan, out.refusal = planRefused, plan, *refused
		return out
	}
	if !in.creating && sameSettings(ctx, plan, state) {
		// Only the spelling of a date differed (an import block, say): the
		// link stays as it is, computed values included.
		out.outcome = planState
		return out
	}

	// Before DocSpace 3.7, invitation links report no use counter, ignore
	// max_use_count and reset their expiry on every change (API.md §5.4, §5.6).
	if !in.creating && kind == docspace.LinkTypeInvitation && state.CurrentUseCount.IsNull() {
		if !cfg.MaxUseCount.IsNull() {
			addMaxUseCountNeeds37(&out.diags)
		}
		if !cfg.ExpirationDate.IsNull() {
			addInvitationExpiryNeeds37(&out.diags)
		}
	}

	if renewing {
		plan.IsExpired = types.BoolValue(false)
	}
	if plan.IsExpired.IsUnknown() {
		if t, ok := plan.ExpirationDate.Time(); ok {
			plan.IsExpired = types.BoolValue(!t.After(in.now))
		} else if plan.ExpirationDate.IsNull() || !cfg.ExpiresIn.IsNull() {
			plan.IsExpired = types.BoolValue(false)
		}
	}
	if in.creating && plan.Primary.IsUnknown() {
		plan.Primary = types.BoolValue(false) // a room link, never the primary one
	}
	if kind == docspace.LinkTypeExternal {
		plan.CurrentUseCount = types.Int64Null()
	} else if in.creating {
		plan.RequestToken = types.StringNull()
	}
	out.outcome, out.plan, out.checkParent = planModel, plan, !plan.Parent.IsUnknown()
	return out
}

// passwordDrift compares a write-only password the plan keeps with the
// link's password in DocSpace, from the listing the refresh already read.
func (r *linkResource) passwordDrift(ctx context.Context, config tfsdk.Config, state tfsdk.State) diag.Diagnostics {
	password, ok := unchangedWriteOnlyPassword(ctx, config, state)
	if !ok {
		return nil
	}
	var parentID, linkID types.String
	state.GetAttribute(ctx, path.Root(r.kind.parentAttr), &parentID)
	state.GetAttribute(ctx, path.Root("id"), &linkID)
	target := docspace.Target{Kind: r.kind.target, ID: parentID.ValueString()}
	link, found, err := r.data.api.FindLink(ctx, target, linkID.ValueString())
	if err != nil || !found {
		return nil // the refresh reports these
	}
	return passwordDrift(password, link.Password, link.ID, target)
}

// planExpiration decides what expiration_date will be, and checks a date
// that is being set or changed, or resent after it passed.
// A changed link whose date has passed comes back as a refusal rather than
// an error: see planLink.
func planExpiration(ctx context.Context, plan *linkModel, cfg, state linkModel, creating bool, kind docspace.LinkType, now time.Time) (diag.Diagnostics, *refusal) {
	var diags diag.Diagnostics
	attr := path.Root("expiration_date")
	switch {
	case !cfg.ExpirationDate.IsNull():
		// As configured.
	case !cfg.ExpiresIn.IsNull():
		// Pinned when the link is created or expires_in changes; kept
		// otherwise, so the date does not move with every plan.
		if creating || !cfg.ExpiresIn.Equal(state.ExpiresIn) {
			plan.ExpirationDate = newTimestampUnknown()
		} else {
			plan.ExpirationDate = state.ExpirationDate
		}
	case kind == docspace.LinkTypeExternal:
		// Optional+Computed keeps the old value when the configuration
		// drops it; plan "no expiry" wherever the server honours that.
		plan.ExpirationDate = newTimestampNull()
	case creating:
		plan.ExpirationDate = newTimestampUnknown() // before 3.7: now + 7 days
	case !state.CurrentUseCount.IsNull():
		plan.ExpirationDate = newTimestampNull() // 3.7+: invitation links may have none
	}
	t, ok := plan.ExpirationDate.Time()
	if !ok || (cfg.ExpirationDate.IsNull() && cfg.ExpiresIn.IsNull()) {
		return diags, nil
	}
	previous, hadPrevious := state.ExpirationDate.Time()
	changed := creating || !hadPrevious || !sameTick(previous, t)
	switch {
	case changed && !t.After(now):
		addExpirationInPast(&diags, attr, plan.ExpirationDate.ValueString())
	case changed && t.After(latestExpiry(now)):
		addExpirationTooFarAhead(&diags, attr, plan.ExpirationDate.ValueString(), latestExpiry(now))
	case !changed && !t.After(now) && !sameLinkSettings(ctx, *plan, state):
		return diags, expiredLinkRefusal(plan.ExpirationDate.ValueString())
	}
	return diags, nil
}

// on_expired values.
const (
	onExpiredKeep     = "keep"
	onExpiredRecreate = "recreate"
	onExpiredError    = "error"
)

// hasExpired reports whether the link in the state has expired, by the
// server's word or by the clock (a plan without refresh has an old word).
func hasExpired(state linkModel, now time.Time) bool {
	if state.IsExpired.ValueBool() {
		return true
	}
	t, ok := state.ExpirationDate.Time()
	return ok && !t.After(now)
}

// glanceAtState reads what the plan of an unchanged link looks at: the
// expiry policy, whether the link has expired, and whether it has a
// write-only password.
func glanceAtState(state tftypes.Value) (linkModel, diag.Diagnostics) {
	var m linkModel
	diags := readFields(state, []modelField{{"on_expired", &m.OnExpired}, {"is_expired", &m.IsExpired},
		{"expiration_date", &m.ExpirationDate}, {"password_wo_version", &m.PasswordWOVersion},
		{"renew_before", &m.RenewBefore}, {"expires_in", &m.ExpiresIn}})
	return m, diags
}

// expiredWithPolicy reports whether an unchanged link has expired under a
// policy other than "keep": the one case where a plan that changes nothing
// still has work to do.
func expiredWithPolicy(state linkModel, now time.Time) bool {
	if state.OnExpired.IsNull() || state.OnExpired.ValueString() == onExpiredKeep {
		return false
	}
	return hasExpired(state, now)
}

// planExpired applies on_expired to a link that has expired, in a plan that
// keeps it (a replacement for other reasons never gets here). It reports
// whether that settles the plan. Refusals are warnings now and errors at
// apply (refuseAtApply), so that destroy and -replace always work.
func planExpired(plan, cfg, state linkModel, now time.Time) (linkPlan, bool) {
	var out linkPlan
	describe := describeExpiredLink(state)
	newDate := false
	if t, ok := cfg.ExpirationDate.Time(); ok && t.After(now) {
		newDate = true // a new date is configured: an ordinary update
	}
	if !cfg.ExpiresIn.IsNull() && !cfg.ExpiresIn.Equal(state.ExpiresIn) {
		newDate = true // a new duration pins a new date from now
	}
	switch plan.OnExpired.ValueString() {
	case onExpiredError:
		if newDate || (cfg.ExpirationDate.IsNull() && cfg.ExpiresIn.IsNull()) {
			return out, false // a new date, or none: the link no longer expires then
		}
		out.outcome, out.plan = planRefused, plan
		out.refusal = expiredOnErrorRefusal(describe)
		return out, true
	case onExpiredRecreate:
		if newDate {
			return out, false
		}
		if cfg.ExpiresIn.IsNull() {
			out.outcome, out.plan = planRefused, plan
			out.refusal = cannotRecreateExpiredRefusal(describe)
			return out, true
		}
		// A new link, with a date pinned from now.
		plan.ExpirationDate = newTimestampUnknown()
		out.outcome, out.plan = planModel, plan
		out.requiresReplace = path.Paths{path.Root("expiration_date")}
		return out, true
	}
	return out, false
}

// checkParent applies the rules of the link's room, or of the place of its
// file or folder, with at most one lookup of each in a run.
func (r *linkResource) checkParent(ctx context.Context, plan linkModel, in linkPlanInput, resp *resource.ModifyPlanResponse) {
	if r.data == nil {
		return // provider not configured yet
	}
	if r.kind.target == docspace.TargetRoom {
		r.checkRoom(ctx, plan, in.creating, resp)
		return
	}
	r.checkEntry(ctx, plan, in, resp)
}

// checkRoom applies the room type's rules (API.md §4.5, §4.6, §5.4, §5.5), with at
// most one room lookup per room in a run.
func (r *linkResource) checkRoom(ctx context.Context, plan linkModel, creating bool, resp *resource.ModifyPlanResponse) {
	if r.data == nil {
		return // provider not configured yet
	}
	kind, _ := docspace.ParseLinkType(plan.LinkType.ValueString())
	roomID := plan.Parent.ValueString()
	room, err := r.data.api.Room(ctx, roomID)
	if docspace.IsNotFound(err) {
		addRoomNotFound(&resp.Diagnostics, roomID, r.data.api.Host())
		return
	}
	if err != nil {
		addCouldNotReadRoom(&resp.Diagnostics, path.Root("room_id"), err, roomID, r.data.api.Host())
		return
	}
	roomName := describeRoom(roomID, room)

	allowed, known := docspace.AllowedAccess(room.Type, kind)
	if !known {
		return // a room type this provider does not know: let DocSpace decide
	}
	if len(allowed) == 0 {
		addRoomTakesNoExternalLinks(&resp.Diagnostics, roomName)
		return
	}
	if kind == docspace.LinkTypeExternal && creating && docspace.AdditionalExternalLinkLimit(room.Type) == 0 {
		addRoomTakesNoAdditionalLinks(&resp.Diagnostics, roomName)
		return
	}
	if access, ok := docspace.ParseAccess(plan.Access.ValueString()); ok && !plan.Access.IsUnknown() && !slices.Contains(allowed, access) {
		addAccessNotAllowedInRoom(&resp.Diagnostics, roomName, kind, allowed, plan.Access.ValueString())
	}
	if room.Type == docspace.RoomTypePublic && kind == docspace.LinkTypeExternal && plan.Internal.ValueBool() {
		addInternalInPublicRoom(&resp.Diagnostics, roomName)
	}
	if creating && !resp.Diagnostics.HasError() {
		warnFullRoom(ctx, r.data.api, room, roomID, kind, &resp.Diagnostics)
	}
}

// checkEntry applies the rules of the place of a file or folder (API.md
// §13.3–§13.5): which accesses it takes there, what DocSpace would skip
// without a word (internal in Public rooms and Virtual data rooms, the
// expiry in Form filling rooms), and whether a slot is free.
func (r *linkResource) checkEntry(ctx context.Context, plan linkModel, in linkPlanInput, resp *resource.ModifyPlanResponse) {
	t := plan.target(r.kind)
	parent := path.Root(r.kind.parentAttr)
	loc, err := r.data.api.Location(ctx, t)
	if docspace.IsNotFound(err) {
		addEntryNotFound(&resp.Diagnostics, parent, t, r.data.api.Host(), r.kind.parentAttr)
		return
	}
	if err != nil {
		addCouldNotReadEntry(&resp.Diagnostics, parent, err, t, r.data.api.Host())
		return
	}
	name := describeEntry(t, loc)
	var allowed []docspace.Access
	if t.Kind == docspace.TargetFile {
		f, err := r.data.api.File(ctx, t.ID)
		if err != nil {
			addCouldNotReadEntry(&resp.Diagnostics, parent, err, t, r.data.api.Host())
			return
		}
		name = describeFile(t.ID, f.Title, loc)
		if docspace.FormLinkIsRoomLink(loc, f.IsForm) {
			addFormSharedThroughRoom(&resp.Diagnostics, parent, name)
			return
		}
		allowed = docspace.AllowedFileAccess(loc, f.Ext, f.IsForm)
	} else {
		allowed = docspace.AllowedFolderAccess(loc)
	}
	if len(allowed) == 0 {
		addEntryTakesNoLinksThere(&resp.Diagnostics, parent, t.Kind, name)
		return
	}
	if access, ok := docspace.ParseAccess(plan.Access.ValueString()); ok && !plan.Access.IsUnknown() && !slices.Contains(allowed, access) {
		addAccessNotAllowedHere(&resp.Diagnostics, name, allowed, plan.Access.ValueString())
	}
	if loc.Kind == docspace.LocationRoom && !plan.Internal.IsUnknown() {
		switch {
		case loc.RoomType == docspace.RoomTypePublic && plan.Internal.ValueBool():
			addEntryInternalInPublicRoom(&resp.Diagnostics, name)
		case loc.RoomType == docspace.RoomTypeVirtualData && !plan.Internal.ValueBool():
			addEntryExternalInVirtualDataRoom(&resp.Diagnostics, name)
		}
	}
	if loc.Kind == docspace.LocationRoom && loc.RoomType == docspace.RoomTypeFillingForms && !plan.ExpirationDate.IsNull() {
		addEntryExpiryInFormFillingRoom(&resp.Diagnostics, name)
	}
	if additional, _ := docspace.EntryLinkLimits(loc); in.creating && additional == 0 && !plan.Primary.ValueBool() {
		addEntryTakesNoAdditionalLinks(&resp.Diagnostics, t.Kind, name)
	}
	if in.creating && !resp.Diagnostics.HasError() {
		warnFullEntry(ctx, r.data.api, t, loc, plan.Primary.ValueBool(), &resp.Diagnostics)
	}
}
