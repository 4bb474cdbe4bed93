# The room's primary link, with its address, for this run only.
ephemeral "docspace_room_link" "primary" {
  room_id = "4711"
  primary = true
}

# One link by its exact title (an error when two links share it).
ephemeral "docspace_room_link" "reviewers" {
  room_id = "4711"
  title   = "Reviewers"
}
