# A link that lives 30 days; once it has expired, the next apply replaces it
# with a new link (new address) that lives 30 days again.
resource "docspace_room_link" "visitors" {
  room_id    = "4711"
  title      = "Visitors this month"
  access     = "read"
  expires_in = "720h"
  on_expired = "recreate"

  lifecycle {
    create_before_destroy = true
  }
}
