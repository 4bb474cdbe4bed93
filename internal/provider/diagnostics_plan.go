package provider

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// The texts of the plan rules: what a configuration may not say, and what
// a plan warns of before the apply meets it.

// Plan rules of every link.

// addRecreateWithoutExpiry warns that on_expired = "recreate" has no expiry
// to act on.
func addRecreateWithoutExpiry(diags *diag.Diagnostics) {
	diags.AddAttributeWarning(path.Root("on_expired"), "on_expired Has Nothing to Act On",
		"on_expired = \"recreate\" replaces the link once it has expired, but neither expiration_date nor expires_in "+
			"is set, so this link never expires. Set expires_in (each new link then lives that long), or remove on_expired.")
}

// addAttributeOfOtherLinkType refuses an attribute that only the other
// link type takes.
func addAttributeOfOtherLinkType(diags *diag.Diagnostics, name string, wanted, kind docspace.LinkType) {
	diags.AddAttributeError(path.Root(name), "Attribute Not Allowed for This Link Type",
		fmt.Sprintf("%s applies to %s links only, and this is an %s link. Remove %s, or set link_type = %q.",
			name, wanted.Name(), kind.Name(), name, wanted.Name()))
}

// addContentCreatorOnExternalLink refuses content_creator on an external
// link.
func addContentCreatorOnExternalLink(diags *diag.Diagnostics) {
	diags.AddAttributeError(path.Root("access"), "Access Not Allowed for External Links",
		"content_creator makes people members who can add files, so it exists for invitation links only. "+
			"Use another access value, or set link_type = \"invitation\".")
}

// addUnknownLinkType refuses a link type the provider does not know.
func addUnknownLinkType(diags *diag.Diagnostics, value string) {
	diags.AddAttributeError(path.Root("link_type"), "Invalid Link Type", fmt.Sprintf("Unknown link type %q.", value))
}

// addUnknownAccess refuses an access value the provider does not know.
func addUnknownAccess(diags *diag.Diagnostics, value string) {
	diags.AddAttributeError(path.Root("access"), "Invalid Access", fmt.Sprintf("Unknown access %q.", value))
}

// addRenewBeforeNotShorter refuses a renewal window as long as the link's
// lifetime; suggested is a window that fits.
func addRenewBeforeNotShorter(diags *diag.Diagnostics, renewBefore, expiresIn string, suggested time.Duration) {
	diags.AddAttributeError(path.Root("renew_before"), "renew_before Not Shorter Than expires_in",
		fmt.Sprintf("renew_before = %q is not shorter than expires_in = %q, so a freshly renewed link would be due "+
			"for renewal again at once, and every plan would update it. Set renew_before to a shorter duration (a "+
			"fraction of expires_in, such as %q), or remove it.", renewBefore, expiresIn,
			suggested.String()))
}

// addExpirationInPast refuses a new expiration date that has passed.
func addExpirationInPast(diags *diag.Diagnostics, attr path.Path, value string) {
	diags.AddAttributeError(attr, "Expiration Date in the Past",
		fmt.Sprintf("expiration_date %s has already passed. DocSpace would drop a past date from an external link "+
			"(which would then never expire) and refuses it for an invitation link. Set a future date, or remove expiration_date.", value))
}

// addExpirationTooFarAhead refuses an expiration date after latest.
func addExpirationTooFarAhead(diags *diag.Diagnostics, attr path.Path, value string, latest time.Time) {
	diags.AddAttributeError(attr, "Expiration Date Too Far Ahead",
		fmt.Sprintf("expiration_date %s is more than 10 years ahead, which DocSpace refuses. Set a date before %s, or remove expiration_date for a link that never expires.",
			value, latest.UTC().Format("2006-01-02")))
}

