package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
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

const linkAddr = "docspace_room_link.test"

var guidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// linkConfig renders one docspace_room_link named "test" with the given
// attribute lines.
func linkConfig(roomID string, attrs string) string {
	return fmt.Sprintf(`
resource "docspace_room_link" "test" {
  room_id = %q
%s
}
`, roomID, attrs)
}

// TestAccRoomLink_createEveryKindInEveryRoomType creates each link type in
// each room type that allows it (API.md §4.5) and checks the portal holds it.
func TestAccRoomLink_createEveryKindInEveryRoomType(t *testing.T) {
	cases := []struct {
		room   docspace.RoomType
		kind   docspace.LinkType
		access docspace.Access
	}{
		{docspace.RoomTypeCustom, docspace.LinkTypeExternal, docspace.AccessRead},
		{docspace.RoomTypeCustom, docspace.LinkTypeInvitation, docspace.AccessContentCreator},
		{docspace.RoomTypePublic, docspace.LinkTypeExternal, docspace.AccessEditing},
		{docspace.RoomTypePublic, docspace.LinkTypeInvitation, docspace.AccessRead},
		{docspace.RoomTypeFillingForms, docspace.LinkTypeInvitation, docspace.AccessFillForms},
		{docspace.RoomTypeEditing, docspace.LinkTypeInvitation, docspace.AccessEditing},
		{docspace.RoomTypeVirtualData, docspace.LinkTypeInvitation, docspace.AccessFillForms},
		{docspace.RoomTypeAI, docspace.LinkTypeInvitation, docspace.AccessRead},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%s/%s/%s", tc.room, tc.kind.Name(), tc.access.Name()), func(t *testing.T) {
			room := createRoom(t, tc.room)
			var requestToken knownvalue.Check = knownvalue.NotNull()
			if tc.kind == docspace.LinkTypeInvitation {
				requestToken = knownvalue.Null()
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				CheckDestroy:             checkNoLinksLeft,
				Steps: []resource.TestStep{{
					Config: linkConfig(room.ID, fmt.Sprintf("  link_type = %q\n  access = %q", tc.kind.Name(), tc.access.Name())),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectKnownValue(linkAddr, tfjsonpath.New("primary"), knownvalue.Bool(false)),
						plancheck.ExpectUnknownValue(linkAddr, tfjsonpath.New("id")),
					}},
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(guidPattern)),
						statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("access"), knownvalue.StringExact(tc.access.Name())),
						statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("link_type"), knownvalue.StringExact(tc.kind.Name())),
						statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("share_link"), knownvalue.StringRegexp(regexp.MustCompile(`^https://`))),
						statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("request_token"), requestToken),
						statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("title"), knownvalue.NotNull()),
						statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("primary"), knownvalue.Bool(false)),
						statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("is_expired"), knownvalue.Bool(false)),
						statecheck.ExpectSensitiveValue(linkAddr, tfjsonpath.New("share_link")),
					},
					Check: checkRemote(linkAddr, func(l docspace.Link) error {
						if l.Access != tc.access || l.LinkType != tc.kind || l.Primary {
							return fmt.Errorf("got access %s, type %s, primary %v", l.Access.Name(), l.LinkType.Name(), l.Primary)
						}
						return nil
					}),
				}},
			})
		})
	}
}

