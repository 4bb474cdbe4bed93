package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
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

// diagnosticText runs a string validator and returns every summary and
// detail it produced.
func diagnosticText(v validator.String, attr, value string) string {
	resp := &validator.StringResponse{}
	v.ValidateString(context.Background(), validator.StringRequest{
		Path: path.Root(attr), ConfigValue: types.StringValue(value)}, resp)
	var b strings.Builder
	for _, d := range resp.Diagnostics {
		b.WriteString(d.Summary() + "\n" + d.Detail() + "\n")
	}
	return b.String()
}

func TestUTF16Length(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"Ссылка", 6}, // Cyrillic: 2 bytes each, 1 unit each
		{"共有リンク", 5},  // CJK: 3 bytes each, 1 unit each
		{"😀", 2},      // outside the BMP: a surrogate pair
		{"a😀b", 4},
		{"\xff", 1}, // invalid UTF-8 reads as U+FFFD
		{strings.Repeat("😀", 127) + "a", 255},
	}
	for _, tc := range cases {
		if got := utf16Length(tc.in); got != tc.want {
			t.Errorf("utf16Length(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

// TestTextLength: titles count as DocSpace counts them, UTF-16 code units.
func TestTextLength(t *testing.T) {
	t.Parallel()
	v := textLength{min: 1, max: maxTitleLength}
	cases := []struct {
		name, in string
		ok       bool
	}{
		{"255 ASCII", strings.Repeat("t", 255), true},
		{"256 ASCII", strings.Repeat("t", 256), false},
		{"255 Cyrillic (510 bytes)", strings.Repeat("я", 255), true},
		{"256 Cyrillic", strings.Repeat("я", 256), false},
		{"255 CJK (765 bytes)", strings.Repeat("語", 255), true},
		{"127 emoji and a letter (255 units)", strings.Repeat("😀", 127) + "a", true},
		{"128 emoji (256 units)", strings.Repeat("😀", 128), false},
		{"empty", "", false},
	}
	for _, tc := range cases {
		got := diagnosticText(v, "title", tc.in)
		if (got == "") != tc.ok {
			t.Errorf("%s: diagnostics %q, want ok=%v", tc.name, got, tc.ok)
		}
		if !tc.ok && !strings.Contains(got, "UTF-16 code units") {
			t.Errorf("%s: the message does not say how DocSpace counts: %q", tc.name, got)
		}
	}
}

// TestPasswordPolicyNeverRepeatsThePassword: every rule the policy checks
// is named, and the message holds no part of the password, nor its length,
// nor the offending character.
func TestPasswordPolicyNeverRepeatsThePassword(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, password, want string
	}{
		{"too short", "Qz7!", "is shorter than 8 characters"},
		{"too long", strings.Repeat("Qz7!", 8), "is longer than 30 characters"},
		{"a space", "Qv hidden zx 739", "contains a space"},
		{"a letter with an accent", "Pässwörd-2026", "not printable ASCII"},
		{"a line break", "Secret\n2026xy", "not printable ASCII"},
		{"Cyrillic", "пароль-секрет", "not printable ASCII"},
		{"short and a space", "a b", "is shorter than 8 characters and contains a space"},
	}
	for _, tc := range cases {
		for _, attr := range []string{"password", "password_wo"} {
			got := diagnosticText(passwordPolicy{}, attr, tc.password)
			if !strings.Contains(got, tc.want) || !strings.Contains(got, "The value of "+attr) {
				t.Errorf("%s (%s): %q lacks %q or the attribute name", tc.name, attr, got, tc.want)
			}
			for _, part := range secretParts(tc.password) {
				if strings.Contains(got, part) {
					t.Errorf("%s (%s): the message repeats %q of the password: %q", tc.name, attr, part, got)
				}
			}
			for _, n := range []string{" 4 ", " 32 ", " 16 ", " 13 "} {
				if strings.Contains(got, n) {
					t.Errorf("%s (%s): the message may give the length away (%q): %q", tc.name, attr, n, got)
				}
			}
		}
	}
	if got := diagnosticText(passwordPolicy{}, "password", "Good-Pa55word"); got != "" {
		t.Errorf("a valid password was refused: %q", got)
	}
}

// secretParts lists the pieces of a secret a leak check looks for: the
// whole, each word of at least three characters, and both halves.
func secretParts(secret string) []string {
	parts := []string{secret}
	for _, w := range strings.FieldsFunc(secret, func(r rune) bool { return r == ' ' || r == '\n' }) {
		if len([]rune(w)) >= 3 {
			parts = append(parts, w)
		}
	}
	if r := []rune(secret); len(r) >= 8 {
		parts = append(parts, string(r[:len(r)/2]), string(r[len(r)/2:]))
	}
	return parts
}

// TestAccessName: the API's numbers are explained by name.
func TestAccessName(t *testing.T) {
	t.Parallel()
	all := accessName{allowed: []string{"read", "review", "comment", "fill_forms", "editing", "content_creator"}}
	primary := accessName{allowed: []string{"read", "review", "comment", "fill_forms", "editing"}}
	cases := []struct {
		v        accessName
		in, want string
	}{
		{all, "read", ""},
		{all, "2", `access "2" is the DocSpace API's number for "read": this provider takes the name. Write access = "read".`},
		{all, "10", `number for "editing"`},
		{all, "11", `number for "content_creator"`},
		{primary, "11", `number for "content_creator", which this resource does not take`},
		{all, "0", `number for removing a link`},
		{all, "3", `access "3" is not one of`},
		{all, "READ", `access "READ" is not one of`},
	}
	for _, tc := range cases {
		got := diagnosticText(tc.v, "access", tc.in)
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("%q: %q, want %q", tc.in, got, tc.want)
		}
	}
}
