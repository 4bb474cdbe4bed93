package provider

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// TestAccWriteOnlyPasswordDriftStoresNothing: with password_wo the state
// holds neither the password nor anything derived from it (no private
// digest), yet a password changed in DocSpace is reported by the next plan,
// for both resources, without a request beyond the refresh's one listing
// of the room. A new password_wo_version sets it back and the warning goes.
func TestAccWriteOnlyPasswordDriftStoresNothing(t *testing.T) {
	if testEmulator == nil {
		t.Skip("needs the DocSpace emulator (DOCSPACE_HOST names a real portal)")
	}
	const token, password, changed = "sk-drift-4b1d9e7a2c5f8036", "Write-only-Pa55word-1", "Changed-in-UI-Pa55-2"
	srv := docspacetest.NewTestServer(t, docspacetest.WithTokens(token), docspacetest.WithLocation(testLocation))
	room := srv.CreateRoom("drift", docspacetest.RoomPublic)
	r := newTerraformRun(t, "DOCSPACE_TOKEN="+token, "DOCSPACE_HOST="+srv.URL, "TF_VAR_link_password="+password)
	if !r.versionAtLeast(1, 11) {
		t.Skip("write-only attributes need Terraform 1.11 or later")
	}
	config := func(version int) string {
		return fmt.Sprintf(`
terraform {
  required_providers {
    docspace = {
      source = "docspace-community/docspace"
    }
  }
}

variable "link_password" {
  type      = string
  ephemeral = true
}

resource "docspace_room_link" "write_only" {
  room_id             = "%[1]d"
  access              = "read"
  password_wo         = var.link_password
  password_wo_version = %[2]d
}

resource "docspace_room_primary_link" "primary" {
  room_id             = "%[1]d"
  password_wo         = var.link_password
  password_wo_version = %[2]d
}
`, room.ID, version)
	}
	r.writeConfig(config(1))
	r.run("apply", "-auto-approve")
	checkStateHoldsNothingOf(t, r, password)
	if out := r.run("plan"); !strings.Contains(out, "No changes") || strings.Contains(out, "Password Differs") {
		t.Errorf("plan after apply is not empty and quiet:\n%s", out)
	}

	// Both passwords are changed in DocSpace.
	for _, l := range srv.Links(room.ID) {
		if l.Password != password {
			t.Fatalf("link %s holds another password after apply", l.ID)
		}
		l.Password = changed
		if err := srv.SetLink(room.ID, l); err != nil {
			t.Fatal(err)
		}
	}
	listings := srv.Requests("GET", "/api/2.0/files/rooms/{id}/links")
	out := r.run("plan", "-json") // one line per diagnostic: warnings are not folded together
	if n := strings.Count(out, `"summary":"Password Differs From password_wo"`); n != 2 {
		t.Errorf("the plan warns %d times, want once per resource:\n%s", n, out)
	}
	if n := srv.Requests("GET", "/api/2.0/files/rooms/{id}/links") - listings; n != 1 {
		t.Errorf("the plan listed the room's links %d times, want 1 (the refresh's listing serves the comparison)", n)
	}

	r.writeConfig(config(2))
	r.run("apply", "-auto-approve")
	for _, l := range srv.Links(room.ID) {
		if l.Password != password {
			t.Errorf("link %s was not set back to password_wo", l.ID)
		}
	}
	if out := r.run("plan"); strings.Contains(out, "Password Differs") {
		t.Errorf("the warning stays after password_wo was sent again:\n%s", out)
	}
	checkStateHoldsNothingOf(t, r, password)
	r.run("destroy", "-auto-approve")
	for _, secret := range []string{password, changed} {
		if strings.Contains(r.output.String(), secret) {
			t.Errorf("Terraform's output holds a password in:\n%s", linesWith(r.output.String(), secret))
		}
	}
}

