# A read-only external link to room 4711 for outside auditors: it asks for a
# password, stops working after 2030 and does not let visitors download files.
resource "docspace_room_link" "auditors" {
  room_id         = "4711"
  title           = "Auditors"
  access          = "read"
  expiration_date = "2030-12-31T23:59:59Z"
  password        = var.auditor_password
  deny_download   = true
}

variable "auditor_password" {
  description = "8 to 30 printable ASCII characters, no spaces."
  type        = string
  sensitive   = true
}

# Hand the address out of band: it is sensitive, like the password.
output "auditors_link" {
  value     = docspace_room_link.auditors.share_link
  sensitive = true
}
