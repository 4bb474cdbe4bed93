// Package server serves the provider as a Terraform plugin: the framework's
// protocol 6 server, quiet logs, lean per-resource calls and garbage
// collection settings for a provider process.
package server

import (
	"os"
	rtdebug "runtime/debug"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
)

// Serve runs a terraform-plugin-framework provider as a plugin for Terraform
// at the given registry address. Without a request for logs it keeps the
// plugin libraries quiet and the per-resource calls lean (see quietLogs and
// LeanServer), and collects garbage less often (see tuneGC). The benchmark's
// framework floor (a provider with the same schema and no behaviour) is
// served through it too, so the two differ only in their resources.
func Serve(address string, p func() provider.Provider, debug bool) error {
	quiet, err := quietLogs(os.LookupEnv, os.Setenv)
	if err != nil {
		return err
	}
	tuneGC(os.LookupEnv, rtdebug.SetGCPercent, rtdebug.SetMemoryLimit)
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

// The garbage collector's settings for a provider process, unless GOGC or
// GOMEMLIMIT say otherwise. terraform-plugin-framework allocates about 1 MB
// for every resource in a plan (it rebuilds its schema maps at every step of
// every attribute path) while the process keeps only a few MiB alive, so
// with Go's default (a collection whenever the heap doubles) the collector
// runs every few MiB and takes a large part of the CPU of a plan (compare
// the in-process benchmark, bench/rpc_test.go, at GOGC=100 and 300).
// Collecting when the heap has grown fourfold costs 10 to 15 MiB more
// resident memory at 300 links (BENCHMARKS.md; fivefold came to the 64 MiB
// target); the soft limit keeps a very large state from growing the heap
// fourfold beyond it.
const (
	gcPercent     = 300
	gcMemoryLimit = 128 << 20
)

// tuneGC applies gcPercent and gcMemoryLimit where the environment leaves
// them to the provider.
func tuneGC(lookup func(string) (string, bool), setPercent func(int) int, setLimit func(int64) int64) {
	if _, set := lookup("GOGC"); !set {
		setPercent(gcPercent)
	}
	if _, set := lookup("GOMEMLIMIT"); !set {
		setLimit(gcMemoryLimit)
	}
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
