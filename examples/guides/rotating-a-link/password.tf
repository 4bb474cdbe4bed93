# Terraform 1.11 and later: a password that never enters the plan or the
# state. Raise partners_password_version along with a new password to send it.
resource "docspace_room_link" "partners" {
  room_id             = "4711"
  title               = "Partners"
  access              = "comment"
  password_wo         = var.partners_password
  password_wo_version = var.partners_password_version
}

variable "partners_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "partners_password_version" {
  type    = number
  default = 1
}
