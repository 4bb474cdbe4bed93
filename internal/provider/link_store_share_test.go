package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

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
