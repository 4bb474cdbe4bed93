# A file by its exact title (extension included) in room 4711, so that
# configurations need not hard-code its id.
data "docspace_file" "prices" {
  parent_id = "4711"
  title     = "Price list.xlsx"
}

resource "docspace_file_link" "partners" {
  file_id = data.docspace_file.prices.id
  access  = "comment"
  title   = "Partners"

  lifecycle {
    # Fails the plan, before anything changes, when the file's format or
    # location offers no links with this access.
    precondition {
      condition     = contains(data.docspace_file.prices.link_access, "comment")
      error_message = "Price list.xlsx takes no comment links where it is."
    }
  }
}

# A file at the top of the token's user's My Documents.
data "docspace_file" "draft" {
  in_my_documents = true
  title           = "Draft.docx"
}

output "draft" {
  value = {
    id          = data.docspace_file.draft.id
    location    = data.docspace_file.draft.location
    extension   = data.docspace_file.draft.extension
    is_form     = data.docspace_file.draft.is_form
    link_access = data.docspace_file.draft.link_access
  }
}
