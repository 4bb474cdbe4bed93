terraform {
  required_providers {
    docspace = {
      source  = "docspace-community/docspace"
      version = "~> 0.1"
    }
  }
}

# Host and token from DOCSPACE_HOST and DOCSPACE_TOKEN.
provider "docspace" {}
