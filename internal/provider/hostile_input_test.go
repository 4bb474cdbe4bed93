package provider

import (
	"fmt"
	"net/http"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// emulatorSnapshot is every room and link of an emulator.
func emulatorSnapshot(srv *docspacetest.Server) map[int][]docspacetest.Link {
	out := map[int][]docspacetest.Link{}
	for _, room := range srv.Rooms() {
		out[room.ID] = srv.Links(room.ID)
	}
	return out
}

// TestAccHostileInput runs bad and hostile input through Terraform: wrong
// host URLs and provider settings, path injection, control characters,
// malformed dates and names, malformed import IDs, rooms at their link
// limits. Each is refused with a diagnostic that names the attribute or the
// room and says what to do, and the portal's state is untouched. (The plan
// checks of TestAccRoomLink_planTimeChecks and the import checks of
// TestAccRoomLink_importRefused cover further cases.)
func TestAccHostileInput(t *testing.T) {
	// Its request counts need the steps to run, which resource.Test skips
	// without TF_ACC.
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
	srv, providerBlock := newEmulator(t)
	custom := emulatorRoomID(t, srv, docspacetest.RoomCustom)
	full := srv.CreateRoom("full", docspacetest.RoomCustom)
	for i := range 5 {
		if err := srv.SetLink(full.ID, docspacetest.Link{LinkType: 1, Access: 2, Title: fmt.Sprint("existing ", i)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := srv.SetLink(full.ID, docspacetest.Link{LinkType: 0, Access: 2, Title: "existing invitation"}); err != nil {
		t.Fatal(err)
	}
	fullID := fmt.Sprint(full.ID)
	const guid = "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"
	// The port of the emulator, spoken to with the wrong scheme.
	httpsToHTTP := strings.Replace(srv.URL, "http://", "https://", 1)

	withProvider := func(settings, resourceAttrs string) string {
		return fmt.Sprintf("provider \"docspace\" {\n  host = %q\n  token = %q\n%s\n}\n", srv.URL, docspacetest.DefaultToken, settings) +
			linkConfig(custom, resourceAttrs)
	}
	withHost := func(host, settings string) string {
		return fmt.Sprintf("provider \"docspace\" {\n  host = %q\n  token = %q\n%s\n}\n", host, docspacetest.DefaultToken, settings) +
			linkConfig(custom, `  access = "read"`)
	}
	withToken := func(token string) string {
		return fmt.Sprintf("provider \"docspace\" {\n  host = %q\n  token = %q\n}\n", srv.URL, token) + linkConfig(custom, `  access = "read"`)
	}
	inRoom := func(roomID, attrs string) string { return providerBlock + linkConfig(roomID, attrs) }

	cases := []struct {
		name     string
		config   string
		importID string // when set, an import of this ID
		apply    bool   // refused by DocSpace at apply, not at plan
		want     string
	}{
		// Wrong host URLs and provider settings.
		{name: "plain http to a remote portal", config: withHost("http://portal.example.com", ""), want: "Plain HTTP Refused[\\s\\S]*insecure_http = true"},
		{name: "plain http to a remote IP", config: withHost("http://192.0.2.10:8080", ""), want: "Plain HTTP Refused[\\s\\S]*Use https://"},
		{name: "host with a query holding a secret", config: withHost("https://portal.example.com/?token=sk-leak", ""), want: "must not contain a query or fragment"},
		{name: "host with a fragment", config: withHost("https://portal.example.com/#rooms", ""), want: "must not contain a query or fragment"},
		{name: "host without a name", config: withHost("https://", ""), want: "has no host name"},
		{name: "host with a space", config: withHost("https://portal example.com", ""), want: "is not a valid URL"},
		{name: "host with another scheme", config: withHost("ws://portal.example.com", ""), want: "must use https://"},
		{name: "host with credentials", config: withHost("https://admin:Secret-2026@portal.example.com", ""), want: "must not contain credentials; use the token instead"},
		{name: "host that does not answer", config: withHost("http://127.0.0.1:1", "  max_retries = 0"), want: "Could Not Read Room[\\s\\S]*The host is not reachable[\\s\\S]*Check host"},
		{name: "https to a plain-http portal", config: withHost(httpsToHTTP, "  max_retries = 0"), want: "does not speak HTTPS on that port. Check the scheme"},
		{name: "token of white space", config: withToken("   "), want: "Invalid DocSpace Provider Configuration[\\s\\S]*token is empty"},
		{name: "token with a header injection", config: withToken("sk-abc\nX-Injected: 1"), want: "token contains a line break"},
		{name: "max_retries negative", config: withProvider("  max_retries = -1", `  access = "read"`), want: "max_retries value must be between 0 and 100"},
		{name: "max_retries too high", config: withProvider("  max_retries = 1000", `  access = "read"`), want: "max_retries value must be between 0 and 100"},
		{name: "request_timeout without a unit", config: withProvider(`  request_timeout = "30"`, `  access = "read"`), want: "Invalid Request Timeout[\\s\\S]*is not a duration"},
		{name: "request_timeout zero", config: withProvider(`  request_timeout = "0s"`, `  access = "read"`), want: "Invalid Request Timeout[\\s\\S]*from 1s to 1h0m0s"},
		{name: "request_timeout too long", config: withProvider(`  request_timeout = "48h"`, `  access = "read"`), want: "Invalid Request Timeout[\\s\\S]*out of range"},
		{name: "ca_certificate not PEM", config: withProvider(`  ca_certificate = "my-ca"`, `  access = "read"`), want: "Invalid CA Certificate[\\s\\S]*BEGIN CERTIFICATE"},

		// Path injection and malformed values in the resource.
		{name: "room_id with encoded dots", config: inRoom("%2e%2e", `  access = "read"`), want: "Invalid Room ID"},
		{name: "room_id with a fragment", config: inRoom("4711#links", `  access = "read"`), want: "Invalid Room ID"},
		{name: "room_id with a line break", config: inRoom("4711\n", `  access = "read"`), want: "Invalid Room ID"},
		{name: "room_id with a backslash", config: inRoom(`4711\..\people`, `  access = "read"`), want: "Invalid Room ID"},
		{name: "room_id in full-width digits", config: inRoom("４７１１", `  access = "read"`), want: "Invalid Room ID"},
		{name: "room_id with another endpoint", config: inRoom("4711/links", `  access = "read"`), want: "Invalid Room ID"},
		{name: "title with an escape sequence", config: inRoom(custom, "  access = \"read\"\n  title = \"\\u001b[31mred\""), want: "Invalid Title[\\s\\S]*control character"},
		{name: "title with a tab", config: inRoom(custom, "  access = \"read\"\n  title = \"a\\tb\""), want: "Invalid Title[\\s\\S]*control character"},
		{name: "password with a line break", config: inRoom(custom, "  access = \"read\"\n  password = \"Secret\\n2026x\""), want: "contains a character that is not printable ASCII"},
		{name: "expiry with an impossible offset", config: inRoom(custom, "  access = \"read\"\n  expiration_date = \"2030-01-01T00:00:00+25:00\""), want: "Invalid Date-Time[\\s\\S]*Write it like"},
		{name: "expiry in words", config: inRoom(custom, "  access = \"read\"\n  expiration_date = \"tomorrow\""), want: "Invalid Date-Time[\\s\\S]*Write it like"},
		{name: "access in capitals", config: inRoom(custom, `  access = "READ"`), want: `is not one of`},
		{name: "access none, which would delete", config: inRoom(custom, `  access = "none"`), want: `is not one of`},
		{name: "access as the API number", config: inRoom(custom, `  access = "2"`), want: `access "2" is the DocSpace API's number for "read"`},
		{name: "access room_manager", config: inRoom(custom, `  access = "room_manager"`), want: `is not one of`},
		{name: "link_type in capitals", config: inRoom(custom, "  link_type = \"External\"\n  access = \"read\""), want: `link_type value must be one of`},
		{name: "negative max_use_count", config: inRoom(custom, "  link_type = \"invitation\"\n  access = \"read\"\n  max_use_count = -5"), want: `max_use_count value must be between 1 and 1000`},

		// Rooms at their link limits: DocSpace refuses, the room stays as it was.
		{name: "sixth external link", config: inRoom(fullID, `  access = "read"`), apply: true,
			want: fmt.Sprintf("may not exceed 5[\\s\\S]*Room %s takes at most five additional external links[\\s\\S]*Delete one of these links", fullID)},
		{name: "second invitation link", config: inRoom(fullID, "  link_type = \"invitation\"\n  access = \"read\""), apply: true,
			want: fmt.Sprintf("may not exceed 1[\\s\\S]*Room %s takes one invitation link, and it already has one", fullID)},

		// Malformed import IDs.
		{name: "import id without hyphens", config: inRoom(custom, `  access = "read"`), importID: custom + "/3f6c2a9e8d414b7a9c051e2d7f4a6b90", want: "Invalid Import ID[\\s\\S]*<room_id>/<link_id>"},
		{name: "import id in braces", config: inRoom(custom, `  access = "read"`), importID: custom + "/{" + guid + "}", want: "Invalid Import ID"},
		{name: "import id with a space", config: inRoom(custom, `  access = "read"`), importID: " " + custom + "/" + guid, want: "Invalid Import ID"},
		{name: "import id with an encoded slash", config: inRoom(custom, `  access = "read"`), importID: custom + "%2F" + guid, want: "Invalid Import ID[\\s\\S]*not in the expected form"},
		{name: "import id with a query", config: inRoom(custom, `  access = "read"`), importID: custom + "?x=1/" + guid, want: "Invalid Import ID"},
		{name: "import of a link that does not exist", config: inRoom(custom, `  access = "read"`), importID: custom + "/" + guid, want: "Room Link Not Found[\\s\\S]*has no link[\\s\\S]*" + guid},
	}
	if len(cases) < 30 {
		t.Fatalf("%d cases, want at least 30", len(cases))
	}

	before := emulatorSnapshot(srv)
	srv.ResetRequests()
	t.Run("cases", func(t *testing.T) {
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				step := resource.TestStep{Config: tc.config, ExpectError: regexpOf(tc.want)}
				if tc.importID != "" {
					step.ResourceName, step.ImportState, step.ImportStateId = linkAddr, true, tc.importID
				} else {
					step.PlanOnly = !tc.apply
				}
				resource.ParallelTest(t, resource.TestCase{
					ProtoV6ProviderFactories: providersWithClient(fastRetries),
					Steps:                    []resource.TestStep{step},
				})
			})
		}
	})
	if after := emulatorSnapshot(srv); !reflect.DeepEqual(before, after) {
		t.Errorf("the emulator's rooms and links changed:\nbefore %+v\nafter  %+v", before, after)
	}
	// Only the two creates in full rooms reached DocSpace, each once.
	if n := srv.Requests(http.MethodPut, "/api/2.0/files/rooms/{id}/links"); n != 2 {
		t.Errorf("%d link writes reached the emulator, want 2 (the refused creates in the full room)", n)
	}
	for _, method := range []string{http.MethodPost, http.MethodDelete} {
		if n := srv.Requests(method, "/api/2.0/files/rooms"); n != 0 {
			t.Errorf("%d %s requests reached the emulator", n, method)
		}
	}
}

// regexpOf compiles a pattern of an expected diagnostic, letting each space
// match the line breaks Terraform wraps long messages with.
func regexpOf(pattern string) *regexp.Regexp {
	return regexp.MustCompile(strings.Join(strings.Split(pattern, " "), `\s+`))
}
