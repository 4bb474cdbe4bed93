package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// terraformRun drives the Terraform CLI against a provider binary built from
// this module, as a user would run it, with TF_LOG=TRACE into a log file.
type terraformRun struct {
	t       *testing.T
	dir     string
	env     []string
	logPath string
	output  bytes.Buffer // stdout and stderr of every command
}

func newTerraformRun(t *testing.T, extraEnv ...string) *terraformRun {
	t.Helper()
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		var err error
		if tf, err = exec.LookPath("terraform"); err != nil {
			t.Skip("needs the Terraform CLI on PATH")
		}
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("needs the go command to build the provider")
	}
	pluginDir, workDir := t.TempDir(), t.TempDir()
	build := exec.Command(goTool, "build", "-o", filepath.Join(pluginDir, "terraform-provider-docspace"), "../..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	cliConfig := filepath.Join(workDir, "terraformrc")
	if err := os.WriteFile(cliConfig, []byte(fmt.Sprintf(
		"provider_installation {\n  dev_overrides {\n    %q = %q\n  }\n  direct {}\n}\n",
		"docspace-community/docspace", pluginDir)), 0o600); err != nil {
		t.Fatal(err)
	}
	r := &terraformRun{t: t, dir: filepath.Join(workDir, "config"), logPath: filepath.Join(workDir, "terraform.log")}
	if err := os.Mkdir(r.dir, 0o700); err != nil {
		t.Fatal(err)
	}
	r.env = append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+cliConfig, "TF_LOG=TRACE", "TF_LOG_PATH="+r.logPath, "CHECKPOINT_DISABLE=1",
		"TF_IN_AUTOMATION=1", "TF_INPUT=0")
	r.env = append(r.env, extraEnv...)
	r.env = append(r.env, "TF_ACC_TERRAFORM_BINARY="+tf)
	return r
}

func (r *terraformRun) writeConfig(config string) {
	r.t.Helper()
	if err := os.WriteFile(filepath.Join(r.dir, "main.tf"), []byte(config), 0o600); err != nil {
		r.t.Fatal(err)
	}
}

