package provider

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/echoprovider"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// withEcho adds the echo provider, which records an ephemeral value in its
// state so that a test can look at it.
func withEcho() map[string]func() (tfprotov6.ProviderServer, error) {
	factories := map[string]func() (tfprotov6.ProviderServer, error){"echo": echoprovider.NewProviderServer()}
	for name, f := range testProviders {
		factories[name] = f
	}
	return factories
}

// echoed renders an ephemeral docspace_room_link with the given selection,
// passed to the echo provider. The echo resource keeps what it was created
// with, so each selection gets a resource of its own: echo.<selection's first word>.
func echoed(providerBlock, roomID, selection string) string {
	return providerBlock + fmt.Sprintf(`
ephemeral "docspace_room_link" "test" {
  room_id = %q
  %s
}

provider "echo" {
  data = ephemeral.docspace_room_link.test
}

resource "echo" %q {}
`, roomID, selection, strings.Fields(selection)[0])
}

// echoedLink checks the ephemeral resource's result against a stored link.
func echoedLink(address string, l docspacetest.Link, primary bool) []statecheck.StateCheck {
	data := func(attr string) tfjsonpath.Path { return tfjsonpath.New("data").AtMapKey(attr) }
	var password knownvalue.Check = knownvalue.Null()
	if l.Password != "" {
		password = knownvalue.StringExact(l.Password)
	}
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(address, data("id"), knownvalue.StringExact(l.ID)),
		statecheck.ExpectKnownValue(address, data("title"), knownvalue.StringExact(l.Title)),
		statecheck.ExpectKnownValue(address, data("share_link"), knownvalue.StringExact(l.ShareLink)),
		statecheck.ExpectKnownValue(address, data("request_token"), knownvalue.StringExact(l.RequestToken)),
		statecheck.ExpectKnownValue(address, data("password"), password),
		statecheck.ExpectKnownValue(address, data("primary"), knownvalue.Bool(primary)),
		statecheck.ExpectKnownValue(address, data("link_type"), knownvalue.StringExact("external")),
	}
}

// noPrimaryLinkRequests checks that nothing asked for a room's primary link,
// which creates one in a Custom room.
func noPrimaryLinkRequests(srv *docspacetest.Server) func() error {
	return func() error {
		if n := srv.Requests("GET", "/api/2.0/files/rooms/{id}/link"); n != 0 {
			return fmt.Errorf("%d GET requests for the primary link", n)
		}
		return nil
	}
}

// TestAccEphemeral_roomLinkLookup selects a link by id, by title and as
// the room's primary link, with every secret, and fails for a title two
// links share, an unknown id, and a Custom room without a primary link,
// which it never creates.
func TestAccEphemeral_roomLinkLookup(t *testing.T) {
	srv, providerBlock := newEmulator(t)
	custom := emulatorRoomID(t, srv, docspacetest.RoomCustom)
	public := emulatorRoomID(t, srv, docspacetest.RoomPublic)
	expires := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Second)
	for _, l := range []docspacetest.Link{
		{Title: "Guests", Access: 2, LinkType: 1, Password: "Guest-pass-1", Expiration: &expires},
		{Title: "Twin", Access: 2, LinkType: 1},
		{Title: "Twin", Access: 2, LinkType: 1},
	} {
		if err := srv.SetLink(mustAtoi(t, custom), l); err != nil {
			t.Fatal(err)
		}
	}
	guests := srv.Links(mustAtoi(t, custom))[0]
	var primary docspacetest.Link
	for _, l := range srv.Links(mustAtoi(t, public)) {
		if l.Primary {
			primary = l
		}
	}
	srv.ResetRequests()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: withEcho(),
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)},
		Steps: []resource.TestStep{
			{
				Config: echoed(providerBlock, custom, fmt.Sprintf("id = %q", guests.ID)),
				ConfigStateChecks: append(echoedLink("echo.id", guests, false),
					statecheck.ExpectKnownValue("echo.id", tfjsonpath.New("data").AtMapKey("expiration_date"), knownvalue.NotNull())),
			},
			{
				Config:            echoed(providerBlock, custom, `title = "Guests"`),
				ConfigStateChecks: echoedLink("echo.title", guests, false),
			},
			{
				Config:            echoed(providerBlock, public, `primary = true`),
				ConfigStateChecks: echoedLink("echo.primary", primary, true),
			},
			{
				Config:      echoed(providerBlock, custom, `title = "Twin"`),
				ExpectError: expectError(`Several Links Match`),
			},
			{
				Config:      echoed(providerBlock, custom, `id = "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"`),
				ExpectError: expectError(`Link Not Found`),
			},
			{
				Config:      echoed(providerBlock, custom, `primary = true`),
				ExpectError: expectError(`Room Has No Primary Link`),
			},
			{
				Config:      echoed(providerBlock, custom, "title = \"Guests\"\n  primary = true"),
				ExpectError: expectError(`Exactly one of these attributes must be configured`),
			},
			{
				// Nothing above asked for a primary link, nor made one.
				PreConfig: func() {
					if err := noPrimaryLinkRequests(srv)(); err != nil {
						t.Error(err)
					}
					for _, l := range srv.Links(mustAtoi(t, custom)) {
						if l.Primary {
							t.Errorf("the Custom room got a primary link %s", l.ID)
						}
					}
				},
				Config: echoed(providerBlock, custom, `title = "Guests"`),
			},
		},
	})
}

// TestAccEphemeral_passwordToWriteOnly passes one link's password, read by
// the ephemeral resource, to another link's password_wo; the state holds
// none of the secrets of any link in the room.
func TestAccEphemeral_passwordToWriteOnly(t *testing.T) {
	srv, providerBlock := newEmulator(t)
	roomID := emulatorRoomID(t, srv, docspacetest.RoomCustom)
	if err := srv.SetLink(mustAtoi(t, roomID), docspacetest.Link{Title: "Source", Access: 2, LinkType: 1, Password: "Source-pass-1"}); err != nil {
		t.Fatal(err)
	}
	config := providerBlock + fmt.Sprintf(`
ephemeral "docspace_room_link" "source" {
  room_id = %[1]q
  title   = "Source"
}

resource "docspace_room_link" "test" {
  room_id             = %[1]q
  access              = "read"
  title               = "Copy"
  password_wo         = ephemeral.docspace_room_link.source.password
  password_wo_version = 1
  store_share_link    = false
}
`, roomID)
	noSecrets := func(s *terraform.State) error {
		for _, l := range srv.Links(mustAtoi(t, roomID)) {
			if where := stateHolds(s, l.ShareLink, l.RequestToken, l.Password); where != "" {
				return fmt.Errorf("the state holds a secret of link %q under %s", l.Title, where)
			}
		}
		return nil
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		CheckDestroy:             checkNoLinksLeftOn(emulatorClient(t, srv)),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeTestCheckFunc(noSecrets, func(s *terraform.State) error {
					copied, ok := srv.Link(mustAtoi(t, roomID), s.RootModule().Resources[linkAddr].Primary.ID)
					if !ok || copied.Password != "Source-pass-1" {
						return fmt.Errorf("the new link did not get the source link's password (found %v)", ok)
					}
					return nil
				}),
			},
			{RefreshState: true, Check: noSecrets},
		},
	})
}
