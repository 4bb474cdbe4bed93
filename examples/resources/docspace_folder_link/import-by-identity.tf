# Terraform 1.12 and later: adopt an existing link by its identity,
# the folder id and the link id, as `terraform query` lists them.
import {
  to = docspace_folder_link.press
  identity = {
    folder_id = "9002"
    id        = "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"
  }
}
