package provider

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// The texts of the provider's configuration: host, credentials, transport
// settings, and settings not known until apply.

// Host and credentials.

// addMissingHost says that neither the provider block nor the environment
// gives a host.
func addMissingHost(diags *diag.Diagnostics) {
	diags.AddAttributeError(path.Root("host"), "Missing DocSpace Host",
		"Set host in the provider block (for example host = \"https://portal.example.com\") or the "+envHost+" environment variable. "+
			"An empty host in the block counts as unset, so both are empty or unset now.")
}

// addHostWithAPIPath warns of a host that ends in the API path, which the
// provider drops.
func addHostWithAPIPath(diags *diag.Diagnostics, apiPath, root string) {
	diags.AddAttributeWarning(path.Root("host"), "DocSpace Host Contains an API Path",
		fmt.Sprintf("host ends in the API path %q, which the provider adds to every request itself. It uses %s, "+
			"the portal's root address; set host to that to remove this warning.", apiPath, root))
}

// addConflictingBlockCredentials refuses a provider block with both a token
// and a user name and password.
func addConflictingBlockCredentials(diags *diag.Diagnostics) {
	diags.AddAttributeError(path.Root("token"), "Conflicting DocSpace Credentials",
		"The provider block sets both token and username/password. Keep one way of signing in: remove token, or remove username and password.")
}

// addConflictingEnvCredentials refuses an environment with both a token and
// a user name and password.
func addConflictingEnvCredentials(diags *diag.Diagnostics) {
	diags.AddError("Conflicting DocSpace Credentials",
		"The environment sets both "+envToken+" and "+envUsername+"/"+envPassword+". Unset one of them, or choose in the provider block.")
}

// addMissingToken says that no token is set anywhere.
func addMissingToken(diags *diag.Diagnostics) {
	diags.AddAttributeError(path.Root("token"), "Missing DocSpace Credentials",
		"Neither token in the provider block nor the "+envToken+" environment variable has a value (an empty string "+
			"counts as unset). Set one of them (token from a sensitive variable), or sign in with username and password. "+
			"Create an API key in DocSpace under Developer Tools.")
}

// addMissingUserName asks for the user name that goes with a password.
func addMissingUserName(diags *diag.Diagnostics) {
	diags.AddAttributeError(path.Root("username"), "Missing DocSpace User Name",
		"password is set, so the provider signs in with a user name and password: set username (or "+envUsername+") too.")
}

