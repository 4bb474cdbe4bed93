# In a .tfquery.hcl file, for `terraform query` (Terraform 1.14 or later).
# Every link of every folder directly in room 4711.
list "docspace_folder_link" "room" {
  provider         = docspace
  include_resource = true

  config {
    parent_id = "4711"
  }
}
