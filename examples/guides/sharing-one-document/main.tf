terraform {
  required_version = ">= 1.11"
  required_providers {
    docspace = {
      source = "docspace-community/docspace"
    }
  }
}

provider "docspace" {}

variable "room_id" {
  description = "The room that holds the document: the number in its address."
  type        = string
}

# The password, from a value that is itself never stored: an ephemeral
# variable (TF_VAR_auditor_password), or an ephemeral resource of a secret store.
variable "auditor_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

# The document, by its exact title: no id in the configuration.
data "docspace_file" "policy" {
  parent_id = var.room_id
  title     = "Security policy.docx"
}

# One link to that one document: read-only, no downloads, a password, and
# 14 days of life from the apply that creates it. Once it has expired, the
# next apply replaces it with a new link (new address, 14 fresh days).
resource "docspace_file_link" "auditors" {
  file_id             = data.docspace_file.policy.id
  title               = "Auditors"
  access              = "read"
  deny_download       = true
  expires_in          = "336h"
  on_expired          = "recreate"
  password_wo         = var.auditor_password
  password_wo_version = 1

  lifecycle {
    # Fails the plan before anything changes if the file's format or location
    # takes no read-only links.
    precondition {
      condition     = contains(data.docspace_file.policy.link_access, "read")
      error_message = "The policy document takes no read-only links where it is."
    }
  }
}

# The address to hand over: `terraform output -raw auditors_link`. It is in
# the state (marked sensitive), which is what makes this output possible.
output "auditors_link" {
  value     = docspace_file_link.auditors.share_link
  sensitive = true
}

output "auditors_link_expires" {
  value = docspace_file_link.auditors.expiration_date
}
