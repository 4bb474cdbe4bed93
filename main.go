// Command terraform-provider-docspace is the Terraform provider for
// ONLYOFFICE DocSpace room links.
package main

import (
	"flag"
	"log"

	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
	"github.com/docspace-community/terraform-provider-docspace/internal/server"
)

// version is set by the linker at release time (-ldflags "-X main.version=…").
var version = "dev"

// registryAddress is where the provider is published.
const registryAddress = "registry.terraform.io/docspace-community/docspace"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()
	if err := server.Serve(registryAddress, provider.New(version), debug); err != nil {
		log.Fatal(err.Error())
	}
}
