# Every link of every room the token can see, with its settings.
list "docspace_room_link" "all" {
  provider         = docspace
  include_resource = true
}

# The rooms' primary links, which docspace_room_link leaves out.
list "docspace_room_primary_link" "all" {
  provider         = docspace
  include_resource = true
}