// run executes one Terraform command and fails the test when it fails.
func (r *terraformRun) run(args ...string) string {
	r.t.Helper()
	out, err := r.try(args...)
	if err != nil {
		r.t.Fatalf("terraform %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// try executes one Terraform command and returns its output and error.
func (r *terraformRun) try(args ...string) (string, error) {
	r.t.Helper()
	tf := ""
	for _, kv := range r.env {
		if v, ok := strings.CutPrefix(kv, "TF_ACC_TERRAFORM_BINARY="); ok {
			tf = v
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, tf, append(args, "-no-color")...)
	cmd.Dir, cmd.Env = r.dir, r.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	r.output.Write(out.Bytes())
	return out.String(), err
}

// TestAccLogHygiene runs plan, apply, import, a refreshing plan and destroy
// with TF_LOG=TRACE and TF_LOG_PATH, one request failing on the way. Neither
// the log nor Terraform's output holds the token, a password, a share link or
// a request token — while the log shows every request's method, path and
// status, with Authorization redacted.
func TestAccLogHygiene(t *testing.T) {
	if testEmulator == nil {
		t.Skip("needs the DocSpace emulator (DOCSPACE_HOST names a real portal)")
	}
	const token = "sk-hygiene-7c1e5b2d4a6f8e0c1b3d5f7a9c2e4b6d"
	srv := docspacetest.NewTestServer(t, docspacetest.WithTokens(token), docspacetest.WithLocation(testLocation))
	room := srv.CreateRoom("hygiene", docspacetest.RoomCustom)
	passwords := []string{"Literal-Pa55word-1", "Variable-Pa55word-2", "Imported-Pa55word-3"}
	r := newTerraformRun(t, "DOCSPACE_TOKEN="+token, "DOCSPACE_HOST=", "TF_VAR_link_password="+passwords[1])

	config := fmt.Sprintf(`
terraform {
  required_providers {
    docspace = {
      source = "docspace-community/docspace"
    }
  }
}

provider "docspace" {
  host = %q
}

variable "link_password" {
  type      = string
  sensitive = true
}

resource "docspace_room_link" "literal" {
  room_id  = "%d"
  access   = "read"
  title    = "Literal"
  password = %q
}

resource "docspace_room_link" "variable" {
  room_id  = "%d"
  access   = "editing"
  title    = "Variable"
  password = var.link_password
}

resource "docspace_room_link" "invitation" {
  room_id   = "%d"
  link_type = "invitation"
  access    = "read"
}
`, srv.URL, room.ID, passwords[0], room.ID, room.ID)
	r.writeConfig(config)
	r.run("plan")
	srv.FailNext(docspacetest.FaultServerError) // one retry on the way
	r.run("apply", "-auto-approve")

	// A link made outside Terraform, imported.
	if err := srv.SetLink(room.ID, docspacetest.Link{LinkType: 1, Access: 2, Title: "Imported", Password: passwords[2]}); err != nil {
		t.Fatal(err)
	}
	var importedID string
	for _, l := range srv.Links(room.ID) {
		if l.Title == "Imported" {
			importedID = l.ID
		}
	}
	r.writeConfig(config + fmt.Sprintf(`
resource "docspace_room_link" "imported" {
  room_id  = "%d"
  access   = "read"
  title    = "Imported"
  password = %q
}
`, room.ID, passwords[2]))
	r.run("import", "docspace_room_link.imported", fmt.Sprintf("%d/%s", room.ID, importedID))
	// An import records no password, so the configured one is sent once.
	r.run("apply", "-auto-approve")
	if out := r.run("plan", "-detailed-exitcode"); !strings.Contains(out, "No changes") {
		t.Errorf("plan after import and apply is not empty:\n%s", out)
	}
	// The import recorded no share secret (it cannot see store_share_link);
	// a refresh reads them.
	r.run("apply", "-refresh-only", "-auto-approve")

	secrets := append([]string{token}, passwords...)
	for _, l := range srv.Links(room.ID) {
		secrets = append(secrets, l.ShareLink, l.ShareLink[strings.LastIndex(l.ShareLink, "/")+1:])
		if l.RequestToken != "" {
			secrets = append(secrets, l.RequestToken)
		}
	}
	if len(srv.Links(room.ID)) != 4 {
		t.Fatalf("room holds %d links, want 4", len(srv.Links(room.ID)))
	}
	// The secrets searched for are the real ones: the state holds them.
	state, err := os.ReadFile(filepath.Join(r.dir, "terraform.tfstate"))
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range secrets[1:] {
		if !bytes.Contains(state, []byte(secret)) {
			t.Errorf("the state lacks a secret the test looks for (%d characters)", len(secret))
		}
	}
	r.run("destroy", "-auto-approve")
	if n := len(srv.Links(room.ID)); n != 0 {
		t.Errorf("destroy left %d links", n)
	}

	logData, err := os.ReadFile(r.logPath)
	if err != nil {
		t.Fatal(err)
	}
	log, output := string(logData), r.output.String()
	if os.Getenv("DOCSPACE_KEEP_LOG") != "" {
		_ = os.WriteFile(os.Getenv("DOCSPACE_KEEP_LOG"), logData, 0o600)
	}
	for _, secret := range secrets {
		if strings.Contains(log, secret) {
			t.Errorf("the TRACE log holds the secret %q in:\n%s", secret, linesWith(log, secret))
		}
		if strings.Contains(output, secret) {
			t.Errorf("Terraform's output holds the secret %q in:\n%s", secret, linesWith(output, secret))
		}
	}
	// The log shows each request: method, path, status, redacted Authorization.
	var lines []string
	for _, line := range strings.Split(log, "\n") {
		if strings.Contains(line, "] provider.terraform-provider-docspace: DocSpace API request:") {
			lines = append(lines, line)
		}
	}
	for _, want := range [][]string{
		{"method=GET", fmt.Sprintf("path=/api/2.0/files/rooms/%d ", room.ID), "status=200"},
		{"method=GET", fmt.Sprintf("path=/api/2.0/files/rooms/%d/links ", room.ID), "status=200"},
		{"method=PUT", fmt.Sprintf("path=/api/2.0/files/rooms/%d/links ", room.ID), "status=200"},
		{"status=500"},
		{"Authorization:[redacted]"},
	} {
		if !anyLineHasAll(lines, want) {
			t.Errorf("no request line in the log has %q", want)
		}
	}
	for _, line := range lines {
		if !strings.Contains(line, "Authorization:[redacted]") {
			t.Errorf("a request line lacks the redacted Authorization: %s", line)
			break
		}
	}
	if !strings.Contains(log, "Retrying DocSpace API request") {
		t.Error("the log does not show the retry")
	}
	writes := srv.Requests("PUT", "/api/2.0/files/rooms/{id}/links")
	if n := len(lines); n < writes {
		t.Errorf("%d request lines in the log, fewer than the %d writes", n, writes)
	}
}

// versionAtLeast reports whether the CLI under test is at least major.minor.
func (r *terraformRun) versionAtLeast(major, minor int) bool {
	r.t.Helper()
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal([]byte(r.run("version", "-json")), &v); err != nil {
		r.t.Fatalf("reading the CLI version: %v", err)
	}
	var gotMajor, gotMinor int
	if _, err := fmt.Sscanf(v.Version, "%d.%d", &gotMajor, &gotMinor); err != nil {
		r.t.Fatalf("reading the CLI version %q: %v", v.Version, err)
	}
	return gotMajor > major || (gotMajor == major && gotMinor >= minor)
}

func anyLineHasAll(lines []string, parts []string) bool {
	for _, l := range lines {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(l+" ", p)
		}
		if all {
			return true
		}
	}
	return false
}

// linesWith quotes the lines holding a secret, the secret blanked, so that a
// failure shows where it leaked without repeating it.
func linesWith(text, secret string) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, secret) {
			line = strings.ReplaceAll(line, secret, "<SECRET>")
			if len(line) > 300 {
				line = line[:300] + "…"
			}
			out = append(out, "  "+line)
		}
	}
	return strings.Join(out, "\n")
}

