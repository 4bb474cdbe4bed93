package docspacetest

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// handlePutLink is PUT /api/2.0/files/rooms/{id}/links: create, update or
// delete one link (API.md §2, §5, §6). Model validation (400) comes first, then the
// controller's linkType switch, then the room lookup.
func (e *Emulator) handlePutLink(w http.ResponseWriter, r *http.Request, c caller, id string) {
	if !jsonContentType(r) {
		writeUnsupportedMediaType(w, r)
		return
	}
	req, errs := e.decodeLinkRequest(readAll(r.Body), roomLinkBody)
	if errs != nil {
		writeValidation(w, r, errs)
		return
	}
	roomID, ok := parseRoomID(id)
	if !ok {
		roomID = -1 // never a room: 404 after the linkType check
	}

	e.mu.Lock()
	defer e.mu.Unlock()
	res, err := e.setLink(c, roomID, req)
	if err != nil {
		writeError(w, err)
		return
	}
	if res.link == nil {
		writeSuccess(w, r, nil, 0) // deleted: no "response", count 0 (API.md §3.5)
		return
	}
	room := e.rooms[roomID]
	writeSuccess(w, r, e.linkDTO(res.link, e.view(r, c, room, res.revoked)), 1)
}

// handleListLinks is GET /api/2.0/files/rooms/{id}/links[?type=] (API.md §7).
func (e *Emulator) handleListLinks(w http.ResponseWriter, r *http.Request, c caller, id string) {
	filter, ok := linkTypeFilter(r)
	if !ok {
		writeValidation(w, r, validationErrors{"type": {fmt.Sprintf("The value '%s' is not valid.", queryValue(r, "type"))}})
		return
	}
	roomID, ok := parseRoomID(id)

	e.mu.Lock()
	defer e.mu.Unlock()
	room := e.rooms[roomID]
	if !ok || room == nil {
		writeError(w, errItemNotFound())
		return
	}
	list := []fileShareDTO{}
	if !c.manager() {
		writeSuccess(w, r, list, 0) // no "ReadLinks" right: an empty list, not an error (API.md §7.3)
		return
	}
	links := slices.Clone(room.links)
	if filter != nil {
		links = slices.DeleteFunc(links, func(l *storedLink) bool { return l.subject.linkType() != *filter })
	}
	// API.md §7.2: access rank; with type=1 the primary link first. Stable: ties keep insertion order.
	slices.SortStableFunc(links, func(a, b *storedLink) int {
		if filter != nil && *filter == 1 && a.subject != b.subject {
			return int(b.subject) - int(a.subject)
		}
		return accessRank(a.access) - accessRank(b.access)
	})
	if len(links) > maxListedLinks {
		links = links[:maxListedLinks]
	}
	v := e.view(r, c, room, false)
	for _, l := range links {
		list = append(list, e.linkDTO(l, v))
	}
	writeSuccess(w, r, list, len(list))
}

// handlePrimaryLink is GET /api/2.0/files/rooms/{id}/link (API.md §7.4): it returns
// the primary link and creates one when the room has none.
func (e *Emulator) handlePrimaryLink(w http.ResponseWriter, r *http.Request, c caller, id string) {
	roomID, ok := parseRoomID(id)

	e.mu.Lock()
	defer e.mu.Unlock()
	room := e.rooms[roomID]
	if !ok || room == nil {
		writeError(w, errItemNotFound())
		return
	}
	e.writeRoomPrimary(w, r, c, room)
}

func (e *Emulator) view(r *http.Request, c caller, room *storedRoom, withoutToken bool) linkView {
	return linkView{
		host:             r.Host,
		manager:          c.manager(),
		withoutToken:     withoutToken,
		scope:            e.roomScope(room),
		includeUseCounts: e.version == V37,
	}
}

// linkTypeFilter binds ?type= like ASP.NET binds an enum from the query (API.md §7.1):
// numbers (any value; only 0 and 1 filter) or names, case-insensitive.
// Missing or empty means no filter; other text is a binding error.
func linkTypeFilter(r *http.Request) (*int, bool) {
	raw := strings.TrimSpace(queryValue(r, "type"))
	if raw == "" {
		return nil, true
	}
	var n int
	switch {
	case strings.EqualFold(raw, "Invitation"):
		n = 0
	case strings.EqualFold(raw, "External"):
		n = 1
	default:
		v, err := strconv.ParseInt(raw, 10, 32)
		if err != nil {
			return nil, false
		}
		n = int(v)
	}
	if n != 0 && n != 1 {
		return nil, true // other numbers list everything
	}
	return &n, true
}

// queryValue reads a query parameter with a case-insensitive name.
func queryValue(r *http.Request, name string) string {
	for k, v := range r.URL.Query() {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return v[0]
		}
	}
	return ""
}
