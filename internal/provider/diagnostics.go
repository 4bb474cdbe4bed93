package provider

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// The texts of the diagnostics a user can meet: this file and the
// diagnostics_*.go files beside it hold every message of the package, so
// that its wording can be reviewed in one place. Each names what failed,
// the value, and what to do. Here: API errors, import and apply outcomes;
// diagnostics_provider.go: the provider's configuration;
// diagnostics_plan.go: plan rules and validators; diagnostics_data.go:
// data sources, the ephemeral link and lists.

// API errors.

// describeAPIError turns a client error about a room's, a file's or a
// folder's links into a diagnostic detail that says what to do about it.
func describeAPIError(err error, t docspace.Target, host string) string {
	switch {
	case docspace.IsForeignAnswer(err):
		return foreignAnswerDetail(err, host)
	case docspace.IsNoLinkRights(err):
		return noLinkRightsDetail(err)
	case docspace.IsUnauthorized(err):
		return fmt.Sprintf("DocSpace rejected the token for %s: %v\n\nCheck the provider's token (or %s): it may be mistyped, expired or revoked.", host, err, envToken)
	case docspace.IsAccessDenied(err):
		if t.Kind != docspace.TargetRoom {
			return fmt.Sprintf("%v\n\nThe token's user may not manage the links of %s: it must be a room manager of the room "+
				"that holds it (or own it, in My Documents), and an API key needs the files:write scope.", err, t)
		}
		return fmt.Sprintf("%v\n\nThe token's user may not manage the links of room %s: it must be the room's owner or a room admin, "+
			"and an API key needs the rooms:write scope.", err, t.ID)
	case docspace.IsLinkLimit(err):
		if t.Kind != docspace.TargetRoom {
			return fmt.Sprintf("%v\n\n%s already holds as many links of this kind as DocSpace allows where it is (six in My "+
				"Documents and most rooms). Remove one of its links, or share another way.", err, capitalize(t.String()))
		}
		return fmt.Sprintf("%v\n\nRoom %s already holds as many links of this kind as DocSpace allows (one invitation link, "+
			"five additional external links). Remove a link from the room, or use another room.", err, t.ID)
	case docspace.IsNotFound(err):
		return fmt.Sprintf("%v\n\n%s does not exist on %s, or the token's user cannot see it.", err, capitalize(t.String()), host)
	case docspace.IsNotStored(err):
		return fmt.Sprintf("%v\n\nDocSpace keeps only read links of a file its editors cannot open (an image, an archive), "+
			"and no links of what is outside My Documents and rooms. Set access = \"read\", or share the file from a room.", err)
	case docspace.IsRateLimited(err):
		return fmt.Sprintf("%v\n\nDocSpace is rate limiting this user, and went on doing so through every retry. Run Terraform "+
			"again later, with a lower -parallelism, or with a higher max_retries.", err)
	}
	if hint := transportHint(err, host); hint != "" {
		return err.Error() + "\n\n" + hint
	}
	return err.Error()
}

// capitalize writes a message's first letter in upper case.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// portalRoot is a host address without any path: what a host that reaches
// something other than DocSpace's API should most likely be.
func portalRoot(host string) string {
	u, err := url.Parse(host)
	if err != nil || u.Host == "" {
		return host
	}
	return u.Scheme + "://" + u.Host
}

// foreignAnswerDetail explains an answer that did not come from DocSpace's
// API.
func foreignAnswerDetail(err error, host string) string {
	return fmt.Sprintf("%v\n\nThe answer did not come from DocSpace's API at %s: a proxy, a login page or another site answered "+
		"(an HTML page, an empty 404 or a redirect). Nothing was removed from the state because of it. Check host: it must be "+
		"the portal's root address, such as %s, without /api/2.0 or another path unless DocSpace is served below one; "+
		"and check any proxy between here and the portal.", err, host, portalRoot(host))
}

// noLinkRightsDetail explains an empty link listing that stands for missing
// rights (API.md §7.3).
func noLinkRightsDetail(err error) string {
	return fmt.Sprintf("%v.\n\nThe state is kept as it is: DocSpace hides a room's links from users who may not manage them, "+
		"so the empty list does not mean the links were deleted. Use a token of the room's owner or a room admin (an API key "+
		"also needs the rooms:read and rooms:write scopes), or give the token's user that role in the room, then run Terraform again.", err)
}

