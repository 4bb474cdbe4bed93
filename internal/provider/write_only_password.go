package provider

import (
	"context"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A write-only password never enters the plan or the state. To notice that
// it was changed outside Terraform, the provider keeps a salted, slow digest
// of it in the resource's private state and compares the password DocSpace
// returns (in plain text, API.md §3.2) against it.
const passwordDigestKey = "password_wo_digest"

// passwordDigestIterations makes guessing a password from a stolen state
// file slow, while a refresh of many links stays quick.
const passwordDigestIterations = 20000

type passwordDigest struct {
	Salt []byte `json:"salt"`
	Key  []byte `json:"key"`
}

func newPasswordDigest(password string) ([]byte, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return nil, err
	}
	key, err := pbkdf2.Key(sha256.New, password, salt, passwordDigestIterations, 32)
	if err != nil {
		return nil, err
	}
	return json.Marshal(passwordDigest{Salt: salt, Key: key})
}

// passwordMatches reports whether password is the one the digest was made
// of; ok is false when there is no usable digest.
func passwordMatches(stored []byte, password string) (matches, ok bool) {
	var d passwordDigest
	if len(stored) == 0 || json.Unmarshal(stored, &d) != nil || len(d.Salt) == 0 {
		return false, false
	}
	key, err := pbkdf2.Key(sha256.New, password, d.Salt, passwordDigestIterations, len(d.Key))
	if err != nil {
		return false, false
	}
	return subtle.ConstantTimeCompare(key, d.Key) == 1, true
}

// writeOnlyPassword reads password_wo, which only the configuration holds.
func writeOnlyPassword(ctx context.Context, config tfsdk.Config) (string, diag.Diagnostics) {
	var v types.String
	diags := config.GetAttribute(ctx, path.Root("password_wo"), &v)
	return v.ValueString(), diags
}

// privateSetter is what Create and Update responses offer for private state.
type privateSetter interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// rememberPassword stores the digest of a write-only password, or forgets it
// when the link has none.
func rememberPassword(ctx context.Context, private privateSetter, password string) diag.Diagnostics {
	if password == "" {
		return private.SetKey(ctx, passwordDigestKey, nil)
	}
	digest, err := newPasswordDigest(password)
	if err != nil {
		var diags diag.Diagnostics
		diags.AddWarning("Could Not Remember the Write-Only Password",
			"A change of the password outside Terraform will not be detected: "+err.Error())
		return diags
	}
	return private.SetKey(ctx, passwordDigestKey, digest)
}

// passwordDrift warns when DocSpace's password is not the one whose digest
// was stored.
func passwordDrift(stored []byte, password, linkID, roomID string) diag.Diagnostics {
	var diags diag.Diagnostics
	if matches, ok := passwordMatches(stored, password); ok && !matches {
		diags.AddWarning("Password Changed Outside Terraform",
			fmt.Sprintf("The password of link %s in room %s is no longer the configured password_wo. "+
				"Change password_wo_version to set password_wo again.", linkID, roomID))
	}
	return diags
}
