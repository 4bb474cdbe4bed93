# Terraform 1.5 and later: adopt a room's primary link during plan and apply.
# The id is the room id alone, as for terraform import.
import {
  to = docspace_room_primary_link.press
  id = "4712"
}
