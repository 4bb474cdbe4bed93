package docspacetest

import (
	"fmt"
	"slices"
	"strings"
)

// Room is a test-side copy of a room.
type Room struct {
	ID    int
	Title string
	Type  RoomType
}

// CreateRoom creates a room as POST /api/2.0/files/rooms would; Public and
// Form-filling rooms get their primary link (API.md §6).
func (e *Emulator) CreateRoom(title string, t RoomType) Room {
	e.mu.Lock()
	defer e.mu.Unlock()
	r := e.createRoom(title, t)
	return Room{ID: r.id, Title: r.title, Type: r.typ}
}

// Room returns a room by id.
func (e *Emulator) Room(id int) (Room, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	r, ok := e.rooms[id]
	if !ok {
		return Room{}, false
	}
	return Room{ID: r.id, Title: r.title, Type: r.typ}, true
}

// Rooms returns all rooms ordered by id.
func (e *Emulator) Rooms() []Room {
	e.mu.Lock()
	defer e.mu.Unlock()
	rooms := make([]Room, 0, len(e.rooms))
	for _, r := range e.rooms {
		rooms = append(rooms, Room{ID: r.id, Title: r.title, Type: r.typ})
	}
	slices.SortFunc(rooms, func(a, b Room) int { return a.ID - b.ID })
	return rooms
}

// DeleteRoom removes a room and its links behind the API's back.
func (e *Emulator) DeleteRoom(id int) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	_, ok := e.rooms[id]
	e.removeRoom(id)
	return ok
}

// Links returns the links of a room in stored (insertion) order; nil for an unknown room.
func (e *Emulator) Links(roomID int) []Link {
	e.mu.Lock()
	defer e.mu.Unlock()
	r, ok := e.rooms[roomID]
	if !ok {
		return nil
	}
	return e.exportLinks(&r.linkSet)
}

// Link returns one link of a room; the id is matched case-insensitively.
func (e *Emulator) Link(roomID int, linkID string) (Link, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	r, ok := e.rooms[roomID]
	if !ok {
		return Link{}, false
	}
	l, _ := r.find(strings.ToLower(linkID))
	if l == nil {
		return Link{}, false
	}
	return e.exportLink(l), true
}

// SetLink inserts a link, or overwrites the one with the same id in place,
// without any of the API's rules. An empty ID gets a new GUID; an empty
// ShareLink or RequestToken keeps the existing one or gets a new one.
func (e *Emulator) SetLink(roomID int, l Link) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	r, ok := e.rooms[roomID]
	if !ok {
		return fmt.Errorf("docspacetest: room %d not found", roomID)
	}
	setLinkIn(&r.linkSet, l)
	return nil
}

// DeleteLink removes a link behind the API's back (no primary regeneration).
func (e *Emulator) DeleteLink(roomID int, linkID string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	r, ok := e.rooms[roomID]
	return ok && r.remove(strings.ToLower(linkID))
}

// SetMemberToken makes token valid for a user who is a member of every room
// but no room manager: GET …/links answers 200 [] and PUT 403 "Access denied"
// (API.md §5.1, §7.3).
func (e *Emulator) SetMemberToken(token string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.tokens[token] = roleMember
}

// AddToken makes token valid for a room manager, with no expiry.
func (e *Emulator) AddToken(token string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.tokens[token] = roleManager
	delete(e.tokenBudget, token)
}

// SetDefaultInternal sets the portal's "default share link internal" setting,
// applied to external links created without linkId (v3.7, API.md §5.5). Default false.
func (e *Emulator) SetDefaultInternal(v bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.defaultInternal = v
}

// SetExternalSharingDisabled flips the admin switch that disables external
// sharing for rooms (v3.7, API.md §5.5): links in Custom/Form rooms become internal,
// and Public rooms refuse new links and primary revokes. Default off.
func (e *Emulator) SetExternalSharingDisabled(v bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.externalSharingDisabled = v
}

// SetIgnoreLinkIDs makes the emulator behave unlike DocSpace (API.md §2): a create
// with a linkId it does not know makes a link with a new id of its own, as a
// proxy that drops the field or another server version might. Updates and
// deletes of existing ids are unaffected. Default off.
func (e *Emulator) SetIgnoreLinkIDs(v bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.ignoreLinkIDs = v
}
