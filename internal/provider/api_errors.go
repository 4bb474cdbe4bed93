package provider

import (
	"fmt"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// describeAPIError turns a client error into a diagnostic detail that says
// what to do about it.
func describeAPIError(err error, roomID, host string) string {
	switch {
	case docspace.IsForeignAnswer(err):
		return foreignAnswerDetail(err, host)
	case docspace.IsNoLinkRights(err):
		return noLinkRightsDetail(err)
	case docspace.IsUnauthorized(err):
		return fmt.Sprintf("DocSpace rejected the token for %s: %v\n\nCheck the provider's token (or %s): it may be mistyped, expired or revoked.", host, err, envToken)
	case docspace.IsAccessDenied(err):
		return fmt.Sprintf("%v\n\nThe token's user may not manage the links of room %s: it must be the room's owner or a room admin, "+
			"and an API key needs the rooms:write scope.", err, roomID)
	case docspace.IsLinkLimit(err):
		return fmt.Sprintf("%v\n\nRoom %s already holds as many links of this kind as DocSpace allows (one invitation link, "+
			"five additional external links). Remove a link from the room, or use another room.", err, roomID)
	case docspace.IsNotFound(err):
		return fmt.Sprintf("%v\n\nRoom %s does not exist on %s, or the token's user cannot see it.", err, roomID, host)
	case docspace.IsRateLimited(err):
		return fmt.Sprintf("%v\n\nDocSpace is rate limiting this user, and went on doing so through every retry. Run Terraform "+
			"again later, with a lower -parallelism, or with a higher max_retries.", err)
	}
	if hint := transportHint(err, host); hint != "" {
		return err.Error() + "\n\n" + hint
	}
	return err.Error()
}