// expiredLinkRefusal refuses a change to a link that expired at expiredAt;
// the apply reports it (refuseAtApply).
func expiredLinkRefusal(expiredAt string) *refusal {
	return &refusal{Summary: "Link Has Expired",
		Detail: fmt.Sprintf("This link expired at %s. Any change to it would resend that past date, which DocSpace drops "+
			"(the link would never expire) or refuses. Set a new future expiration_date along with the change, "+
			"remove the expiry, or set on_expired = \"recreate\" with expires_in.", expiredAt)}
}

// describeExpiredLink opens the detail of a refusal about a link that
// has expired.
func describeExpiredLink(state linkModel) string {
	return fmt.Sprintf("Link %s (%q) in room %s expired at %s", state.ID.ValueString(), state.Title.ValueString(),
		state.Parent.ValueString(), state.ExpirationDate.ValueString())
}

// expiredOnErrorRefusal refuses a plan that keeps an expired link with
// on_expired = "error"; describe is describeExpiredLink's.
func expiredOnErrorRefusal(describe string) refusal {
	return refusal{Summary: "Room Link Has Expired", Detail: describe + ", and on_expired = \"error\". Set a new future " +
		"expiration_date, remove the expiry, or set on_expired to \"keep\" or \"recreate\"."}
}

// cannotRecreateExpiredRefusal refuses to recreate an expired link whose
// configured expiration_date has passed.
func cannotRecreateExpiredRefusal(describe string) refusal {
	return refusal{Summary: "Cannot Recreate the Expired Link", Detail: describe + ". A new link with the same " +
		"expiration_date would be expired too. Use expires_in instead of expiration_date, or set a new future expiration_date."}
}

// addRefusedAtApplyWarning is the plan's warning of a refusal that waits
// for the apply.
func addRefusedAtApplyWarning(diags *diag.Diagnostics, summary, detail string) {
	diags.AddAttributeWarning(path.Root("expiration_date"), summary, detail+
		"\n\nWhere this plan updates the link in place (~), its apply fails with this message; a replacement "+
		"(terraform apply -replace, or a change that forces one), a destroy, or removing the resource from the "+
		"configuration goes ahead.")
}

// addWriteOnlyPasswordDrift warns that DocSpace holds another password than
// password_wo.
func addWriteOnlyPasswordDrift(diags *diag.Diagnostics, linkID string, t docspace.Target) {
	diags.AddAttributeWarning(path.Root("password_wo"), "Password Differs From password_wo",
		fmt.Sprintf("DocSpace holds a password for link %s in %s other than the configured password_wo: it was "+
			"changed outside Terraform, or password_wo was changed without a new password_wo_version. "+
			"Change password_wo_version to send password_wo again.", linkID, t))
}

// Plan rules of rooms.

// describeRoom opens a room rule's detail: the room's id, title and type.
func describeRoom(roomID string, room docspace.Room) string {
	return fmt.Sprintf("Room %s (%q) is a %s", roomID, room.Title, room.Type)
}

// addRoomNotFound refuses a room_id that names no room the user sees.
func addRoomNotFound(diags *diag.Diagnostics, roomID, host string) {
	diags.AddAttributeError(path.Root("room_id"), "Room Not Found",
		fmt.Sprintf("Room %s does not exist on %s, or the token's user cannot see it. Check room_id: it is the number in the room's address (/rooms/shared/<id>).", roomID, host))
}

// addCouldNotReadRoom reports a failed read of a room.
func addCouldNotReadRoom(diags *diag.Diagnostics, attr path.Path, err error, roomID, host string) {
	diags.AddAttributeError(attr, "Could Not Read Room", describeAPIError(err, docspace.RoomTarget(roomID), host))
}

// addMaxUseCountNeeds37 refuses max_use_count on a portal before DocSpace
// 3.7.
func addMaxUseCountNeeds37(diags *diag.Diagnostics) {
	diags.AddAttributeError(path.Root("max_use_count"), "max_use_count Needs DocSpace 3.7",
		"This portal runs a DocSpace version before 3.7, which ignores max_use_count on invitation links. Remove max_use_count.")
}

