package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// TestAccEntryDataSource finds files and folders by title in a room, in a
// folder and in My Documents, and reports where each is and what its links
// may carry (API.md §13.3); a found file feeds a docspace_file_link.
func TestAccEntryDataSource(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	policy := createFile(t, room.ID, "Policy.docx")
	createFile(t, room.ID, "Policy draft.docx")
	photos := createFolder(t, room.ID, "Press photos")
	slides := createFile(t, photos.ID, "Slides.pptx")
	// My Documents is shared by every test on the portal: a title of this
	// test's own.
	mineTitle := "tf-acc " + t.Name() + ".xlsx"
	mine := createFile(t, docspace.MyDocuments, mineTitle)
	t.Cleanup(func() {
		if err := testClient(t).DeleteFile(context.Background(), mine.ID); err != nil && !docspace.IsNotFound(err) {
			t.Errorf("deleting file %s: %v", mine.ID, err)
		}
	})
	config := fmt.Sprintf(`
data "docspace_file" "policy" {
  parent_id = %[1]q
  title     = "Policy.docx"
}
data "docspace_folder" "photos" {
  parent_id = %[1]q
  title     = "Press photos"
}
data "docspace_file" "slides" {
  parent_id = data.docspace_folder.photos.id
  title     = "Slides.pptx"
}
data "docspace_file" "mine" {
  in_my_documents = true
  title           = %[2]q
}
resource "docspace_file_link" "auditors" {
  file_id = data.docspace_file.policy.id
  access  = "review"
  title   = "Auditors"
}
`, room.ID, mineTitle)
	value := func(addr, attr string, check knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), check)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				value("data.docspace_file.policy", "id", knownvalue.StringExact(policy.ID)),
				value("data.docspace_file.policy", "extension", knownvalue.StringExact(".docx")),
				value("data.docspace_file.policy", "is_form", knownvalue.Bool(false)),
				value("data.docspace_file.policy", "location", knownvalue.StringExact("custom")),
				value("data.docspace_file.policy", "link_access", stringList("editing", "review", "comment", "read")),
				value("data.docspace_folder.photos", "id", knownvalue.StringExact(photos.ID)),
				value("data.docspace_folder.photos", "location", knownvalue.StringExact("custom")),
				value("data.docspace_folder.photos", "link_access", stringList("editing", "review", "comment", "read")),
				value("data.docspace_file.slides", "id", knownvalue.StringExact(slides.ID)),
				value("data.docspace_file.slides", "extension", knownvalue.StringExact(".pptx")),
				value("data.docspace_file.slides", "location", knownvalue.StringExact("custom")),
				value("data.docspace_file.slides", "link_access", stringList("editing", "comment", "read")),
				value("data.docspace_file.mine", "id", knownvalue.StringExact(mine.ID)),
				value("data.docspace_file.mine", "location", knownvalue.StringExact("my_documents")),
				value("data.docspace_file.mine", "link_access", stringList("editing", "comment", "read")),
				statecheck.CompareValuePairs("docspace_file_link.auditors", tfjsonpath.New("file_id"),
					"data.docspace_file.policy", tfjsonpath.New("id"), compare.ValuesSame()),
			},
			Check: func(*terraform.State) error {
				links, err := testClient(t).ListLinks(context.Background(), docspace.FileTarget(policy.ID), nil)
				if err != nil {
					return err
				}
				if len(links) != 1 || links[0].Title != "Auditors" {
					return fmt.Errorf("file %s holds %d links, want the one named Auditors", policy.ID, len(links))
				}
				return nil
			},
		}},
	})
}

