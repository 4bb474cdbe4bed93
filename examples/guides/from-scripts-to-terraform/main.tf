# The PUT of the script, as a resource: the numbers become words, and the
# fields the script left to the API's defaults are spelled out.
resource "docspace_room_link" "auditors" {
  room_id         = "4711"
  link_type       = "external" # "linkType": 1; the API's default, 0, is an invitation link
  access          = "read"     # "access": 2 is Read; Editing would be 10
  title           = "Auditors"
  expiration_date = "2030-12-31T23:59:59Z"
  password        = var.auditors_password
  deny_download   = true
}

variable "auditors_password" {
  type      = string
  sensitive = true
}

# The GET of the script, as a data source.
data "docspace_room_links" "audit_room" {
  room_id = "4711"
}

output "audit_room_links" {
  value = [
    for link in data.docspace_room_links.audit_room.links :
    "${link.id}  ${link.title}  ${link.link_type}/${link.access}${link.is_expired ? "  (expired)" : ""}"
  ]
}

# The link the script created earlier is adopted, not created a second time.
import {
  to = docspace_room_link.auditors
  id = "4711/3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"
}
