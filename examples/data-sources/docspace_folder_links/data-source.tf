# Every external link of folder 9002.
data "docspace_folder_links" "photos" {
  folder_id = "9002"
}

output "password_protected_links" {
  value = [for link in data.docspace_folder_links.photos.links : link.title if link.password_protected]
}
