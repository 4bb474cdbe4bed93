package provider

import (
	"os"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// credentials is the one way of authenticating a run: a token, or a user
// name and password to sign in with.
type credentials struct {
	token              string
	userName, password string
}

// resolveCredentials picks the way of authenticating. The provider block
// wins over the environment; within either, exactly one way must be set. An
// empty string in the block counts as unset.
func resolveCredentials(cfg providerModel) (credentials, diag.Diagnostics) {
	var diags diag.Diagnostics
	blockToken := isSet(cfg.Token)
	blockUser := isSet(cfg.Username) || isSet(cfg.Password)
	tokenInEnv := os.Getenv(envToken) != ""
	userInEnv := os.Getenv(envUsername) != "" || os.Getenv(envPassword) != ""

	var useToken bool
	switch {
	case blockToken && blockUser:
		addConflictingBlockCredentials(&diags)
		return credentials{}, diags
	case blockToken:
		useToken = true
	case blockUser:
		useToken = false
	case tokenInEnv && userInEnv:
		addConflictingEnvCredentials(&diags)
		return credentials{}, diags
	default:
		useToken = !userInEnv
	}

	if useToken {
		token := settingValue(cfg.Token, envToken)
		if token == "" {
			addMissingToken(&diags)
		}
		return credentials{token: token}, diags
	}
	c := credentials{userName: settingValue(cfg.Username, envUsername), password: settingValue(cfg.Password, envPassword)}
	if c.userName == "" {
		addMissingUserName(&diags)
	}
	if c.password == "" {
		addMissingPassword(&diags)
	}
	return c, diags
}
