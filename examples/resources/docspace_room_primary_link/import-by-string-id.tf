# Terraform 1.5 and later: the import id is the room id.
import {
  to = docspace_room_primary_link.press
  id = "4712"
}
