package docspace

import (
	"slices"
	"testing"
)

func TestAccessNamesRoundTrip(t *testing.T) {
	t.Parallel()
	want := []string{"read", "review", "comment", "fill_forms", "editing", "content_creator"}
	if got := AccessNames(); !slices.Equal(got, want) {
		t.Errorf("AccessNames() = %v, want %v", got, want)
	}
	for _, name := range want {
		a, ok := ParseAccess(name)
		if !ok || a.Name() != name {
			t.Errorf("ParseAccess(%q) = %v, %v; Name() = %q", name, a, ok, a.Name())
		}
	}
	tests := []struct {
		a    Access
		want string
	}{
		{AccessNone, "none"}, {AccessRead, "read"}, {AccessEditing, "editing"}, {Access(9), "access 9"},
	}
	for _, tt := range tests {
		if got := tt.a.Name(); got != tt.want {
			t.Errorf("Access(%d).Name() = %q, want %q", tt.a, got, tt.want)
		}
	}
	for _, bad := range []string{"", "none", "Read", "room_manager"} {
		if _, ok := ParseAccess(bad); ok {
			t.Errorf("ParseAccess(%q) succeeded", bad)
		}
	}
}

func TestLinkTypeNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		kind LinkType
		name string
	}{
		{LinkTypeInvitation, "invitation"},
		{LinkTypeExternal, "external"},
	}
	for _, tt := range tests {
		if got := tt.kind.Name(); got != tt.name {
			t.Errorf("LinkType(%d).Name() = %q, want %q", tt.kind, got, tt.name)
		}
		if got, ok := ParseLinkType(tt.name); !ok || got != tt.kind {
			t.Errorf("ParseLinkType(%q) = %v, %v", tt.name, got, ok)
		}
	}
	if got := LinkType(7).Name(); got != "link type 7" {
		t.Errorf("LinkType(7).Name() = %q", got)
	}
	if _, ok := ParseLinkType("External"); ok {
		t.Error(`ParseLinkType("External") succeeded`)
	}
	if LinkTypeInvitation != 0 || LinkTypeExternal != 1 {
		t.Error("link type numbers differ from API.md §4.2")
	}
}

func TestAllowedAccess(t *testing.T) {
	t.Parallel()
	tests := []struct {
		room      RoomType
		kind      LinkType
		want      []Access
		wantKnown bool
	}{
		{RoomTypeCustom, LinkTypeExternal, []Access{AccessEditing, AccessFillForms, AccessReview, AccessComment, AccessRead}, true},
		{RoomTypePublic, LinkTypeInvitation, []Access{AccessContentCreator, AccessRead}, true},
		{RoomTypeEditing, LinkTypeExternal, nil, true},
		{RoomTypeAI, LinkTypeExternal, nil, true},
		{RoomType(99), LinkTypeExternal, nil, false},
	}
	for _, tt := range tests {
		got, known := AllowedAccess(tt.room, tt.kind)
		if known != tt.wantKnown || !slices.Equal(got, tt.want) {
			t.Errorf("AllowedAccess(%v, %v) = %v, %v; want %v, %v", tt.room, tt.kind, got, known, tt.want, tt.wantKnown)
		}
	}
	// The result is a copy: changing it does not change the table.
	got, _ := AllowedAccess(RoomTypeCustom, LinkTypeExternal)
	got[0] = AccessNone
	if again, _ := AllowedAccess(RoomTypeCustom, LinkTypeExternal); again[0] != AccessEditing {
		t.Error("AllowedAccess returned the table itself")
	}
}

func TestAdditionalExternalLinkLimit(t *testing.T) {
	t.Parallel()
	for room, want := range map[RoomType]int{RoomTypeCustom: 5, RoomTypePublic: 5, RoomTypeFillingForms: 0, RoomTypeEditing: 0, RoomTypeVirtualData: 0} {
		if got := AdditionalExternalLinkLimit(room); got != want {
			t.Errorf("AdditionalExternalLinkLimit(%v) = %d, want %d", room, got, want)
		}
	}
	if RoomTypePublic.String() != "Public room" || RoomType(3).String() != "room type 3" {
		t.Error("RoomType.String is off")
	}
}

func TestAccessUnmarshalJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    Access
		wantErr bool
	}{
		{in: `2`, want: AccessRead},
		{in: `10`, want: AccessEditing},
		{in: `0`, want: AccessNone},
		{in: `9`, want: Access(9)}, // numbers pass through, known or not
		{in: `"Read"`, want: AccessRead},
		{in: `"Review"`, want: AccessReview},
		{in: `"Comment"`, want: AccessComment},
		{in: `"FillForms"`, want: AccessFillForms},
		{in: `"Editing"`, want: AccessEditing},
		{in: `"ContentCreator"`, want: AccessContentCreator},
		{in: `"None"`, want: AccessNone},
		{in: `"read"`, wantErr: true},
		{in: `"RoomManager"`, wantErr: true},
		{in: `"2"`, wantErr: true},
		{in: `true`, wantErr: true},
		{in: `{}`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			var a Access
			err := a.UnmarshalJSON([]byte(tt.in))
			if tt.wantErr {
				if err == nil {
					t.Errorf("UnmarshalJSON(%s) = %v, want an error", tt.in, a)
				}
				return
			}
			if err != nil || a != tt.want {
				t.Errorf("UnmarshalJSON(%s) = %v, %v; want %v", tt.in, a, err, tt.want)
			}
		})
	}
}

func TestRoomTypeNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		room RoomType
		name string
	}{
		{RoomTypeFillingForms, "form_filling"},
		{RoomTypeEditing, "collaboration"},
		{RoomTypeCustom, "custom"},
		{RoomTypePublic, "public"},
		{RoomTypeVirtualData, "virtual_data"},
		{RoomTypeAI, "ai"},
	}
	var names []string
	for _, tt := range tests {
		names = append(names, tt.name)
		if got := tt.room.Name(); got != tt.name {
			t.Errorf("RoomType(%d).Name() = %q, want %q", tt.room, got, tt.name)
		}
		if _, known := AllowedAccess(tt.room, LinkTypeInvitation); !known {
			t.Errorf("%s has a name but no access table entry", tt.name)
		}
	}
	if got := RoomTypeNames(); !slices.Equal(got, names) {
		t.Errorf("RoomTypeNames() = %v, want %v", got, names)
	}
	if got := RoomType(7).Name(); got != "room_type_7" {
		t.Errorf("RoomType(7).Name() = %q", got)
	}
}
