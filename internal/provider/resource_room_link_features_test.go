package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// TestAccRoomLink_writeOnlyPassword: the password reaches DocSpace but never
// the state; a new version sends a new one; other changes keep it.
func TestAccRoomLink_writeOnlyPassword(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	config := func(title, password string, version int) string {
		return linkConfig(room.ID, fmt.Sprintf("  access = \"read\"\n  title = %q\n  password_wo = %q\n  password_wo_version = %d", title, password, version))
	}
	hasPassword := func(want string) resource.TestCheckFunc {
		return resource.ComposeTestCheckFunc(
			checkRemote(linkAddr, func(l docspace.Link) error {
				if l.Password != want {
					return fmt.Errorf("the portal holds another password")
				}
				return nil
			}),
			func(s *terraform.State) error {
				for k, v := range s.RootModule().Resources[linkAddr].Primary.Attributes {
					if strings.Contains(v, want) {
						return fmt.Errorf("the password is in the state, under %s", k)
					}
				}
				return nil
			},
		)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{
				Config:      linkConfig(room.ID, "  access = \"read\"\n  password = \"Plain-secret-3\"\n  password_wo = \"Other-secret-4\"\n  password_wo_version = 3"),
				ExpectError: expectError(`Attribute "password_wo" cannot be specified when "password" is specified`),
			},
			{
				Config:      linkConfig(room.ID, "  access = \"read\"\n  password_wo = \"Other-secret-4\""),
				ExpectError: expectError(`Attribute "password_wo_version" must be specified when "password_wo" is specified`),
			},
			{
				Config: config("Write-only", "First-secret-1", 1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("password"), knownvalue.Null()),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("password_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("password_wo_version"), knownvalue.Int64Exact(1)),
				},
				Check: hasPassword("First-secret-1"),
			},
			{
				// A new password without a new version changes nothing.
				Config:           config("Write-only", "Second-secret-2", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            hasPassword("First-secret-1"),
			},
			{
				Config: config("Write-only", "Second-secret-2", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionUpdate),
				}},
				Check: hasPassword("Second-secret-2"),
			},
			{
				// Every update resends the password: DocSpace replaces all
				// options of a link (API.md §2).
				Config: config("Renamed", "Second-secret-2", 2),
				Check:  hasPassword("Second-secret-2"),
			},
		},
	})
}

// TestPasswordDrift: a difference is reported without either password.
func TestPasswordDrift(t *testing.T) {
	t.Parallel()
	if d := passwordDrift("Configured-1", "Configured-1", "l", "r"); len(d) != 0 {
		t.Errorf("same password: %v", d)
	}
	d := passwordDrift("Configured-1", "Changed-2", "l", "r")
	if len(d) != 1 || d[0].Summary() != "Password Differs From password_wo" {
		t.Fatalf("changed password: %v", d)
	}
	for _, secret := range []string{"Configured", "Changed"} {
		if strings.Contains(d[0].Detail(), secret) {
			t.Errorf("the warning holds a password: %s", d[0].Detail())
		}
	}
}

// TestAccRoomLink_rotationTriggers: a changed trigger replaces the link,
// creating the new one first when asked to.
func TestAccRoomLink_rotationTriggers(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	config := func(rotation string) string {
		return linkConfig(room.ID, fmt.Sprintf(`  access = "read"
  rotation_triggers = { rotated = %q }
  lifecycle {
    create_before_destroy = true
  }`, rotation))
	}
	newLink := statecheck.CompareValue(compare.ValuesDiffer())
	newAddress := statecheck.CompareValue(compare.ValuesDiffer())
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{
				Config: config("2026-01"),
				ConfigStateChecks: []statecheck.StateCheck{
					newLink.AddStateValue(linkAddr, tfjsonpath.New("id")),
					newAddress.AddStateValue(linkAddr, tfjsonpath.New("share_link")),
				},
			},
			{
				Config: config("2026-02"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionCreateBeforeDestroy),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					newLink.AddStateValue(linkAddr, tfjsonpath.New("id")),
					newAddress.AddStateValue(linkAddr, tfjsonpath.New("share_link")),
				},
				Check: func(*terraform.State) error {
					links, err := testClient(t).ListLinks(context.Background(), docspace.RoomTarget(room.ID), nil)
					if err != nil || len(links) != 1 {
						return fmt.Errorf("room holds %d links (%v), want only the new one", len(links), err)
					}
					return nil
				},
			},
		},
	})
}

