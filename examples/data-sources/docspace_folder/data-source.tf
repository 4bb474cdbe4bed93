# A folder by its exact title in room 4711, and a file inside it.
data "docspace_folder" "photos" {
  parent_id = "4711"
  title     = "Press photos"
}

data "docspace_file" "readme" {
  parent_id = data.docspace_folder.photos.id
  title     = "Read me.docx"
}

output "photos" {
  value = {
    id          = data.docspace_folder.photos.id
    location    = data.docspace_folder.photos.location
    link_access = data.docspace_folder.photos.link_access
  }
}
