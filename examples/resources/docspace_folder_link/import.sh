# The import ID is "<folder_id>/<link_id>".
#  - folder_id: the number in the folder's address, ...?folder=<folder_id>.
#  - link_id: the link's GUID, from the docspace_folder_links data source or from
#    GET /api/2.0/files/folder/<folder_id>/links (field sharedLink.id).
terraform import docspace_folder_link.press 9002/3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90
