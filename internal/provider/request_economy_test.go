package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// economyConfig has perRoom external links in each room, and a data source
// reading the first room.
func economyConfig(providerBlock string, rooms []string, perRoom int, access string) string {
	var b strings.Builder
	b.WriteString(providerBlock)
	for r, room := range rooms {
		for i := range perRoom {
			fmt.Fprintf(&b, "resource \"docspace_room_link\" \"r%d_%d\" {\n  room_id = %q\n  access = %q\n  title = \"link %d\"\n}\n", r, i, room, access, i)
		}
	}
	fmt.Fprintf(&b, "data \"docspace_room_links\" \"first\" {\n  room_id = %q\n  depends_on = [docspace_room_link.r0_0]\n}\n", rooms[0])
	return b.String()
}

// TestAccRequestEconomy counts requests on the emulator: one PUT per
// create, update and delete; a plan that refreshes 10 links and a data
// source over 2 rooms lists each room once and looks no room up; plan checks
// look each room up once per run.
func TestAccRequestEconomy(t *testing.T) {
	srv, providerBlock := newEmulator(t)
	rooms := []string{emulatorRoomID(t, srv, docspacetest.RoomCustom), emulatorRoomID(t, srv, docspacetest.RoomPublic)}
	const perRoom = 5
	links := len(rooms) * perRoom
	count := func(method, path string) int { return srv.Requests(method, path) }
	expect := func(what string, got, want int) error {
		if got != want {
			return fmt.Errorf("%s: %d requests, want %d", what, got, want)
		}
		return nil
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy: func(*terraform.State) error {
			return expect("PUT after destroy", count("PUT", "/api/2.0/files/rooms/{id}/links"), links)
		},
		Steps: []resource.TestStep{
			{
				PreConfig: srv.ResetRequests,
				Config:    economyConfig(providerBlock, rooms, perRoom, "read"),
				Check: func(*terraform.State) error {
					// Room lookups: at most one per room in each of the
					// plan and apply runs.
					for _, room := range rooms {
						if n := count("GET", "/api/2.0/files/rooms/"+room); n > 2 {
							return fmt.Errorf("room %s looked up %d times", room, n)
						}
					}
					return expect("PUT on create", count("PUT", "/api/2.0/files/rooms/{id}/links"), links)
				},
			},
			{
				PreConfig: srv.ResetRequests,
				Config:    economyConfig(providerBlock, rooms, perRoom, "read"),
				PlanOnly:  true,
			},
			{
				PreConfig: func() {
					// The plan-only step ran two plans: one without refresh,
					// which reads only the data source, and one that
					// refreshes every link and reads the data source again,
					// sharing one listing per room. No room lookup, no write.
					for i, room := range rooms {
						want := 1
						if i == 0 {
							want = 2 // the data source's room
						}
						if err := expect("GET links of room "+room, count("GET", "/api/2.0/files/rooms/"+room+"/links"), want); err != nil {
							t.Error(err)
						}
						if err := expect("GET room "+room, count("GET", "/api/2.0/files/rooms/"+room), 0); err != nil {
							t.Error(err)
						}
					}
					if err := expect("PUT in a plan", count("PUT", "/api/2.0/files/rooms/{id}/links"), 0); err != nil {
						t.Error(err)
					}
					srv.ResetRequests()
				},
				Config: economyConfig(providerBlock, rooms, perRoom, "comment"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_room_link.r0_0", plancheck.ResourceActionUpdate),
				}},
				Check: func(*terraform.State) error {
					err := expect("PUT on update", count("PUT", "/api/2.0/files/rooms/{id}/links"), links)
					srv.ResetRequests()
					return err
				},
			},
		},
	})
}
