package provider

import (
	"fmt"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
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
		{"empty host", `host = ""`, "Missing DocSpace Host"},
		{"empty token", `token = ""`, "Missing DocSpace Token"},
		{"unsupported scheme", `host = "ftp://portal.example.com"`, "must use https://"},
		{"host with credentials", `host = "https://user:pw@portal.example.com"`, "must not contain credentials"},
		{"unknown host", `host = terraform_data.later.output`, "Unknown DocSpace Host"},
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
		{"empty block value is kept", types.StringValue(""), ""},
		{"null falls back to the environment", types.StringNull(), "from-env"},
	}
	for _, tc := range cases {
		if got := settingValue(tc.in, "DOCSPACE_TEST_SETTING"); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
