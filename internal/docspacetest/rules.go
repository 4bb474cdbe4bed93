package docspacetest

import (
	"fmt"
	"slices"
	"time"
)

// RoomType is the API's roomType (API.md §4.4).
type RoomType int

// Room types that can carry links (API.md §4.4).
const (
	RoomFillingForms RoomType = 1
	RoomEditing      RoomType = 2
	RoomCustom       RoomType = 5
	RoomPublic       RoomType = 6
	RoomVirtualData  RoomType = 8
	RoomAI           RoomType = 9
)

// roomTypeNames are the enum names the API accepts for roomType (API.md §4.4).
var roomTypeNames = map[RoomType]string{
	RoomFillingForms: "FillingFormsRoom",
	RoomEditing:      "EditingRoom",
	RoomCustom:       "CustomRoom",
	RoomPublic:       "PublicRoom",
	RoomVirtualData:  "VirtualDataRoom",
	RoomAI:           "AiRoom",
}

func (t RoomType) String() string {
	if name, ok := roomTypeNames[t]; ok {
		return name
	}
	return fmt.Sprintf("RoomType(%d)", int(t))
}

// folderType is the internal FolderType of a room, reported as "type" (API.md §4.4).
func (t RoomType) folderType() int {
	switch t {
	case RoomFillingForms:
		return 15
	case RoomEditing:
		return 16
	case RoomCustom:
		return 19
	case RoomPublic:
		return 22
	case RoomVirtualData:
		return 29
	case RoomAI:
		return 31
	}
	return 0
}

// folderTypeVirtualRooms is the rootFolderType of every room ("Rooms" section).
const folderTypeVirtualRooms = 14

// subjectType is the response subjectType of a link (API.md §4.3).
type subjectType int

const (
	subjectExternal   subjectType = 1
	subjectInvitation subjectType = 3
	subjectPrimary    subjectType = 4
)

func (s subjectType) isExternal() bool { return s == subjectExternal || s == subjectPrimary }

// linkType is the request/response linkType (API.md §4.2): primary links report 1.
func (s subjectType) linkType() int {
	if s == subjectInvitation {
		return 0
	}
	return 1
}

// subjectNames are the keys of the room DTO's availableShareRights / shareSettings.
var subjectNames = map[subjectType]string{
	subjectExternal:   "ExternalLink",
	subjectInvitation: "InvitationLink",
	subjectPrimary:    "PrimaryExternalLink",
}

// FileShare values (API.md §4.1).
const (
	accessNone           = 0
	accessRead           = 2
	accessReview         = 5
	accessComment        = 6
	accessFillForms      = 7
	accessEditing        = 10
	accessContentCreator = 11
)

// fileShareNames are the exact enum names the FileShare JSON converter accepts
// for "access" (API.md §2); any other string becomes 0 = delete.
var fileShareNames = map[string]int{
	"None": 0, "ReadWrite": 1, "Read": 2, "Restrict": 3, "Varies": 4, "Review": 5,
	"Comment": 6, "FillForms": 7, "CustomFilter": 8, "RoomManager": 9, "Editing": 10,
	"ContentCreator": 11,
}

func fileShareName(access int) string {
	for name, v := range fileShareNames {
		if v == access {
			return name
		}
	}
	return fmt.Sprint(access)
}

// roomAccesses is AvailableRoomAccesses (API.md §4.5): which access a link of each
// kind may carry in each room type. A kind missing for a room type rejects
// every access, even 0.
var roomAccesses = map[RoomType]map[subjectType][]int{
	RoomFillingForms: {
		subjectInvitation: {11, 7, 0},
		subjectExternal:   {7, 2, 0},
		subjectPrimary:    {7, 2, 0},
	},
	RoomEditing: {
		subjectInvitation: {11, 10, 2, 0},
	},
	RoomCustom: {
		subjectInvitation: {11, 10, 5, 6, 2, 0},
		subjectExternal:   {10, 7, 5, 6, 2, 0},
		subjectPrimary:    {10, 7, 5, 6, 2, 0},
	},
	RoomPublic: {
		subjectInvitation: {11, 2, 0},
		subjectExternal:   {10, 7, 5, 6, 2, 0},
		subjectPrimary:    {10, 7, 5, 6, 2, 0},
	},
	RoomVirtualData: {
		subjectInvitation: {11, 10, 2, 7, 0},
	},
	RoomAI: {
		subjectInvitation: {11, 2, 0},
	},
}