// TestAccLogHygieneSignInAndWriteOnly: the sign-in password, a write-only
// password and the primary link's secrets stay out of the log and output,
// and the write-only password out of the state too.
func TestAccLogHygieneSignInAndWriteOnly(t *testing.T) {
	if testEmulator == nil {
		t.Skip("needs the DocSpace emulator (DOCSPACE_HOST names a real portal)")
	}
	const signInPassword, writeOnly, primaryPassword = "Sign-in-Pa55word-9", "Write-only-Pa55word-8", "Primary-Pa55word-7"
	r := newTerraformRun(t, "DOCSPACE_TOKEN=", "DOCSPACE_USERNAME=ops@example.com", "DOCSPACE_PASSWORD="+signInPassword)
	if !r.versionAtLeast(1, 11) {
		t.Skip("write-only attributes need Terraform 1.11 or later")
	}
	srv := docspacetest.NewTestServer(t, docspacetest.WithUser("ops@example.com", signInPassword), docspacetest.WithLocation(testLocation))
	r.env = append(r.env, "DOCSPACE_HOST="+srv.URL)
	room := srv.CreateRoom("hygiene", docspacetest.RoomPublic)
	r.writeConfig(fmt.Sprintf(`
terraform {
  required_providers {
    docspace = {
      source = "docspace-community/docspace"
    }
  }
}

resource "docspace_room_link" "write_only" {
  room_id             = "%[1]d"
  access              = "read"
  password_wo         = %[2]q
  password_wo_version = 1
}

resource "docspace_room_primary_link" "primary" {
  room_id  = "%[1]d"
  password = %[3]q
}
`, room.ID, writeOnly, primaryPassword))
	r.run("apply", "-auto-approve")
	if out := r.run("plan"); !strings.Contains(out, "No changes") {
		t.Errorf("plan after apply is not empty:\n%s", out)
	}
	state, err := os.ReadFile(filepath.Join(r.dir, "terraform.tfstate"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(state, []byte(writeOnly)) {
		t.Error("the state holds the write-only password")
	}
	secrets := []string{signInPassword, writeOnly, primaryPassword}
	for _, l := range srv.Links(room.ID) {
		secrets = append(secrets, l.ShareLink, l.RequestToken)
	}
	r.run("destroy", "-auto-approve")
	logData, err := os.ReadFile(r.logPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range secrets {
		if secret == "" {
			continue
		}
		if strings.Contains(string(logData), secret) {
			t.Errorf("the TRACE log holds a secret in:\n%s", linesWith(string(logData), secret))
		}
		if strings.Contains(r.output.String(), secret) {
			t.Errorf("Terraform's output holds a secret in:\n%s", linesWith(r.output.String(), secret))
		}
	}
	if !strings.Contains(string(logData), "path=/api/2.0/authentication") {
		t.Error("the log does not show the sign-in request")
	}
}
