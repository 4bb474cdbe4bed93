# The import ID is "<room_id>/<link_id>".
#  - room_id: the number at the end of the room's address, /rooms/shared/<room_id>.
#  - link_id: the link's GUID, from the docspace_room_links data source or from
#    GET /api/2.0/files/rooms/<room_id>/links (field sharedLink.id).
terraform import docspace_room_link.auditors 4711/3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90
