package provider

import (
	"context"
	"fmt"
	"regexp"
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
					if _, err := testClient(t).DeleteLink(context.Background(), docspace.RoomTarget(room.ID), linkID, docspace.LinkTypeExternal); err != nil {
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