// TestAccEntryDataSource_errors: no exact match names the files or folders
// whose titles contain the title, whatever their case; a title held by the
// other kind says so; and the configuration must name one place to look.
func TestAccEntryDataSource_errors(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	report := createFile(t, room.ID, "Annual Report.docx")
	createFolder(t, room.ID, "Reports")
	archive := createFolder(t, room.ID, "Report archive")
	q := func(text string) string {
		return strings.Join(strings.Fields(regexp.QuoteMeta(text)), `\s+`)
	}
	cases := []struct {
		name   string
		config string
		want   *regexp.Regexp
	}{
		{
			"a file: titles match exactly, extension included",
			fmt.Sprintf(`data "docspace_file" "test" {
  parent_id = %q
  title     = "annual report"
}`, room.ID),
			regexp.MustCompile(`File Not Found[\s\S]*No\s+file\s+in\s+room\s+` + q(room.ID) + `[\s\S]*is\s+titled\s+"annual\s+report"[\s\S]*` +
				`Files\s+whose\s+titles\s+contain\s+it:\s+"Annual\s+Report\.docx"\s+\(id\s+` + q(report.ID) + `\)`),
		},
		{
			"a folder: near matches in any case",
			fmt.Sprintf(`data "docspace_folder" "test" {
  parent_id = %q
  title     = "REPORT"
}`, room.ID),
			regexp.MustCompile(`Folder Not Found[\s\S]*Folders\s+whose\s+titles\s+contain\s+it:\s+"Reports"\s+\(id\s+\d+\),\s+"Report\s+archive"\s+\(id\s+` + q(archive.ID) + `\)`),
		},
		{
			"a folder's title looked up as a file",
			fmt.Sprintf(`data "docspace_file" "test" {
  parent_id = %q
  title     = "Reports"
}`, room.ID),
			regexp.MustCompile(`File Not Found[\s\S]*A\s+folder\s+has\s+that\s+title\s+\(id\s+\d+\):\s+look\s+it\s+up\s+with\s+the\s+docspace_folder\s+data\s+source`),
		},
		{
			"nothing contains the title",
			fmt.Sprintf(`data "docspace_file" "test" {
  parent_id = %q
  title     = "no such file 8c1f02"
}`, room.ID),
			expectError("It holds no file whose title contains it."),
		},
		{
			"an unknown parent",
			`data "docspace_file" "test" {
  parent_id = "987654321"
  title     = "Policy.docx"
}`,
			expectError("Could Not List Folder"),
		},
		{
			"neither parent_id nor in_my_documents",
			`data "docspace_folder" "test" { title = "Reports" }`,
			expectError("Exactly one of these attributes must be configured: [parent_id,in_my_documents]"),
		},
		{
			"both parent_id and in_my_documents",
			fmt.Sprintf(`data "docspace_folder" "test" {
  parent_id       = %q
  in_my_documents = true
  title           = "Reports"
}`, room.ID),
			expectError("Exactly one of these attributes must be configured: [parent_id,in_my_documents]"),
		},
		{
			"in_my_documents = false",
			`data "docspace_file" "test" {
  in_my_documents = false
  title           = "Policy.docx"
}`,
			expectError("in_my_documents = false names no place to look"),
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps:                    []resource.TestStep{{Config: tc.config, ExpectError: tc.want}},
			})
		})
	}
}

// TestAccEntryDataSource_several: two files with one title (which the
// emulator allows; DocSpace itself renames a second upload) are an error
// naming both ids.
func TestAccEntryDataSource_several(t *testing.T) {
	srv := requireEmulator(t)
	room := createRoom(t, docspace.RoomTypeCustom)
	first := srv.CreateFile(mustAtoi(t, room.ID), "Twice.docx")
	second := srv.CreateFile(mustAtoi(t, room.ID), "Twice.docx")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`data "docspace_file" "test" {
  parent_id = %q
  title     = "Twice.docx"
}`, room.ID),
			ExpectError: regexp.MustCompile(fmt.Sprintf(`Several Files Match[\s\S]*2\s+files\s+in\s+room\s+%s[\s\S]*ids\s+%d,\s+%d`,
				room.ID, first.ID, second.ID)),
		}},
	})
}

// TestAccEntryDataSource_forms: a PDF form reports itself as one, and what
// its links may carry depends on the place (API.md §13.3): fill_forms in My
// Documents, nothing in a Form filling room, whose own link shares it. The
// emulator makes every created PDF a form; a real portal does not.
func TestAccEntryDataSource_forms(t *testing.T) {
	srv := requireEmulator(t)
	room := createRoom(t, docspace.RoomTypeFillingForms)
	srv.CreateFile(mustAtoi(t, room.ID), "Order.pdf")
	mineTitle := "tf-acc " + t.Name() + ".pdf"
	mine := srv.CreateFile(docspacetest.MyDocumentsID, mineTitle)
	t.Cleanup(func() { srv.DeleteFile(mine.ID) })
	value := func(addr, attr string, check knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), check)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
data "docspace_file" "order" {
  parent_id = %q
  title     = "Order.pdf"
}
data "docspace_file" "mine" {
  in_my_documents = true
  title           = %q
}
`, room.ID, mineTitle),
			ConfigStateChecks: []statecheck.StateCheck{
				value("data.docspace_file.order", "is_form", knownvalue.Bool(true)),
				value("data.docspace_file.order", "location", knownvalue.StringExact("form_filling")),
				value("data.docspace_file.order", "link_access", knownvalue.ListExact(nil)),
				value("data.docspace_file.mine", "is_form", knownvalue.Bool(true)),
				value("data.docspace_file.mine", "location", knownvalue.StringExact("my_documents")),
				value("data.docspace_file.mine", "link_access", stringList("editing", "fill_forms")),
			},
		}},
	})
}
