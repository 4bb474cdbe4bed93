package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-version"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// TestAccQuery_generatedConfigThroughBinary adopts a portal's links the way
// a user does, through the provider binary as Terraform starts it, with no
// log settings (the quiet mode of Serve, which the in-process acceptance
// tests never use): `terraform query -generate-config-out`, then a plan that
// only imports, an apply, and a plan with no changes. It needs Terraform 1.14
// or later and the emulator.
func TestAccQuery_generatedConfigThroughBinary(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
	tf := terraformAtLeast(t, "1.14.0")
	srv, _ := newEmulator(t)
	t.Parallel()

	dir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "bin", "terraform-provider-docspace"),
		"github.com/docspace-community/terraform-provider-docspace")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	cliConfig := filepath.Join(dir, "terraformrc")
	writeFile(t, cliConfig, fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"docspace-community/docspace\" = %q\n  }\n  direct {}\n}\n", filepath.Join(dir, "bin")))

	c := emulatorClient(t, srv)
	custom := emulatorRoomID(t, srv, docspacetest.RoomCustom)
	public := emulatorRoomID(t, srv, docspacetest.RoomPublic)
	expiry := time.Now().Add(90 * 24 * time.Hour).UTC().Truncate(time.Second)
	uses := 25
	const password = "Partner-2026"
	for _, l := range []struct {
		room string
		req  docspace.LinkRequest
	}{
		{custom, docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Auditors", Expiration: &expiry, DenyDownload: true}},
		{custom, docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessComment, Title: "Partners", Password: password}},
		{custom, docspace.LinkRequest{LinkType: docspace.LinkTypeInvitation, Access: docspace.AccessEditing, Title: "Join as editor", MaxUseCount: &uses}},
		{public, docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Press kit"}},
	} {
		if _, err := c.SetLink(context.Background(), docspace.RoomTarget(l.room), l.req); err != nil {
			t.Fatal(err)
		}
	}
	var secrets []string
	for _, room := range []string{custom, public} {
		links, err := c.ListLinks(context.Background(), docspace.RoomTarget(room), nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range links {
			for _, s := range []string{l.ShareLink, l.RequestToken} {
				if s != "" {
					secrets = append(secrets, s)
				}
			}
		}
	}
	secrets = append(secrets, password, docspacetest.DefaultToken)

	writeFile(t, filepath.Join(dir, "main.tf"), fmt.Sprintf(`terraform {
  required_providers {
    docspace = {
      source = "docspace-community/docspace"
    }
  }
}

variable "docspace_token" {
  type      = string
  sensitive = true
}

provider "docspace" {
  host  = %q
  token = var.docspace_token
}
`, srv.URL))
	writeFile(t, filepath.Join(dir, "links.tfquery.hcl"), `list "docspace_room_link" "all" {
  provider         = docspace
  include_resource = true
}

list "docspace_room_primary_link" "all" {
  provider         = docspace
  include_resource = true
}
`)
	env := []string{"TF_VAR_docspace_token=" + docspacetest.DefaultToken, "TF_VAR_partners_password=" + password}
	run := func(args ...string) string {
		t.Helper()
		out, err := runTerraform(tf, dir, cliConfig, env, args...)
		if err != nil {
			t.Fatalf("terraform %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		if args[0] != "show" { // show -json holds the state's values as they are
			for _, s := range secrets {
				if strings.Contains(out, s) {
					t.Fatalf("terraform %s printed a secret", args[0])
				}
			}
		}
		return out
	}

	queried := run("query", "-generate-config-out=links.tf")
	for _, want := range []string{`"Auditors" (external, read)`, `"Partners" (external, comment, password)`, `"Join as editor" (invitation, editing)`,
		`"Press kit" (external, read)`, `(primary, read) in room ` + public} {
		if !strings.Contains(queried, want) {
			t.Errorf("terraform query does not list %s:\n%s", want, queried)
		}
	}
	generated, err := os.ReadFile(filepath.Join(dir, "links.tf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range secrets {
		if strings.Contains(string(generated), s) {
			t.Fatal("the generated configuration holds a secret")
		}
	}
	if n := strings.Count(string(generated), "import {"); n != 5 {
		t.Errorf("%d import blocks generated, want 5 (4 links and a primary link):\n%s", n, generated)
	}
	// Terraform writes a password as null: the user adds it, as the guide
	// says, or the plan would remove it.
	withPassword := addPassword(t, string(generated), "Partners", "var.partners_password")
	writeFile(t, filepath.Join(dir, "links.tf"), withPassword+"\nvariable \"partners_password\" {\n  type      = string\n  sensitive = true\n}\n")

	writesBefore := srv.Requests("PUT", "/api/2.0/files/rooms/{id}/links")
	run("plan", "-out=adopt.tfplan")
	var plan struct {
		ResourceChanges []struct {
			Address string `json:"address"`
			Change  struct {
				Actions   []string        `json:"actions"`
				Importing json.RawMessage `json:"importing"`
			} `json:"change"`
		} `json:"resource_changes"`
	}
	if err := json.Unmarshal([]byte(run("show", "-json", "adopt.tfplan")), &plan); err != nil {
		t.Fatal(err)
	}
	if len(plan.ResourceChanges) != 5 {
		t.Errorf("the plan changes %d resources, want 5 imports", len(plan.ResourceChanges))
	}
	// An import records no password (the state holds only one the
	// configuration set), so the link with a password is imported and
	// updated once with the configured one; every other link is imported
	// and nothing else.
	updates := 0
	for _, rc := range plan.ResourceChanges {
		want := "no-op"
		if len(rc.Change.Actions) == 1 && rc.Change.Actions[0] == "update" {
			want = "update"
			updates++
		}
		if len(rc.Change.Actions) != 1 || rc.Change.Actions[0] != want || len(rc.Change.Importing) == 0 {
			t.Errorf("%s: actions %v, importing %s; want an import", rc.Address, rc.Change.Actions, rc.Change.Importing)
		}
	}
	if updates != 1 {
		t.Errorf("the plan updates %d imported links, want 1 (the link with a password)", updates)
	}
	run("apply", "adopt.tfplan")
	if out, err := runTerraform(tf, dir, cliConfig, env, "plan", "-detailed-exitcode"); err != nil {
		t.Errorf("the plan after adopting is not empty: %v\n%s", err, out)
	}
	if n := srv.Requests("PUT", "/api/2.0/files/rooms/{id}/links") - writesBefore; n != 1 {
		t.Errorf("adopting the links wrote to DocSpace %d times, want 1 (the password sent again)", n)
	}
	kept := false
	for _, l := range srv.Links(mustAtoi(t, custom)) {
		if l.Title == "Partners" && l.Password == password {
			kept = true
		}
	}
	if !kept {
		t.Error("the Partners link lost its password while being adopted")
	}
	if got := len(srv.Links(mustAtoi(t, custom))); got != 3 {
		t.Errorf("room %s holds %d links after adopting them, want 3", custom, got)
	}
}

// terraformAtLeast is the Terraform CLI the acceptance tests use, or a skip
// when it is older than minimum.
func terraformAtLeast(t *testing.T, minimum string) string {
	t.Helper()
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		var err error
		if tf, err = exec.LookPath("terraform"); err != nil {
			t.Skip("no Terraform CLI: set TF_ACC_TERRAFORM_PATH")
		}
	}
	out, err := exec.Command(tf, "version", "-json").Output()
	if err != nil {
		t.Fatalf("%s version: %v", tf, err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("%s version -json: %v", tf, err)
	}
	have, err := version.NewVersion(v.Version)
	if err != nil {
		t.Fatal(err)
	}
	if have.LessThan(version.Must(version.NewVersion(minimum))) {
		t.Skipf("Terraform CLI version %s is below %s", have, minimum)
	}
	return tf
}

// runTerraform runs the CLI in dir with an environment that asks for no
// logs, so that the provider serves in its quiet mode.
func runTerraform(tf, dir, cliConfig string, env []string, args ...string) (string, error) {
	cmd := exec.Command(tf, append(args[:1:1], append([]string{"-no-color"}, args[1:]...)...)...)
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TF_LOG") && !strings.HasPrefix(kv, "TF_CLI_CONFIG_FILE=") && !strings.HasPrefix(kv, "DOCSPACE_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "TF_CLI_CONFIG_FILE="+cliConfig, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	cmd.Env = append(cmd.Env, env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// addPassword sets the password of the generated resource with the given
// title, which Terraform wrote as null.
func addPassword(t *testing.T, config, title, expr string) string {
	t.Helper()
	blocks := regexp.MustCompile(`(?s)resource "docspace_room_link" "[^"]+" \{.*?\n\}`)
	done := false
	config = blocks.ReplaceAllStringFunc(config, func(block string) string {
		if !regexp.MustCompile(`(?m)^\s*title\s*=\s*` + regexp.QuoteMeta(fmt.Sprintf("%q", title)) + `$`).MatchString(block) {
			return block
		}
		done = true
		return regexp.MustCompile(`(?m)^(\s*password\s*=) null # sensitive$`).ReplaceAllString(block, "$1 "+expr)
	})
	if !done {
		t.Fatalf("no generated resource titled %q", title)
	}
	return config
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