// TestAccRoomLink_updateExternalInPlace changes every updatable attribute of
// an external link: the id and the share link stay, the portal follows, and
// a date written in UTC against a +03:00 portal never shows as a change.
func TestAccRoomLink_updateExternalInPlace(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	sameShareLink := statecheck.CompareValue(compare.ValuesSame())
	firstExpiry := futureDate(30 * 24 * time.Hour)
	// The second date is spelled with an offset other than the portal's.
	secondExpiry := time.Now().Add(60 * 24 * time.Hour).Truncate(time.Second).In(time.FixedZone("", 5*3600)).Format(time.RFC3339)
	secondInstant, _ := time.Parse(time.RFC3339, secondExpiry)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{
				Config: linkConfig(room.ID, fmt.Sprintf(`
  access          = "read"
  title           = "Auditors"
  expiration_date = %q
  password        = "Audit2026pass"
  deny_download   = true`, firstExpiry)),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(linkAddr, tfjsonpath.New("id")),
					sameShareLink.AddStateValue(linkAddr, tfjsonpath.New("share_link")),
					// The user's spelling stays, though the portal answers in +03:00.
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("expiration_date"), knownvalue.StringExact(firstExpiry)),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("internal"), knownvalue.Bool(false)),
					statecheck.ExpectSensitiveValue(linkAddr, tfjsonpath.New("password")),
				},
				Check: checkRemote(linkAddr, func(l docspace.Link) error {
					want, _ := time.Parse(time.RFC3339, firstExpiry)
					if l.Expiration == nil || !l.Expiration.Equal(want) || l.Password != "Audit2026pass" || !l.DenyDownload || l.Title != "Auditors" {
						return fmt.Errorf("unexpected link %+v", redact(l))
					}
					return nil
				}),
			},
			{
				Config: linkConfig(room.ID, fmt.Sprintf(`
  access          = "editing"
  title           = "Editors"
  expiration_date = %q
  password        = "Changed-2026"
  deny_download   = false
  internal        = true`, secondExpiry)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(linkAddr, tfjsonpath.New("is_expired"), knownvalue.Bool(false)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(linkAddr, tfjsonpath.New("id")),
					sameShareLink.AddStateValue(linkAddr, tfjsonpath.New("share_link")),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("expiration_date"), knownvalue.StringExact(secondExpiry)),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("access"), knownvalue.StringExact("editing")),
				},
				Check: checkRemote(linkAddr, func(l docspace.Link) error {
					if l.Access != docspace.AccessEditing || l.Title != "Editors" || l.Password != "Changed-2026" ||
						l.DenyDownload || !l.Internal || l.Expiration == nil || !l.Expiration.Equal(secondInstant) {
						return fmt.Errorf("unexpected link %+v", redact(l))
					}
					return nil
				}),
			},
			{
				// Dropping the password and the expiry removes them; the
				// title, no longer configured, is kept.
				Config: linkConfig(room.ID, `  access = "editing"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(linkAddr, tfjsonpath.New("expiration_date"), knownvalue.Null()),
					plancheck.ExpectKnownValue(linkAddr, tfjsonpath.New("title"), knownvalue.StringExact("Editors")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(linkAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("password"), knownvalue.Null()),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("internal"), knownvalue.Bool(false)),
				},
				Check: checkRemote(linkAddr, func(l docspace.Link) error {
					if l.Password != "" || l.Expiration != nil || l.Internal || l.Title != "Editors" {
						return fmt.Errorf("unexpected link %+v", redact(l))
					}
					return nil
				}),
			},
		},
	})
}

// TestAccRoomLink_updateInvitationInPlace changes an invitation link's role,
// use limit, expiry and title.
func TestAccRoomLink_updateInvitationInPlace(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	expiry := futureDate(7 * 24 * time.Hour)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{
				Config: linkConfig(room.ID, `
  link_type     = "invitation"
  access        = "content_creator"
  max_use_count = 10`),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(linkAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("current_use_count"), knownvalue.Int64Exact(0)),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("expiration_date"), knownvalue.Null()),
				},
			},
			{
				Config: linkConfig(room.ID, fmt.Sprintf(`
  link_type       = "invitation"
  access          = "editing"
  title           = "Join as editor"
  max_use_count   = 25
  expiration_date = %q`, expiry)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(linkAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("max_use_count"), knownvalue.Int64Exact(25)),
				},
				Check: checkRemote(linkAddr, func(l docspace.Link) error {
					if l.Access != docspace.AccessEditing || l.MaxUseCount == nil || *l.MaxUseCount != 25 || l.Expiration == nil || l.Title != "Join as editor" {
						return fmt.Errorf("unexpected link %+v", redact(l))
					}
					return nil
				}),
			},
			{
				// Without max_use_count and expiration_date the link is
				// unlimited and never expires.
				Config: linkConfig(room.ID, `
  link_type = "invitation"
  access    = "read"`),
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(linkAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("max_use_count"), knownvalue.Null()),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("expiration_date"), knownvalue.Null()),
				},
			},
		},
	})
}

// TestAccRoomLink_replaceOnRoomOrTypeChange: a link cannot move rooms or
// change kind, so both replace it.
func TestAccRoomLink_replaceOnRoomOrTypeChange(t *testing.T) {
	first := createRoom(t, docspace.RoomTypeCustom)
	second := createRoom(t, docspace.RoomTypePublic)
	differentID := statecheck.CompareValue(compare.ValuesDiffer())
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{
				Config:            linkConfig(first.ID, `  access = "read"`),
				ConfigStateChecks: []statecheck.StateCheck{differentID.AddStateValue(linkAddr, tfjsonpath.New("id"))},
			},
			{
				Config: linkConfig(second.ID, `  access = "read"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{differentID.AddStateValue(linkAddr, tfjsonpath.New("id"))},
				Check: func(s *terraform.State) error {
					links, err := testClient(t).ListLinks(context.Background(), docspace.RoomTarget(first.ID), nil)
					if err != nil {
						return err
					}
					if len(links) != 0 {
						return fmt.Errorf("room %s still has %d links", first.ID, len(links))
					}
					return nil
				},
			},
			{
				Config: linkConfig(second.ID, `
  link_type = "invitation"
  access    = "read"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{differentID.AddStateValue(linkAddr, tfjsonpath.New("id"))},
			},
		},
	})
}

// TestAccRoomLink_import imports by ID on the command line and with an
// import block; both must reproduce the state exactly, but for the password,
// which an import never records.
func TestAccRoomLink_import(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	config := linkConfig(room.ID, fmt.Sprintf(`
  access          = "comment"
  title           = "Reviewers"
  password        = "Review-2026"
  expiration_date = %q
  deny_download   = true`, futureDate(90*24*time.Hour)))
	importID := func(s *terraform.State) (string, error) {
		rs := s.RootModule().Resources[linkAddr]
		return rs.Primary.Attributes["room_id"] + "/" + rs.Primary.ID, nil
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{Config: config},
			{
				Config:            config,
				ResourceName:      linkAddr,
				ImportState:       true,
				ImportStateIdFunc: importID,
				ImportStateVerify: true,
				// The portal answers in its own zone; the configured spelling
				// cannot be known to an import. Nor can whether the password
				// is write-only: an import records none (recordedPassword).
				ImportStateVerifyIgnore: append([]string{"expiration_date", "password"}, importedWithoutShareSecrets...),
			},
			{
				// The one change is the password, sent again: an import
				// cannot tell a plain password from a write-only one, so it
				// records none.
				Config:             config,
				ResourceName:       linkAddr,
				ImportState:        true,
				ImportStateKind:    resource.ImportBlockWithID,
				ImportStateIdFunc:  importID,
				ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectSensitiveValue(linkAddr, tfjsonpath.New("password")),
				}},
			},
		},
	})
}

// TestAccRoomLink_importInvitation imports an invitation link, whose
// attributes all match exactly.
func TestAccRoomLink_importInvitation(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeEditing)
	config := linkConfig(room.ID, `
  link_type     = "invitation"
  access        = "editing"
  max_use_count = 3`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{Config: config},
			{
				Config:            config,
				ResourceName:      linkAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					return room.ID + "/" + s.RootModule().Resources[linkAddr].Primary.ID, nil
				},
				ImportStateVerifyIgnore: importedWithoutShareSecrets,
			},
		},
	})
}

// TestAccRoomLink_importRefused: malformed IDs fail before any request, and
// a room's primary link is refused with the reason.
func TestAccRoomLink_importRefused(t *testing.T) {
	room := createRoom(t, docspace.RoomTypePublic)
	links, err := testClient(t).ListLinks(context.Background(), docspace.RoomTarget(room.ID), nil)
	if err != nil {
		t.Fatal(err)
	}
	var primaryID string
	for _, l := range links {
		if l.Primary {
			primaryID = l.ID
		}
	}
	if primaryID == "" {
		t.Fatalf("public room %s has no primary link", room.ID)
	}
	listed := 0
	if testEmulator != nil {
		listed = testEmulator.Requests("GET", "/api/2.0/files/rooms/"+room.ID+"/links")
	}
	config := linkConfig(room.ID, `  access = "read"`)
	steps := []resource.TestStep{{
		Config:        config,
		ResourceName:  linkAddr,
		ImportState:   true,
		ImportStateId: room.ID + "/" + primaryID,
		ExpectError:   regexp.MustCompile(`Primary Links Are Imported With docspace_room_primary_link[\s\S]*terraform import docspace_room_primary_link.<name>`),
	}}
	for _, id := range []string{room.ID, room.ID + "/", "/" + primaryID, room.ID + "/not-a-guid", "1/../../people/" + primaryID, room.ID + "/" + primaryID + "/x"} {
		steps = append(steps, resource.TestStep{
			Config:        config,
			ResourceName:  linkAddr,
			ImportState:   true,
			ImportStateId: id,
			ExpectError:   regexp.MustCompile(`Invalid Import ID[\s\S]*<room_id>/<link_id>`),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps:                    steps,
	})
	if srv := testEmulator; srv != nil {
		// Only the primary-link import reached the portal.
		if n := srv.Requests("GET", "/api/2.0/files/rooms/"+room.ID+"/links") - listed; n != 1 {
			t.Errorf("GET links of room %s: %d requests, want 1", room.ID, n)
		}
	}
}

// TestAccRoomLink_deletedOutsideTerraform: a link removed behind
// Terraform's back is planned for creation again.
func TestAccRoomLink_deletedOutsideTerraform(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	config := linkConfig(room.ID, `  access = "read"`)
	var linkID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{Config: config, Check: captureID(linkAddr, &linkID)},
			{
				PreConfig: func() {
					if _, err := testClient(t).DeleteLink(context.Background(), docspace.RoomTarget(room.ID), docspace.Link{ID: linkID, LinkType: docspace.LinkTypeExternal}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionCreate),
				}},
				Check: func(s *terraform.State) error {
					if s.RootModule().Resources[linkAddr].Primary.ID == linkID {
						return fmt.Errorf("the link kept its old id %s", linkID)
					}
					return nil
				},
			},
		},
	})
}

// TestAccRoomLink_changedOutsideTerraform: access and password changed on the
// portal are detected (the password comes back in plain text) and set back.
func TestAccRoomLink_changedOutsideTerraform(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	config := linkConfig(room.ID, `
  access   = "read"
  title    = "Stable"
  password = "Original-2026"`)
	var linkID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{Config: config, Check: captureID(linkAddr, &linkID)},
			{
				PreConfig: func() {
					_, err := testClient(t).SetLink(context.Background(), docspace.RoomTarget(room.ID), docspace.LinkRequest{
						LinkID: linkID, LinkType: docspace.LinkTypeExternal, Access: docspace.AccessEditing,
						Title: "Stable", Password: "Tampered-2026",
					})
					if err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(linkAddr, tfjsonpath.New("access"), knownvalue.StringExact("read")),
				}},
				Check: checkRemote(linkAddr, func(l docspace.Link) error {
					if l.ID != linkID || l.Access != docspace.AccessRead || l.Password != "Original-2026" {
						return fmt.Errorf("not set back: %+v", redact(l))
					}
					return nil
				}),
			},
		},
	})
}

// TestAccRoomLink_expired moves the clocks of the portal and the provider
// past a link's expiry: the next plan is empty and shows is_expired; a change
// that would resend the past date is refused at plan time; a new date works.
func TestAccRoomLink_expired(t *testing.T) {
	var offset atomicDuration
	clock := func() time.Time { return time.Now().Add(offset.Load()) }
	srv, providerBlock := newEmulator(t, docspacetest.WithClock(clock))
	roomID := emulatorRoomID(t, srv, docspacetest.RoomCustom)
	expiry := futureDate(24 * time.Hour)
	later := time.Now().Add(30 * 24 * time.Hour).UTC().Truncate(time.Second).Format(time.RFC3339)
	config := func(title, date string) string {
		return providerBlock + linkConfig(roomID, fmt.Sprintf("  access = \"read\"\n  title = %q\n  expiration_date = %q", title, date))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providersWithClock(clock),
		Steps: []resource.TestStep{
			{
				Config:            config("Soon gone", expiry),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("is_expired"), knownvalue.Bool(false))},
			},
			{
				PreConfig: func() { offset.Store(48 * time.Hour) },
				Config:    config("Soon gone", expiry),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("is_expired"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("expiration_date"), knownvalue.StringExact(expiry)),
				},
			},
			{
				Config:      config("Renamed", expiry),
				ExpectError: expectError("Link Has Expired"),
			},
			{
				Config: config("Renamed", later),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(linkAddr, tfjsonpath.New("is_expired"), knownvalue.Bool(false)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("is_expired"), knownvalue.Bool(false)),
				},
			},
		},
	})
}

// TestAccRoomLink_docSpace36 runs against the v3.6 emulation, where
// invitation links expire 7 days after every change and know no use limit.
func TestAccRoomLink_docSpace36(t *testing.T) {
	srv, providerBlock := newEmulator(t, docspacetest.WithVersion(docspacetest.V36))
	roomID := emulatorRoomID(t, srv, docspacetest.RoomCustom)
	invitation := func(attrs string) string {
		return providerBlock + linkConfig(roomID, "  link_type = \"invitation\"\n"+attrs)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeftOn(emulatorClient(t, srv)),
		Steps: []resource.TestStep{
			{
				Config: invitation(`  access = "content_creator"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectUnknownValue(linkAddr, tfjsonpath.New("expiration_date")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("expiration_date"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("current_use_count"), knownvalue.Null()),
				},
			},
			{
				Config: invitation(`  access = "editing"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(linkAddr, tfjsonpath.New("expiration_date")),
				}},
			},
			{
				Config:      invitation("  access = \"editing\"\n  max_use_count = 5"),
				ExpectError: expectError("max_use_count Needs DocSpace 3.7"),
			},
			{
				Config:      invitation(fmt.Sprintf("  access = \"editing\"\n  expiration_date = %q", futureDate(72*time.Hour))),
				ExpectError: expectError("Invitation Expiry Needs DocSpace 3.7"),
			},
		},
	})

}

// TestAccRoomLink_docSpace36CreateRolledBack: a use limit on a v3.6 portal
// cannot be caught before the first write, so the link is taken back and the
// error says why.
func TestAccRoomLink_docSpace36CreateRolledBack(t *testing.T) {
	srv, providerBlock := newEmulator(t, docspacetest.WithVersion(docspacetest.V36))
	roomID := emulatorRoomID(t, srv, docspacetest.RoomCustom)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config:      providerBlock + linkConfig(roomID, "  link_type = \"invitation\"\n  access = \"read\"\n  max_use_count = 5"),
			ExpectError: regexp.MustCompile(`DocSpace before 3.7 does not support max_use_count[\s\S]*deleted again`),
		}},
	})
	if n := len(srv.Links(mustAtoi(t, roomID))); n != 0 {
		t.Errorf("room %s holds %d links after the refused create, want 0", roomID, n)
	}
}

// TestAccRoomLink_silentNormalisation: where DocSpace would store something
// other than asked without saying so (API.md §10.5), the provider says so instead
// of leaving a surprise or an "inconsistent result".
func TestAccRoomLink_silentNormalisation(t *testing.T) {
	srv, providerBlock := newEmulator(t)
	// The administrator has restricted external sharing: DocSpace forces
	// every link in a Custom room to internal (API.md §5.5).
	srv.SetExternalSharingDisabled(true)
	custom := emulatorRoomID(t, srv, docspacetest.RoomCustom)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config:      providerBlock + linkConfig(custom, `  access = "read"`),
				ExpectError: regexp.MustCompile(`internal: configured false, DocSpace has true[\s\S]*restricted external sharing[\s\S]*deleted again`),
			},
			{
				// What the portal enforces, configured, is fine.
				Config: providerBlock + linkConfig(custom, "  access = \"read\"\n  internal = true"),
			},
		},
	})
	if n := len(srv.Links(mustAtoi(t, custom))); n != 0 {
		t.Errorf("room holds %d links after destroy, want 0", n)
	}
}

// TestAccRoomLink_formRoomInvitationExpiry: Form filling rooms skip expiry
// changes of external links only (API.md §5.4); an invitation link's expiry changes
// in place.
func TestAccRoomLink_formRoomInvitationExpiry(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeFillingForms)
	later := futureDate(48 * time.Hour)
	invitation := func(date string) string {
		return linkConfig(room.ID, fmt.Sprintf("  link_type = \"invitation\"\n  access = \"fill_forms\"\n  expiration_date = %q", date))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{Config: invitation(futureDate(24 * time.Hour))},
			{
				Config: invitation(later),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionUpdate),
				}},
				Check: checkRemote(linkAddr, func(l docspace.Link) error {
					want, _ := time.Parse(time.RFC3339, later)
					if l.Expiration == nil || !l.Expiration.Equal(want) {
						return fmt.Errorf("expiration %v, want %s", l.Expiration, later)
					}
					return nil
				}),
			},
		},
	})
}

// newTestResource returns the resource configured against a portal URL.
func newTestResource(t *testing.T, url string) *linkResource {
	t.Helper()
	client, err := docspace.NewClient(docspace.Config{Host: url, Token: docspacetest.DefaultToken, RetryWaitMin: time.Millisecond, RetryWaitMax: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return &linkResource{kind: roomLinks, data: &providerData{api: docspace.NewSession(client), now: time.Now}}
}

// stateOf builds a framework state holding the model.
func stateOf(t *testing.T, r *linkResource, m linkModel) tfsdk.State {
	t.Helper()
	ctx := context.Background()
	var schemaResp fwresource.SchemaResponse
	r.Schema(ctx, fwresource.SchemaRequest{}, &schemaResp)
	state := tfsdk.State{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil)}
	if diags := setModel(ctx, r.kind, &state.Raw, &m); diags.HasError() {
		t.Fatal(diags)
	}
	return state
}

func storedModel(roomID, linkID string) linkModel {
	return linkModel{
		ID: types.StringValue(linkID), Parent: types.StringValue(roomID), LinkType: types.StringValue("external"),
		Access: types.StringValue("read"), Title: types.StringValue("Old title"), ExpirationDate: newTimestampNull(),
		DenyDownload: types.BoolValue(false), Internal: types.BoolValue(false),
		RotationTriggers: types.MapNull(types.StringType), OnExpired: types.StringValue(onExpiredKeep),
	}
}

func summaries(diags diag.Diagnostics) string {
	var out []string
	for _, d := range diags {
		out = append(out, d.Severity().String()+": "+d.Summary())
	}
	return strings.Join(out, "; ")
}

// TestRoomLinkRead proves what Read makes of each answer: gone means
// removed with a warning; a refusal is an error and never "gone". A
// password the state did not hold is recorded as set elsewhere, never as
// its value.
func TestRoomLinkRead(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t, docspacetest.WithLocation(testLocation))
	custom := fmt.Sprint(srv.CreateRoom("read", docspacetest.RoomCustom).ID)
	public := srv.CreateRoom("public", docspacetest.RoomPublic)
	var primaryID string
	for _, l := range srv.Links(public.ID) {
		primaryID = l.ID
	}
	link, err := emulatorClient(t, srv).SetLink(context.Background(), docspace.RoomTarget(custom), docspace.LinkRequest{
		LinkType: docspace.LinkTypeExternal, Access: docspace.AccessEditing, Title: "Live", Password: "Secret-2026",
	})
	if err != nil {
		t.Fatal(err)
	}
	refusing := func(status int) string {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(status)
			if status == http.StatusForbidden {
				fmt.Fprint(w, `{"error":{"message":"Access denied","type":null},"status":1,"statusCode":403}`)
			}
		}))
		t.Cleanup(s.Close)
		return s.URL
	}

	cases := []struct {
		name, url, roomID, linkID string
		wantRemoved               bool
		wantDiag                  string
	}{
		{"present", srv.URL, custom, link.ID, false, ""},
		{"link gone", srv.URL, custom, "00000000-0000-4000-8000-000000000001", true, "Warning: Room Link Not Found"},
		{"room gone", srv.URL, "999999", link.ID, true, "Warning: Room Not Found"},
		{"primary link", srv.URL, fmt.Sprint(public.ID), primaryID, false, "Error: Primary Links Are Not Managed by docspace_room_link"},
		{"token rejected", refusing(http.StatusUnauthorized), custom, link.ID, false, "Error: Could Not Read Room Link"},
		{"access denied", refusing(http.StatusForbidden), custom, link.ID, false, "Error: Could Not Read Room Link"},
		{"server error", refusing(http.StatusInternalServerError), custom, link.ID, false, "Error: Could Not Read Room Link"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := newTestResource(t, tc.url)
			state := stateOf(t, r, storedModel(tc.roomID, tc.linkID))
			resp := fwresource.ReadResponse{State: state}
			r.Read(context.Background(), fwresource.ReadRequest{State: state}, &resp)

			if got := summaries(resp.Diagnostics); got != tc.wantDiag {
				t.Fatalf("diagnostics %q, want %q", got, tc.wantDiag)
			}
			if removed := resp.State.Raw.IsNull(); removed != tc.wantRemoved {
				t.Fatalf("removed from state: %v, want %v", removed, tc.wantRemoved)
			}
			if tc.wantDiag != "" {
				return
			}
			var got linkModel
			got.read(roomLinks, resp.State.Raw)
			if got.Access.ValueString() != "editing" || got.Title.ValueString() != "Live" || got.Password.ValueString() != passwordSetElsewhere {
				t.Errorf("state not refreshed: access %s, title %s", got.Access, got.Title)
			}
		})
	}
}

// TestRoomLinkDelete: deleting is one PUT with access 0, and a link or room
// that is already gone is success.
func TestRoomLinkDelete(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t, docspacetest.WithLocation(testLocation))
	room := srv.CreateRoom("delete", docspacetest.RoomCustom)
	roomID := fmt.Sprint(room.ID)
	link, err := emulatorClient(t, srv).SetLink(context.Background(), docspace.RoomTarget(roomID), docspace.LinkRequest{
		LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead,
	})
	if err != nil {
		t.Fatal(err)
	}
	r := newTestResource(t, srv.URL)
	for _, tc := range []struct{ name, roomID, linkID string }{
		{"existing link", roomID, link.ID},
		{"link already gone", roomID, link.ID},
		{"room gone", "999999", link.ID},
	} {
		state := stateOf(t, r, storedModel(tc.roomID, tc.linkID))
		resp := fwresource.DeleteResponse{State: state}
		before := srv.Requests("PUT", "/api/2.0/files/rooms/{id}/links")
		r.Delete(context.Background(), fwresource.DeleteRequest{State: state}, &resp)
		if resp.Diagnostics.HasError() {
			t.Errorf("%s: %s", tc.name, summaries(resp.Diagnostics))
		}
		if n := srv.Requests("PUT", "/api/2.0/files/rooms/{id}/links") - before; n != 1 {
			t.Errorf("%s: %d PUT requests, want 1", tc.name, n)
		}
	}
	if n := len(srv.Links(room.ID)); n != 0 {
		t.Errorf("room still has %d links", n)
	}
}

// TestValidateConfigOnExpiredWithoutExpiry: on_expired = "recreate" on a
// link that never expires is a warning, not silence and not an error.
func TestValidateConfigOnExpiredWithoutExpiry(t *testing.T) {
	t.Parallel()
	r := &linkResource{kind: roomLinks}
	cases := []struct {
		name      string
		change    func(*linkModel)
		wantDiags string
	}{
		{"recreate without expiry", func(m *linkModel) {}, "Warning: on_expired Has Nothing to Act On"},
		{"recreate with expires_in", func(m *linkModel) { m.ExpiresIn = types.StringValue("720h") }, ""},
		{"recreate with a date", func(m *linkModel) {
			m.ExpirationDate = Timestamp{StringValue: types.StringValue("2030-01-01T00:00:00Z")}
		}, ""},
		{"keep without expiry", func(m *linkModel) { m.OnExpired = types.StringValue(onExpiredKeep) }, ""},
		{"unknown policy", func(m *linkModel) { m.OnExpired = types.StringUnknown() }, ""},
	}
	for _, tc := range cases {
		m := storedModel("4711", "")
		m.ID, m.Title = types.StringNull(), types.StringNull()
		m.OnExpired = types.StringValue(onExpiredRecreate)
		tc.change(&m)
		state := stateOf(t, r, m)
		var resp fwresource.ValidateConfigResponse
		r.ValidateConfig(context.Background(), fwresource.ValidateConfigRequest{Config: tfsdk.Config(state)}, &resp)
		if got := summaries(resp.Diagnostics); got != tc.wantDiags {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.wantDiags)
		}
	}
}

// TestCompareLink: what DocSpace stored silently differently from the
// request is found, and what it legitimately fills in is not.
func TestCompareLink(t *testing.T) {
	t.Parallel()
	date := time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC)
	sameInstant := date.In(time.FixedZone("", 3*3600))
	other := date.Add(7 * 24 * time.Hour)
	fine := date.Add(123456789 * time.Nanosecond)                                 // a config date with 9 fractional digits
	ticks := date.Add(1234567 * 100 * time.Nanosecond).In(sameInstant.Location()) // as DocSpace keeps and echoes it
	n, m := 5, 6
	zero := 0
	external := docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Expiration: &date, Password: "Secret-2026"}
	stored := docspace.Link{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Shared link", Expiration: &sameInstant, Password: "Secret-2026"}
	invitation := docspace.LinkRequest{LinkType: docspace.LinkTypeInvitation, Access: docspace.AccessRead, MaxUseCount: &n}
	storedInvitation := docspace.Link{LinkType: docspace.LinkTypeInvitation, Access: docspace.AccessRead, MaxUseCount: &n, CurrentUseCount: &zero}

	cases := []struct {
		name string
		req  docspace.LinkRequest
		got  func(l docspace.Link) docspace.Link
		base docspace.Link
		want string
	}{
		{"as asked, default title, date in another zone", external, nil, stored, ""},
		{"internal forced", external, func(l docspace.Link) docspace.Link { l.Internal = true; return l }, stored, "internal"},
		{"past date dropped", external, func(l docspace.Link) docspace.Link { l.Expiration = nil; return l }, stored, "expiration_date"},
		{"password changed", external, func(l docspace.Link) docspace.Link { l.Password = "x"; return l }, stored, "password"},
		{"date kept at 100 ns", docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Expiration: &fine, Password: "Secret-2026"},
			func(l docspace.Link) docspace.Link { l.Expiration = &ticks; return l }, stored, ""},
		{"access changed", external, func(l docspace.Link) docspace.Link { l.Access = docspace.AccessEditing; return l }, stored, "access"},
		{"use limit ignored", invitation, func(l docspace.Link) docspace.Link { l.MaxUseCount = nil; return l }, storedInvitation, "max_use_count"},
		{"use limit changed", invitation, func(l docspace.Link) docspace.Link { l.MaxUseCount = &m; return l }, storedInvitation, "max_use_count"},
		{"3.7 invitation given an expiry", invitation, func(l docspace.Link) docspace.Link { l.Expiration = &other; return l }, storedInvitation, "expiration_date"},
		{"3.6 invitation expiry set by the server", docspace.LinkRequest{LinkType: docspace.LinkTypeInvitation, Access: docspace.AccessRead},
			func(l docspace.Link) docspace.Link {
				l.Expiration = &other
				l.CurrentUseCount = nil
				l.MaxUseCount = nil
				return l
			}, storedInvitation, ""},
	}
	for _, tc := range cases {
		got := tc.base
		if tc.got != nil {
			got = tc.got(got)
		}
		var attrs []string
		for _, p := range compareLink(tc.req, got) {
			attrs = append(attrs, p.attr)
		}
		if strings.Join(attrs, ",") != tc.want {
			t.Errorf("%s: mismatches %v, want %q", tc.name, attrs, tc.want)
		}
	}
	// A refused date shows the difference, not two renderings of the same second.
	later := date.Add(1500 * time.Millisecond).In(sameInstant.Location())
	problems := compareLink(external, func() docspace.Link { l := stored; l.Expiration = &later; return l }())
	if msg := explainMismatch(problems); !strings.Contains(msg, "configured 2026-12-31T23:59:59Z, DocSpace has 2027-01-01T03:00:00.5+03:00 (1.5s apart)") {
		t.Errorf("the message does not show the difference: %s", msg)
	}
	if msg := explainMismatch([]mismatch{{attr: "password", want: "(sensitive)", have: "(sensitive, different)"}}); strings.Contains(msg, "Secret") {
		t.Errorf("a password reached the message: %s", msg)
	}
}

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
	if d := passwordDrift("Configured-1", "Configured-1", "l", docspace.RoomTarget("r")); len(d) != 0 {
		t.Errorf("same password: %v", d)
	}
	d := passwordDrift("Configured-1", "Changed-2", "l", docspace.RoomTarget("r"))
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

// plannedLink is the plan of a new link: what DocSpace reports is unknown.
func plannedLink(roomID, kind, title string, expiry *time.Time) linkModel {
	return linkModel{
		ID: types.StringUnknown(), Parent: types.StringValue(roomID), LinkType: types.StringValue(kind),
		Access: types.StringValue("read"), Title: types.StringValue(title), ExpirationDate: newTimestampPointer(expiry),
		Password: types.StringNull(), DenyDownload: types.BoolValue(false), Internal: types.BoolValue(false),
		MaxUseCount: types.Int64Null(), ShareLink: types.StringUnknown(), RequestToken: types.StringUnknown(),
		IsExpired: types.BoolUnknown(), Primary: types.BoolUnknown(), CurrentUseCount: types.Int64Unknown(),
		PasswordWO: types.StringNull(), PasswordWOVersion: types.Int64Null(), RotationTriggers: types.MapNull(types.StringType),
		ExpiresIn: types.StringNull(), OnExpired: types.StringValue(onExpiredKeep),
	}
}

func createLink(t *testing.T, r *linkResource, m linkModel) fwresource.CreateResponse {
	t.Helper()
	plan := stateOf(t, r, m)
	resp := fwresource.CreateResponse{State: tfsdk.State{Schema: plan.Schema, Raw: tftypes.NewValue(plan.Raw.Type(), nil)}}
	r.Create(context.Background(), fwresource.CreateRequest{Plan: tfsdk.Plan(plan), Config: tfsdk.Config(plan)}, &resp)
	return resp
}

// TestRoomLinkCreateKeepsWhatItDidNotMake: on a portal that ignores link
// ids, a create whose answer is lost takes the one link made since it began
// by its settings. When DocSpace stored it differently from the plan (a
// DocSpace 3.6 invitation link's expiry), Create fails, but leaves the link
// alone: nothing proves this apply made it. A link Create did make, straight
// from DocSpace's answer, is deleted again as before.
func TestRoomLinkCreateKeepsWhatItDidNotMake(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t, docspacetest.WithLocation(testLocation), docspacetest.WithVersion(docspacetest.V36))
	srv.SetIgnoreLinkIDs(true)
	room := srv.CreateRoom("adopted", docspacetest.RoomCustom).ID
	roomID := fmt.Sprint(room)
	r := newTestResource(t, srv.URL)
	expiry := time.Now().Add(30 * 24 * time.Hour).UTC().Truncate(time.Second)

	// A first create, through the resource's client, shows the portal ignores ids.
	if _, err := r.data.api.CreateLink(context.Background(), docspace.RoomTarget(roomID), docspace.LinkRequest{
		LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "First"}); err != nil {
		t.Fatalf("first create: %v", err)
	}

	// Answered: the link is this create's, and deleted again.
	resp := createLink(t, r, plannedLink(roomID, "invitation", "Invite", &expiry))
	if !resp.Diagnostics.HasError() || !strings.Contains(fmt.Sprint(resp.Diagnostics), "The link was deleted again") {
		t.Fatalf("create stored differently: %s", summaries(resp.Diagnostics))
	}
	if n := len(srv.Links(room)); n != 1 {
		t.Fatalf("room holds %d links after a create DocSpace answered was taken back, want 1", n)
	}

	// Lost: the link is taken by its settings, and kept.
	srv.FailNextOn(http.MethodPut, docspacetest.FaultResetAfter)
	resp = createLink(t, r, plannedLink(roomID, "invitation", "Invite", &expiry))
	if !resp.Diagnostics.HasError() || !strings.Contains(fmt.Sprint(resp.Diagnostics), "left in place") {
		t.Fatalf("lost create stored differently: %s", summaries(resp.Diagnostics))
	}
	if n := len(srv.Links(room)); n != 2 {
		t.Errorf("room holds %d links, want 2: a link taken by its settings is never deleted", n)
	}
}

// TestAccRoomLink_titlesCountedAsDocSpaceCounts: a title is limited to 255
// UTF-16 code units, as DocSpace (.NET) counts it, not to 255 bytes. Titles
// in Cyrillic (2 bytes a letter), CJK (3 bytes) and emoji (4 bytes, two
// units) up to the limit apply as written and plan "No changes"; one unit
// more is refused at plan time.
func TestAccRoomLink_titlesCountedAsDocSpaceCounts(t *testing.T) {
	cases := []struct {
		name, title string
	}{
		{"200 Cyrillic letters", strings.Repeat("Ж", 200)},
		{"255 Cyrillic letters", strings.Repeat("я", 255)},
		{"255 CJK characters", strings.Repeat("共", 85) + strings.Repeat("有", 85) + strings.Repeat("リ", 85)},
		{"127 emoji and a letter", strings.Repeat("🔗", 127) + "a"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			room := createRoom(t, docspace.RoomTypeCustom)
			config := linkConfig(room.ID, fmt.Sprintf("  access = \"read\"\n  title = %q", tc.title))
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				CheckDestroy:             checkNoLinksLeft,
				Steps: []resource.TestStep{
					{
						Config: config,
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("title"), knownvalue.StringExact(tc.title)),
						},
						Check: checkRemote(linkAddr, func(l docspace.Link) error {
							if l.Title != tc.title {
								return fmt.Errorf("DocSpace holds the title %q", l.Title)
							}
							return nil
						}),
					},
					{
						Config:           config,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					},
				},
			})
		})
	}
	t.Run("128 emoji", func(t *testing.T) {
		room := createRoom(t, docspace.RoomTypeCustom)
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: testProviders,
			Steps: []resource.TestStep{{
				Config:      linkConfig(room.ID, fmt.Sprintf("  access = \"read\"\n  title = %q", strings.Repeat("🔗", 128))),
				PlanOnly:    true,
				ExpectError: expectError("title is 256 characters long as DocSpace counts them"),
			}},
		})
	})
}

// TestAccRoomLink_expirationWithNanoseconds: DocSpace keeps dates to 100 ns
// (.NET ticks) and echoes them in its own zone. A configured date with nine
// fractional digits applies without "inconsistent result", stays spelled as
// written, and the next plan is empty.
func TestAccRoomLink_expirationWithNanoseconds(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	instant := time.Now().Add(45 * 24 * time.Hour).Truncate(time.Second).Add(123456789 * time.Nanosecond).UTC()
	written := instant.Format("2006-01-02T15:04:05.000000000Z07:00")
	if !strings.HasSuffix(written, ".123456789Z") {
		t.Fatalf("test date %s lacks nine fractional digits", written)
	}
	config := linkConfig(room.ID, fmt.Sprintf("  access = \"read\"\n  expiration_date = %q", written))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(linkAddr, tfjsonpath.New("expiration_date"), knownvalue.StringExact(written)),
				},
				Check: checkRemote(linkAddr, func(l docspace.Link) error {
					if l.Expiration == nil || !l.Expiration.Equal(instant.Truncate(100*time.Nanosecond)) {
						return fmt.Errorf("DocSpace holds the expiry %v, want %v at 100 ns", l.Expiration, instant)
					}
					return nil
				}),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// createFile makes a file in a room (or folder) for one test; it goes with
// the room.
func createFile(t testing.TB, parentID, title string) docspace.File {
	t.Helper()
	f, err := testClient(t).CreateFile(context.Background(), parentID, title)
	if err != nil {
		t.Fatalf("creating file %q in %s: %v", title, parentID, err)
	}
	return f
}

// createFolder makes a folder in a room (or folder) for one test.
func createFolder(t testing.TB, parentID, title string) docspace.Folder {
	t.Helper()
	f, err := testClient(t).CreateFolder(context.Background(), parentID, title)
	if err != nil {
		t.Fatalf("creating folder %q in %s: %v", title, parentID, err)
	}
	return f
}

// entryLinkConfig renders one docspace_file_link or docspace_folder_link
// named "test".
func entryLinkConfig(k *linkKind, parentID, attrs string) string {
	return fmt.Sprintf(`
resource "docspace_%s" "test" {
  %s = %q
%s
}
`, k.name, k.parentAttr, parentID, attrs)
}

// TestAccEntryLink_lifecycle creates, updates each setting of, refreshes
// and imports a link of a file and of a folder, checking the portal after
// every step, and leaves nothing behind.
func TestAccEntryLink_lifecycle(t *testing.T) {
	for _, k := range []*linkKind{fileLinks, folderLinks} {
		t.Run(k.name, func(t *testing.T) {
			room := createRoom(t, docspace.RoomTypeCustom)
			parentID := createFile(t, room.ID, "Policy.docx").ID
			if k == folderLinks {
				parentID = createFolder(t, room.ID, "Press photos").ID
			}
			addr := "docspace_" + k.name + ".test"
			expiry := futureDate(30 * 24 * time.Hour)
			first := entryLinkConfig(k, parentID, fmt.Sprintf(`
  access          = "review"
  title           = "Auditors"
  password        = "Audit-2026x"
  expiration_date = %q
  deny_download   = true`, expiry))
			second := entryLinkConfig(k, parentID, `
  access = "comment"
  title  = "Auditors, read only"`)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				CheckDestroy:             checkNoLinksLeft,
				Steps: []resource.TestStep{
					{
						Config: first,
						Check: resource.ComposeAggregateTestCheckFunc(
							resource.TestMatchResourceAttr(addr, "id", guidPattern),
							resource.TestCheckResourceAttr(addr, "primary", "false"),
							resource.TestCheckResourceAttr(addr, "is_expired", "false"),
							resource.TestCheckResourceAttrSet(addr, "share_link"),
							checkRemote(addr, func(l docspace.Link) error {
								if l.Access != docspace.AccessReview || l.Title != "Auditors" || !l.DenyDownload || l.Password != "Audit-2026x" || l.Expiration == nil {
									return fmt.Errorf("holds %+v", l)
								}
								return nil
							}),
						),
					},
					{Config: first, PlanOnly: true},
					{
						Config: second,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
						}},
						Check: checkRemote(addr, func(l docspace.Link) error {
							if l.Access != docspace.AccessComment || l.DenyDownload || l.Password != "" || l.Expiration != nil {
								return fmt.Errorf("an update left %+v", l)
							}
							return nil
						}),
					},
					{
						Config:       second,
						ResourceName: addr,
						ImportState:  true,
						ImportStateIdFunc: func(s *terraform.State) (string, error) {
							rs := s.RootModule().Resources[addr]
							return rs.Primary.Attributes[k.parentAttr] + "/" + rs.Primary.ID, nil
						},
						ImportStateVerify:       true,
						ImportStateVerifyIgnore: importedWithoutShareSecrets,
					},
				},
			})
		})
	}
}

// TestAccEntryLink_driftOutsideTerraform: a link changed in DocSpace is set
// back by the next apply; one deleted there is created again.
func TestAccEntryLink_driftOutsideTerraform(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	file := createFile(t, room.ID, "Prices.xlsx")
	addr := "docspace_file_link.test"
	config := entryLinkConfig(fileLinks, file.ID, `
  access = "read"
  title  = "Partners"`)
	var linkID string
	c := testClient(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{Config: config, Check: captureID(addr, &linkID)},
			{
				PreConfig: func() {
					req := docspace.LinkRequest{LinkID: linkID, LinkType: docspace.LinkTypeExternal, Access: docspace.AccessEditing, Title: "Changed"}
					if _, err := c.SetLink(context.Background(), docspace.FileTarget(file.ID), req); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
				Check: checkRemote(addr, func(l docspace.Link) error {
					if l.Access != docspace.AccessRead || l.Title != "Partners" {
						return fmt.Errorf("drift not set back: %+v", l)
					}
					return nil
				}),
			},
			{
				PreConfig: func() {
					if _, err := c.DeleteLink(context.Background(), docspace.FileTarget(file.ID), docspace.Link{ID: linkID, LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

// TestAccEntryLink_locationRules: what DocSpace would refuse, or skip
// without a word, is refused at plan time, naming what is allowed.
func TestAccEntryLink_locationRules(t *testing.T) {
	custom := createRoom(t, docspace.RoomTypeCustom)
	public := createRoom(t, docspace.RoomTypePublic)
	vdr := createRoom(t, docspace.RoomTypeVirtualData)
	forms := createRoom(t, docspace.RoomTypeFillingForms)
	sheet := createFile(t, custom.ID, "Budget.xlsx")
	publicFile := createFile(t, public.ID, "Brochure.docx")
	vdrFolder := createFolder(t, vdr.ID, "Deal")
	formsFolder := createFolder(t, forms.ID, "Submissions")
	cases := []struct {
		name   string
		config string
		err    string
	}{
		{"review on a spreadsheet", entryLinkConfig(fileLinks, sheet.ID, `  access = "review"`), `Access Not Allowed Here`},
		{"content_creator", entryLinkConfig(fileLinks, sheet.ID, `  access = "content_creator"`), `content_creator`},
		{"internal in a Public room", entryLinkConfig(fileLinks, publicFile.ID, "  access = \"read\"\n  internal = true"), `Internal Links Not Allowed in Public Rooms`},
		{"not internal in a VDR", entryLinkConfig(folderLinks, vdrFolder.ID, `  access = "read"`), `Links Are Internal in Virtual Data Rooms`},
		{"read in a Form filling room", entryLinkConfig(folderLinks, formsFolder.ID, `  access = "read"`), `Access Not Allowed Here`},
		{"expiry in a Form filling room", entryLinkConfig(folderLinks, formsFolder.ID, "  access = \"fill_forms\"\n  primary = true\n  expires_in = \"24h\""), `Expiry Not Allowed in Form Filling Rooms`},
		{"additional link in a Form filling room", entryLinkConfig(folderLinks, formsFolder.ID, `  access = "fill_forms"`), `Folder Takes No Additional Links There`},
		{"no such file", entryLinkConfig(fileLinks, "987654321", `  access = "read"`), `File Not Found`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps:                    []resource.TestStep{{Config: tc.config, PlanOnly: true, ExpectError: expectError(tc.err)}},
			})
		})
	}
}

// TestAccEntryLink_notViewableFileTakesReadOnly: a file the editors cannot
// open takes only read links; DocSpace would drop anything else silently.
func TestAccEntryLink_notViewableFileTakesReadOnly(t *testing.T) {
	srv := requireEmulator(t)
	room := srv.CreateRoom("tf-acc "+t.Name(), docspacetest.RoomCustom)
	photo := srv.CreateFile(room.ID, "photo.png")
	config := entryLinkConfig(fileLinks, fmt.Sprint(photo.ID), `  access = "comment"`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{Config: config, PlanOnly: true,
			ExpectError: expectError("its links allow access `read` there, not \"comment\"")}},
	})
}

// TestAccEntryLink_oneListingPerFile: a plan of several links of one file
// lists the file's links once, not once per link.
func TestAccEntryLink_oneListingPerFile(t *testing.T) {
	srv := requireEmulator(t)
	room := srv.CreateRoom("tf-acc "+t.Name(), docspacetest.RoomCustom)
	file := fmt.Sprint(srv.CreateFile(room.ID, "Handbook.docx").ID)
	var config strings.Builder
	for i := range 3 {
		fmt.Fprintf(&config, "resource \"docspace_file_link\" \"l%d\" {\n  file_id = %q\n  access = \"read\"\n  title = \"Reader %d\"\n}\n", i, file, i)
	}
	listings := func() int { return srv.Requests(http.MethodGet, "/api/2.0/files/file/{id}/links") }
	var before int
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{Config: config.String()},
			{
				PreConfig: func() { before = listings() },
				Config:    config.String(),
				PlanOnly:  true,
			},
			{
				PreConfig: func() {
					// The plan-only step refreshes once and plans once.
					if got := listings() - before; got > 2 {
						t.Errorf("a plan of three unchanged links of one file listed its links %d times", got)
					}
				},
				Config:   config.String(),
				PlanOnly: true,
			},
		},
	})
}

// TestAccEntryLink_limit: a file holding as many additional links as its
// place takes gets a warning in the plan of another, naming the limit, and
// the apply fails without leaving anything behind.
func TestAccEntryLink_limit(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	file := createFile(t, room.ID, "Crowded.docx")
	c := testClient(t)
	additional, _ := docspace.EntryLinkLimits(docspace.Location{Kind: docspace.LocationRoom, RoomType: docspace.RoomTypeCustom})
	for i := range additional {
		req := docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: fmt.Sprintf("Held %d", i)}
		if _, err := c.CreateLink(context.Background(), docspace.FileTarget(file.ID), req); err != nil {
			t.Fatal(err)
		}
	}
	config := entryLinkConfig(fileLinks, file.ID, `  access = "read"`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: config, ExpectError: expectError("links of this kind as DocSpace allows")},
		},
	})
	links, err := docspace.NewSession(c).Links(context.Background(), docspace.FileTarget(file.ID), nil)
	if err != nil || len(links) != additional {
		t.Errorf("after the refused create the file holds %d links (%v), want the %d made before", len(links), err, additional)
	}
}

// TestAccEntryLink_olderDocSpace: the same lifecycle on DocSpace 3.6, whose
// refusals all come back as 403s with the server's text.
func TestAccEntryLink_olderDocSpace(t *testing.T) {
	srv, providerBlock := newEmulator(t, docspacetest.WithVersion(docspacetest.V36))
	room := srv.CreateRoom("tf-acc "+t.Name(), docspacetest.RoomCustom)
	file := fmt.Sprint(srv.CreateFile(room.ID, "Old.docx").ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeftOn(emulatorClient(t, srv)),
		Steps: []resource.TestStep{
			{Config: providerBlock + entryLinkConfig(fileLinks, file, "  access = \"editing\"\n  title = \"Editors\"\n  deny_download = true")},
			{Config: providerBlock + entryLinkConfig(fileLinks, file, "  access = \"comment\"\n  title = \"Editors\"")},
			{Config: providerBlock + entryLinkConfig(fileLinks, file, "  access = \"comment\"\n  title = \"Editors\""), PlanOnly: true},
		},
	})
	if n := len(srv.FileLinks(mustAtoi(t, file))); n != 0 {
		t.Errorf("the file holds %d links after destroy", n)
	}
}

// TestAccEntryLink_roomsThatSkipWrites: in a Virtual data room (links
// always internal) and a Form filling room (fill_forms only), a link is
// created as configured and its delete is not skipped: nothing is left.
func TestAccEntryLink_roomsThatSkipWrites(t *testing.T) {
	cases := []struct {
		room  docspace.RoomType
		attrs string
	}{
		{docspace.RoomTypeVirtualData, "  access = \"read\"\n  internal = true"},
		{docspace.RoomTypeFillingForms, "  access = \"fill_forms\"\n  primary = true"},
	}
	for _, tc := range cases {
		t.Run(tc.room.String(), func(t *testing.T) {
			room := createRoom(t, tc.room)
			folder := createFolder(t, room.ID, "Inbox")
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				CheckDestroy:             checkNoLinksLeft,
				Steps: []resource.TestStep{
					{Config: entryLinkConfig(folderLinks, folder.ID, tc.attrs)},
					{Config: entryLinkConfig(folderLinks, folder.ID, tc.attrs), PlanOnly: true},
				},
			})
		})
	}
}

// TestAccEntryLink_formsRoomLinkNotImported: the room's link that DocSpace
// lists with a PDF form in a Form filling room is refused by an import of
// docspace_file_link, naming the resource that manages it.
func TestAccEntryLink_formsRoomLinkNotImported(t *testing.T) {
	srv, providerBlock := newEmulator(t)
	room := srv.CreateRoom("tf-acc "+t.Name(), docspacetest.RoomFillingForms)
	form := srv.CreateFile(room.ID, "Application.pdf")
	var roomLink string
	for _, l := range srv.Links(room.ID) {
		if l.Primary {
			roomLink = l.ID
		}
	}
	if roomLink == "" {
		t.Fatal("the Form filling room has no primary link")
	}
	config := providerBlock + entryLinkConfig(fileLinks, fmt.Sprint(form.ID), "  access = \"fill_forms\"\n  primary = true")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config:        config,
			ResourceName:  "docspace_file_link.test",
			ImportState:   true,
			ImportStateId: fmt.Sprintf("%d/%s", form.ID, roomLink),
			ExpectError:   expectError("The Room's Link Is Imported With docspace_room_primary_link"),
		}},
	})
}