// checkStateHoldsNothingOf fails when the state file holds the password, or
// any resource instance keeps private data beyond the framework's own.
func checkStateHoldsNothingOf(t *testing.T, r *terraformRun, password string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(r.dir, "terraform.tfstate"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), password) {
		t.Error("the state holds the write-only password")
	}
	var state struct {
		Resources []struct {
			Type      string `json:"type"`
			Instances []struct {
				Private string `json:"private"`
			} `json:"instances"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(raw, &state); err != nil {
		t.Fatal(err)
	}
	for _, res := range state.Resources {
		for _, inst := range res.Instances {
			private, err := base64.StdEncoding.DecodeString(inst.Private)
			if err != nil {
				t.Fatalf("%s: private state is not base64: %v", res.Type, err)
			}
			if strings.Contains(string(private), legacyPasswordDigestKey) || strings.Contains(string(private), password) {
				t.Errorf("%s keeps data derived from the password in private state: %s", res.Type, private)
			}
		}
	}
}

// BenchmarkWriteOnlyDriftInputs measures what the drift check adds to the
// plan of an unchanged link: one attribute read for a link without
// password_wo (most links), three for one with it. The comparison itself
// is a string comparison; the listing it reads is the refresh's.
func BenchmarkWriteOnlyDriftInputs(b *testing.B) {
	ctx := context.Background()
	r := &linkResource{kind: roomLinks}
	var schemaResp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &schemaResp)
	build := func(m linkModel) (tfsdk.State, tfsdk.Config) {
		state := tfsdk.State{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil)}
		if diags := setModel(ctx, roomLinks, &state.Raw, &m); diags.HasError() {
			b.Fatal(diags)
		}
		return state, tfsdk.Config(state)
	}
	plain := storedModel("4711", "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90")
	writeOnly := plain
	writeOnly.PasswordWO, writeOnly.PasswordWOVersion = types.StringValue("Write-only-Pa55word-1"), types.Int64Value(1)
	for name, m := range map[string]linkModel{"without password_wo": plain, "with password_wo": writeOnly} {
		state, config := build(m)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				unchangedWriteOnlyPassword(ctx, config, state)
			}
		})
	}
}

// TestAccWriteOnlyPasswordNeverStored follows a write-only password through
// every path that writes a link's state, with the state file scanned after
// each step and the room's links counted: a create and an update DocSpace
// stores differently (external sharing disabled by the administrator forces
// internal links), switching from password to password_wo, import, and
// refreshes in between.
func TestAccWriteOnlyPasswordNeverStored(t *testing.T) {
	if testEmulator == nil {
		t.Skip("needs the DocSpace emulator (DOCSPACE_HOST names a real portal)")
	}
	const token, plain, secret = "sk-never-stored-5c2e8a", "Plain-Pa55word-1", "Write-only-Pa55word-9"
	srv := docspacetest.NewTestServer(t, docspacetest.WithTokens(token), docspacetest.WithLocation(testLocation))
	room := srv.CreateRoom("never stored", docspacetest.RoomCustom)
	r := newTerraformRun(t, "DOCSPACE_TOKEN="+token, "DOCSPACE_HOST="+srv.URL, "TF_VAR_plain="+plain, "TF_VAR_secret="+secret)
	if !r.versionAtLeast(1, 11) {
		t.Skip("write-only attributes need Terraform 1.11 or later")
	}
	header := fmt.Sprintf(`
terraform {
  required_providers {
    docspace = {
      source = "docspace-community/docspace"
    }
  }
}

variable "plain" {
  type      = string
  sensitive = true
}

variable "secret" {
  type      = string
  ephemeral = true
}

locals {
  room = "%d"
}
`, room.ID)
	const withPlain = `
resource "docspace_room_link" "switched" {
  room_id  = local.room
  access   = "read"
  title    = "Switched"
  password = var.plain
}
`
	const withWriteOnly = `
resource "docspace_room_link" "switched" {
  room_id             = local.room
  access              = "read"
  title               = "Switched"
  password_wo         = var.secret
  password_wo_version = 1
}
`
	const second = `
resource "docspace_room_link" "second" {
  room_id             = local.room
  access              = "read"
  title               = "Second"
  password_wo         = var.secret
  password_wo_version = 1
}
`
	links := func(step string, want int) {
		t.Helper()
		checkStateHoldsNothingOf(t, r, secret)
		if n := len(srv.Links(room.ID)); n != want {
			t.Errorf("%s: the room holds %d links, want %d", step, n, want)
		}
	}
	r.writeConfig(header + withPlain)
	r.run("apply", "-auto-approve")
	links("created with password", 1)

	// The administrator disables external sharing: DocSpace stores every
	// link of the room as internal, whatever is asked.
	srv.SetExternalSharingDisabled(true)
	r.writeConfig(header + withWriteOnly)
	if out, err := r.try("apply", "-auto-approve"); err == nil || !strings.Contains(out, "DocSpace Did Not Apply the Link as Configured") {
		t.Fatalf("switching to password_wo while DocSpace forces internal links: %v\n%s", err, out)
	}
	links("switched to password_wo, stored differently", 1)
	r.run("apply", "-refresh-only", "-auto-approve")
	links("refreshed after that", 1)

	r.writeConfig(header + withWriteOnly + second)
	if out, err := r.try("apply", "-auto-approve"); err == nil || !strings.Contains(out, "DocSpace Did Not Apply the Link as Configured") {
		t.Fatalf("creating with password_wo while DocSpace forces internal links: %v\n%s", err, out)
	}
	links("created with password_wo, stored differently (and deleted again)", 1)

	srv.SetExternalSharingDisabled(false)
	r.run("apply", "-auto-approve")
	links("applied once DocSpace stores links as asked", 2)
	for _, l := range srv.Links(room.ID) {
		if l.Password != secret || l.Internal {
			t.Errorf("link %q holds another password, or is internal (%v)", l.Title, l.Internal)
		}
	}

	// Imported again, as `terraform import` writes it: the link's password
	// is the write-only one, which the import cannot tell.
	var switchedID string
	for _, l := range srv.Links(room.ID) {
		if l.Title == "Switched" {
			switchedID = l.ID
		}
	}
	r.run("state", "rm", "docspace_room_link.switched")
	r.run("import", "docspace_room_link.switched", fmt.Sprintf("%d/%s", room.ID, switchedID))
	links("imported", 2)
	r.run("apply", "-refresh-only", "-auto-approve")
	links("refreshed after the import", 2)
	r.run("apply", "-auto-approve")
	links("applied after the import", 2)
	if out := r.run("plan"); !strings.Contains(out, "No changes") {
		t.Errorf("plan after the import's apply is not empty:\n%s", out)
	}
	r.run("destroy", "-auto-approve")
	links("destroyed", 0)
	if strings.Contains(r.output.String(), secret) {
		t.Errorf("Terraform's output holds the password in:\n%s", linesWith(r.output.String(), secret))
	}
}
