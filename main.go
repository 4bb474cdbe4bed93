// Command terraform-provider-docspace is the Terraform provider for
// ONLYOFFICE DocSpace room links.
package main

import (
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
)

// version is set by the linker at release time (-ldflags "-X main.version=…").
var version = "dev"

// registryAddress is where the provider is published.
const registryAddress = "registry.terraform.io/docspace-community/docspace"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	quiet, err := quietLogsUnlessAsked()
	if err != nil {
		log.Fatal(err.Error())
	}
	server := providerserver.NewProtocol6(provider.New(version)())
	if quiet {
		framework := server
		server = func() tfprotov6.ProviderServer { return provider.LeanServer(framework()) }
	}
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	if err := tf6server.Serve(registryAddress, server, opts...); err != nil {
		log.Fatal(err.Error())
	}
}
