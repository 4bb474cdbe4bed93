# A read-only link to one document for outside auditors: it asks for a
# password, stops working 30 days after it is created, and does not let
# visitors download the file.
data "docspace_file" "policy" {
  parent_id = "4711" # the room (or folder) that holds the file
  title     = "Security policy.docx"
}

resource "docspace_file_link" "auditors" {
  file_id     = data.docspace_file.policy.id
  title       = "Auditors"
  access      = "read"
  expires_in  = "720h"
  password_wo = var.auditor_password
  # Raise the version whenever the password changes.
  password_wo_version = 1
  deny_download       = true
}

variable "auditor_password" {
  description = "8 to 30 printable ASCII characters, no spaces."
  type        = string
  sensitive   = true
  ephemeral   = true
}

# Hand the address out of band: it is sensitive, like the password.
output "auditors_link" {
  value     = docspace_file_link.auditors.share_link
  sensitive = true
}
