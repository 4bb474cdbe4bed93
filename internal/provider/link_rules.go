package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The rules of the attributes that both link resources share, kept apart
// from either resource so that each applies them the same way: the plan
// rule (what a plan holds) and the conversion (what the state gets from a
// link DocSpace reports).

// storesShareSecrets reports whether store_share_link lets the share link
// and request token into the state: unless it is false. Null is the
// default, which also reads states written before the attribute existed.
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

// importedKey marks, in private state, a link imported and not read yet.
// An import cannot see store_share_link, so the Read that completes it
// records neither share secret; it removes the mark, so that later
// refreshes follow the setting.
const importedKey = "imported_unread"

// markImported is what ImportState of a link resource sets.
func markImported(ctx context.Context, private privateSetter) diag.Diagnostics {
	return private.SetKey(ctx, importedKey, []byte("true"))
}

// takeImportMark reports whether a Read completes an import, and removes
// the mark.
func takeImportMark(ctx context.Context, from interface {
	GetKey(context.Context, string) ([]byte, diag.Diagnostics)
}, to privateSetter) (bool, diag.Diagnostics) {
	data, diags := from.GetKey(ctx, importedKey)
	if len(data) == 0 {
		return false, diags
	}
	diags.Append(to.SetKey(ctx, importedKey, nil)...)
	return true, diags
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
		addRenewBeforeNotShorter(&diags, renewBefore.ValueString(), expiresIn.ValueString(), lifetime/4)
	}
	return diags
}
