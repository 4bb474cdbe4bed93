terraform {
  required_providers {
    docspace = {
      source = "docspace-community/docspace"
    }
  }
}

# Host and token from DOCSPACE_HOST and DOCSPACE_TOKEN.
provider "docspace" {}