// addMissingPassword asks for the password that goes with a user name.
func addMissingPassword(diags *diag.Diagnostics) {
	diags.AddAttributeError(path.Root("password"), "Missing DocSpace Password",
		"username is set, so the provider signs in with a user name and password: set password (or "+envPassword+") too.")
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

// clientConfigError turns a NewClient error into a diagnostic on the
// attribute to fix.
func clientConfigError(err error, host string) diag.Diagnostics {
	var diags diag.Diagnostics
	switch {
	case errors.Is(err, docspace.ErrPlainHTTP):
		diags.AddAttributeError(path.Root("host"), "Plain HTTP Refused",
			fmt.Sprintf("%v: the token would cross the network unencrypted. Use https:// in host (or just the host name), "+
				"or, for a test portal only, set insecure_http = true in the provider block.", err))
	case errors.Is(err, docspace.ErrCACertificate):
		addInvalidCACertificate(&diags, path.Root("ca_certificate"))
	default:
		attr := path.Root("host")
		if _, hostErr := docspace.ParseHost(host); hostErr == nil {
			attr = path.Root("token")
		}
		diags.AddAttributeError(attr, "Invalid DocSpace Provider Configuration", err.Error())
	}
	return diags
}

// Transport settings.

// addUnknownProviderSetting refuses a transport setting not known until
// apply.
func addUnknownProviderSetting(diags *diag.Diagnostics, name string) {
	diags.AddAttributeError(path.Root(name), "Unknown Provider Setting",
		fmt.Sprintf("The provider's %s depends on a value that is not known until apply. Set it to a literal or a variable.", name))
}

// addInvalidMaxRetriesEnv refuses a max_retries from the environment that
// is not a whole number in range.
func addInvalidMaxRetriesEnv(diags *diag.Diagnostics) {
	diags.AddAttributeError(path.Root("max_retries"), "Invalid Maximum Number of Retries",
		fmt.Sprintf("The %s environment variable must be a whole number from 0 to %d. Correct it, or set max_retries in the provider block.",
			envMaxRetries, maxMaxRetries))
}

// addInvalidRequestTimeout refuses a request timeout; source names where it
// came from.
func addInvalidRequestTimeout(diags *diag.Diagnostics, source string, err error) {
	diags.AddAttributeError(path.Root("request_timeout"), "Invalid Request Timeout",
		fmt.Sprintf("%s: %v.", source, err))
}

// addInvalidRequestTimeoutValue is the validator's refusal of
// request_timeout.
func addInvalidRequestTimeoutValue(diags *diag.Diagnostics, attr path.Path, err error) {
	diags.AddAttributeError(attr, "Invalid Request Timeout", fmt.Sprintf("request_timeout %v.", err))
}

// durationSyntaxError explains a duration setting that does not parse.
func durationSyntaxError(s string) error {
	return fmt.Errorf("%q is not a duration; write a number with a unit, such as \"30s\" or \"2m\"", s)
}

// durationRangeError explains a duration setting out of its bounds.
func durationRangeError(s string, lo, hi time.Duration) error {
	return fmt.Errorf("%q is out of range; use a duration from %s to %s", s, lo, hi)
}

// addSkipVerifyWarning warns that certificate verification is off.
func addSkipVerifyWarning(diags *diag.Diagnostics) {
	diags.AddAttributeWarning(path.Root("insecure_skip_verify"), "TLS Certificate Verification Is Off",
		"insecure_skip_verify = true lets anyone between Terraform and the portal read the token. Use it for test portals "+
			"only; for a portal behind a private certificate authority, set ca_certificate instead.")
}

// addInvalidCACertificate refuses a ca_certificate that holds no
// certificate.
func addInvalidCACertificate(diags *diag.Diagnostics, attr path.Path) {
	diags.AddAttributeError(attr, "Invalid CA Certificate",
		"ca_certificate holds no PEM-encoded X.509 certificate. Give the certificate of the portal's certificate authority, "+
			"beginning with -----BEGIN CERTIFICATE-----, for example with file(\"ca.pem\").")
}

// Settings not known until apply, and provider data.

// describeSettings names settings for a message: `host` and `token`.
func describeSettings(settings []string) string {
	if len(settings) == 0 {
		return "The provider's settings are"
	}
	quoted := make([]string, len(settings))
	for i, s := range settings {
		quoted[i] = "`" + s + "`"
	}
	noun := "setting " + quoted[0] + " is"
	if len(quoted) > 1 {
		noun = "settings " + strings.Join(quoted[:len(quoted)-1], ", ") + " and " + quoted[len(quoted)-1] + " are"
	}
	return "The provider's " + noun
}

// providerNotConfigured is what a data source says when it is read
// before the provider's settings are known, and Terraform cannot defer it.
func providerNotConfigured(settings []string, diags *diag.Diagnostics) {
	diags.AddError("DocSpace Provider Settings Not Known Yet",
		describeSettings(settings)+" not known until apply, so this data source cannot be read during this plan. "+
			"Set them from variables or the DOCSPACE_* environment variables, or apply the resources they come from "+
			"first (terraform apply -target=...). Where Terraform allows deferred actions (-allow-deferral), the read is "+
			"deferred instead.")
}

// cannotReadYet refuses a read that needs the portal while the provider's
// settings are not known, when Terraform cannot defer it (deferred actions
// are experimental): an import that is not read would leave a bare state,
// whose null link_type plans a replacement of the link. what says what
// cannot happen, e.g. "import room link 4711/…".
func cannotReadYet(settings []string, what string, diags *diag.Diagnostics) {
	diags.AddError("Provider Settings Not Known Yet",
		fmt.Sprintf("%s not known until apply (taken from a resource not yet created, say), so this plan cannot %s: "+
			"the link cannot be read from DocSpace, and an import that is not read would plan to replace the link "+
			"(deleting it, with a new address). Nothing was changed. Give the provider known values (a variable, or the "+
			"DOCSPACE_* environment variables), or apply what they come from first (terraform apply -target=...) and "+
			"import afterwards. Where Terraform allows deferred actions (-allow-deferral), the import is deferred instead.",
			describeSettings(settings), what))
}

// addUnexpectedProviderData reports provider data of the wrong type: a bug.
func addUnexpectedProviderData(diags *diag.Diagnostics, v any) {
	diags.AddError("Unexpected Provider Data", fmt.Sprintf("Expected *providerData, got %T. This is a provider bug.", v))
}
