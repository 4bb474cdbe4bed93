# Raise auditors_link_generation (in a .tfvars file, or with -var) to give the
# auditors a new address. The old address stops working in the same apply.
variable "auditors_link_generation" {
  description = "Change this value to replace the auditors' link with a new one."
  type        = number
  default     = 1
}

resource "docspace_room_link" "auditors" {
  room_id         = "4711"
  title           = "Auditors"
  access          = "read"
  expiration_date = "2030-12-31T23:59:59Z"
  password        = var.auditors_password
  deny_download   = true

  # A change to any value here replaces the link: new id, new address.
  rotation_triggers = {
    generation = tostring(var.auditors_link_generation)
  }

  lifecycle {
    # Make the new link before deleting the old one, so that one address
    # always works. The room needs space for one more link meanwhile.
    create_before_destroy = true
  }
}

variable "auditors_password" {
  type      = string
  sensitive = true
}

output "auditors_link" {
  value     = docspace_room_link.auditors.share_link
  sensitive = true
}
