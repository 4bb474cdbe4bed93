package provider

import (
	"errors"
	"fmt"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
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
		diags.AddAttributeError(path.Root("token"), "Conflicting DocSpace Credentials",
			"The provider block sets both token and username/password. Keep one way of signing in: remove token, or remove username and password.")
		return credentials{}, diags
	case blockToken:
		useToken = true
	case blockUser:
		useToken = false
	case tokenInEnv && userInEnv:
		diags.AddError("Conflicting DocSpace Credentials",
			"The environment sets both "+envToken+" and "+envUsername+"/"+envPassword+". Unset one of them, or choose in the provider block.")
		return credentials{}, diags
	default:
		useToken = !userInEnv
	}

	if useToken {
		token := settingValue(cfg.Token, envToken)
		if token == "" {
			diags.AddAttributeError(path.Root("token"), "Missing DocSpace Credentials",
				"Neither token in the provider block nor the "+envToken+" environment variable has a value (an empty string "+
					"counts as unset). Set one of them (token from a sensitive variable), or sign in with username and password. "+
					"Create an API key in DocSpace under Developer Tools.")
		}
		return credentials{token: token}, diags
	}
	c := credentials{userName: settingValue(cfg.Username, envUsername), password: settingValue(cfg.Password, envPassword)}
	if c.userName == "" {
		diags.AddAttributeError(path.Root("username"), "Missing DocSpace User Name",
			"password is set, so the provider signs in with a user name and password: set username (or "+envUsername+") too.")
	}
	if c.password == "" {
		diags.AddAttributeError(path.Root("password"), "Missing DocSpace Password",
			"username is set, so the provider signs in with a user name and password: set password (or "+envPassword+") too.")
	}
	return c, diags
}

// signInError explains a failed sign-in without repeating the credentials.
func signInError(err error, host string) diag.Diagnostics {
	var diags diag.Diagnostics
	switch {
	case errors.Is(err, docspace.ErrTwoFactor):
		diags.AddAttributeError(path.Root("username"), "Two-Factor Confirmation Required",
			fmt.Sprintf("The account cannot sign in to %s without a second factor, which an unattended run cannot give. Use an API key as token instead.", host))
	case docspace.IsUnauthorized(err) || docspace.IsNotFound(err):
		diags.AddAttributeError(path.Root("password"), "DocSpace Rejected the Sign-In",
			fmt.Sprintf("DocSpace rejected the user name or password for %s. Check username and password (or %s and %s).", host, envUsername, envPassword))
	default:
		diags.AddError("Could Not Sign In to DocSpace", describeAPIError(err, docspace.Target{}, host))
	}
	return diags
}