// addInvitationExpiryNeeds37 refuses an invitation link's expiry on a
// portal before DocSpace 3.7.
func addInvitationExpiryNeeds37(diags *diag.Diagnostics) {
	diags.AddAttributeError(path.Root("expiration_date"), "Invitation Expiry Needs DocSpace 3.7",
		"This portal runs a DocSpace version before 3.7, which sets invitation links to expire 7 days after every "+
			"change and ignores expiration_date. Remove expiration_date.")
}

// addRoomTakesNoExternalLinks refuses an external link in a room type that
// has none.
func addRoomTakesNoExternalLinks(diags *diag.Diagnostics, roomName string) {
	diags.AddAttributeError(path.Root("link_type"), "Room Takes No External Links",
		roomName+", which cannot be shared through external links. Use link_type = \"invitation\" to invite people instead, or a Custom or Public room.")
}

// addRoomTakesNoAdditionalLinks refuses an additional external link in a
// room type whose one external link is the primary link.
func addRoomTakesNoAdditionalLinks(diags *diag.Diagnostics, roomName string) {
	diags.AddAttributeError(path.Root("link_type"), "Room Takes No Additional External Links",
		roomName+": its only external link is the primary link, which DocSpace creates and manages itself. "+
			"Use link_type = \"invitation\", or a Custom or Public room for additional external links.")
}

// addAccessNotAllowedInRoom refuses an access value the room's links of
// this type do not take.
func addAccessNotAllowedInRoom(diags *diag.Diagnostics, roomName string, kind docspace.LinkType, allowed []docspace.Access, value string) {
	diags.AddAttributeError(path.Root("access"), "Access Not Allowed in This Room",
		fmt.Sprintf("%s; its %s links allow access %s, not %q.", roomName, kind.Name(), quotedList(accessNames(allowed)), value))
}

// addInternalInPublicRoom refuses internal = true in a Public room.
func addInternalInPublicRoom(diags *diag.Diagnostics, roomName string) {
	diags.AddAttributeError(path.Root("internal"), "Internal Links Not Allowed in Public Rooms",
		roomName+": its links are open to everyone, and DocSpace ignores internal = true there. Remove internal, or use a Custom room.")
}

// addRoomLinkLimitWarning warns that a room has no free slot for a link
// to be created; holders lists the links that hold the slots.
func addRoomLinkLimitWarning(diags *diag.Diagnostics, roomID, title string, kind docspace.LinkType, slots int, holders string) {
	what := fmt.Sprintf("Room %s (%q) takes at most %d additional external links (its primary link aside), and these hold the slots:\n",
		roomID, title, slots)
	if kind == docspace.LinkTypeInvitation {
		what = fmt.Sprintf("Room %s (%q) takes one invitation link, and it already has one:\n", roomID, title)
	}
	diags.AddAttributeWarning(path.Root("room_id"), "Room Link Limit Reached", what+holders+
		"\nCreating this link fails at apply unless a slot is free by then. This plan may free one: a link of this room "+
		"that the same apply destroys, or replaces without create_before_destroy, before this one is created (Terraform "+
		"orders that only when this resource depends on the other; the provider sees only this link's plan, so it warns "+
		"rather than refuses). Otherwise delete one of these links in DocSpace, remove the docspace_room_link that manages "+
		"it from the configuration, import an existing link instead of creating another "+
		"(terraform import docspace_room_link.<name> "+roomID+"/<link id>), or use another room.")
}

// addInvalidPrimaryExpiration refuses a primary link's new expiration date
// that has passed or is too far ahead.
func addInvalidPrimaryExpiration(diags *diag.Diagnostics, value string) {
	diags.AddAttributeError(path.Root("expiration_date"), "Invalid Expiration Date",
		fmt.Sprintf("expiration_date %s must be in the future and at most 10 years ahead. Set another date, or remove expiration_date.", value))
}

