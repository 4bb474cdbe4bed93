# A link that lives 30 days from its creation and is replaced by a new one
# (with a new address) once it has expired, or when the month changes.

resource "docspace_room_link" "reviewers" {
  room_id    = "4711"
  title      = "Reviewers"
  access     = "review"
  expires_in = "720h"
  on_expired = "recreate"

  # Any value works as a trigger, e.g. the id of a time_rotating resource.
  rotation_triggers = {
    month = var.month
  }

  # Issue the new link before the old one stops working.
  lifecycle {
    create_before_destroy = true
  }
}

variable "month" {
  description = "The current month, such as \"2026-11\"."
  type        = string
}
