# Every link of room 4711, the primary external link included.
data "docspace_room_links" "project" {
  room_id = "4711"
}

# Only the room's external links.
data "docspace_room_links" "shared" {
  room_id   = "4711"
  link_type = "external"
}

# Titles and ids of the links that have expired, for clean-up or import.
output "expired_links" {
  value = {
    for link in data.docspace_room_links.project.links : link.id => link.title if link.is_expired
  }
}

output "external_link_count" {
  value = length(data.docspace_room_links.shared.links)
}
