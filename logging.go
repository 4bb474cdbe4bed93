package main

import "os"

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

func quietLogsUnlessAsked() (bool, error) { return quietLogs(os.LookupEnv, os.Setenv) }