// allowsExternalLinks tells whether the room type has external links at all (API.md §4.5).
func allowsExternalLinks(rt RoomType) bool {
	_, ok := roomAccesses[rt][subjectExternal]
	return ok
}

// linkLimit is the per-room maximum of links of one kind, checked on create only (API.md §4.6).
func linkLimit(rt RoomType, s subjectType) int {
	switch s {
	case subjectInvitation:
		return 1
	case subjectPrimary:
		return 1
	case subjectExternal:
		if rt == RoomFillingForms {
			return 0
		}
		return 5
	}
	return 0
}

// accessRank orders links in GET lists (API.md §7.2): None, RoomManager,
// ContentCreator, Editing, FillForms, Review, Comment, Read, then ReadWrite,
// CustomFilter, Varies, Restrict. Unknown values sort last.
func accessRank(access int) int {
	order := []int{0, 9, 11, 10, 7, 5, 6, 2, 1, 8, 4, 3}
	if i := slices.Index(order, access); i >= 0 {
		return i
	}
	return len(order)
}

// Caller rights of a room manager on link options (API.md §3.2 canEdit*, API.md §5.4, §5.5).
func canEditInternal(rt RoomType) bool { return rt != RoomPublic && rt != RoomVirtualData }

func canEditExpiration(rt RoomType, s subjectType) bool {
	return rt != RoomFillingForms && !(rt == RoomPublic && s == subjectPrimary)
}

// canRevoke marks links whose deletion regenerates them (API.md §3.2, §6).
func canRevoke(rt RoomType, s subjectType) bool {
	return rt == RoomFillingForms || (rt == RoomPublic && s == subjectPrimary)
}

// regeneratesPrimary: deleting the primary link of these rooms creates a new one (API.md §6).
func regeneratesPrimary(rt RoomType) bool {
	return rt == RoomPublic || rt == RoomFillingForms
}

// Default titles in English (API.md §2, §6).
const (
	defaultExternalTitle   = "Shared link"
	defaultInvitationTitle = "Invitation link"
	defaultFillOutTitle    = "Link to fill out"
)

// primaryDefaults are the access and title of a primary link the server
// creates by itself: at room creation, on GET …/link, on revoke (API.md §6).
func primaryDefaults(rt RoomType) (access int, title string) {
	if rt == RoomFillingForms {
		return accessFillForms, defaultFillOutTitle
	}
	return accessRead, defaultExternalTitle
}

// Limits on dates (API.md §5.4).
const (
	maxLinkLifetimeYears  = 10
	v36InvitationLifetime = 7 * 24 * time.Hour // also the renewal of an expired My Documents primary (API.md §13.6)
)

// Password policy defaults (API.md §5.3): the minimum is a portal setting.
const (
	defaultPasswordMinLength = 8
	passwordMaxLength        = 30
)

func passwordPolicyMessage(minLength int) string {
	return fmt.Sprintf("Password must contain from %d to %d characters, only latin letters, no spaces",
		minLength, passwordMaxLength)
}

// passwordAllowed applies the portal policy: minLength to 30 printable
// ASCII characters 0x21–0x7E, no spaces (API.md §5.3). The caller trims first.
func passwordAllowed(p string, minLength int) bool {
	if len(p) < minLength || len(p) > passwordMaxLength {
		return false
	}
	for i := 0; i < len(p); i++ {
		if p[i] < 0x21 || p[i] > 0x7E {
			return false
		}
	}
	return true
}

// Model-validation limits of the request DTO (API.md §2, §8.3).
const (
	maxTitleLength    = 255
	maxPasswordLength = 255
	minMaxUseCount    = 1
	maxMaxUseCount    = 1000
	maxListedLinks    = 100 // API.md §7.1
)
