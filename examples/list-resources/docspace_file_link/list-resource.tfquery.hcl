# In a .tfquery.hcl file, for `terraform query` (Terraform 1.14 or later).

# Every link of every file directly in room 4711, with its settings, ready
# for `terraform query -generate-config-out=links.tf`.
list "docspace_file_link" "room" {
  provider         = docspace
  include_resource = true

  config {
    parent_id = "4711"
  }
}

# The links titled like "partner" of the spreadsheets at the top of My
# Documents.
list "docspace_file_link" "partners" {
  provider = docspace

  config {
    in_my_documents     = true
    file_title_contains = ".xlsx"
    title_contains      = "partner"
  }
}
