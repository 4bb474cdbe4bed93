# A room's primary link is imported by the room id alone: the number in the
# room's address, https://portal.example.com/rooms/shared/4712.
terraform import docspace_room_primary_link.press 4712
