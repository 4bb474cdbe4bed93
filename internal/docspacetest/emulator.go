package docspacetest

import (
	"sync"
	"time"
)

// firstRoomID makes room ids look like a real portal's.
const firstRoomID = 4711

// role is what a valid token may do in every room.
type role int

const (
	roleManager role = iota + 1 // room manager: reads and writes links
	roleMember                  // member without manage rights (API.md §5.1, §7.3)
)

// Emulator is the DocSpace API emulator. It implements http.Handler; use
// NewServer or NewTestServer to listen on a loopback address.
type Emulator struct {
	loc     *time.Location
	version Version
	now     func() time.Time
	// passwordMinLength is the portal policy's minimum (API.md §5.3).
	passwordMinLength int

	mu                      sync.Mutex
	tokens                  map[string]role
	accounts                map[string]account
	rooms                   map[int]*storedRoom
	nextRoomID              int
	entries                 map[int]*storedEntry // files and folders, My Documents included
	nextEntryID             int
	defaultInternal         bool
	externalSharingDisabled bool
	ignoreLinkIDs           bool   // SetIgnoreLinkIDs
	host                    string // last host seen, used to render ShareLink in test controls
	requests                []requestRecord
	statuses                map[int]int
	rateLimitLeft           int
	rateLimitRetryAfter     time.Duration

	// Faults and limits (faults.go, limits.go).
	faults      faultState
	limits      Limits
	limiter     limiterState
	latency     time.Duration
	tokenBudget map[string]int
	done        chan struct{} // closed when the server shuts down
}

// storedRoom is a room with its links in insertion order (API.md §7.2 ties).
type storedRoom struct {
	id      int
	title   string
	typ     RoomType
	created time.Time
	linkSet
}

// New returns an emulator with no rooms.
func New(opts ...Option) *Emulator {
	o := defaultOptions()
	for _, opt := range opts {
		opt(&o)
	}
	if len(o.tokens) == 0 {
		o.tokens = []string{DefaultToken}
	}
	e := &Emulator{
		loc:        o.location,
		version:    o.version,
		now:        o.now,
		tokens:     map[string]role{},
		accounts:   o.accounts,
		rooms:      map[int]*storedRoom{},
		nextRoomID: firstRoomID,
		entries: map[int]*storedEntry{
			MyDocumentsID: {id: MyDocumentsID, folder: true, title: myDocumentsTitle, created: truncateTicks(o.now())},
		},
		nextEntryID: firstEntryID,
		host:        "docspace.example",
		limits:      o.limits,
		latency:     o.latency,
		done:        make(chan struct{}),

		passwordMinLength: o.passwordMinLength,
	}
	for _, t := range o.tokens {
		e.tokens[t] = roleManager
	}
	return e
}

func (e *Emulator) clock() time.Time { return e.now() }

// addPrimaryLink creates the server's own primary link of a room (API.md §6). Caller holds e.mu.
func (e *Emulator) addPrimaryLink(r *storedRoom) *storedLink {
	access, title := primaryDefaults(r.typ)
	internal := false
	if r.typ != RoomPublic && e.version == V37 {
		internal = e.defaultInternal || e.externalSharingDisabled
	}
	l := newLink(newGUID(), subjectPrimary, access, linkOptions{title: title, internal: internal})
	r.add(l)
	return l
}

// createRoom stores a new room; Public and Form-filling rooms get their
// primary link at once (API.md §6). Caller holds e.mu.
func (e *Emulator) createRoom(title string, t RoomType) *storedRoom {
	for e.idInUse(e.nextRoomID) {
		e.nextRoomID++
	}
	r := &storedRoom{id: e.nextRoomID, title: title, typ: t, created: truncateTicks(e.clock())}
	e.nextRoomID++
	e.rooms[r.id] = r
	if regeneratesPrimary(t) {
		e.addPrimaryLink(r)
	}
	return r
}
