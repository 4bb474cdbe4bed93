# The room's invitation link (a room has at most one): whoever opens it and
# signs in becomes a member with the Editing role, until 25 people have joined.
resource "docspace_room_link" "join" {
  room_id       = "4711"
  link_type     = "invitation"
  title         = "Join as editor"
  access        = "editing"
  max_use_count = 25
}
