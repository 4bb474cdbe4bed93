package provider

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The rules of the attributes that both link resources share, kept apart
// from either resource so that each applies them the same way: the plan
// rule (what a plan holds) and the conversion (what the state gets from a
// link DocSpace reports).

// storesShareSecrets reports whether store_share_link lets the share link
// and request token into the state. A state written before the attribute
// existed holds null, and those states kept both values.
func storesShareSecrets(store types.Bool) bool {
	return store.IsNull() || store.IsUnknown() || store.ValueBool()
}

// shareSecrets is what the state records of a link's address and share key.
func shareSecrets(store types.Bool, shareLink, requestToken string) (types.String, types.String) {
	if !storesShareSecrets(store) {
		return types.StringNull(), types.StringNull()
	}
	return types.StringValue(shareLink), optionalString(requestToken)
}

// planShareSecrets is the plan rule of store_share_link: with false, the
// plan holds neither value (known null, so the apply can record nothing
// else); with true, a value the state lacks (after an import, or when the
// setting was false) is read at apply.
func planShareSecrets(store types.Bool, shareLink, requestToken *types.String) {
	if !storesShareSecrets(store) {
		*shareLink, *requestToken = types.StringNull(), types.StringNull()
		return
	}
	if shareLink.IsNull() {
		*shareLink, *requestToken = types.StringUnknown(), types.StringUnknown()
	}
}

// storeShareLinkOf fills a null store_share_link of a state written before
// the attribute existed: those states stored the share link.
func storeShareLinkOf(store types.Bool) types.Bool {
	if store.IsNull() {
		return types.BoolValue(true)
	}
	return store
}

// renewalDue is the plan rule of renew_before: a link whose expiry, pinned
// from expires_in, is less than renew_before away (or past) gets a new
// expiry expires_in from the apply, in place.
func renewalDue(renewBefore, expiresIn types.String, expiry Timestamp, now time.Time) bool {
	if renewBefore.IsNull() || renewBefore.IsUnknown() || expiresIn.IsNull() || expiresIn.IsUnknown() {
		return false
	}
	window, err := time.ParseDuration(renewBefore.ValueString())
	if err != nil {
		return false // the attribute validator reports it
	}
	t, ok := expiry.Time()
	return ok && t.Sub(now) < window
}

// validateRenewBefore checks that the renewal window is shorter than the
// lifetime: otherwise every plan would renew the link again.
func validateRenewBefore(renewBefore, expiresIn types.String) diag.Diagnostics {
	var diags diag.Diagnostics
	if renewBefore.IsNull() || renewBefore.IsUnknown() || expiresIn.IsNull() || expiresIn.IsUnknown() {
		return diags
	}
	window, err1 := time.ParseDuration(renewBefore.ValueString())
	lifetime, err2 := time.ParseDuration(expiresIn.ValueString())
	if err1 != nil || err2 != nil {
		return diags // the attribute validators report it
	}
	if window >= lifetime {
		diags.AddAttributeError(path.Root("renew_before"), "renew_before Not Shorter Than expires_in",
			fmt.Sprintf("renew_before = %q is not shorter than expires_in = %q, so a freshly renewed link would be due "+
				"for renewal again at once, and every plan would update it. Set renew_before to a shorter duration (a "+
				"fraction of expires_in, such as %q), or remove it.", renewBefore.ValueString(), expiresIn.ValueString(),
				(lifetime/4).String()))
	}
	return diags
}
