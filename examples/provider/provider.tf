terraform {
  required_providers {
    docspace = {
      source  = "docspace-community/docspace"
      version = "~> 0.1"
    }
  }
}

# host and token can also come from DOCSPACE_HOST and DOCSPACE_TOKEN; a value
# set here wins over the environment.
provider "docspace" {
  host  = "https://portal.example.com"
  token = var.docspace_token
}

variable "docspace_token" {
  description = "API key (sk-...) or personal access token of a user who manages the rooms."
  type        = string
  sensitive   = true
}
