# A link that never lapses: renewed in place (same id and address) once
# less than a week is left, to expire 30 days after that apply.
resource "docspace_room_link" "partners" {
  room_id      = "4711"
  access       = "read"
  title        = "Partners"
  expires_in   = "720h"
  renew_before = "168h"
}