// addRoomTakesNoPrimaryLink refuses a primary link of a room type that has
// no external links.
func addRoomTakesNoPrimaryLink(diags *diag.Diagnostics, roomName string) {
	diags.AddAttributeError(path.Root("room_id"), "Room Has No Primary Link",
		roomName+", which cannot be shared through external links, so it has no primary link. Use a Public, Form filling or Custom room.")
}

// addPrimaryAccessNotAllowedInRoom refuses an access value the room's
// primary link does not take.
func addPrimaryAccessNotAllowedInRoom(diags *diag.Diagnostics, roomName string, allowed []docspace.Access, value string) {
	diags.AddAttributeError(path.Root("access"), "Access Not Allowed in This Room",
		fmt.Sprintf("%s; its primary link allows access %s, not %q.", roomName, quotedList(accessNames(allowed)), value))
}

// addPrimaryExpiryInRoom refuses an expiry of a primary link that DocSpace
// keeps without one.
func addPrimaryExpiryInRoom(diags *diag.Diagnostics, roomName string) {
	diags.AddAttributeError(path.Root("expiration_date"), "Primary Link Cannot Expire in This Room",
		roomName+": DocSpace keeps its primary link without an expiry and ignores a date. Remove expiration_date, "+
			"or use rotation_triggers to replace the link on a schedule.")
}

// addPrimaryInternalInPublicRoom refuses internal = true for the primary
// link of a Public room.
func addPrimaryInternalInPublicRoom(diags *diag.Diagnostics, roomName string) {
	diags.AddAttributeError(path.Root("internal"), "Internal Links Not Allowed in Public Rooms",
		roomName+": its links are open to everyone, and DocSpace ignores internal = true there. Remove internal.")
}

// Plan rules of files and folders.

// describeEntry opens a rule's detail: the file or folder and its place.
func describeEntry(t docspace.Target, loc docspace.Location) string {
	return fmt.Sprintf("%s is in %s", capitalize(t.String()), loc)
}

// describeFile opens a rule's detail: the file, its title and its place.
func describeFile(id, title string, loc docspace.Location) string {
	return fmt.Sprintf("File %s (%q) is in %s", id, title, loc)
}

// addEntryNotFound refuses a file or folder id that names nothing the user
// sees; parentAttr is the attribute that holds it.
func addEntryNotFound(diags *diag.Diagnostics, attr path.Path, t docspace.Target, host, parentAttr string) {
	diags.AddAttributeError(attr, capitalize(t.Kind.Noun())+" Not Found",
		fmt.Sprintf("%s does not exist on %s, or the token's user cannot see it. Check %s: it is the number in the %s's "+
			"address, or look it up by title with the docspace_%s data source.", capitalize(t.String()), host,
			parentAttr, t.Kind.Noun(), t.Kind.Noun()))
}

// addCouldNotReadEntry reports a failed read of a file or folder.
func addCouldNotReadEntry(diags *diag.Diagnostics, attr path.Path, err error, t docspace.Target, host string) {
	diags.AddAttributeError(attr, "Could Not Read "+capitalize(t.Kind.Noun()), describeAPIError(err, t, host))
}

// addFormSharedThroughRoom refuses a link of a PDF form that DocSpace
// shares through its Form filling room.
func addFormSharedThroughRoom(diags *diag.Diagnostics, attr path.Path, name string) {
	diags.AddAttributeError(attr, "Form Shared Through Its Room",
		name+": DocSpace shares a PDF form in a Form filling room through the room's own link, and applies every "+
			"write to the form's links to the room's links instead. Manage that link with docspace_room_primary_link.")
}

// addEntryTakesNoLinksThere refuses a link of a file or folder in a place
// that keeps none.
func addEntryTakesNoLinksThere(diags *diag.Diagnostics, attr path.Path, kind docspace.TargetKind, name string) {
	diags.AddAttributeError(attr, capitalize(kind.Noun())+" Takes No External Links There",
		name+", where DocSpace keeps no external links of it. Share it from My Documents or a room that takes external links.")
}

