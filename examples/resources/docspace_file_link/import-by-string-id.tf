# Terraform 1.5 and later: adopt an existing link during plan and apply.
# The id is "<file_id>/<link_id>", as for terraform import.
import {
  to = docspace_file_link.auditors
  id = "9001/3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"
}
