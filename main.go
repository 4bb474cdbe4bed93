// Command terraform-provider-docspace is the Terraform provider for
// ONLYOFFICE DocSpace room links.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

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
	if err := quietLogsUnlessAsked(); err != nil {
		log.Fatal(err.Error())
	}

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address:         registryAddress,
		Debug:           debug,
		ProtocolVersion: 6,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
