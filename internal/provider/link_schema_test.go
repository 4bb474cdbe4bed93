package provider

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// TestLinkSchemasShareFragments: the attributes both link resources have are
// built once, so they agree in their rules and say the same before any
// sentence of their own.
func TestLinkSchemasShareFragments(t *testing.T) {
	t.Parallel()
	schemaOf := func(r resource.Resource) map[string]string {
		var resp resource.SchemaResponse
		r.Schema(context.Background(), resource.SchemaRequest{}, &resp)
		docs := map[string]string{}
		for name, a := range resp.Schema.Attributes {
			docs[name] = a.GetMarkdownDescription()
		}
		return docs
	}
	link, primary := schemaOf(NewRoomLinkResource()), schemaOf(NewRoomPrimaryLinkResource())
	shared := map[string]string{ // attribute: the opening both descriptions share
		"id":                  "The link's id (a GUID).",
		"room_id":             "Id of ",
		"access":              "What the link grants: ",
		"title":               "The link's name, up to 255 characters as DocSpace counts them",
		"password":            "Password visitors must enter: 8 to 30 printable ASCII characters without spaces",
		"password_wo":         "Write-only alternative to `password` (Terraform 1.11 or later)",
		"password_wo_version": "Version of `password_wo`",
		"deny_download":       "Forbid downloading the room's files through the link.",
		"internal":            "Only signed-in portal users may open the link.",
		"share_link":          "The address to share. Sensitive",
		"request_token":       "The share key embedded in an external link's address. Sensitive.",
		"is_expired":          "Whether the expiration date has passed.",
	}
	for name, opening := range shared {
		for resourceName, docs := range map[string]map[string]string{"docspace_room_link": link, "docspace_room_primary_link": primary} {
			if !strings.HasPrefix(docs[name], opening) {
				t.Errorf("%s.%s: %q does not open with %q", resourceName, name, docs[name], opening)
			}
		}
	}

	external := docspace.AccessNamesFor(docspace.LinkTypeExternal)
	if want := []string{"read", "review", "comment", "fill_forms", "editing"}; !slices.Equal(external, want) {
		t.Errorf("external access names = %v, want %v", external, want)
	}
	if got := docspace.AccessNamesFor(docspace.LinkTypeInvitation); !slices.Equal(got, docspace.AccessNames()) {
		t.Errorf("invitation access names = %v, want all of %v", got, docspace.AccessNames())
	}
	if !strings.Contains(primary["access"], quotedList(external)) || strings.Contains(primary["access"], "content_creator") {
		t.Errorf("the primary link's access description lists other values than external links take: %q", primary["access"])
	}
}
