package provider

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// TestEntryLinkList: the links of the files (or folders) directly in a room,
// a folder or My Documents, filtered by the link's and by the file's title
// without regard to case, up to the limit; a configuration naming no place,
// or an unknown one, is an error. Listing never asks for a primary link,
// which would make one.
func TestEntryLinkList(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t)
	c := emulatorClient(t, srv)
	room := srv.CreateRoom("Sandbox", docspacetest.RoomCustom)
	inner := srv.CreateFolder(room.ID, "Inner")
	policy := srv.CreateFile(room.ID, "Policy.docx")
	prices := srv.CreateFile(room.ID, "Prices.xlsx")
	srv.CreateFile(room.ID, "Unshared.docx")
	deep := srv.CreateFile(inner.ID, "Deep.docx")
	mine := srv.CreateFile(docspacetest.MyDocumentsID, "Mine.docx")
	for _, l := range []struct {
		target docspace.Target
		title  string
		access docspace.Access
	}{
		{docspace.FileTarget(fmt.Sprint(policy.ID)), "Auditors", docspace.AccessRead},
		{docspace.FileTarget(fmt.Sprint(policy.ID)), "Partners", docspace.AccessComment},
		{docspace.FileTarget(fmt.Sprint(prices.ID)), "Partner prices", docspace.AccessRead},
		{docspace.FileTarget(fmt.Sprint(deep.ID)), "Deep link", docspace.AccessRead},
		{docspace.FileTarget(fmt.Sprint(mine.ID)), "Mine link", docspace.AccessRead},
		{docspace.FolderTarget(fmt.Sprint(inner.ID)), "Folder link", docspace.AccessRead},
	} {
		if _, err := c.SetLink(context.Background(), l.target, docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: l.access, Title: l.title}); err != nil {
			t.Fatal(err)
		}
	}
	name := func(id int, title string) string { return fmt.Sprintf("%d/%s", id, title) }
	roomID, innerID := fmt.Sprint(room.ID), fmt.Sprint(inner.ID)
	cases := []struct {
		name    string
		folders bool
		cfg     map[string]string
		limit   int64
		want    []string
		diags   []string
	}{
		{name: "a room's files", cfg: map[string]string{"parent_id": roomID},
			want: []string{name(policy.ID, "Auditors"), name(policy.ID, "Partners"), name(prices.ID, "Partner prices")}},
		{name: "link title in any case", cfg: map[string]string{"parent_id": roomID, "title_contains": "PART"},
			want: []string{name(policy.ID, "Partners"), name(prices.ID, "Partner prices")}},
		{name: "file title in any case", cfg: map[string]string{"parent_id": roomID, "file_title_contains": "pRiC"},
			want: []string{name(prices.ID, "Partner prices")}},
		{name: "a folder's files", cfg: map[string]string{"parent_id": innerID}, want: []string{name(deep.ID, "Deep link")}},
		{name: "My Documents", cfg: map[string]string{"in_my_documents": "true"}, want: []string{name(mine.ID, "Mine link")}},
		{name: "limit", cfg: map[string]string{"parent_id": roomID}, limit: 1, want: []string{name(policy.ID, "Partners")}},
		{name: "a room's folders", folders: true, cfg: map[string]string{"parent_id": roomID}, want: []string{name(inner.ID, "Folder link")}},
		{name: "no place", cfg: map[string]string{}, diags: []string{"Error: Invalid List Configuration"}},
		{name: "in_my_documents = false", cfg: map[string]string{"in_my_documents": "false"}, diags: []string{"Error: Invalid List Configuration"}},
		{name: "two places", cfg: map[string]string{"parent_id": roomID, "in_my_documents": "true"}, diags: []string{"Error: Invalid List Configuration"}},
		{name: "unknown parent", cfg: map[string]string{"parent_id": "999999"}, diags: []string{"Error: Could Not List Folder"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv.ResetRequests()
			lr, target := NewFileLinkListResource(), &linkResource{kind: fileLinks}
			if tc.folders {
				lr, target = NewFolderLinkListResource(), &linkResource{kind: folderLinks}
			}
			got := runList(t, lr, target, srv.URL, tc.cfg, tc.limit)
			if tc.limit == 0 {
				slices.Sort(got.names)
				slices.Sort(tc.want)
			}
			if !slices.Equal(got.names, tc.want) || !slices.Equal(got.diags, tc.diags) {
				t.Errorf("listed %q with %q; want %q with %q", got.names, got.diags, tc.want, tc.diags)
			}
			if n := srv.Requests("GET", "/api/2.0/files/file/{id}/link") + srv.Requests("GET", "/api/2.0/files/folder/{id}/link"); n != 0 {
				t.Errorf("listing asked for a primary link %d times, which makes one", n)
			}
		})
	}
}