// TestAccRoomLink_expiresIn pins the date when the link is created: later
// plans are empty, and a new duration pins a new date.
func TestAccRoomLink_expiresIn(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	within := func(d time.Duration) func(docspace.Link) error {
		return func(l docspace.Link) error {
			want := time.Now().Add(d)
			if l.Expiration == nil || l.Expiration.Sub(want).Abs() > 5*time.Minute {
				return fmt.Errorf("expiration %v, want about %s", l.Expiration, want.Format(time.RFC3339))
			}
			return nil
		}
	}
	samePinnedDate := statecheck.CompareValue(compare.ValuesSame())
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{
				Config:      linkConfig(room.ID, "  access = \"comment\"\n  expires_in = \"30d\""),
				ExpectError: expectError(`"30d" is not a positive duration`),
			},
			{
				Config:      linkConfig(room.ID, fmt.Sprintf("  access = \"comment\"\n  expires_in = \"48h\"\n  expiration_date = %q", futureDate(time.Hour))),
				ExpectError: expectError(`cannot be specified when`),
			},
			{
				Config: linkConfig(room.ID, "  access = \"read\"\n  expires_in = \"720h\""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectUnknownValue(linkAddr, tfjsonpath.New("expiration_date")),
					plancheck.ExpectKnownValue(linkAddr, tfjsonpath.New("is_expired"), knownvalue.Bool(false)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{samePinnedDate.AddStateValue(linkAddr, tfjsonpath.New("expiration_date"))},
				Check:             checkRemote(linkAddr, within(720*time.Hour)),
			},
			{
				Config:            linkConfig(room.ID, "  access = \"comment\"\n  expires_in = \"720h\""),
				ConfigStateChecks: []statecheck.StateCheck{samePinnedDate.AddStateValue(linkAddr, tfjsonpath.New("expiration_date"))},
				Check:             checkRemote(linkAddr, within(720*time.Hour)),
			},
			{
				Config: linkConfig(room.ID, "  access = \"comment\"\n  expires_in = \"48h\""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(linkAddr, tfjsonpath.New("expiration_date")),
				}},
				Check: checkRemote(linkAddr, within(48*time.Hour)),
			},
		},
	})
}

// TestAccRoomLink_onExpired moves the clocks past the expiry and checks each
// policy: error fails the plan, recreate replaces the link with a freshly
// pinned date, and changing only the policy costs no request.
func TestAccRoomLink_onExpired(t *testing.T) {
	var offset atomicDuration
	clock := func() time.Time { return time.Now().Add(offset.Load()) }
	srv, providerBlock := newEmulator(t, docspacetest.WithClock(clock))
	roomID := emulatorRoomID(t, srv, docspacetest.RoomCustom)
	config := func(policy, expiry string) string {
		return providerBlock + linkConfig(roomID, fmt.Sprintf("  access = \"read\"\n  on_expired = %q\n  %s", policy, expiry))
	}
	fixed := fmt.Sprintf("expiration_date = %q", futureDate(3*time.Hour))
	pinned := `expires_in = "1h"`
	replaced := statecheck.CompareValue(compare.ValuesDiffer())
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providersWithClock(clock),
		CheckDestroy:             checkNoLinksLeftOn(emulatorClient(t, srv)),
		Steps: []resource.TestStep{
			{
				Config:            config("keep", pinned),
				ConfigStateChecks: []statecheck.StateCheck{replaced.AddStateValue(linkAddr, tfjsonpath.New("id"))},
			},
			{
				// Only Terraform's own setting changes: no request.
				PreConfig: srv.ResetRequests,
				Config:    config("error", pinned),
				Check: func(*terraform.State) error {
					if n := srv.Requests("PUT", "/api/2.0/files/rooms/{id}/links"); n != 0 {
						return fmt.Errorf("%d PUT requests for a Terraform-only change", n)
					}
					return nil
				},
			},
			{
				PreConfig:   func() { offset.Store(2 * time.Hour) },
				Config:      config("error", pinned),
				ExpectError: expectError("Room Link Has Expired"),
			},
			{
				Config: config("recreate", pinned),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					replaced.AddStateValue(linkAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("is_expired"), knownvalue.Bool(false)),
				},
			},
			{
				Config: config("recreate", fixed),
			},
			{
				PreConfig:   func() { offset.Store(5 * time.Hour) },
				Config:      config("recreate", fixed),
				ExpectError: expectError("Cannot Recreate the Expired Link"),
			},
			{
				// keep: the expired link stays, and the plan is empty.
				Config:           config("keep", fixed),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("is_expired"), knownvalue.Bool(true)),
				},
			},
		},
	})
}
