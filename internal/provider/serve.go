package provider

import (
	"os"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
)

// Serve runs the provider as a plugin for Terraform at the given registry
// address. Without a request for logs it keeps the plugin libraries quiet and
// the per-resource calls lean (see quietLogs and LeanServer).
func Serve(address, version string, debug bool) error {
	return ServeProvider(address, New(version), debug)
}

// ServeProvider serves any terraform-plugin-framework provider the way Serve
// serves this one. The benchmark's framework floor (a provider with the same
// schema and no behaviour) is served through it, so the two differ only in
// their resources.
func ServeProvider(address string, p func() provider.Provider, debug bool) error {
	quiet, err := quietLogs(os.LookupEnv, os.Setenv)
	if err != nil {
		return err
	}
	server := providerserver.NewProtocol6(p())
	if quiet {
		framework := server
		server = func() tfprotov6.ProviderServer { return LeanServer(framework()) }
	}
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	return tf6server.Serve(address, server, opts...)
}

// logSettings are the environment variables with which a user asks for the
// provider's logs; Terraform passes its environment on to the provider.
var logSettings = []string{
	"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_PROVIDER_DOCSPACE",
	"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK",
}

// quietLogs switches the provider's log sinks off when nobody asked for
// logs, and reports whether it did. The plugin libraries otherwise write
// every TRACE line as JSON for Terraform to parse and throw away, which costs
// about a third of the provider's CPU time in a large apply (BENCHMARKS.md).
func quietLogs(lookup func(string) (string, bool), set func(string, string) error) (bool, error) {
	for _, name := range logSettings {
		if _, asked := lookup(name); asked {
			return false, nil
		}
	}
	for _, name := range []string{"TF_LOG_PROVIDER", "TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"} {
		if err := set(name, "OFF"); err != nil {
			return false, err
		}
	}
	return true, nil
}
