package provider

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// TestAccRoomLink_planTimeChecks: every mistake a user can make is refused
// at plan time with a message that names the attribute and the fix, and
// nothing reaches the portal's links.
func TestAccRoomLink_planTimeChecks(t *testing.T) {
	rooms := map[docspace.RoomType]docspace.Room{}
	for _, kind := range []docspace.RoomType{docspace.RoomTypeCustom, docspace.RoomTypePublic, docspace.RoomTypeFillingForms,
		docspace.RoomTypeEditing, docspace.RoomTypeVirtualData, docspace.RoomTypeAI} {
		rooms[kind] = createRoom(t, kind)
	}
	writesBefore := map[docspace.RoomType]int{}
	if testEmulator != nil {
		for kind, room := range rooms {
			writesBefore[kind] = testEmulator.Requests("PUT", "/api/2.0/files/rooms/"+room.ID+"/links")
		}
	}
	custom := docspace.RoomTypeCustom

	cases := []struct {
		name  string
		room  docspace.RoomType
		attrs string
		want  string
	}{
		{"password on invitation", custom, "link_type = \"invitation\"\naccess = \"read\"\npassword = \"Secret-2026\"", `password applies to external links only`},
		{"deny_download on invitation", custom, "link_type = \"invitation\"\naccess = \"read\"\ndeny_download = true", `deny_download applies to external links only`},
		{"internal on invitation", custom, "link_type = \"invitation\"\naccess = \"read\"\ninternal = false", `internal applies to external links only`},
		{"max_use_count on external", custom, "access = \"read\"\nmax_use_count = 3", `max_use_count applies to invitation links only`},
		{"content_creator on external", custom, "access = \"content_creator\"", `Access Not Allowed for External Links`},
		{"unknown access", custom, "access = \"owner\"", `access "owner" is not one of`},
		{"unknown link type", custom, "link_type = \"primary\"\naccess = \"read\"", `value must be one of`},
		{"fill_forms invitation in custom room", custom, "link_type = \"invitation\"\naccess = \"fill_forms\"",
			"its invitation links allow access `content_creator`, `editing`, `review`, `comment`, `read`, not \"fill_forms\""},
		{"editing invitation in public room", docspace.RoomTypePublic, "link_type = \"invitation\"\naccess = \"editing\"",
			"its invitation links allow access `content_creator`, `read`"},
		{"review external in form room", docspace.RoomTypeFillingForms, "access = \"read\"", `Room Takes No Additional External Links`},
		{"external in collaboration room", docspace.RoomTypeEditing, "access = \"read\"", `Room Takes No External Links`},
		{"external in virtual data room", docspace.RoomTypeVirtualData, "access = \"read\"", `Room Takes No External Links`},
		{"external in AI room", docspace.RoomTypeAI, "access = \"read\"", `Room Takes No External Links`},
		{"internal in public room", docspace.RoomTypePublic, "access = \"read\"\ninternal = true", `Internal Links Not Allowed in Public Rooms`},
		{"expiry in the past", custom, fmt.Sprintf("access = \"read\"\nexpiration_date = %q", time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)), `Expiration Date in the Past`},
		{"invitation expiry in the past", custom, fmt.Sprintf("link_type = \"invitation\"\naccess = \"read\"\nexpiration_date = %q", time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)), `Expiration Date in the Past`},
		{"expiry beyond ten years", custom, fmt.Sprintf("access = \"read\"\nexpiration_date = %q", time.Now().AddDate(10, 0, 2).UTC().Format(time.RFC3339)), `Expiration Date Too Far Ahead`},
		{"expiry without offset", custom, "access = \"read\"\nexpiration_date = \"2030-01-01T00:00:00\"", `is not an RFC 3339 date-time with a time zone offset`},
		{"expiry as a bare date", custom, "access = \"read\"\nexpiration_date = \"2030-01-01\"", `Invalid Date-Time`},
		{"password too short", custom, "access = \"read\"\npassword = \"short1\"", `is shorter than 8 characters`},
		{"password too long", custom, "access = \"read\"\npassword = \"" + strings.Repeat("x", 31) + "\"", `is longer than 30 characters`},
		{"password with a space", custom, "access = \"read\"\npassword = \"has space 2026\"", `password contains a space`},
		{"password not ASCII", custom, "access = \"read\"\npassword = \"pässwörd2026\"", `contains a character that is not printable ASCII`},
		{"title too long", custom, "access = \"read\"\ntitle = \"" + strings.Repeat("t", 256) + "\"", `DocSpace allows 1 to 255`},
		{"title empty", custom, "access = \"read\"\ntitle = \"\"", `DocSpace allows 1 to 255`},
		{"title with a line break", custom, "access = \"read\"\ntitle = \"two\\nlines\"", `contains a control character`},
		{"use count zero", custom, "link_type = \"invitation\"\naccess = \"read\"\nmax_use_count = 0", `value must be between 1 and 1000`},
		{"use count too high", custom, "link_type = \"invitation\"\naccess = \"read\"\nmax_use_count = 1001", `value must be between 1 and 1000`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps: []resource.TestStep{{
					Config:      linkConfig(rooms[tc.room].ID, tc.attrs),
					PlanOnly:    true,
					ExpectError: expectError(tc.want),
				}},
			})
		})
	}
	t.Run("room ids", func(t *testing.T) {
		for _, tc := range []struct{ roomID, want string }{
			{"999999999", "Room Not Found"},
			{"1/../../people", "Invalid Room ID"},
			{"..", "Invalid Room ID"},
			{"4711?x=1", "Invalid Room ID"},
			{"", "Invalid Room ID"},
		} {
			t.Run(tc.roomID, func(t *testing.T) {
				resource.ParallelTest(t, resource.TestCase{
					ProtoV6ProviderFactories: testProviders,
					Steps: []resource.TestStep{{
						Config:      linkConfig(tc.roomID, `access = "read"`),
						PlanOnly:    true,
						ExpectError: expectError(tc.want),
					}},
				})
			})
		}
	})
	t.Cleanup(func() {
		if testEmulator == nil {
			return
		}
		for kind, room := range rooms {
			if n := testEmulator.Requests("PUT", "/api/2.0/files/rooms/"+room.ID+"/links") - writesBefore[kind]; n != 0 {
				t.Errorf("%s %s received %d writes from refused plans", kind, room.ID, n)
			}
		}
	})
}
