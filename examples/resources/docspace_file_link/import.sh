# The import ID is "<file_id>/<link_id>".
#  - file_id: the number in the file's address, ...?fileid=<file_id>.
#  - link_id: the link's GUID, from the docspace_file_links data source or from
#    GET /api/2.0/files/file/<file_id>/links (field sharedLink.id).
terraform import docspace_file_link.auditors 9001/3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90
