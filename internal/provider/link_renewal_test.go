package provider

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// TestAccRoomLink_renewBefore moves the clocks of the portal and the
// provider: outside the window the plan is empty; inside it the link is
// updated in place to expire expires_in from the apply, keeping its id and
// address; an expired link is renewed in place too.
func TestAccRoomLink_renewBefore(t *testing.T) {
	var offset atomicDuration
	clock := func() time.Time { return time.Now().Add(offset.Load()) }
	srv, providerBlock := newEmulator(t, docspacetest.WithClock(clock))
	roomID := emulatorRoomID(t, srv, docspacetest.RoomCustom)
	config := func(lifetime string) string {
		return providerBlock + linkConfig(roomID, fmt.Sprintf("  access = \"read\"\n  %s", lifetime))
	}
	renewing := config("expires_in = \"240h\"\n  renew_before = \"48h\"")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	sameAddress := statecheck.CompareValue(compare.ValuesSame())
	kept := func() []statecheck.StateCheck {
		return []statecheck.StateCheck{
			sameID.AddStateValue(linkAddr, tfjsonpath.New("id")),
			sameAddress.AddStateValue(linkAddr, tfjsonpath.New("share_link")),
			statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("is_expired"), knownvalue.Bool(false)),
		}
	}
	// expiresAbout checks the portal's expiry: lifetime from the moved clock.
	expiresAbout := func(lifetime time.Duration) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			l, ok := srv.Link(mustAtoi(t, roomID), s.RootModule().Resources[linkAddr].Primary.ID)
			if !ok || l.Expiration == nil {
				return fmt.Errorf("the link has no expiry on the portal (found %v)", ok)
			}
			if d := l.Expiration.Sub(clock().Add(lifetime)); d < -time.Minute || d > time.Minute {
				return fmt.Errorf("the link expires at %s, %s away from %s after now", l.Expiration, d, lifetime)
			}
			return nil
		}
	}
	inPlace := resource.ConfigPlanChecks{
		PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionUpdate),
			plancheck.ExpectUnknownValue(linkAddr, tfjsonpath.New("expiration_date")),
		},
		PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providersWithClock(clock),
		CheckDestroy:             checkNoLinksLeftOn(emulatorClient(t, srv)),
		Steps: []resource.TestStep{
			{
				Config:      config("expires_in = \"48h\"\n  renew_before = \"48h\""),
				PlanOnly:    true,
				ExpectError: expectError(`renew_before Not Shorter Than expires_in`),
			},
			{
				Config:      config("renew_before = \"48h\""),
				PlanOnly:    true,
				ExpectError: expectError(`Attribute "expires_in" must be specified when "renew_before" is specified`),
			},
			{
				Config:            renewing,
				ConfigStateChecks: kept(),
				Check:             expiresAbout(240 * time.Hour),
			},
			{
				// 140 hours left: outside the window, nothing to do.
				PreConfig: func() { offset.Store(100 * time.Hour); srv.ResetRequests() },
				Config:    renewing,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
				Check: noPuts(srv),
			},
			{
				// 40 hours left: renewed in place.
				PreConfig:         func() { offset.Store(200 * time.Hour) },
				Config:            renewing,
				ConfigPlanChecks:  inPlace,
				ConfigStateChecks: kept(),
				Check:             expiresAbout(240 * time.Hour),
			},
			{
				// Expired 60 hours ago (no plan ran in the window): renewed
				// in place all the same.
				PreConfig:         func() { offset.Store(500 * time.Hour) },
				Config:            renewing,
				ConfigPlanChecks:  inPlace,
				ConfigStateChecks: kept(),
				Check:             expiresAbout(240 * time.Hour),
			},
		},
	})
}
