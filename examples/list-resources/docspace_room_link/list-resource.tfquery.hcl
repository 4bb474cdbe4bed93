# In a .tfquery.hcl file, for `terraform query` (Terraform 1.14 or later).

# Every link of every room the token can see, with its settings, ready for
# `terraform query -generate-config-out=links.tf`.
list "docspace_room_link" "all" {
  provider         = docspace
  include_resource = true
}

# The external links of one room whose title mentions "audit".
list "docspace_room_link" "audit" {
  provider = docspace

  config {
    room_id        = "4711"
    link_type      = "external"
    title_contains = "audit"
  }
}
