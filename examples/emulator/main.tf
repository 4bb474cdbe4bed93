# A first configuration to try against the DocSpace emulator: one external
# link in the Custom room the emulator made, and the list of that room's
# links. Host and token come from the emulator's -env-file (DOCSPACE_HOST,
# DOCSPACE_TOKEN), the room id from TF_VAR_room_id.
terraform {
  required_providers {
    docspace = {
      source  = "docspace-community/docspace"
      version = "~> 0.1"
    }
  }
}

provider "docspace" {}

variable "room_id" {
  description = "The Custom room's id, the first of DOCSPACE_ROOM_IDS."
  type        = string
}

resource "docspace_room_link" "reviewers" {
  room_id         = var.room_id
  title           = "Reviewers"
  access          = "review"
  expiration_date = "2030-12-31T23:59:59Z"
}

data "docspace_room_links" "all" {
  room_id    = var.room_id
  depends_on = [docspace_room_link.reviewers]
}

output "link_titles" {
  value = [for l in data.docspace_room_links.all.links : l.title]
}
