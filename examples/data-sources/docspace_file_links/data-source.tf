# Every external link of file 9001, its primary links included.
data "docspace_file_links" "policy" {
  file_id = "9001"
}

# Titles and ids of the links that have expired, for clean-up or import.
output "expired_links" {
  value = {
    for link in data.docspace_file_links.policy.links : link.id => link.title if link.is_expired
  }
}
