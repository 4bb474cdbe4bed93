# Terraform 1.12 and later: a room's primary link is named by the room alone,
# because the link itself gets a new id whenever it is rotated.
import {
  to = docspace_room_primary_link.press
  identity = {
    room_id = "4712"
  }
}
