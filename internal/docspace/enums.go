package docspace

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
)

// LinkType is the kind of a room link (API.md §4.2). The API's default is Invitation,
// so the client always sends it explicitly.
type LinkType int

const (
	LinkTypeInvitation LinkType = 0
	LinkTypeExternal   LinkType = 1
)

// Name is the link type as spelled at the Terraform surface.
func (t LinkType) Name() string {
	switch t {
	case LinkTypeInvitation:
		return "invitation"
	case LinkTypeExternal:
		return "external"
	}
	return "link type " + strconv.Itoa(int(t))
}

// ParseLinkType maps a Terraform spelling back to the API number.
func ParseLinkType(name string) (LinkType, bool) {
	switch name {
	case "invitation":
		return LinkTypeInvitation, true
	case "external":
		return LinkTypeExternal, true
	}
	return 0, false
}

// Access is the DocSpace FileShare value granted by a link (API.md §4.1). Zero means
// "delete", which is why Access is never omitted from a request.
type Access int

const (
	AccessNone           Access = 0
	AccessRead           Access = 2
	AccessReview         Access = 5
	AccessComment        Access = 6
	AccessFillForms      Access = 7
	AccessEditing        Access = 10
	AccessContentCreator Access = 11
)

// accessTable is the one place that maps API numbers to the names used at the
// Terraform surface and to the enum names the server itself uses.
var accessTable = []struct {
	access  Access
	name    string // Terraform spelling
	apiName string // FileShare enum name, as the server writes it in availableShareRights
}{
	{AccessRead, "read", "Read"},
	{AccessReview, "review", "Review"},
	{AccessComment, "comment", "Comment"},
	{AccessFillForms, "fill_forms", "FillForms"},
	{AccessEditing, "editing", "Editing"},
	{AccessContentCreator, "content_creator", "ContentCreator"},
}

// AccessNames lists every access value a link can carry, in Terraform spelling.
func AccessNames() []string {
	names := make([]string, 0, len(accessTable))
	for _, a := range accessTable {
		names = append(names, a.name)
	}
	return names
}

// AccessNamesFor lists, in the order of AccessNames, the access values that
// at least one room type allows for a link kind (API.md §4.5).
func AccessNamesFor(kind LinkType) []string {
	var names []string
	for _, a := range accessTable {
		for _, byKind := range allowedAccess {
			if slices.Contains(byKind[kind], a.access) {
				names = append(names, a.name)
				break
			}
		}
	}
	return names
}

// Name is the access value as spelled at the Terraform surface.
func (a Access) Name() string {
	for _, e := range accessTable {
		if e.access == a {
			return e.name
		}
	}
	if a == AccessNone {
		return "none"
	}
	return "access " + strconv.Itoa(int(a))
}

// ParseAccess maps a Terraform spelling to the API number.
func ParseAccess(name string) (Access, bool) {
	for _, e := range accessTable {
		if e.name == name {
			return e.access, true
		}
	}
	return 0, false
}

// UnmarshalJSON accepts the integer the server writes, and the enum name its
// converter also understands, so a server that switches representation does
// not break decoding.
func (a *Access) UnmarshalJSON(b []byte) error {
	var n int
	if err := json.Unmarshal(b, &n); err == nil {
		*a = Access(n)
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("access: %w", err)
	}
	if s == "None" {
		*a = AccessNone
		return nil
	}
	for _, e := range accessTable {
		if e.apiName == s {
			*a = e.access
			return nil
		}
	}
	return fmt.Errorf("access: unknown value %q", s)
}

// RoomType is the DocSpace room type (API.md §4.4).
type RoomType int

const (
	RoomTypeFillingForms RoomType = 1
	RoomTypeEditing      RoomType = 2
	RoomTypeCustom       RoomType = 5
	RoomTypePublic       RoomType = 6
	RoomTypeVirtualData  RoomType = 8
	RoomTypeAI           RoomType = 9
)

// roomTypeTable is the one place that maps room type numbers to the names
// used at the Terraform surface.
var roomTypeTable = []struct {
	room RoomType
	name string // Terraform spelling
}{
	{RoomTypeFillingForms, "form_filling"},
	{RoomTypeEditing, "collaboration"},
	{RoomTypeCustom, "custom"},
	{RoomTypePublic, "public"},
	{RoomTypeVirtualData, "virtual_data"},
	{RoomTypeAI, "ai"},
}

// RoomTypeNames lists every room type in Terraform spelling.
func RoomTypeNames() []string {
	names := make([]string, 0, len(roomTypeTable))
	for _, e := range roomTypeTable {
		names = append(names, e.name)
	}
	return names
}

// Name is the room type as spelled at the Terraform surface; a type this
// client does not know is "room_type_<n>".
func (r RoomType) Name() string {
	for _, e := range roomTypeTable {
		if e.room == r {
			return e.name
		}
	}
	return "room_type_" + strconv.Itoa(int(r))
}

// String names the room type as the DocSpace UI does.
func (r RoomType) String() string {
	switch r {
	case RoomTypeFillingForms:
		return "Form filling room"
	case RoomTypeEditing:
		return "Collaboration room"
	case RoomTypeCustom:
		return "Custom room"
	case RoomTypePublic:
		return "Public room"
	case RoomTypeVirtualData:
		return "Virtual data room"
	case RoomTypeAI:
		return "AI room"
	}
	return "room type " + strconv.Itoa(int(r))
}

// allowedAccess is API.md §4.5: the access values each room type allows per link
// kind (DocSpace v3.5 – v3.7). A missing entry means the kind is not allowed.
var allowedAccess = map[RoomType]map[LinkType][]Access{
	RoomTypeFillingForms: {
		LinkTypeInvitation: {AccessContentCreator, AccessFillForms},
		LinkTypeExternal:   {AccessFillForms, AccessRead},
	},
	RoomTypeEditing: {
		LinkTypeInvitation: {AccessContentCreator, AccessEditing, AccessRead},
	},
	RoomTypeCustom: {
		LinkTypeInvitation: {AccessContentCreator, AccessEditing, AccessReview, AccessComment, AccessRead},
		LinkTypeExternal:   {AccessEditing, AccessFillForms, AccessReview, AccessComment, AccessRead},
	},
	RoomTypePublic: {
		LinkTypeInvitation: {AccessContentCreator, AccessRead},
		LinkTypeExternal:   {AccessEditing, AccessFillForms, AccessReview, AccessComment, AccessRead},
	},
	RoomTypeVirtualData: {
		LinkTypeInvitation: {AccessContentCreator, AccessEditing, AccessRead, AccessFillForms},
	},
	RoomTypeAI: {
		LinkTypeInvitation: {AccessContentCreator, AccessRead},
	},
}

// AllowedAccess returns the access values a room type allows for a link
// kind, and whether the room type is known at all. An empty list for a known
// room type means it takes no links of that kind.
func AllowedAccess(room RoomType, kind LinkType) ([]Access, bool) {
	byKind, known := allowedAccess[room]
	if !known {
		return nil, false
	}
	return slices.Clone(byKind[kind]), true
}

// AdditionalExternalLinkLimit is API.md §4.6: how many non-primary external links a
// room type can hold.
func AdditionalExternalLinkLimit(room RoomType) int {
	switch room {
	case RoomTypeCustom, RoomTypePublic:
		return 5
	}
	return 0
}
