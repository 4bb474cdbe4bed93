# A link to a folder of press photos: anyone with the address may view and
# download them until the end of 2030.
data "docspace_folder" "photos" {
  parent_id = "4711" # the room (or folder) that holds the folder
  title     = "Press photos"
}

resource "docspace_folder_link" "press" {
  folder_id       = data.docspace_folder.photos.id
  title           = "Press"
  access          = "read"
  expiration_date = "2030-12-31T23:59:59Z"
}

output "press_link" {
  value     = docspace_folder_link.press.share_link
  sensitive = true
}
