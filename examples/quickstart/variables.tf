variable "project_room_id" {
  description = "Id of a Custom room whose links the token's user may manage (the number in /rooms/shared/<id>)."
  type        = string
}

variable "press_room_id" {
  description = "Id of a Public room for the press links; leave unset to skip them."
  type        = string
  default     = null
}

variable "auditors_password" {
  description = "Password of the auditors' link: 8 to 30 printable ASCII characters, no spaces."
  type        = string
  sensitive   = true
}

variable "auditors_expire_at" {
  description = "When the auditors' link stops working (RFC 3339, at most 10 years ahead)."
  type        = string
  default     = "2030-12-31T23:59:59Z"
}
