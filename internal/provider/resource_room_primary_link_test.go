package provider

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

const primaryAddr = "docspace_room_primary_link.test"

func primaryConfig(roomID, attrs string) string {
	return fmt.Sprintf("resource \"docspace_room_primary_link\" \"test\" {\n  room_id = %q\n%s\n}\n", roomID, attrs)
}

// primaryOf reads a room's primary link from the portal.
func primaryOf(roomID string) (docspace.Link, bool, error) {
	links, err := docspace.NewSession(mustClient()).Links(context.Background(), docspace.RoomTarget(roomID), nil)
	if err != nil {
		return docspace.Link{}, false, err
	}
	i := slices.IndexFunc(links, func(l docspace.Link) bool { return l.Primary })
	if i < 0 {
		return docspace.Link{}, false, nil
	}
	return links[i], true, nil
}

// checkPrimary asserts on the room's primary link as the portal holds it,
// and that the state points at it.
func checkPrimary(roomID string, check func(docspace.Link) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		l, found, err := primaryOf(roomID)
		if err != nil || !found {
			return fmt.Errorf("room %s: primary link found %v, %v", roomID, found, err)
		}
		if rs, ok := s.RootModule().Resources[primaryAddr]; ok && rs.Primary.ID != l.ID {
			return fmt.Errorf("state id %s, the room's primary link is %s", rs.Primary.ID, l.ID)
		}
		return check(l)
	}
}

