package provider

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// This file holds what keeps the state and the portal in step when answers
// are lost or misleading: a room is "gone" only when DocSpace says so twice,
// a create whose outcome is unknown is recorded rather than forgotten, and a
// refusal of a plan that keeps a link waits for apply, so that destroy and
// replace always work.

// confirmGone is called after DocSpace's own "not found" from a links
// endpoint: it asks for the room, file or folder itself, a second and
// different request. It returns whether that is confirmed gone; when it is
// not, the returned detail says why the resource stays in the state.
func confirmGone(ctx context.Context, api *docspace.Session, t docspace.Target, host string, notFound error) (bool, string) {
	gone, err := api.Gone(ctx, t)
	switch {
	case err != nil:
		return false, goneLookupFailedDetail(t, notFound, err, host)
	case !gone:
		return false, notGoneDetail(t, notFound, host)
	}
	return true, ""
}

// linkSlots is how many links of a kind a room type takes, the primary link
// aside (API.md §4.6): five additional external links, one invitation link.
func linkSlots(room docspace.RoomType, kind docspace.LinkType) int {
	if kind == docspace.LinkTypeInvitation {
		return 1
	}
	return docspace.AdditionalExternalLinkLimit(room)
}

// warnFullRoom warns at plan time that a link to be created finds no free
// slot in its room, naming the links that hold them. A warning, not an
// error: the provider sees only this resource's plan, and the same apply
// may free a slot first (another link of the room destroyed, or replaced
// without create_before_destroy), which only Terraform knows. The apply's
// error stays the certain one.
func warnFullRoom(ctx context.Context, api *docspace.Session, room docspace.Room, roomID string, kind docspace.LinkType, diags *diag.Diagnostics) {
	slots := linkSlots(room.Type, kind)
	if slots == 0 {
		return // checked elsewhere: the room takes no such links
	}
	links, err := api.Links(ctx, docspace.RoomTarget(roomID), &kind)
	if err != nil {
		return // the apply reports what stands in the way
	}
	var b strings.Builder
	if held := writeSlotHolders(&b, links); held < slots {
		return
	}
	addRoomLinkLimitWarning(diags, roomID, room.Title, kind, slots, b.String())
}

// recordUnsure turns a plan into a state for a link whose create may or may
// not have taken effect: the requested id, and null for whatever only
// DocSpace could have told.
func (m *linkModel) recordUnsure(linkID string, req docspace.LinkRequest) {
	m.ID = types.StringValue(linkID)
	if m.Title.IsUnknown() {
		m.Title = types.StringNull()
	}
	if m.ExpirationDate.IsUnknown() {
		m.ExpirationDate = newTimestampPointer(req.Expiration)
	}
	for _, s := range []*types.String{&m.ShareLink, &m.RequestToken} {
		if s.IsUnknown() {
			*s = types.StringNull()
		}
	}
	for _, b := range []*types.Bool{&m.IsExpired, &m.Primary} {
		if b.IsUnknown() {
			*b = types.BoolNull()
		}
	}
	if m.CurrentUseCount.IsUnknown() {
		m.CurrentUseCount = types.Int64Null()
	}
}

// refusalKey is the private-state key under which a plan carries a refusal
// to the apply that would carry it out.
const refusalKey = "apply_refusal"

type refusal struct {
	Summary string `json:"summary"`
	Detail  string `json:"detail"`
}

// refuseAtApply turns what would be a plan-time error into a warning now
// and an error when the plan is applied. The provider cannot tell a plan
// that keeps the link from the plan Terraform makes before a destroy, or the
// first plan of a -replace, so an error at plan time would block those too.
// The planned update (is_expired unknown) makes the apply call Update,
// which reports the refusal; destroy, replace and removal never do.
func refuseAtApply(ctx context.Context, k *linkKind, plan linkModel, summary, detail string, resp *resource.ModifyPlanResponse) {
	// The provider sees a plan as an update even where Terraform then
	// replaces the link (-replace plans the update first), so the warning
	// says what happens either way.
	addRefusedAtApplyWarning(&resp.Diagnostics, summary, detail)
	data, _ := json.Marshal(refusal{Summary: summary, Detail: detail})
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, refusalKey, data)...)
	plan.IsExpired = types.BoolUnknown()
	resp.Diagnostics.Append(setModel(ctx, k, &resp.Plan.Raw, &plan)...)
}

// plannedRefusal reads a refusal the plan carries, if any.
func plannedRefusal(ctx context.Context, private interface {
	GetKey(context.Context, string) ([]byte, diag.Diagnostics)
}) (refusal, bool) {
	data, _ := private.GetKey(ctx, refusalKey)
	var r refusal
	if len(data) == 0 || json.Unmarshal(data, &r) != nil || r.Summary == "" {
		return refusal{}, false
	}
	return r, true
}

// warnFullEntry warns at plan time that a link to be created finds no free
// slot on its file or folder (API.md §13.4), as warnFullRoom does for rooms.
func warnFullEntry(ctx context.Context, api *docspace.Session, t docspace.Target, loc docspace.Location, primary bool, diags *diag.Diagnostics) {
	additional, primaries := docspace.EntryLinkLimits(loc)
	slots := additional
	if primary {
		slots = primaries
	}
	links, err := api.Links(ctx, t, nil)
	if err != nil {
		return // the apply reports what stands in the way
	}
	held := 0
	for _, l := range links {
		if l.Primary == primary {
			held++
		}
	}
	if held < slots {
		return
	}
	addEntryLinkLimitWarning(diags, t, loc, primary, slots, held)
}
