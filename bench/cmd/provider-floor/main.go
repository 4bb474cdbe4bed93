// Command provider-floor serves the framework floor (package floor) in
// place of terraform-provider-docspace, the way the provider is served.
package main

import (
	"log"

	"github.com/docspace-community/terraform-provider-docspace/bench/floor"
	"github.com/docspace-community/terraform-provider-docspace/internal/server"
)

func main() {
	if err := server.Serve("registry.terraform.io/docspace-community/docspace", floor.New, false); err != nil {
		log.Fatal(err)
	}
}
