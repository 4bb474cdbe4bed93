terraform {
  required_version = ">= 1.11"
  required_providers {
    docspace = {
      source = "docspace-community/docspace"
    }
  }
}

provider "docspace" {}

variable "room_id" {
  type = string
}

# The password, from a value that is itself never stored: an ephemeral
# variable (TF_VAR_partners_password), or an ephemeral resource of a secret store.
variable "partners_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

# The link keeps no secret in the state: no address, no share key, no
# password. It renews itself in place a week before it expires.
resource "docspace_room_link" "partners" {
  room_id             = var.room_id
  access              = "read"
  title               = "Partners"
  expires_in          = "720h"
  renew_before        = "168h"
  password_wo         = var.partners_password
  password_wo_version = 1
  store_share_link    = false
}

# Read back when needed, for this run only, and handed to the system that
# sends it out, through a write-only argument of its provider, for example:
#
#   resource "vault_kv_secret_v2" "partners_link" {
#     mount               = "secret"
#     name                = "docspace/partners"
#     data_json_wo        = jsonencode({ address = ephemeral.docspace_room_link.partners.share_link })
#     data_json_wo_version = 1
#   }
ephemeral "docspace_room_link" "partners" {
  room_id = var.room_id
  id      = docspace_room_link.partners.id
}
