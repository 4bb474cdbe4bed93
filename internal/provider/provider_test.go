package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// testEmulator serves the acceptance tests unless DOCSPACE_HOST names a real
// portal; tests that look behind the API skip when it is nil.
var testEmulator *docspacetest.Server

// testLocation is the emulated portal's time zone: not UTC, so that every
// date comparison is tested across an offset.
var testLocation = time.FixedZone("MSK", 3*3600)

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	if os.Getenv(envHost) == "" {
		testEmulator = docspacetest.NewServer(docspacetest.WithLocation(testLocation))
		defer testEmulator.Close()
		os.Setenv(envHost, testEmulator.URL)
		os.Setenv(envToken, docspacetest.DefaultToken)
	}
	// Terraform warns about a CLI config file that does not exist; give it
	// an empty one of our own.
	if cfg := os.Getenv("TF_CLI_CONFIG_FILE"); cfg == "" || !fileExists(cfg) {
		dir, err := os.MkdirTemp("", "docspace-tf-cli")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer os.RemoveAll(dir)
		cfg = filepath.Join(dir, "terraformrc")
		if err := os.WriteFile(cfg, nil, 0o600); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		os.Setenv("TF_CLI_CONFIG_FILE", cfg)
	}
	os.Setenv("CHECKPOINT_DISABLE", "1")
	return m.Run()
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// testProviders serves the provider in-process to the Terraform CLI.
var testProviders = providersWithClock(time.Now)

func providersWithClock(now func() time.Time) map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"docspace": providerserver.NewProtocol6WithError(&docspaceProvider{version: "test", now: now}),
	}
}

// testClient talks to the same portal as the provider under test.
func testClient(t testing.TB) *docspace.Client {
	t.Helper()
	c, err := docspace.NewClient(docspace.Config{Host: os.Getenv(envHost), Token: os.Getenv(envToken), UserAgent: "docspace-provider-tests"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// createRoom makes a room for one test and deletes it afterwards, so tests
// never share rooms and can run in parallel on one portal.
func createRoom(t testing.TB, kind docspace.RoomType) docspace.Room {
	t.Helper()
	c := testClient(t)
	room, err := c.CreateRoom(context.Background(), "tf-acc "+t.Name(), kind)
	if err != nil {
		t.Fatalf("creating a %s: %v", kind, err)
	}
	t.Cleanup(func() {
		if err := c.DeleteRoom(context.Background(), room.ID); err != nil && !docspace.IsNotFound(err) {
			t.Errorf("deleting room %s: %v", room.ID, err)
		}
	})
	return room
}

// requireEmulator skips a test that looks behind the API.
func requireEmulator(t testing.TB) *docspacetest.Server {
	t.Helper()
	if testEmulator == nil {
		t.Skip("needs the DocSpace emulator (DOCSPACE_HOST names a real portal)")
	}
	return testEmulator
}

// newEmulator starts a private emulator for tests that change its version
// or clock, and returns a provider block that points at it.
func newEmulator(t *testing.T, opts ...docspacetest.Option) (*docspacetest.Server, string) {
	t.Helper()
	if testEmulator == nil {
		t.Skip("needs the DocSpace emulator (DOCSPACE_HOST names a real portal)")
	}
	srv := docspacetest.NewTestServer(t, append([]docspacetest.Option{docspacetest.WithLocation(testLocation)}, opts...)...)
	return srv, fmt.Sprintf("provider \"docspace\" {\n  host  = %q\n  token = %q\n}\n", srv.URL, docspacetest.DefaultToken)
}

func emulatorRoomID(t *testing.T, srv *docspacetest.Server, kind docspacetest.RoomType) string {
	t.Helper()
	return fmt.Sprint(srv.CreateRoom("tf-acc "+t.Name(), kind).ID)
}

// checkNoLinksLeft is a CheckDestroy: every docspace_room_link,
// docspace_file_link and docspace_folder_link in the state must be gone from
// its room, file or folder, asked of the portal itself.
func checkNoLinksLeft(s *terraform.State) error {
	c, err := docspace.NewClient(docspace.Config{Host: os.Getenv(envHost), Token: os.Getenv(envToken)})
	if err != nil {
		return err
	}
	return checkNoLinksLeftOn(c)(s)
}

func checkNoLinksLeftOn(c *docspace.Client) func(*terraform.State) error {
	return func(s *terraform.State) error {
		for name, rs := range s.RootModule().Resources {
			target, ok := linkTargetOf(rs)
			if !ok {
				continue
			}
			_, found, err := docspace.NewSession(c).FindLink(context.Background(), target, rs.Primary.ID)
			if err != nil && !docspace.IsNotFound(err) {
				return err
			}
			if found {
				return fmt.Errorf("%s: link %s still exists in %s", name, rs.Primary.ID, target)
			}
		}
		return nil
	}
}

// remoteLink fetches the link a resource in the state points at.
func remoteLink(c *docspace.Client, s *terraform.State, address string) (docspace.Link, error) {
	rs, ok := s.RootModule().Resources[address]
	if !ok {
		return docspace.Link{}, fmt.Errorf("%s is not in the state", address)
	}
	target, _ := linkTargetOf(rs)
	l, found, err := docspace.NewSession(c).FindLink(context.Background(), target, rs.Primary.ID)
	if err != nil {
		return docspace.Link{}, err
	}
	if !found {
		return docspace.Link{}, fmt.Errorf("%s: link %s is not in %s", address, rs.Primary.ID, target)
	}
	return l, nil
}

// linkTargetOf is the room, file or folder of a link resource in the state.
func linkTargetOf(rs *terraform.ResourceState) (docspace.Target, bool) {
	for _, k := range []*linkKind{roomLinks, fileLinks, folderLinks} {
		if rs.Type == "docspace_"+k.name {
			return docspace.Target{Kind: k.target, ID: rs.Primary.Attributes[k.parentAttr]}, true
		}
	}
	return docspace.Target{}, false
}

// checkRemote asserts on the link as the portal holds it.
func checkRemote(address string, check func(docspace.Link) error) resource.TestCheckFunc {
	return checkRemoteOn(nil, address, check)
}

func checkRemoteOn(c *docspace.Client, address string, check func(docspace.Link) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		client := c
		if client == nil {
			var err error
			if client, err = docspace.NewClient(docspace.Config{Host: os.Getenv(envHost), Token: os.Getenv(envToken)}); err != nil {
				return err
			}
		}
		l, err := remoteLink(client, s, address)
		if err != nil {
			return err
		}
		if err := check(l); err != nil {
			return fmt.Errorf("%s on the portal: %w", address, err)
		}
		return nil
	}
}

// captureID stores a resource's id for a later step's PreConfig.
func captureID(address string, into *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s is not in the state", address)
		}
		*into = rs.Primary.ID
		return nil
	}
}