func isUnresolved(err error) bool {
	_, ok := docspace.UnresolvedHost(err)
	return ok
}

// transportHint says what to do about a request that never got an answer
// from DocSpace; empty for any other error.
func transportHint(err error, host string) string {
	var (
		apiErr      *docspace.Error
		verifyErr   *tls.CertificateVerificationError
		unknownCA   x509.UnknownAuthorityError
		wrongHost   x509.HostnameError
		invalidCert x509.CertificateInvalidError
		recordErr   tls.RecordHeaderError
		netErr      net.Error
	)
	switch {
	case err == nil || errors.As(err, &apiErr) || errors.Is(err, context.Canceled):
		return ""
	case errors.As(err, &verifyErr) || errors.As(err, &unknownCA) || errors.As(err, &wrongHost) || errors.As(err, &invalidCert):
		return fmt.Sprintf("The TLS certificate of %s was not accepted. If a private certificate authority issued it, set "+
			"ca_certificate to that authority's certificate (PEM); check that host is the name the certificate is for. "+
			"For a test portal only, insecure_skip_verify = true turns the check off.", host)
	case errors.As(err, &recordErr) || strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		return fmt.Sprintf("%s does not speak HTTPS on that port. Check the scheme and port in host.", host)
	case docspace.IsUnreachable(err):
		return fmt.Sprintf("The host is not reachable: nothing at %s accepts connections (connection refused), and a few "+
			"attempts over about three seconds did not change that. Check host (scheme, name and port) and that the "+
			"portal is running.", host)
	case isUnresolved(err):
		name, _ := docspace.UnresolvedHost(err)
		return fmt.Sprintf("The host name %q does not resolve: DNS has no address for it (no such host), and a few attempts "+
			"over about three seconds did not change that. Check the spelling of host (%s).", name, host)
	case errors.As(err, &netErr) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET):
		return fmt.Sprintf("DocSpace at %s did not answer, through every retry. Check host and the network between here "+
			"and the portal (proxy, firewall, DNS). For a slow portal, raise request_timeout or max_retries.", host)
	}
	return ""
}

// Import.

// importIDFormat says what an import ID of a link looks like.
func importIDFormat(k *linkKind) string {
	return fmt.Sprintf("Expected \"<%s>/<link_id>\", for example \"4711/3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90\": "+
		"the %s id is the number in the %s's address, the link id is the id of a link listed by the docspace_%s_links data source.",
		k.parentAttr, k.target.Noun(), k.target.Noun(), k.target.Noun())
}

// importIDFormError refuses an import ID that is not two parts; format is
// importIDFormat's.
func importIDFormError(id, format string) error {
	return fmt.Errorf("import ID %q is not in the expected form. %s", id, format)
}

// addInvalidImportID refuses the import ID of a link.
func addInvalidImportID(diags *diag.Diagnostics, err error) {
	diags.AddError("Invalid Import ID", err.Error())
}

// addInvalidPrimaryImportID refuses the import ID of a room's primary link.
func addInvalidPrimaryImportID(diags *diag.Diagnostics, err error) {
	diags.AddError("Invalid Import ID", err.Error()+"\n\nImport a room's primary link by the room id alone, for example \"4711\".")
}

// addMissingImportID asks for an import ID or identity.
func addMissingImportID(diags *diag.Diagnostics, k *linkKind) {
	if k.primary {
		diags.AddError("Missing Import ID", fmt.Sprintf("Import a %s's primary link with the %s id, or with identity = { %s = \"4711\" }.",
			k.target.Noun(), k.target.Noun(), k.parentAttr))
		return
	}
	diags.AddError("Missing Import ID", fmt.Sprintf("Import a %s link with \"<%s>/<link_id>\", or with identity = { %s = \"4711\", id = \"<link id>\" }.",
		k.target.Noun(), k.parentAttr, k.parentAttr))
}

