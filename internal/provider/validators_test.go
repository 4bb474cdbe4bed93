package provider

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
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
		room, link, err := parseImportID(tc.in)
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

func TestTimestamp(t *testing.T) {
	t.Parallel()
	ts := func(s string) Timestamp { return Timestamp{StringValue: basetypes.NewStringValue(s)} }
	equal := []struct {
		a, b string
		same bool
	}{
		{"2026-12-31T23:59:59Z", "2027-01-01T02:59:59.0000000+03:00", true},
		{"2026-12-31T23:59:59Z", "2026-12-31T23:59:59.0000001Z", false},
		{"2026-12-31T23:59:59+05:00", "2026-12-31T21:59:59+03:00", true},
		{"2026-12-31T23:59:59Z", "2026-12-31T23:59:58Z", false},
		{"2026-12-31T23:59:59Z", "not a date", false},
		// DocSpace keeps 100 ns (.NET ticks): nanoseconds beyond are dropped.
		{"2026-12-03T17:07:21.123456789Z", "2026-12-03T20:07:21.1234567+03:00", true},
		{"2026-12-03T17:07:21.12345679Z", "2026-12-03T17:07:21.1234567Z", true},
		{"2026-12-03T17:07:21.1234568Z", "2026-12-03T17:07:21.1234567Z", false},
	}
	for _, tc := range equal {
		same, _ := ts(tc.a).StringSemanticEquals(context.Background(), ts(tc.b))
		if same != tc.same {
			t.Errorf("%s ~ %s: %v, want %v", tc.a, tc.b, same, tc.same)
		}
	}
	if same, _ := newTimestampNull().StringSemanticEquals(context.Background(), newTimestampNull()); same {
		t.Error("two nulls are handled by plain equality, not as the same instant")
	}

	for _, tc := range []struct {
		in    string
		valid bool
	}{
		{"2026-12-31T23:59:59Z", true},
		{"2026-12-31T23:59:59.1234567+03:00", true},
		{"2026-12-31T23:59:59", false},
		{"2026-12-31", false},
		{"31.12.2026", false},
		{"", false},
	} {
		var resp xattr.ValidateAttributeResponse
		ts(tc.in).ValidateAttribute(context.Background(), xattr.ValidateAttributeRequest{Path: path.Root("expiration_date")}, &resp)
		if valid := !resp.Diagnostics.HasError(); valid != tc.valid {
			t.Errorf("%q: valid %v, want %v", tc.in, valid, tc.valid)
		}
	}
}

// TestCompareLink: what DocSpace stored silently differently from the
// request is found, and what it legitimately fills in is not.
func TestCompareLink(t *testing.T) {
	t.Parallel()
	date := time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC)
	sameInstant := date.In(time.FixedZone("", 3*3600))
	other := date.Add(7 * 24 * time.Hour)
	fine := date.Add(123456789 * time.Nanosecond)                                 // a config date with 9 fractional digits
	ticks := date.Add(1234567 * 100 * time.Nanosecond).In(sameInstant.Location()) // as DocSpace keeps and echoes it
	n, m := 5, 6
	zero := 0
	external := docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Expiration: &date, Password: "Secret-2026"}
	stored := docspace.Link{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Shared link", Expiration: &sameInstant, Password: "Secret-2026"}
	invitation := docspace.LinkRequest{LinkType: docspace.LinkTypeInvitation, Access: docspace.AccessRead, MaxUseCount: &n}
	storedInvitation := docspace.Link{LinkType: docspace.LinkTypeInvitation, Access: docspace.AccessRead, MaxUseCount: &n, CurrentUseCount: &zero}

	cases := []struct {
		name string
		req  docspace.LinkRequest
		got  func(l docspace.Link) docspace.Link
		base docspace.Link
		want string
	}{
		{"as asked, default title, date in another zone", external, nil, stored, ""},
		{"internal forced", external, func(l docspace.Link) docspace.Link { l.Internal = true; return l }, stored, "internal"},
		{"past date dropped", external, func(l docspace.Link) docspace.Link { l.Expiration = nil; return l }, stored, "expiration_date"},
		{"password changed", external, func(l docspace.Link) docspace.Link { l.Password = "x"; return l }, stored, "password"},
		{"date kept at 100 ns", docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Expiration: &fine, Password: "Secret-2026"},
			func(l docspace.Link) docspace.Link { l.Expiration = &ticks; return l }, stored, ""},
		{"access changed", external, func(l docspace.Link) docspace.Link { l.Access = docspace.AccessEditing; return l }, stored, "access"},
		{"use limit ignored", invitation, func(l docspace.Link) docspace.Link { l.MaxUseCount = nil; return l }, storedInvitation, "max_use_count"},
		{"use limit changed", invitation, func(l docspace.Link) docspace.Link { l.MaxUseCount = &m; return l }, storedInvitation, "max_use_count"},
		{"3.7 invitation given an expiry", invitation, func(l docspace.Link) docspace.Link { l.Expiration = &other; return l }, storedInvitation, "expiration_date"},
		{"3.6 invitation expiry set by the server", docspace.LinkRequest{LinkType: docspace.LinkTypeInvitation, Access: docspace.AccessRead},
			func(l docspace.Link) docspace.Link {
				l.Expiration = &other
				l.CurrentUseCount = nil
				l.MaxUseCount = nil
				return l
			}, storedInvitation, ""},
	}
	for _, tc := range cases {
		got := tc.base
		if tc.got != nil {
			got = tc.got(got)
		}
		var attrs []string
		for _, p := range compareLink(tc.req, got) {
			attrs = append(attrs, p.attr)
		}
		if strings.Join(attrs, ",") != tc.want {
			t.Errorf("%s: mismatches %v, want %q", tc.name, attrs, tc.want)
		}
	}
	// A refused date shows the difference, not two renderings of the same second.
	later := date.Add(1500 * time.Millisecond).In(sameInstant.Location())
	problems := compareLink(external, func() docspace.Link { l := stored; l.Expiration = &later; return l }())
	if msg := explainMismatch(problems); !strings.Contains(msg, "configured 2026-12-31T23:59:59Z, DocSpace has 2027-01-01T03:00:00.5+03:00 (1.5s apart)") {
		t.Errorf("the message does not show the difference: %s", msg)
	}
	if msg := explainMismatch([]mismatch{{attr: "password", want: "(sensitive)", have: "(sensitive, different)"}}); strings.Contains(msg, "Secret") {
		t.Errorf("a password reached the message: %s", msg)
	}
}
