package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// A write-only password never enters the plan or the state, and nothing
// derived from it is stored either: a digest in private state (which is
// inside the state file) would let a short password be guessed offline, and
// one as costly as current guidance asks (PBKDF2-SHA256 at 600,000
// iterations: 0.3 s of CPU here) would cost minutes on every plan of a few
// hundred links.
//
// Drift is found without storing anything: Terraform hands the provider the
// configured password_wo while it plans, and DocSpace reports a link's
// password in plain text (API.md §3.2), read by the refresh of the same run.
// The plan of a link it leaves unchanged compares the two and warns when
// they differ (any update sends password_wo again anyway).

// writeOnlyDriftDoc tells users how drift is found, in the attribute docs.
const writeOnlyDriftDoc = "A password changed outside Terraform is reported as a warning by the next plan: while planning, " +
	"Terraform hands the provider the configured `password_wo`, and the provider compares it with the password DocSpace " +
	"reports for the link (DocSpace returns link passwords in plain text to room managers), as read by the refresh; " +
	"a plan that changes the link sends `password_wo` again anyway. " +
	"With `-refresh=false` that comparison reads the room's links once."

// passwordSetElsewhere is what the state records in place of a password
// DocSpace reports that Terraform did not set. It has spaces, which no
// configured password may have, so the plan always shows it as a change.
const passwordSetElsewhere = "(not set by Terraform)"

// recordedPassword is the password attribute the state keeps for a link
// whose password DocSpace reports: only the one the state already holds
// (the configuration's own `password`). With password_wo nothing is kept.
// Any other password may be a write-only one (switched to password_wo while
// DocSpace stored something else, imported, or listed) or one set outside
// Terraform; the state records passwordSetElsewhere for it, never the
// value, and the next plan sets the configured password (or none) again.
func recordedPassword(current types.String, writeOnlyVersion types.Int64, reported string) types.String {
	switch {
	case !writeOnlyVersion.IsNull() || reported == "":
		return types.StringNull()
	case current.ValueString() == reported:
		return current
	}
	return types.StringValue(passwordSetElsewhere)
}

// legacyPasswordDigestKey is the private-state key of that old digest.
// Create, Read and Update remove it, so states written by development
// builds before this change lose it at the next refresh.
const legacyPasswordDigestKey = "password_wo_digest"

// writeOnlyPassword reads password_wo, which only the configuration holds.
func writeOnlyPassword(ctx context.Context, config tfsdk.Config) (string, diag.Diagnostics) {
	var v types.String
	diags := config.GetAttribute(ctx, path.Root("password_wo"), &v)
	return v.ValueString(), diags
}

// privateSetter is what Create, Read and Update responses offer for private
// state.
type privateSetter interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// forgetLegacyDigest removes the digest older versions stored.
func forgetLegacyDigest(ctx context.Context, private privateSetter) diag.Diagnostics {
	return private.SetKey(ctx, legacyPasswordDigestKey, nil)
}

// unchangedWriteOnlyPassword returns the configured password_wo when the
// plan keeps password_wo_version as the state has it, which is when the
// link should still hold that password. ok is false when there is nothing
// to compare: no write-only password, an unknown one, or a new version
// (which sends it anyway). Links without a write-only password cost one
// attribute read.
func unchangedWriteOnlyPassword(ctx context.Context, config tfsdk.Config, state tfsdk.State) (string, bool) {
	var stateVersion, configVersion types.Int64
	if state.GetAttribute(ctx, path.Root("password_wo_version"), &stateVersion).HasError() || stateVersion.IsNull() {
		return "", false
	}
	var password types.String
	if config.GetAttribute(ctx, path.Root("password_wo_version"), &configVersion).HasError() || !configVersion.Equal(stateVersion) ||
		config.GetAttribute(ctx, path.Root("password_wo"), &password).HasError() || password.IsNull() || password.IsUnknown() {
		return "", false
	}
	return password.ValueString(), true
}

// passwordDrift warns when the password DocSpace reports is not the
// configured password_wo. Neither password appears in the warning.
func passwordDrift(configured, reported, linkID string, t docspace.Target) diag.Diagnostics {
	var diags diag.Diagnostics
	if configured != reported {
		addWriteOnlyPasswordDrift(&diags, linkID, t)
	}
	return diags
}
