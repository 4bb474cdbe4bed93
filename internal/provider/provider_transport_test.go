package provider

import (
	"context"
	"encoding/pem"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// TestAccProvider_tls: against a portal whose certificate a private CA
// issued, TLS verification refuses it with a hint at ca_certificate; with
// ca_certificate, or insecure_skip_verify, the provider works.
func TestAccProvider_tls(t *testing.T) {
	requireEmulator(t)
	emulator := docspacetest.New(docspacetest.WithLocation(testLocation))
	srv := httptest.NewUnstartedServer(emulator)
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake
	srv.StartTLS()
	t.Cleanup(srv.Close)
	room := emulator.CreateRoom("tls", docspacetest.RoomPublic)
	caPEM := string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}))
	config := func(settings string) string {
		return fmt.Sprintf(`
provider "docspace" {
  host  = %q
  token = %q
%s
}

data "docspace_room_links" "probe" {
  room_id = "%d"
}
`, srv.URL, docspacetest.DefaultToken, settings, room.ID)
	}
	oneLink := []statecheck.StateCheck{
		statecheck.ExpectKnownValue("data.docspace_room_links.probe", tfjsonpath.New("links"), knownvalue.ListSizeExact(1)),
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config:      config(""),
				ExpectError: regexpOf(fmt.Sprintf("The TLS certificate of %s was not accepted[\\s\\S]*set ca_certificate", srv.URL)),
			},
			{
				Config:            config(fmt.Sprintf("  ca_certificate = <<-EOT\n%sEOT", caPEM)),
				ConfigStateChecks: oneLink,
			},
			{
				Config:            config("  insecure_skip_verify = true"),
				ConfigStateChecks: oneLink,
			},
		},
	})
}

// TestAccProvider_insecureHTTP: a plain-http portal on an address that is
// not loopback is refused unless insecure_http = true.
func TestAccProvider_insecureHTTP(t *testing.T) {
	requireEmulator(t)
	var ip net.IP
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
			ip = n.IP
			break
		}
	}
	if ip == nil {
		t.Skip("this machine has no address but loopback")
	}
	listener, err := net.Listen("tcp", net.JoinHostPort(ip.String(), "0"))
	if err != nil {
		t.Skipf("cannot listen on %s: %v", ip, err)
	}
	emulator := docspacetest.New(docspacetest.WithLocation(testLocation))
	srv := &httptest.Server{Listener: listener, Config: &http.Server{Handler: emulator}}
	srv.Start()
	t.Cleanup(srv.Close)
	room := emulator.CreateRoom("plain http", docspacetest.RoomCustom)
	config := func(settings string) string {
		return fmt.Sprintf("provider \"docspace\" {\n  host = %q\n  token = %q\n%s\n}\n"+
			"data \"docspace_room_links\" \"probe\" {\n  room_id = \"%d\"\n}\n", srv.URL, docspacetest.DefaultToken, settings, room.ID)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: config(""), ExpectError: regexpOf("Plain HTTP Refused[\\s\\S]*insecure_http = true")},
			{Config: config("  insecure_http = true")},
		},
	})
	if n := emulator.Requests("", "/api/2.0/files/rooms/{id}/links"); n == 0 {
		t.Error("with insecure_http the portal was never asked")
	}
}

// TestAccProvider_settingsFromEnvironment: DOCSPACE_MAX_RETRIES and
// DOCSPACE_REQUEST_TIMEOUT are read, and a bad value names the variable.
func TestAccProvider_settingsFromEnvironment(t *testing.T) {
	requireEmulator(t)
	probe := fmt.Sprintf("data \"docspace_room_links\" \"probe\" {\n  room_id = %q\n}\n", createRoom(t, docspace.RoomTypeCustom).ID)
	for _, tc := range []struct {
		name, variable, value, want string
	}{
		{"retries not a number", envMaxRetries, "many", "The DOCSPACE_MAX_RETRIES environment variable must be a whole number from 0 to 100"},
		{"retries out of range", envMaxRetries, "101", "DOCSPACE_MAX_RETRIES environment variable must be a whole number"},
		{"timeout without a unit", envRequestTimeout, "30", "The DOCSPACE_REQUEST_TIMEOUT environment variable: \"30\" is not a duration"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(tc.variable, tc.value)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps:                    []resource.TestStep{{Config: probe, ExpectError: regexpOf(tc.want)}},
			})
		})
	}
	t.Run("valid values", func(t *testing.T) {
		t.Setenv(envMaxRetries, "2")
		t.Setenv(envRequestTimeout, "45s")
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testProviders,
			Steps:                    []resource.TestStep{{Config: probe}},
		})
	})
}

