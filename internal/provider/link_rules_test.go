package provider

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

func TestRenewalDue(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	at := func(d time.Duration) Timestamp { return newTimestampPointer(new(now.Add(d))) }
	s := types.StringValue
	for _, tc := range []struct {
		name               string
		renewBefore, expIn types.String
		expiry             Timestamp
		want               bool
	}{
		{"outside the window", s("48h"), s("240h"), at(49 * time.Hour), false},
		{"inside the window", s("48h"), s("240h"), at(47 * time.Hour), true},
		{"expired", s("48h"), s("240h"), at(-time.Hour), true},
		{"no renew_before", types.StringNull(), s("240h"), at(time.Hour), false},
		{"no expires_in", s("48h"), types.StringNull(), at(time.Hour), false},
		{"no expiry", s("48h"), s("240h"), newTimestampNull(), false},
		{"expiry unknown", s("48h"), s("240h"), newTimestampUnknown(), false},
		{"renew_before unknown", types.StringUnknown(), s("240h"), at(time.Hour), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := renewalDue(tc.renewBefore, tc.expIn, tc.expiry, now); got != tc.want {
				t.Errorf("renewalDue = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestValidateRenewBefore(t *testing.T) {
	s := types.StringValue
	for _, tc := range []struct {
		renewBefore, expiresIn types.String
		wantError              bool
	}{
		{s("48h"), s("240h"), false},
		{s("240h"), s("240h"), true},
		{s("300h"), s("240h"), true},
		{s("48h"), types.StringUnknown(), false},
		{types.StringNull(), s("240h"), false},
	} {
		if got := validateRenewBefore(tc.renewBefore, tc.expiresIn).HasError(); got != tc.wantError {
			t.Errorf("validateRenewBefore(%s, %s) error = %v, want %v", tc.renewBefore, tc.expiresIn, got, tc.wantError)
		}
	}
}

func TestShareSecrets(t *testing.T) {
	for _, tc := range []struct {
		store    types.Bool
		wantNull bool
	}{
		{types.BoolValue(true), false},
		{types.BoolNull(), false}, // a state from before the setting stored them
		{types.BoolValue(false), true},
	} {
		link, token := shareSecrets(tc.store, "https://portal/s/abc", "abc")
		if link.IsNull() != tc.wantNull || token.IsNull() != tc.wantNull {
			t.Errorf("store %s: share link %s, token %s", tc.store, link, token)
		}
		planLink, planToken := types.StringValue("https://portal/s/abc"), types.StringValue("abc")
		planShareSecrets(tc.store, &planLink, &planToken)
		if planLink.IsNull() != tc.wantNull || planToken.IsNull() != tc.wantNull {
			t.Errorf("store %s: planned share link %s, token %s", tc.store, planLink, planToken)
		}
	}
}

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

// importedWithoutShareSecrets are the attributes an import leaves for the
// first apply: it cannot see store_share_link, so it stores no share secret.
var importedWithoutShareSecrets = []string{"store_share_link", "share_link", "request_token"}

// stateHolds reports the first attribute of any resource in the state that
// contains one of the secrets, as "address.attribute".
func stateHolds(s *terraform.State, secrets ...string) string {
	for _, m := range s.Modules {
		for name, rs := range m.Resources {
			if rs.Primary == nil {
				continue
			}
			if k := attributesHold(rs.Primary.Attributes, secrets); k != "" {
				return name + "." + k
			}
		}
		for name, out := range m.Outputs {
			for _, secret := range secrets {
				if strings.Contains(fmt.Sprint(out.Value), secret) {
					return "output." + name
				}
			}
		}
	}
	return ""
}

func attributesHold(attrs map[string]string, secrets []string) string {
	for k, v := range attrs {
		for _, secret := range secrets {
			if secret != "" && strings.Contains(v, secret) {
				return k
			}
		}
	}
	return ""
}

// linkSecrets are a stored link's address and share key.
func linkSecrets(l docspacetest.Link) []string { return []string{l.ShareLink, l.RequestToken} }

// noShareSecretsIn checks that the state holds neither the share link nor
// the request token of any link of the room, as the emulator stores them.
func noShareSecretsIn(t *testing.T, srv *docspacetest.Server, roomID string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		links := srv.Links(mustAtoi(t, roomID))
		if len(links) == 0 {
			return fmt.Errorf("room %s has no links", roomID)
		}
		for _, l := range links {
			if where := stateHolds(s, linkSecrets(l)...); where != "" {
				return fmt.Errorf("the state holds a share secret of link %s under %s", l.ID, where)
			}
		}
		return nil
	}
}

// noPuts checks that no link was written since the last ResetRequests.
func noPuts(srv *docspacetest.Server) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := srv.Requests("PUT", "/api/2.0/files/rooms/{id}/links"); n != 0 {
			return fmt.Errorf("%d PUT requests for a change DocSpace has no part in", n)
		}
		return nil
	}
}

// TestAccRoomLink_storeShareLinkFalse: with store_share_link = false the
// state holds neither the address nor the share key after create, refresh,
// import and update; switching the setting reads or drops them without
// writing to DocSpace.
func TestAccRoomLink_storeShareLinkFalse(t *testing.T) {
	srv, providerBlock := newEmulator(t)
	roomID := emulatorRoomID(t, srv, docspacetest.RoomCustom)
	config := func(title string, store bool) string {
		return providerBlock + linkConfig(roomID, fmt.Sprintf("  access = \"read\"\n  title = %q\n  store_share_link = %t", title, store))
	}
	nullSecrets := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("share_link"), knownvalue.Null()),
		statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("request_token"), knownvalue.Null()),
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeftOn(emulatorClient(t, srv)),
		Steps: []resource.TestStep{
			{
				Config:            config("Quiet", false),
				ConfigStateChecks: nullSecrets,
				Check:             noShareSecretsIn(t, srv, roomID),
			},
			{
				RefreshState: true,
				Check:        noShareSecretsIn(t, srv, roomID),
			},
			{
				Config:            config("Quiet", false),
				ResourceName:      linkAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					return roomID + "/" + s.RootModule().Resources[linkAddr].Primary.ID, nil
				},
				ImportStateVerifyIgnore: importedWithoutShareSecrets,
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					for _, l := range srv.Links(mustAtoi(t, roomID)) {
						for _, is := range states {
							if k := attributesHold(is.Attributes, linkSecrets(l)); k != "" {
								return fmt.Errorf("the imported state holds a share secret under %s", k)
							}
						}
					}
					return nil
				},
			},
			{
				// An ordinary update writes the link, and still records neither.
				Config:            config("Still quiet", false),
				ConfigStateChecks: nullSecrets,
				Check:             noShareSecretsIn(t, srv, roomID),
			},
			{
				PreConfig: srv.ResetRequests,
				Config:    config("Still quiet", true),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(linkAddr, tfjsonpath.New("share_link")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("share_link"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("request_token"), knownvalue.NotNull()),
				},
				Check: noPuts(srv),
			},
			{
				PreConfig:         srv.ResetRequests,
				Config:            config("Still quiet", false),
				ConfigStateChecks: nullSecrets,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
				Check: resource.ComposeTestCheckFunc(noPuts(srv), noShareSecretsIn(t, srv, roomID)),
			},
		},
	})
}

