package provider

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// Marker secrets: distinctive words, so that any part of one found in
// Terraform's output or log is a leak, not a coincidence.
const (
	markerWithSpaces = "Quokka7 Zebra9 Wombat5"   // breaks the "no spaces" rule
	markerValid      = "Quokka7-Zebra9-Wombat5"   // passes the plan-time policy (22 characters)
	markerSignIn     = "Quokka7-Wallaby4-Wombat5" // a wrong sign-in password
	markerToken      = "sk-Quokka7Zebra9Wombat5Xylo3"
	markerInPortal   = "Narwhal3-Okapi8-Tapir6" // a password set in DocSpace, imported and refreshed
)

// TestAccSecretsNeverShown feeds marker passwords and a marker token
// through every check and failure path, at Terraform's default log level
// and at TRACE, and finds no part of any of them in what Terraform prints
// (standard output and error) or logs:
//
//   - the plan-time password policy of docspace_room_link.password and
//     password_wo and of docspace_room_primary_link.password, from a
//     sensitive and an ephemeral variable (terraform validate and plan);
//   - a token DocSpace rejects, and a sign-in with a wrong password;
//   - a password DocSpace's own policy refuses (a portal whose minimum is
//     24), and a server (or proxy) that echoes the password in its error;
//   - the import of a link with a password set in DocSpace, the apply that
//     sets the configured one, a refresh that finds both passwords changed
//     in DocSpace (a sensitive diff and the write-only drift warning), the
//     data source reading the link, and destroy.
func TestAccSecretsNeverShown(t *testing.T) {
	if testEmulator == nil {
		t.Skip("needs the DocSpace emulator (DOCSPACE_HOST names a real portal)")
	}
	for _, level := range []string{"default", "TRACE"} {
		t.Run(level, func(t *testing.T) {
			t.Parallel()
			secretsNeverShownAt(t, level)
		})
	}
}

func secretsNeverShownAt(t *testing.T, level string) {
	const token, userName, signInPassword = "sk-hygiene-0d9c8b7a6f5e4d3c", "ops@example.com", "Right-Pa55word-1"
	srv := docspacetest.NewTestServer(t, docspacetest.WithTokens(token), docspacetest.WithUser(userName, signInPassword),
		docspacetest.WithLocation(testLocation))
	strict := docspacetest.NewTestServer(t, docspacetest.WithTokens(token), docspacetest.WithPasswordMinLength(24))
	echo := echoingProxy(t, srv.URL)
	custom := srv.CreateRoom("custom", docspacetest.RoomCustom)
	public := srv.CreateRoom("public", docspacetest.RoomPublic)
	strictRoom := strict.CreateRoom("strict", docspacetest.RoomCustom)

	r := newTerraformRun(t, "DOCSPACE_HOST=", "DOCSPACE_TOKEN=", "DOCSPACE_USERNAME=", "DOCSPACE_PASSWORD=",
		"TF_VAR_with_spaces="+markerWithSpaces, "TF_VAR_with_spaces_wo="+markerWithSpaces,
		"TF_VAR_valid="+markerValid, "TF_VAR_valid_wo="+markerValid)
	if level == "default" {
		r.env = withoutLogSettings(r.env)
	}
	if !r.versionAtLeast(1, 11) {
		t.Skip("write-only attributes need Terraform 1.11 or later")
	}
	// setProvider points the provider block's variables at a portal.
	setProvider := func(host, token, user, password string) {
		r.env = append(r.env, "TF_VAR_host="+host, "TF_VAR_token="+token, "TF_VAR_user_name="+user, "TF_VAR_sign_in_password="+password)
	}
	expectFailure := func(want string, args ...string) string {
		t.Helper()
		out, err := r.try(args...)
		if err == nil {
			t.Fatalf("terraform %s succeeded, want a failure with %q:\n%s", strings.Join(args, " "), want, out)
		}
		if !wrapped(want).MatchString(out) {
			t.Fatalf("terraform %s failed without %q:\n%s", strings.Join(args, " "), want, out)
		}
		return out
	}

	// 1. The plan-time password policy, for all three attributes.
	setProvider(srv.URL, token, "", "")
	r.writeConfig(secretsConfig + fmt.Sprintf(`
resource "docspace_room_link" "checked" {
  room_id  = "%[1]d"
  access   = "read"
  password = var.with_spaces
}

resource "docspace_room_link" "checked_wo" {
  room_id             = "%[1]d"
  access              = "read"
  password_wo         = var.with_spaces_wo
  password_wo_version = 1
}

resource "docspace_room_primary_link" "checked" {
  room_id  = "%[2]d"
  password = var.with_spaces
}
`, custom.ID, public.ID))
	r.run("validate")
	out := expectFailure("Invalid Password", "plan")
	if n := len(wrapped("contains a space").FindAllString(out, -1)); n != 3 {
		t.Errorf("%d password policy errors, want 3 (password, password_wo, the primary link's password):\n%s", n, out)
	}

	// 2. A token DocSpace rejects; a sign-in with a wrong password.
	linkWithValidPassword := fmt.Sprintf(`
resource "docspace_room_link" "valid" {
  room_id  = "%d"
  access   = "read"
  password = var.valid
}
`, custom.ID)
	r.writeConfig(secretsConfig + linkWithValidPassword)
	setProvider(srv.URL, markerToken, "", "")
	expectFailure("rejected the token", "plan")
	setProvider(srv.URL, "", userName, markerSignIn)
	expectFailure("DocSpace Rejected the Sign-In", "plan")

	// 3. DocSpace's own policy refuses the password; a server that echoes it.
	setProvider(strict.URL, token, "", "")
	r.writeConfig(secretsConfig + strings.Replace(linkWithValidPassword, fmt.Sprint(custom.ID), fmt.Sprint(strictRoom.ID), 1))
	expectFailure("Password must contain from 24 to 30 characters", "apply", "-auto-approve")
	if n := len(strict.Links(strictRoom.ID)); n != 0 {
		t.Errorf("the refused create left %d links", n)
	}
	setProvider(echo, token, "", "")
	r.writeConfig(secretsConfig + linkWithValidPassword)
	expectFailure("is not allowed here", "apply", "-auto-approve")

	// 4. Import, apply, refresh with drift, data source, destroy.
	if err := srv.SetLink(custom.ID, docspacetest.Link{LinkType: 1, Access: 2, Title: "Imported", Password: markerInPortal}); err != nil {
		t.Fatal(err)
	}
	importedID := srv.Links(custom.ID)[0].ID
	setProvider(srv.URL, token, "", "")
	r.writeConfig(secretsConfig + fmt.Sprintf(`
resource "docspace_room_link" "imported" {
  room_id  = "%[1]d"
  access   = "read"
  title    = "Imported"
  password = var.valid
}

resource "docspace_room_link" "write_only" {
  room_id             = "%[1]d"
  access              = "read"
  title               = "Write-only"
  password_wo         = var.valid_wo
  password_wo_version = 1
}

data "docspace_room_link" "imported" {
  room_id = "%[1]d"
  id      = %[2]q
}
`, custom.ID, importedID))
	r.run("import", "docspace_room_link.imported", fmt.Sprintf("%d/%s", custom.ID, importedID))
	r.run("apply", "-auto-approve")
	for _, l := range srv.Links(custom.ID) {
		if l.Password != markerValid {
			t.Fatalf("link %q does not hold the configured password after apply", l.Title)
		}
		l.Password = markerInPortal
		if err := srv.SetLink(custom.ID, l); err != nil {
			t.Fatal(err)
		}
	}
	out = r.run("plan")
	for _, want := range []string{"(sensitive value)", "Password Differs From password_wo"} {
		if !wrapped(want).MatchString(out) {
			t.Errorf("the plan after the passwords changed in DocSpace lacks %q:\n%s", want, out)
		}
	}
	r.run("destroy", "-auto-approve")

	printed := r.output.String()
	var logged string
	if level == "TRACE" {
		data, err := os.ReadFile(r.logPath)
		if err != nil {
			t.Fatal(err)
		}
		logged = string(data)
		if !strings.Contains(logged, "[TRACE]") {
			t.Fatal("the log holds no TRACE lines: the run did not log at TRACE")
		}
	} else if _, err := os.Stat(r.logPath); err == nil {
		t.Fatal("a log file was written at the default level")
	}
	for _, secret := range []string{markerWithSpaces, markerValid, markerSignIn, markerToken, markerInPortal} {
		for _, part := range markerParts(secret) {
			if strings.Contains(printed, part) {
				t.Errorf("Terraform's output holds %q of a secret in:\n%s", part, linesWith(printed, part))
			}
			if strings.Contains(logged, part) {
				t.Errorf("the %s log holds %q of a secret in:\n%s", level, part, linesWith(logged, part))
			}
		}
	}
}

