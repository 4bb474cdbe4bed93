# A room by its title (matched exactly), so configurations need not hard-code ids.
data "docspace_room" "audit" {
  title = "Audit 2026"
}

resource "docspace_room_link" "auditors" {
  room_id = data.docspace_room.audit.id
  access  = "review"
  title   = "Auditors"

  lifecycle {
    # Fails the plan, before anything changes, when the room's type offers no
    # external links with this access.
    precondition {
      condition     = contains(data.docspace_room.audit.external_link_access, "review")
      error_message = "The Audit 2026 room takes no external links with review access."
    }
  }
}

# A room by its id.
data "docspace_room" "project" {
  id = "4711"
}

output "project_room" {
  value = {
    type                          = data.docspace_room.project.room_type
    external_link_access          = data.docspace_room.project.external_link_access
    invitation_link_access        = data.docspace_room.project.invitation_link_access
    max_additional_external_links = data.docspace_room.project.max_additional_external_links
  }
}