// addInvalidPrimaryImportIdentity refuses the identity of a primary link's
// import.
func addInvalidPrimaryImportIdentity(diags *diag.Diagnostics, k *linkKind, parent string, err error) {
	diags.AddError("Invalid Import Identity", fmt.Sprintf("identity = { %s = %q } does not name a %s: %s",
		k.parentAttr, parent, k.target.Noun(), err))
}

// addInvalidImportIdentity refuses the identity of a link's import.
func addInvalidImportIdentity(diags *diag.Diagnostics, k *linkKind, parent, id string, err error) {
	diags.AddError("Invalid Import Identity", fmt.Sprintf(
		"identity = { %s = %q, id = %q } does not name a %s link: %s is the number in the %s's address "+
			"and id the link's GUID, as the docspace_%s_links data source or `terraform query` lists them.\n\n%s",
		k.parentAttr, parent, id, k.target.Noun(), k.parentAttr, k.target.Noun(), k.target.Noun(), err))
}

// addCouldNotImport reports a failed read of a link to import.
func addCouldNotImport(diags *diag.Diagnostics, title, detail string) {
	diags.AddError("Could Not Import "+title, detail)
}

// addLinkNotFoundForImport refuses the import of a link that does not
// exist.
func addLinkNotFoundForImport(diags *diag.Diagnostics, k *linkKind, t docspace.Target, linkID string) {
	diags.AddError(k.title+" Not Found", linkNotFoundForImport(k, t, linkID))
}

// linkNotFoundForImport explains an import of a link id its room, file or
// folder does not have.
func linkNotFoundForImport(k *linkKind, t docspace.Target, linkID string) string {
	if t.Kind == docspace.TargetRoom {
		return fmt.Sprintf("Room %s has no link %s, so there is nothing to import. Check both ids: the docspace_room_links "+
			"data source lists the room's links with their ids, and a link deleted in DocSpace cannot be imported. "+
			"The token's user must also be a room manager of the room: DocSpace lists no links to other members.", t.ID, linkID)
	}
	return fmt.Sprintf("%s has no link %s, so there is nothing to import. Check both ids: the docspace_%s_links data "+
		"source lists its links with their ids, and a link deleted in DocSpace cannot be imported. The token's user must "+
		"also be allowed to share it: DocSpace lists no links to others.", capitalize(t.String()), linkID, k.target.Noun())
}

// addPrimaryLinkImportRefused refuses the import of a room's primary link
// as an additional link.
func addPrimaryLinkImportRefused(diags *diag.Diagnostics, roomID, linkID string) {
	diags.AddError("Primary Links Are Imported With docspace_room_primary_link", primaryLinkRefusal(roomID, linkID))
}

