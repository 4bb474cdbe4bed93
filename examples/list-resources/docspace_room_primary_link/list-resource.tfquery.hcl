# In a .tfquery.hcl file, for `terraform query` (Terraform 1.14 or later).
# The primary link of every room that has one; listing never creates one.
list "docspace_room_primary_link" "all" {
  provider         = docspace
  include_resource = true
}