// addAccessNotAllowedHere refuses an access value that a file or folder
// does not take where it is.
func addAccessNotAllowedHere(diags *diag.Diagnostics, name string, allowed []docspace.Access, value string) {
	diags.AddAttributeError(path.Root("access"), "Access Not Allowed Here",
		fmt.Sprintf("%s; its links allow access %s there, not %q (DocSpace decides by the place and, for a file, its format; "+
			"a format the editors cannot open takes only read, and DocSpace silently drops anything else).",
			name, quotedList(accessNames(allowed)), value))
}

// addEntryInternalInPublicRoom refuses internal = true for a link of a
// file or folder in a Public room.
func addEntryInternalInPublicRoom(diags *diag.Diagnostics, name string) {
	diags.AddAttributeError(path.Root("internal"), "Internal Links Not Allowed in Public Rooms",
		name+": its links are open to everyone, and DocSpace skips internal = true there without a word. Remove internal.")
}

// addEntryExternalInVirtualDataRoom refuses internal = false in a Virtual
// data room.
func addEntryExternalInVirtualDataRoom(diags *diag.Diagnostics, name string) {
	diags.AddAttributeError(path.Root("internal"), "Links Are Internal in Virtual Data Rooms",
		name+": DocSpace keeps every link there internal and skips a change without a word. Set internal = true.")
}

// addEntryExpiryInFormFillingRoom refuses an expiry in a Form filling room.
func addEntryExpiryInFormFillingRoom(diags *diag.Diagnostics, name string) {
	diags.AddAttributeError(path.Root("expiration_date"), "Expiry Not Allowed in Form Filling Rooms",
		name+": DocSpace skips any change to a link's expiry there without a word. Remove expiration_date and expires_in.")
}

// addEntryTakesNoAdditionalLinks refuses an additional link where a file or
// folder keeps only its primary link.
func addEntryTakesNoAdditionalLinks(diags *diag.Diagnostics, kind docspace.TargetKind, name string) {
	diags.AddAttributeError(path.Root("primary"), capitalize(kind.Noun())+" Takes No Additional Links There",
		name+", where DocSpace keeps only a primary link of it. Set primary = true, or import the primary link it already has.")
}

// addEntryLinkLimitWarning warns that a file or folder has no free slot for
// a link to be created.
func addEntryLinkLimitWarning(diags *diag.Diagnostics, t docspace.Target, loc docspace.Location, primary bool, slots, held int) {
	what := "additional"
	if primary {
		what = "primary"
	}
	diags.AddAttributeWarning(path.Root("primary"), capitalize(t.Kind.Noun())+" Link Limit Reached",
		fmt.Sprintf("%s in %s takes at most %d %s links, and it holds %d. Creating this link fails at apply unless one "+
			"is deleted first (by this apply, or in DocSpace), or import an existing link instead.", capitalize(t.String()), loc, slots, what, held))
}

// Validators.

// addInvalidPassword refuses a password against DocSpace's policy; broken
// says which rules it breaks. The value itself is never shown.
func addInvalidPassword(diags *diag.Diagnostics, attr path.Path, broken []string) {
	diags.AddAttributeError(attr, "Invalid Password",
		fmt.Sprintf("The value of %s %s. DocSpace's password policy asks for %d to %d printable ASCII characters "+
			"(Latin letters, digits and punctuation) without spaces. The value is not shown because it is secret.",
			attr, strings.Join(broken, " and "), passwordMinLength, passwordMaxLength))
}