func TestClientSettings(t *testing.T) {
	cases := []struct {
		name        string
		model       providerModel
		env         map[string]string
		wantRetries int
		wantTimeout time.Duration
		wantErr     string
		wantWarning string
	}{
		{name: "defaults", wantRetries: docspace.DefaultMaxRetries, wantTimeout: docspace.DefaultRequestTimeout},
		{name: "no retries", model: providerModel{MaxRetries: types.Int64Value(0)}, wantRetries: docspace.NoRetries, wantTimeout: docspace.DefaultRequestTimeout},
		{name: "from the block", model: providerModel{MaxRetries: types.Int64Value(9), RequestTimeout: types.StringValue("2m")}, wantRetries: 9, wantTimeout: 2 * time.Minute},
		{name: "from the environment", env: map[string]string{envMaxRetries: " 3 ", envRequestTimeout: "90s"}, wantRetries: 3, wantTimeout: 90 * time.Second},
		{
			name: "the block wins", model: providerModel{MaxRetries: types.Int64Value(1), RequestTimeout: types.StringValue("5s")},
			env: map[string]string{envMaxRetries: "bad", envRequestTimeout: "bad"}, wantRetries: 1, wantTimeout: 5 * time.Second,
		},
		{name: "bad environment retries", env: map[string]string{envMaxRetries: "-1"}, wantErr: envMaxRetries},
		{name: "bad environment timeout", env: map[string]string{envRequestTimeout: "2d"}, wantErr: envRequestTimeout},
		{name: "timeout too short", model: providerModel{RequestTimeout: types.StringValue("10ms")}, wantErr: "out of range"},
		{name: "unknown setting", model: providerModel{MaxRetries: types.Int64Unknown()}, wantErr: "Unknown Provider Setting"},
		{
			name: "skip verify warns", model: providerModel{InsecureSkipVerify: types.BoolValue(true)},
			wantRetries: docspace.DefaultMaxRetries, wantTimeout: docspace.DefaultRequestTimeout, wantWarning: "TLS Certificate Verification Is Off",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(envMaxRetries, "")
			t.Setenv(envRequestTimeout, "")
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			// Zero values of the model are null, as Terraform sends them.
			cfg, diags := clientSettings(tc.model)
			var text strings.Builder
			for _, d := range diags {
				fmt.Fprintf(&text, "%s: %s\n", d.Summary(), d.Detail())
			}
			if tc.wantErr != "" {
				if !diags.HasError() || !strings.Contains(text.String(), tc.wantErr) {
					t.Fatalf("diagnostics %q, want an error mentioning %q", text.String(), tc.wantErr)
				}
				return
			}
			if diags.HasError() {
				t.Fatalf("unexpected errors: %s", text.String())
			}
			if cfg.MaxRetries != tc.wantRetries || cfg.RequestTimeout != tc.wantTimeout {
				t.Errorf("retries %d, timeout %s; want %d, %s", cfg.MaxRetries, cfg.RequestTimeout, tc.wantRetries, tc.wantTimeout)
			}
			if tc.wantWarning != "" && !strings.Contains(text.String(), tc.wantWarning) {
				t.Errorf("diagnostics %q lack the warning %q", text.String(), tc.wantWarning)
			}
		})
	}
}

// TestAccProvider_hostNotReachable: a host where nothing listens is
// reported as not reachable after a few attempts (about three seconds with
// the default waits), not after the whole retry budget.
func TestAccProvider_hostNotReachable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String()
	l.Close()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "docspace" {
  host = %q
}

data "docspace_room_links" "test" {
  room_id = "4711"
}`, closed),
			ExpectError: regexp.MustCompile(`connection refused \(after 3 attempts\)[\s\S]*The host is not reachable`),
		}},
	})
}

// TestAccProvider_hostDoesNotResolve: a mistyped host, whose name DNS does
// not know, is given up as quickly as a refused connection, and the message
// names the host. The dialer answers as Go's resolver does for such a name
// (.invalid never resolves), so the test needs no network.
func TestAccProvider_hostDoesNotResolve(t *testing.T) {
	var dials atomic.Int32
	noSuchHost := func(c *docspace.Config) {
		fastRetries(c)
		c.HTTPClient = &http.Client{Transport: &http.Transport{DialContext: func(_ context.Context, _, addr string) (net.Conn, error) {
			dials.Add(1)
			host, _, _ := net.SplitHostPort(addr)
			return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}}
		}}}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: providersWithClient(noSuchHost),
		Steps: []resource.TestStep{{
			Config: `
provider "docspace" {
  host  = "https://portal.invalid"
  token = "test-token"
}

data "docspace_room_links" "test" {
  room_id = "4711"
}`,
			ExpectError: regexp.MustCompile(`no such host \(after 3 attempts\)[\s\S]*The host name "portal.invalid" does not\s+resolve`),
		}},
	})
	if n := dials.Load(); n != 3 {
		t.Errorf("%d attempts at a name that does not resolve, want 3", n)
	}
}
