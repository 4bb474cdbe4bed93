# The primary external link of Custom room 4711, by the default title DocSpace
# gives it. A Custom room has one once someone shared the room, or once a
# docspace_room_primary_link adopted it.
data "docspace_room_link" "shared" {
  room_id = "4711"
  title   = "Shared link"
}

# A link by its id, for example one listed by docspace_room_links.
data "docspace_room_link" "auditors" {
  room_id = "4711"
  id      = "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"
}

output "shared_link" {
  value     = data.docspace_room_link.shared.share_link
  sensitive = true
}

output "auditors_link_expires" {
  value = data.docspace_room_link.auditors.expiration_date
}
