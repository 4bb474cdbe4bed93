package provider

import (
	"fmt"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// TestAccProvider_configuration: a bad provider block fails with an error
// naming the attribute and the fix; the block wins over the environment.
func TestAccProvider_configuration(t *testing.T) {
	probe := `
data "docspace_room_links" "probe" {
  room_id = "4711"
}`
	cases := []struct {
		name, block, want string
	}{
		{"token and user name", "username = \"a@example.com\"\n  password = \"Secret-2026\"\n  token = \"x\"", "Conflicting DocSpace Credentials"},
		{"user name without password", `username = "a@example.com"`, "Missing DocSpace Password"},
		{"password without user name", `password = "Secret-2026"`, "Missing DocSpace User Name"},
		{"unsupported scheme", `host = "ftp://portal.example.com"`, "must use https://"},
		{"host with credentials", `host = "https://user:pw@portal.example.com"`, "must not contain credentials"},
		{"unknown host, data source", `host = terraform_data.later.output`, "DocSpace Provider Settings Not Known Yet"},
		{"token from the block wins", `token = "not-the-token"`, "DocSpace rejected the token for " + os.Getenv(envHost)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			config := fmt.Sprintf(`
resource "terraform_data" "later" {
  input = "https://portal.example.com"
}
provider "docspace" {
  %s
}
%s`, tc.block, probe)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps: []resource.TestStep{{
					Config:      config,
					ExpectError: expectError(tc.want),
				}},
			})
		})
	}
}

func TestSettingValue(t *testing.T) {
	t.Setenv("DOCSPACE_TEST_SETTING", "from-env")
	cases := []struct {
		name string
		in   types.String
		want string
	}{
		{"block wins", types.StringValue("from-block"), "from-block"},
		{"empty block value counts as unset", types.StringValue(""), "from-env"},
		{"unknown falls back to the environment", types.StringUnknown(), "from-env"},
		{"null falls back to the environment", types.StringNull(), "from-env"},
	}
	for _, tc := range cases {
		if got := settingValue(tc.in, "DOCSPACE_TEST_SETTING"); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestAccProvider_signIn: a user name and password sign in once per run;
// a wrong password and a two-factor account fail with what to do.
func TestAccProvider_signIn(t *testing.T) {
	srv, _ := newEmulator(t,
		docspacetest.WithUser("admin@example.com", "Sign-in-2026"),
		docspacetest.WithTwoFactorUser("guarded@example.com", "Guarded-2026"))
	roomID := emulatorRoomID(t, srv, docspacetest.RoomPublic)
	config := func(user, password string) string {
		return fmt.Sprintf(`
provider "docspace" {
  host     = %q
  username = %q
  password = %q
}
data "docspace_room_links" "test" {
  room_id = %q
}`, srv.URL, user, password, roomID)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config:      config("admin@example.com", "Wrong-pass-2026"),
				ExpectError: expectError("DocSpace Rejected the Sign-In"),
			},
			{
				Config:      config("guarded@example.com", "Guarded-2026"),
				ExpectError: expectError("Two-Factor Confirmation Required"),
			},
			{
				PreConfig: srv.ResetRequests,
				Config:    config("admin@example.com", "Sign-in-2026"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.docspace_room_links.test", tfjsonpath.New("links"), knownvalue.ListSizeExact(1)),
				},
				Check: func(*terraform.State) error {
					if n := srv.Requests("POST", "/api/2.0/authentication"); n == 0 {
						return fmt.Errorf("the provider did not sign in")
					}
					return nil
				},
			},
		},
	})
}