// expectError builds the pattern for a diagnostic, tolerating Terraform's
// line wrapping between words.
func expectError(words string) *regexp.Regexp {
	parts := strings.Fields(regexp.QuoteMeta(words))
	return regexp.MustCompile(strings.Join(parts, `\s+`))
}

// futureDate is a whole-second instant d from now, written in UTC with "Z".
func futureDate(d time.Duration) string {
	return time.Now().Add(d).UTC().Truncate(time.Second).Format(time.RFC3339)
}

// emulatorClient talks to a private emulator.
func emulatorClient(t testing.TB, srv *docspacetest.Server) *docspace.Client {
	t.Helper()
	c, err := docspace.NewClient(docspace.Config{Host: srv.URL, Token: docspacetest.DefaultToken})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func mustAtoi(t testing.TB, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// redact blanks a link's secrets so a failing test prints none.
func redact(l docspace.Link) docspace.Link {
	for _, s := range []*string{&l.Password, &l.ShareLink, &l.RequestToken} {
		if *s != "" {
			*s = "(redacted)"
		}
	}
	return l
}

// atomicDuration is a clock offset that test steps move forward.
type atomicDuration struct{ v atomic.Int64 }

func (d *atomicDuration) Load() time.Duration   { return time.Duration(d.v.Load()) }
func (d *atomicDuration) Store(v time.Duration) { d.v.Store(int64(v)) }

// mustClient is a client for the portal under test, for CheckDestroy and
// other checks that have no *testing.T.
func mustClient() *docspace.Client {
	c, err := docspace.NewClient(docspace.Config{Host: os.Getenv(envHost), Token: os.Getenv(envToken)})
	if err != nil {
		panic(err)
	}
	return c
}

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