// TestAccRoomLink_importThenStore: with the default setting, the plan of
// an import block is empty although the import records no share secret.
func TestAccRoomLink_importThenStore(t *testing.T) {
	srv, providerBlock := newEmulator(t)
	roomID := emulatorRoomID(t, srv, docspacetest.RoomCustom)
	config := providerBlock + linkConfig(roomID, "  access = \"read\"\n  title = \"Imported\"")
	linkID := ""
	importID := func(*terraform.State) (string, error) { return roomID + "/" + linkID, nil }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeftOn(emulatorClient(t, srv)),
		Steps: []resource.TestStep{
			{Config: config, Check: captureID(linkAddr, &linkID)},
			{
				Config:            config,
				ResourceName:      linkAddr,
				ImportState:       true,
				ImportStateKind:   resource.ImportBlockWithID,
				ImportStateIdFunc: importID,
			},
		},
	})
}

// TestAccPrimaryLink_storeShareLinkFalse: the primary link keeps its
// address out of the state too, on adoption, refresh and import; switching
// the setting writes nothing to DocSpace.
func TestAccPrimaryLink_storeShareLinkFalse(t *testing.T) {
	srv, providerBlock := newEmulator(t)
	roomID := emulatorRoomID(t, srv, docspacetest.RoomPublic)
	config := func(store bool) string {
		return providerBlock + primaryConfig(roomID, fmt.Sprintf("  store_share_link = %t", store))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config: config(false),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(primaryAddr, tfjsonpath.New("share_link"), knownvalue.Null()),
					statecheck.ExpectKnownValue(primaryAddr, tfjsonpath.New("request_token"), knownvalue.Null()),
				},
				Check: noShareSecretsIn(t, srv, roomID),
			},
			{RefreshState: true, Check: noShareSecretsIn(t, srv, roomID)},
			{
				Config:                  config(false),
				ResourceName:            primaryAddr,
				ImportState:             true,
				ImportStateId:           roomID,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: importedWithoutShareSecrets,
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					for _, l := range srv.Links(mustAtoi(t, roomID)) {
						for _, is := range states {
							if k := attributesHold(is.Attributes, linkSecrets(l)); k != "" {
								return fmt.Errorf("the imported state holds a share secret under %s", k)
							}
						}
					}
					return nil
				},
			},
			{
				PreConfig: srv.ResetRequests,
				Config:    config(true),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(primaryAddr, tfjsonpath.New("share_link"), knownvalue.NotNull()),
				},
				Check: noPuts(srv),
			},
			{
				PreConfig:        srv.ResetRequests,
				Config:           config(false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            resource.ComposeTestCheckFunc(noPuts(srv), noShareSecretsIn(t, srv, roomID)),
			},
		},
	})
}
