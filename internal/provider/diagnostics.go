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

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// The texts of the diagnostics a user can meet, apart from the attribute
// validators': each names what failed, the value, and what to do.

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

// roomLinkOfFormRefusal explains why a file link resource does not take the
// room's link that DocSpace lists with a PDF form in a Form filling room
// (API.md §13.7).
func roomLinkOfFormRefusal(t docspace.Target, linkID string) string {
	return fmt.Sprintf("Link %s is listed with %s, but it is the primary link of the Form filling room that holds the "+
		"form: DocSpace shares a form there through its room, and writing or deleting it through the file would act on "+
		"the room's link. Manage it with the docspace_room_primary_link resource, imported by the room id.", linkID, t)
}
