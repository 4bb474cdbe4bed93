package provider

import (
	"strings"
	"testing"
)

func TestParseImportID(t *testing.T) {
	t.Parallel()
	const guid = "3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90"
	cases := []struct {
		in, room, link string
		wantErr        string
	}{
		{in: "4711/" + guid, room: "4711", link: guid},
		{in: "4711/" + strings.ToUpper(guid), room: "4711", link: guid},
		{in: "sbox-12_a.b/" + guid, room: "sbox-12_a.b", link: guid},
		{in: "", wantErr: "not in the expected form"},
		{in: "4711", wantErr: "not in the expected form"},
		{in: "4711/", wantErr: "not in the expected form"},
		{in: "/" + guid, wantErr: "not in the expected form"},
		{in: "4711/" + guid + "/x", wantErr: "not in the expected form"},
		{in: "1/../../people/" + guid, wantErr: "not in the expected form"},
		{in: "../" + guid, wantErr: "room id \"..\" is not valid"},
		{in: "47 11/" + guid, wantErr: "is not valid"},
		{in: "4711/not-a-guid", wantErr: "is not a GUID"},
		{in: "4711/{" + guid + "}", wantErr: "is not a GUID"},
		{in: "4711/urn:uuid:" + guid, wantErr: "is not a GUID"},
	}
	for _, tc := range cases {
		room, link, err := parseImportID(roomLinks, tc.in)
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("%q: %v", tc.in, err)
		case tc.wantErr == "" && (room != tc.room || link != tc.link):
			t.Errorf("%q: got %q %q", tc.in, room, link)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("%q: error %v, want it to contain %q", tc.in, err, tc.wantErr)
		case tc.wantErr != "" && !strings.Contains(err.Error(), "<room_id>/<link_id>"):
			t.Errorf("%q: error %v does not show the expected format", tc.in, err)
		}
	}
}
