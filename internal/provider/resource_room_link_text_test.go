package provider

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

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