// TestEntryLinkListSkipsUnmanageableFiles: a file whose links the token's
// user may not manage is skipped and named in one warning; the others are
// listed.
func TestEntryLinkListSkipsUnmanageableFiles(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t)
	c := emulatorClient(t, srv)
	room := srv.CreateRoom("Sandbox", docspacetest.RoomCustom)
	shared := srv.CreateFile(room.ID, "Shared.docx")
	foreign := srv.CreateFile(room.ID, "Foreign.docx")
	if _, err := c.SetLink(context.Background(), docspace.FileTarget(fmt.Sprint(shared.ID)),
		docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Readers"}); err != nil {
		t.Fatal(err)
	}
	// The token's user as a plain member of the room: no file's links are
	// its to manage.
	srv.SetMemberToken(docspacetest.DefaultToken)
	got := runList(t, NewFileLinkListResource(), &linkResource{kind: fileLinks}, srv.URL, map[string]string{"parent_id": fmt.Sprint(room.ID)}, 0)
	if len(got.names) != 0 || !slices.Equal(got.diags, []string{"Warning: Files Skipped: Links Not Manageable"}) {
		t.Fatalf("listed %q with %q; want nothing and one warning", got.names, got.diags)
	}
	for _, id := range []int{shared.ID, foreign.ID} {
		if !regexp.MustCompile(`\b` + fmt.Sprint(id) + `\b`).MatchString(got.details[0]) {
			t.Errorf("the warning does not name file %d: %s", id, got.details[0])
		}
	}
}

// TestAccQuery_fileLinks lists the links of a room's files through
// `terraform query`: each result names its file and link, and
// include_resource carries the settings as an import would read them. Runs
// against a real portal too.
func TestAccQuery_fileLinks(t *testing.T) {
	room := createRoom(t, docspace.RoomTypeCustom)
	policy := createFile(t, room.ID, "Policy.docx")
	prices := createFile(t, room.ID, "Prices.xlsx")
	expires := futureDate(60 * 24 * time.Hour)
	config := fmt.Sprintf(`
resource "docspace_file_link" "auditors" {
  file_id         = %[1]q
  access          = "review"
  title           = "Auditors"
  expiration_date = %[3]q
  deny_download   = true
}
resource "docspace_file_link" "partners" {
  file_id  = %[2]q
  access   = "comment"
  title    = "Partners"
  password = "Partner-2026x"
}
`, policy.ID, prices.ID, expires)
	var auditors string
	query := func(lists string) string { return "provider \"docspace\" {}\n" + lists }
	byFile := func(title, fileID string) queryfilter.QueryFilter {
		return queryfilter.ByDisplayName(knownvalue.StringRegexp(regexp.MustCompile(
			"^" + regexp.QuoteMeta(fmt.Sprintf("%q (", title)) + `.*\) in file ` + regexp.QuoteMeta(fileID) + `\b`)))
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   queryVersion,
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             checkNoLinksLeft,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  captureID("docspace_file_link.auditors", &auditors),
			},
			{
				Query: true,
				Config: query(fmt.Sprintf(`
list "docspace_file_link" "all" {
  provider         = docspace
  include_resource = true
  config {
    parent_id = %[1]q
  }
}
list "docspace_file_link" "partners" {
  provider = docspace
  config {
    parent_id      = %[1]q
    title_contains = "PART"
  }
}
list "docspace_file_link" "policy" {
  provider = docspace
  config {
    parent_id           = %[1]q
    file_title_contains = "policy"
  }
}
`, room.ID)),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("docspace_file_link.all", 2),
					querycheck.ExpectLength("docspace_file_link.partners", 1),
					querycheck.ExpectLength("docspace_file_link.policy", 1),
					querycheck.ExpectIdentity("docspace_file_link.all", map[string]knownvalue.Check{
						"file_id": knownvalue.StringExact(policy.ID),
						"id":      knownvalue.StringFunc(func(v string) error { return equalString(v, auditors) }),
					}),
					querycheck.ExpectIdentity("docspace_file_link.policy", map[string]knownvalue.Check{
						"file_id": knownvalue.StringExact(policy.ID),
						"id":      knownvalue.StringFunc(func(v string) error { return equalString(v, auditors) }),
					}),
					querycheck.ExpectResourceDisplayName("docspace_file_link.partners", byFile("Partners", prices.ID),
						knownvalue.StringExact(fmt.Sprintf(`"Partners" (external, comment, password) in file %s %q`, prices.ID, prices.Title))),
					expectValues("docspace_file_link.all", byFile("Auditors", policy.ID), map[string]knownvalue.Check{
						"file_id":         knownvalue.StringExact(policy.ID),
						"access":          knownvalue.StringExact("review"),
						"deny_download":   knownvalue.Bool(true),
						"primary":         knownvalue.Bool(false),
						"on_expired":      knownvalue.StringExact("keep"),
						"expiration_date": knownvalue.StringFunc(func(v string) error { return sameInstant(v, expires) }),
					}),
				},
			},
		},
	})
}