// addPrimaryLinkNotManaged refuses a read that finds a primary link under
// docspace_room_link.
func addPrimaryLinkNotManaged(diags *diag.Diagnostics, roomID, linkID string) {
	diags.AddError("Primary Links Are Not Managed by docspace_room_link", primaryLinkRefusal(roomID, linkID))
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

// addRoomLinkOfFormImportRefused refuses the import of a form's room link
// as a file link.
func addRoomLinkOfFormImportRefused(diags *diag.Diagnostics, t docspace.Target, linkID string) {
	diags.AddError("The Room's Link Is Imported With docspace_room_primary_link", roomLinkOfFormRefusal(t, linkID))
}

// roomLinkOfFormRefusal explains why a file link resource does not take the
// room's link that DocSpace lists with a PDF form in a Form filling room
// (API.md §13.7).
func roomLinkOfFormRefusal(t docspace.Target, linkID string) string {
	return fmt.Sprintf("Link %s is listed with %s, but it is the primary link of the Form filling room that holds the "+
		"form: DocSpace shares a form there through its room, and writing or deleting it through the file would act on "+
		"the room's link. Manage it with the docspace_room_primary_link resource, imported by the room id.", linkID, t)
}

// Apply outcomes: what creating, reading, updating and deleting a link
// reports.

// addCouldNotCreate reports a failed create of a link; title names its kind.
func addCouldNotCreate(diags *diag.Diagnostics, title, detail string) {
	diags.AddError("Could Not Create "+title, detail)
}

// addCouldNotRead reports a failed read of a link.
func addCouldNotRead(diags *diag.Diagnostics, title, detail string) {
	diags.AddError("Could Not Read "+title, detail)
}

// addCouldNotUpdate reports a failed update of a link.
func addCouldNotUpdate(diags *diag.Diagnostics, title, detail string) {
	diags.AddError("Could Not Update "+title, detail)
}

// addCouldNotDelete reports a failed delete of a link.
func addCouldNotDelete(diags *diag.Diagnostics, title, detail string) {
	diags.AddError("Could Not Delete "+title, detail)
}

// addMayHaveBeenCreated reports a create whose outcome is unknown.
func addMayHaveBeenCreated(diags *diag.Diagnostics, title string, err *docspace.UnknownOutcomeError, host string) {
	diags.AddError(title+" May Have Been Created", unknownOutcomeDetail(err, host))
}

// unknownOutcomeDetail explains a create recorded in the state although it
// is unknown whether DocSpace made the link.
func unknownOutcomeDetail(err *docspace.UnknownOutcomeError, host string) string {
	detail := describeAPIError(err.Err, err.Target, host)
	if err.LookupErr != nil {
		detail += fmt.Sprintf("\n\nLooking for the link afterwards failed too: %v", err.LookupErr)
	}
	detail += fmt.Sprintf("\n\nDocSpace may or may not have made link %s in %s. It is recorded in the state under that id and "+
		"marked tainted, so the next apply replaces it: the link is deleted if it exists, then created again. The %s never "+
		"ends up holding it twice.", err.LinkID, err.Target, err.Target.Kind.Noun())
	if len(err.Candidates) > 0 {
		names := make([]string, len(err.Candidates))
		for i, l := range err.Candidates {
			names[i] = fmt.Sprintf("%s (%q)", l.ID, l.Title)
		}
		detail += fmt.Sprintf("\n\nThis portal does not keep the link ids it is sent, and %s holds links with the configured "+
			"settings under other ids: %s. If one of them was made by this apply, delete it in DocSpace, or import it "+
			"(terraform import docspace_%s_link.<name> %s/<link id>) after removing the tainted resource from the state.",
			err.Target, strings.Join(names, ", "), err.Target.Kind.Noun(), err.Target.ID)
	}
	return detail
}

// addLinkLimitReached reports a create refused for the link limit; detail
// is linkLimitDetail's.
func addLinkLimitReached(diags *diag.Diagnostics, title, detail string) {
	diags.AddError(title+" Limit Reached", detail)
}

// linkLimitDetail names the links that hold a room's slots when a create
// was refused for the link limit (API.md §4.6): id, title and whether each has
// expired, never its address or password.
func linkLimitDetail(ctx context.Context, api *docspace.Session, t docspace.Target, host string, kind docspace.LinkType, limitErr error) string {
	if t.Kind != docspace.TargetRoom {
		return describeAPIError(limitErr, t, host)
	}
	roomID := t.ID
	links, err := api.Links(ctx, t, &kind)
	if err != nil {
		return describeAPIError(limitErr, t, host)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%v\n\n", limitErr)
	if kind == docspace.LinkTypeInvitation {
		fmt.Fprintf(&b, "Room %s takes one invitation link, and it already has one:\n", roomID)
	} else {
		fmt.Fprintf(&b, "Room %s takes at most five additional external links (its primary link aside), and these hold the slots:\n", roomID)
	}
	if held := writeSlotHolders(&b, links); held == 0 {
		b.WriteString("  (none visible to this user)\n")
	}
	b.WriteString("\nDelete one of these links in DocSpace, or remove the docspace_room_link that manages it from the configuration " +
		"(an expired link still counts); to manage an existing link instead of creating another, import it with " +
		"terraform import docspace_room_link.<name> " + roomID + "/<link id>. Or use another room.")
	return b.String()
}

// writeSlotHolders lists the links that hold a room's slots (every link of
// the listing but the primary one), one a line, and returns how many.
func writeSlotHolders(b *strings.Builder, links []docspace.Link) int {
	held := 0
	for _, l := range links {
		if l.Primary {
			continue
		}
		held++
		state := "does not expire"
		switch {
		case l.IsExpired:
			state = "expired, still holds its slot"
		case l.Expiration != nil:
			state = "expires " + l.Expiration.UTC().Format(time.RFC3339)
		}
		fmt.Fprintf(b, "  - %s %q (%s)\n", l.ID, l.Title, state)
	}
	return held
}

// addLinkIDNotKept warns that the link created is known under another id
// than the one sent.
func addLinkIDNotKept(diags *diag.Diagnostics, t docspace.Target, sent, kept string) {
	diags.AddWarning("DocSpace Did Not Keep the Link Id",
		fmt.Sprintf("The provider created the link in %s with id %s, and it is known as %s: either DocSpace answered "+
			"with that id (a proxy or portal version that does not keep the id it is sent), or the answer was lost and %s "+
			"is the one link with the configured settings that the room gained since the create began and no other create of "+
			"this run made, which the provider adopted. The state keeps %s. "+
			"Where ids are not kept, a create cannot be retried safely, so after a lost answer the provider looks at the "+
			"room before it sends anything again.", t, sent, kept, kept, kept))
}

// addLinkMismatch reports a link that DocSpace stored with other values
// than sent.
func addLinkMismatch(diags *diag.Diagnostics, problems []mismatch) {
	diags.AddError("DocSpace Did Not Apply the Link as Configured", explainMismatch(problems))
}

// addAdoptedLinkMismatch reports an adopted link whose values differ from
// the configuration, left in place because nothing proves this apply made
// it; resourceName is the resource type's name without its prefix.
func addAdoptedLinkMismatch(diags *diag.Diagnostics, problems []mismatch, linkID string, t docspace.Target, resourceName string) {
	diags.AddError("DocSpace Did Not Apply the Link as Configured", explainMismatch(problems)+
		fmt.Sprintf("\n\nThis portal does not keep link ids, and the answer to the create was lost: link %s of %s is the one "+
			"link made since the create with the configured settings, but nothing proves this apply made it, so it was left "+
			"in place. If it is this configuration's, delete it in DocSpace or import it "+
			"(terraform import docspace_%s.<name> %s/%s).", linkID, t, resourceName, t.ID, linkID))
}

// addCreatedLinkMismatch reports a created link whose values differ from
// the configuration, and whether deleting it again (delErr) worked.
func addCreatedLinkMismatch(diags *diag.Diagnostics, problems []mismatch, linkID string, delErr error, t docspace.Target, host string) {
	detail := explainMismatch(problems) + "\n\nThe link was deleted again, so nothing was left behind."
	if delErr != nil {
		detail = explainMismatch(problems) + fmt.Sprintf("\n\nDeleting the link %s again failed too: %s. Remove it in DocSpace.",
			linkID, describeAPIError(delErr, t, host))
	}
	diags.AddError("DocSpace Did Not Apply the Link as Configured", detail)
}

// addParentGone warns that a link's room, file or folder no longer exists.
func addParentGone(diags *diag.Diagnostics, t docspace.Target, linkID string) {
	diags.AddWarning(capitalize(t.Kind.Noun())+" Not Found",
		fmt.Sprintf("%s no longer exists, so its link %s is removed from the state. Terraform will plan to create it again if it is still configured.", capitalize(t.String()), linkID))
}

// addLinkGone warns that a link was deleted outside Terraform.
func addLinkGone(diags *diag.Diagnostics, title, linkID string, t docspace.Target) {
	diags.AddWarning(title+" Not Found",
		fmt.Sprintf("Link %s is no longer among the links of %s (it was deleted outside Terraform), so it is removed from the state. Terraform will plan to create it again if it is still configured.", linkID, t))
}

// linkMissingError says that a link read back is not among its room's
// links.
func linkMissingError(linkID string) error {
	return fmt.Errorf("link %s is no longer among the room's links", linkID)
}

// goneLookupFailedDetail explains a "not found" from a links endpoint that
// could not be confirmed, because asking for the room, file or folder
// failed.
func goneLookupFailedDetail(t docspace.Target, notFound, err error, host string) string {
	return fmt.Sprintf("DocSpace answered that the links of %s were not found (%v), and asking for the %s itself "+
		"failed: %s\n\nThe state is kept as it is. Run Terraform again once the portal answers.", t, notFound, t.Kind.Noun(), describeAPIError(err, t, host))
}

// notGoneDetail explains a "not found" from a links endpoint for a room,
// file or folder that exists.
func notGoneDetail(t docspace.Target, notFound error, host string) string {
	return fmt.Sprintf("DocSpace answered that the links of %s were not found (%v), yet the %s itself exists. "+
		"That is not DocSpace's usual answer, so nothing is removed from the state. Check that host (%s) is the portal's "+
		"root address and that no proxy rewrites the API's paths, then run Terraform again.", t, notFound, t.Kind.Noun(), host)
}

// addCouldNotGetPrimary reports a failed request for a room's primary link.
func addCouldNotGetPrimary(diags *diag.Diagnostics, detail string) {
	diags.AddError("Could Not Get the Primary Link", detail)
}

// addCouldNotReadPrimary reports a failed read of a room's primary link.
func addCouldNotReadPrimary(diags *diag.Diagnostics, detail string) {
	diags.AddError("Could Not Read the Primary Link", detail)
}

// addCouldNotRotatePrimary reports a failed rotation of a primary link.
func addCouldNotRotatePrimary(diags *diag.Diagnostics, detail string) {
	diags.AddError("Could Not Rotate the Primary Link", detail)
}

// addCouldNotUpdatePrimary reports a failed update of a primary link.
func addCouldNotUpdatePrimary(diags *diag.Diagnostics, detail string) {
	diags.AddError("Could Not Update the Primary Link", detail)
}

// addCouldNotRevokePrimary reports a failed revocation of a primary link.
func addCouldNotRevokePrimary(diags *diag.Diagnostics, detail string) {
	diags.AddError("Could Not Revoke the Primary Link", detail)
}

// addPrimaryRoomGone warns that a primary link's room no longer exists.
func addPrimaryRoomGone(diags *diag.Diagnostics, roomID string) {
	diags.AddWarning("Room Not Found", fmt.Sprintf("Room %s no longer exists, so its primary link is removed from the state.", roomID))
}

// addPrimaryLinkGone warns that a room's primary link was revoked outside
// Terraform.
func addPrimaryLinkGone(diags *diag.Diagnostics, roomID string) {
	diags.AddWarning("Primary Link Not Found",
		fmt.Sprintf("Room %s has no primary link any more (it was revoked outside Terraform), so it is removed from the state. Terraform will plan to adopt a new one.", roomID))
}

// addPrimaryChangedOutside refuses an update planned for primary link
// planned, which the room no longer has: it has current instead (found) or
// none.
func addPrimaryChangedOutside(diags *diag.Diagnostics, planned, roomID, current string, found bool) {
	detail := fmt.Sprintf("The plan was made for primary link %s of room %s, ", planned, roomID)
	if found {
		detail += fmt.Sprintf("but the room's primary link is now %s: it was revoked and reissued outside Terraform. ", current)
	} else {
		detail += "but the room has no primary link any more: it was deleted outside Terraform. "
	}
	diags.AddError("Primary Link Changed Outside Terraform", detail+
		"Nothing was changed. Run terraform apply again (with refresh, and without a saved plan): it adopts the current link "+
		"and applies the configured settings to it.")
}

// addPrimaryNotUpdated reports an update of primary link current answered
// with another link, got, and whether that link was deleted again (deleted,
// or the error delErr).
func addPrimaryNotUpdated(diags *diag.Diagnostics, current, roomID, got string, deleted bool, delErr error, host string) {
	detail := fmt.Sprintf("DocSpace answered the update of primary link %s of room %s with link %s, which is not the room's primary link.",
		current, roomID, got)
	switch {
	case delErr != nil:
		detail += fmt.Sprintf(" Deleting that link again failed: %s. Remove it in DocSpace.", describeAPIError(delErr, docspace.RoomTarget(roomID), host))
	case deleted:
		detail += " That link was deleted again."
	}
	diags.AddError("DocSpace Did Not Update the Primary Link", detail+" Run terraform apply again to adopt the room's current primary link.")
}
