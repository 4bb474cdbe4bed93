output "auditors_link" {
  description = "The address to send to the auditors, with the password sent separately."
  value       = docspace_room_link.auditors.share_link
  sensitive   = true
}

output "join_project_link" {
  description = "The invitation address for new team members."
  value       = docspace_room_link.join_project.share_link
  sensitive   = true
}

output "auditors_link_expires" {
  description = "As configured: DocSpace answers in the portal's time zone, and the same instant is no change."
  value       = docspace_room_link.auditors.expiration_date
}

output "join_project_joined" {
  description = "How many people have joined through the invitation link so far (of max_use_count)."
  value       = docspace_room_link.join_project.current_use_count
}

output "links_by_room" {
  description = "Every link of each room, as listed by the docspace_room_links data source."
  value = {
    for room_id, room in data.docspace_room_links.room : room_id => [
      for link in room.links : format("%s: %s link, %s%s", link.title, link.link_type, link.access, link.primary ? " (primary, managed by DocSpace)" : "")
    ]
  }
}