// TestAccPrimaryLink_publicRoom adopts a Public room's primary link without
// a write, manages its settings in place, rotates it to a new link that keeps
// them, and leaves it in place on destroy.
func TestAccPrimaryLink_publicRoom(t *testing.T) {
	room := createRoom(t, docspace.RoomTypePublic)
	original, _, err := primaryOf(room.ID)
	if err != nil {
		t.Fatal(err)
	}
	writes := func() int {
		if testEmulator == nil {
			return 0
		}
		return testEmulator.Requests("PUT", "/api/2.0/files/rooms/"+room.ID+"/links")
	}
	writesBefore := writes()
	sameLink := statecheck.CompareValue(compare.ValuesSame())
	rotated := statecheck.CompareValue(compare.ValuesDiffer())
	settings := `  access = "comment"
  title = "Press kit"
  password = "Press-2026"
  deny_download = true`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy: checkPrimary(room.ID, func(l docspace.Link) error {
			if l.Title != "Press kit" {
				return fmt.Errorf("destroy changed the link: %+v", redact(l))
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config: primaryConfig(room.ID, ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(primaryAddr, tfjsonpath.New("id"), knownvalue.StringExact(original.ID)),
					statecheck.ExpectKnownValue(primaryAddr, tfjsonpath.New("access"), knownvalue.StringExact("read")),
					statecheck.ExpectKnownValue(primaryAddr, tfjsonpath.New("title"), knownvalue.StringExact("Shared link")),
					statecheck.ExpectSensitiveValue(primaryAddr, tfjsonpath.New("share_link")),
					sameLink.AddStateValue(primaryAddr, tfjsonpath.New("id")),
				},
				Check: func(*terraform.State) error {
					if testEmulator != nil && writes() != writesBefore {
						return fmt.Errorf("adopting the link wrote to it %d times", writes()-writesBefore)
					}
					return nil
				},
			},
			{
				Config: primaryConfig(room.ID, settings),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(primaryAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{sameLink.AddStateValue(primaryAddr, tfjsonpath.New("id")), rotated.AddStateValue(primaryAddr, tfjsonpath.New("id"))},
				Check: checkPrimary(room.ID, func(l docspace.Link) error {
					if l.Access != docspace.AccessComment || l.Password != "Press-2026" || !l.DenyDownload {
						return fmt.Errorf("settings not applied: %+v", redact(l))
					}
					return nil
				}),
			},
			{
				Config: primaryConfig(room.ID, settings+"\n  rotation_triggers = { quarter = \"2026-Q4\" }"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(primaryAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(primaryAddr, tfjsonpath.New("id")),
					plancheck.ExpectUnknownValue(primaryAddr, tfjsonpath.New("share_link")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{rotated.AddStateValue(primaryAddr, tfjsonpath.New("id"))},
				Check: checkPrimary(room.ID, func(l docspace.Link) error {
					if l.ID == original.ID || l.Title != "Press kit" || l.Access != docspace.AccessComment || l.Password != "Press-2026" {
						return fmt.Errorf("the rotated link lost its settings: %+v", redact(l))
					}
					return nil
				}),
			},
			{
				Config:            primaryConfig(room.ID, settings+"\n  rotation_triggers = { quarter = \"2026-Q4\" }"),
				ResourceName:      primaryAddr,
				ImportState:       true,
				ImportStateId:     room.ID,
				ImportStateVerify: true,
				ImportStateVerifyIgnore: append([]string{
					"rotation_triggers", // Terraform-side only
					"password",          // an import records none (recordedPassword)
				}, importedWithoutShareSecrets...),
			},
		},
	})
}

// TestAccPrimaryLink_customRoom: asking for a Custom room's primary link
// creates it; it may expire; rotating deletes and asks again; revoking on
// destroy leaves the room without one.
func TestAccPrimaryLink_customRoom(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	rotated := statecheck.CompareValue(compare.ValuesDiffer())
	expiry := futureDate(240 * time.Hour)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy: func(*terraform.State) error {
			if _, found, err := primaryOf(room.ID); err != nil || found {
				return fmt.Errorf("after a revoking destroy: primary link found %v, %v", found, err)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: primaryConfig(room.ID, fmt.Sprintf("  access = \"editing\"\n  internal = true\n  expiration_date = %q\n  revoke_on_destroy = true", expiry)),
				ConfigStateChecks: []statecheck.StateCheck{
					rotated.AddStateValue(primaryAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(primaryAddr, tfjsonpath.New("expiration_date"), knownvalue.StringExact(expiry)),
				},
				Check: checkPrimary(room.ID, func(l docspace.Link) error {
					if l.Access != docspace.AccessEditing || !l.Internal || l.Expiration == nil {
						return fmt.Errorf("settings not applied: %+v", redact(l))
					}
					return nil
				}),
			},
			{
				Config:            primaryConfig(room.ID, fmt.Sprintf("  access = \"editing\"\n  internal = true\n  expiration_date = %q\n  revoke_on_destroy = true\n  rotation_triggers = { n = \"1\" }", expiry)),
				ConfigStateChecks: []statecheck.StateCheck{rotated.AddStateValue(primaryAddr, tfjsonpath.New("id"))},
				Check: checkPrimary(room.ID, func(l docspace.Link) error {
					if l.Access != docspace.AccessEditing || !l.Internal || l.Expiration == nil {
						return fmt.Errorf("the new link lost its settings: %+v", redact(l))
					}
					return nil
				}),
			},
		},
	})
}

// TestAccPrimaryLink_planTimeChecks: the room type's rules for primary links.
func TestAccPrimaryLink_planTimeChecks(t *testing.T) {
	cases := []struct {
		name  string
		room  docspace.RoomType
		attrs string
		want  string
	}{
		{"collaboration room", docspace.RoomTypeEditing, "", "Room Has No Primary Link"},
		{"virtual data room", docspace.RoomTypeVirtualData, "", "Room Has No Primary Link"},
		{"expiry in a public room", docspace.RoomTypePublic, fmt.Sprintf("  expiration_date = %q", futureDate(time.Hour)), "Primary Link Cannot Expire in This Room"},
		{"expiry in a form room", docspace.RoomTypeFillingForms, fmt.Sprintf("  expiration_date = %q", futureDate(time.Hour)), "Primary Link Cannot Expire in This Room"},
		{"editing in a form room", docspace.RoomTypeFillingForms, `  access = "editing"`, "its primary link allows access `fill_forms`, `read`"},
		{"internal in a public room", docspace.RoomTypePublic, "  internal = true", "Internal Links Not Allowed in Public Rooms"},
		{"content creator", docspace.RoomTypeCustom, `  access = "content_creator"`, "is not one of"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			room := createRoom(t, tc.room)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps: []resource.TestStep{{
					Config:      primaryConfig(room.ID, tc.attrs),
					PlanOnly:    true,
					ExpectError: expectError(tc.want),
				}},
			})
		})
	}
}

// TestAccPrimaryLink_formRoom adopts a Form filling room's primary link and
// leaves it on destroy.
func TestAccPrimaryLink_formRoom(t *testing.T) {
	srv, providerBlock := newEmulator(t)
	roomID := emulatorRoomID(t, srv, docspacetest.RoomFillingForms)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy: func(*terraform.State) error {
			if n := len(srv.Links(mustAtoi(t, roomID))); n != 1 {
				return fmt.Errorf("room holds %d links after destroy, want its primary link", n)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: providerBlock + primaryConfig(roomID, `  title = "Fill in"`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(primaryAddr, tfjsonpath.New("access"), knownvalue.StringExact("fill_forms")),
				statecheck.ExpectKnownValue(primaryAddr, tfjsonpath.New("title"), knownvalue.StringExact("Fill in")),
			},
		}},
	})
}
