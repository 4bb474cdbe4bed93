# The quickstart `make demo` runs: links of both kinds in two rooms, and the
# data source that lists them. The provider reads DOCSPACE_HOST and
# DOCSPACE_TOKEN from the environment.
terraform {
  required_version = ">= 1.5.0"

  required_providers {
    docspace = {
      source  = "docspace-community/docspace"
      version = "~> 0.1"
    }
  }
}

provider "docspace" {}

# --- The project room (a Custom room) ---------------------------------------

# Outside auditors may look, not download, and need a password.
resource "docspace_room_link" "auditors" {
  room_id         = var.project_room_id
  title           = "Auditors"
  access          = "read"
  expiration_date = var.auditors_expire_at
  password        = var.auditors_password
  deny_download   = true
}

# Colleagues from legal suggest changes; only signed-in portal users get in.
resource "docspace_room_link" "legal_review" {
  room_id  = var.project_room_id
  title    = "Legal review"
  access   = "review"
  internal = true
}

# New team members join the room as editors, ten at most.
resource "docspace_room_link" "join_project" {
  room_id       = var.project_room_id
  link_type     = "invitation"
  title         = "Join the project"
  access        = "editing"
  max_use_count = 10
}

# --- The press room (a Public room), when one is given ----------------------

resource "docspace_room_link" "press_kit" {
  count = var.press_room_id == null ? 0 : 1

  room_id = var.press_room_id
  title   = "Press kit"
  access  = "read"
}

resource "docspace_room_link" "press_contributors" {
  count = var.press_room_id == null ? 0 : 1

  room_id   = var.press_room_id
  link_type = "invitation"
  title     = "Contribute to the press kit"
  access    = "content_creator"
}

# --- What the rooms hold now, primary links included ------------------------

data "docspace_room_links" "room" {
  for_each = toset(compact([var.project_room_id, var.press_room_id]))

  room_id = each.key

  # Read after the links above are in place.
  depends_on = [
    docspace_room_link.auditors,
    docspace_room_link.legal_review,
    docspace_room_link.join_project,
    docspace_room_link.press_kit,
    docspace_room_link.press_contributors,
  ]
}
