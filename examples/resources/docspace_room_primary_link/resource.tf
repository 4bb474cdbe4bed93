# Public room 4712 always has a primary link. Adopt it, make it comment-only
# with a password, and issue a new address whenever the quarter changes.

resource "docspace_room_primary_link" "press" {
  room_id     = "4712"
  title       = "Press kit"
  access      = "comment"
  password_wo = var.press_password
  # Change the version whenever the password changes.
  password_wo_version = 1

  # Any value works as a trigger, e.g. the id of a time_rotating resource.
  rotation_triggers = {
    quarter = var.quarter
  }
}

variable "quarter" {
  description = "The current quarter, such as \"2026-Q4\"."
  type        = string
}

variable "press_password" {
  description = "8 to 30 printable ASCII characters, no spaces."
  type        = string
  sensitive   = true
  ephemeral   = true
}

output "press_link" {
  value     = docspace_room_primary_link.press.share_link
  sensitive = true
}