// wrapped matches text as Terraform prints it, wrapped at any space.
func wrapped(text string) *regexp.Regexp {
	return regexp.MustCompile(strings.ReplaceAll(regexp.QuoteMeta(text), " ", `\s+`))
}

// secretsConfig is the provider block, fed from variables, and every
// variable the scenarios use.
const secretsConfig = `
terraform {
  required_providers {
    docspace = {
      source = "docspace-community/docspace"
    }
  }
}

variable "host" {
  type = string
}

variable "token" {
  type      = string
  sensitive = true
}

variable "user_name" {
  type = string
}

variable "sign_in_password" {
  type      = string
  sensitive = true
}

variable "with_spaces" {
  type      = string
  sensitive = true
}

variable "with_spaces_wo" {
  type      = string
  ephemeral = true
}

variable "valid" {
  type      = string
  sensitive = true
}

variable "valid_wo" {
  type      = string
  ephemeral = true
}

provider "docspace" {
  host     = var.host
  token    = var.token
  username = var.user_name
  password = var.sign_in_password
}
`

// markerParts is every piece of a marker a leak check looks for: the
// whole, each word of five characters or more, and both halves.
func markerParts(secret string) []string {
	parts := []string{secret}
	for _, w := range strings.FieldsFunc(secret, func(r rune) bool { return r == ' ' || r == '-' }) {
		if len(w) >= 5 {
			parts = append(parts, w)
		}
	}
	return append(parts, secret[:len(secret)/2], secret[len(secret)/2:])
}

// withoutLogSettings drops TF_LOG and TF_LOG_PATH, so Terraform runs at its
// default level.
func withoutLogSettings(env []string) []string {
	out := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, "TF_LOG=") && !strings.HasPrefix(kv, "TF_LOG_PATH=") {
			out = append(out, kv)
		}
	}
	return out
}

// echoingProxy serves the emulator, except that a link write carrying a
// password fails with DocSpace's error envelope repeating the password, as
// a careless server or proxy might.
func echoingProxy(t *testing.T, target string) string {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(u)
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut && strings.HasSuffix(r.URL.Path, "/links") {
			body, _ := io.ReadAll(r.Body)
			var req struct {
				Password string `json:"password"`
			}
			if json.Unmarshal(body, &req) == nil && req.Password != "" {
				msg, _ := json.Marshal(fmt.Sprintf("The password %s is not allowed here", req.Password))
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusBadRequest)
				fmt.Fprintf(w, `{"error":{"message":%s,"type":"System.ArgumentException"},"status":1,"statusCode":400}`, msg)
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s.URL
}