// passwordPolicyViolations names the rules a password breaks, in words that
// reveal nothing of it beyond the rule. Lengths count UTF-16 code units, as
// DocSpace does.
func passwordPolicyViolations(p string) []string {
	var broken []string
	switch n := utf16Length(p); {
	case n < passwordMinLength:
		broken = append(broken, fmt.Sprintf("is shorter than %d characters", passwordMinLength))
	case n > passwordMaxLength:
		broken = append(broken, fmt.Sprintf("is longer than %d characters", passwordMaxLength))
	}
	if strings.ContainsRune(p, ' ') {
		broken = append(broken, "contains a space")
	}
	if strings.ContainsFunc(p, func(r rune) bool { return r != ' ' && (r < 0x21 || r > 0x7e) }) {
		broken = append(broken, "contains a character that is not printable ASCII (a letter outside a–z and A–Z, "+
			"a control character or another kind of space)")
	}
	return broken
}

// addInvalidTextLength refuses a text of n UTF-16 code units outside
// [lo, hi].
func addInvalidTextLength(diags *diag.Diagnostics, attr path.Path, n, lo, hi int) {
	diags.AddAttributeError(attr, "Invalid Text Length",
		fmt.Sprintf("%s is %d characters long as DocSpace counts them (UTF-16 code units: an emoji or another character "+
			"outside the Basic Multilingual Plane counts as two), and DocSpace allows %d to %d. Shorten it.", attr, n, lo, hi))
}

// addInvalidAccessName refuses an access value that is not one of allowed,
// naming the access meant where the value is one of the API's numbers.
func addInvalidAccessName(diags *diag.Diagnostics, attr path.Path, value string, allowed []string) {
	detail := fmt.Sprintf("access %q is not one of %s.", value, quotedList(allowed))
	if n, err := strconv.Atoi(strings.TrimSpace(value)); err == nil {
		if name := docspace.Access(n).Name(); slices.Contains(docspace.AccessNames(), name) {
			detail = fmt.Sprintf("access %q is the DocSpace API's number for %q: this provider takes the name. Write access = %q.", value, name, name)
			if !slices.Contains(allowed, name) {
				detail = fmt.Sprintf("access %q is the DocSpace API's number for %q, which this resource does not take. Use one of %s.", value, name, quotedList(allowed))
			}
		} else if n == int(docspace.AccessNone) {
			detail = fmt.Sprintf("access %q is the DocSpace API's number for removing a link, not an access value. Use one of %s, or remove the resource to delete the link.", value, quotedList(allowed))
		}
	}
	diags.AddAttributeError(attr, "Invalid Access", detail)
}

// addInvalidDuration refuses a duration that is not positive or longer
// than ten years.
func addInvalidDuration(diags *diag.Diagnostics, attr path.Path, value string) {
	diags.AddAttributeError(attr, "Invalid Duration",
		fmt.Sprintf("%q is not a positive duration of at most ten years. Write hours, minutes and seconds, such as \"720h\" for 30 days or \"1h30m\".", value))
}

// addInvalidParentID refuses the id of a room, file or folder.
func addInvalidParentID(diags *diag.Diagnostics, attr path.Path, kind docspace.TargetKind, err error) {
	diags.AddAttributeError(attr, "Invalid "+capitalize(kind.Noun())+" ID", err.Error())
}

// addControlCharacterInTitle refuses a title with a control character at
// position at (counted from 1).
func addControlCharacterInTitle(diags *diag.Diagnostics, attr path.Path, at int) {
	diags.AddAttributeError(attr, "Invalid Title",
		fmt.Sprintf("The title contains a control character at character %d (a line break or tab, for example). Write it on one line without them.",
			at))
}

// addInvalidDateTime refuses a date-time that is not RFC 3339 with an
// offset.
func addInvalidDateTime(diags *diag.Diagnostics, attr path.Path, value string) {
	diags.AddAttributeError(attr, "Invalid Date-Time",
		fmt.Sprintf("%q is not an RFC 3339 date-time with a time zone offset. Write it like \"2026-12-31T23:59:59Z\" or \"2026-12-31T23:59:59+03:00\".", value))
}

// accessNames is the Terraform names of access values, for a message.
func accessNames(allowed []docspace.Access) []string {
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = a.Name()
	}
	return names
}
