package provider

import (
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// FuzzParseImportID feeds parseImportID arbitrary IDs: it never panics; what
// it accepts is exactly "<valid room id>/<GUID>" and comes back canonical;
// what it refuses gets an error that shows the expected form and nothing is
// returned with it. The seed corpus is in testdata/fuzz/FuzzParseImportID.
func FuzzParseImportID(f *testing.F) {
	const guid = "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"
	for _, seed := range []string{
		"4711/" + guid, "sbox-12_a.b/" + guid, "4711/" + strings.ToUpper(guid), "", "/", "4711", "4711/", "/" + guid,
		"4711/" + guid + "/x", "../" + guid, "1/../../people/" + guid, "4711/{" + guid + "}", "4711/urn:uuid:" + guid,
		"4711/3f6c2a9e8d414b7a9c051e2d7f4a6b90", "%2e%2e/" + guid, "4711%2F" + guid, "４７１１/" + guid, "4711\n/" + guid,
		"4711?x=1/" + guid, "4711#a/" + guid, " 4711/" + guid, "4711/" + guid + " ", "4711/00000000-0000-0000-0000-000000000000",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, id string) {
		room, link, err := parseImportID(roomLinks, id)
		if err != nil {
			if room != "" || link != "" {
				t.Fatalf("%q: refused, yet returned %q and %q", id, room, link)
			}
			if !strings.Contains(err.Error(), "<room_id>/<link_id>") {
				t.Fatalf("%q: the error does not show the expected form: %v", id, err)
			}
			return
		}
		if docspace.ValidateRoomID(room) != nil || strings.ContainsAny(room, "/?#%\\ \t\r\n") {
			t.Fatalf("%q: accepted room id %q", id, room)
		}
		parsed, perr := uuid.Parse(link)
		if perr != nil || parsed.String() != link {
			t.Fatalf("%q: link id %q is not a canonical GUID", id, link)
		}
		if !strings.EqualFold(id, room+"/"+link) {
			t.Fatalf("%q: accepted, but it is not %q", id, room+"/"+link)
		}
		if room2, link2, err := parseImportID(roomLinks, room+"/"+link); err != nil || room2 != room || link2 != link {
			t.Fatalf("%q: the canonical form %q does not parse to itself", id, room+"/"+link)
		}
	})
}
