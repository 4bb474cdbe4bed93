package docspacetest

import (
	"fmt"
	"net/http"
	"strings"
)

// Paging of GET file/{id}/links (API.md §13.6).
const (
	defaultFileLinksPage = 100
	maxFileLinksPage     = 100
)

// fileScope finds a file for the file link routes; unknown ids are 404 Item
// not found (API.md §13.1). Caller holds e.mu.
func (e *Emulator) fileScope(id string) (linkScope, bool) {
	n, ok := parseRoomID(id)
	en := e.entries[n]
	if !ok || en == nil || en.folder {
		return linkScope{}, false
	}
	return e.entryScope(en), true
}

// folderScope finds a folder, or a room (a room is a folder), for the folder
// link routes (API.md §13.1). Caller holds e.mu.
func (e *Emulator) folderScope(id string) (linkScope, bool) {
	n, ok := parseRoomID(id)
	if !ok {
		return linkScope{}, false
	}
	if room := e.rooms[n]; room != nil {
		return e.roomScope(room), true
	}
	en := e.entries[n]
	if en == nil || !en.folder || en.id == MyDocumentsID {
		return linkScope{}, false
	}
	return e.entryScope(en), true
}

// aceFailure answers an error of the link engine, mapped as the version does.
func (e *Emulator) aceFailure(w http.ResponseWriter, err *apiError) {
	if e.version == V36 {
		err = v36ACE(err)
	}
	writeError(w, err)
}

// roomForm: a PDF form in a Form-filling room, whose link is the room's (API.md §13.7).
func (sc linkScope) roomForm() bool {
	return sc.file() && sc.entry.form && sc.loc.roomType() == RoomFillingForms
}

func (e *Emulator) entryView(r *http.Request, c caller, sc linkScope, withoutToken bool) linkView {
	return linkView{host: r.Host, manager: c.manager(), withoutToken: withoutToken, scope: sc}
}

// handlePutFileLink is PUT /api/2.0/files/file/{id}/links (API.md §13.2, §13.5).
func (e *Emulator) handlePutFileLink(w http.ResponseWriter, r *http.Request, c caller, id string) {
	e.putEntryLink(w, r, c, id, fileLinkBody)
}

// handlePutFolderLink is PUT /api/2.0/files/folder/{id}/links; a room id acts
// on the room's external links with the room rules (API.md §13.1).
func (e *Emulator) handlePutFolderLink(w http.ResponseWriter, r *http.Request, c caller, id string) {
	e.putEntryLink(w, r, c, id, folderLinkBody)
}

func (e *Emulator) putEntryLink(w http.ResponseWriter, r *http.Request, c caller, id string, kind requestKind) {
	if !jsonContentType(r) {
		writeUnsupportedMediaType(w, r)
		return
	}
	req, errs := e.decodeLinkRequest(readAll(r.Body), kind)
	if errs != nil {
		writeValidation(w, r, errs)
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	find := e.fileScope
	if kind == folderLinkBody {
		find = e.folderScope
	}
	sc, ok := find(id)
	if !ok {
		writeError(w, errItemNotFound())
		return
	}
	target, fileID := sc, 0
	if sc.roomForm() && (req.access == accessFillForms || req.access == accessNone) {
		// The form's link is the room's (API.md §13.7).
		target, fileID = e.roomScope(sc.loc.room), sc.entry.id
		req.viaForm = true
	}
	res, err := e.setExternalLink(c, target, req)
	if err != nil {
		e.aceFailure(w, err)
		return
	}
	if res.link == nil {
		writeSuccess(w, r, nil, 0)
		return
	}
	// The folder route answers a revoke without requestToken, the file route with it (API.md §13.5).
	v := e.entryView(r, c, target, res.revoked && kind == folderLinkBody)
	v.fileID = fileID
	writeSuccess(w, r, e.linkDTO(res.link, v), 1)
}

// handleListFileLinks is GET /api/2.0/files/file/{id}/links?startIndex=&count=:
// paged, with total; count in the envelope is min(total − startIndex, count)
// (API.md §13.6). A form in a Form-filling room gets the room's primary link
// appended on every page (API.md §13.7).
func (e *Emulator) handleListFileLinks(w http.ResponseWriter, r *http.Request, c caller, id string) {
	count := defaultFileLinksPage
	if raw := strings.TrimSpace(queryValue(r, "count")); raw != "" {
		n, err := parseInt32(raw)
		if err != nil || n < 1 || n > maxFileLinksPage {
			writeValidation(w, r, validationErrors{"count": {fmt.Sprintf("The field Count must be between 1 and %d.", maxFileLinksPage)}})
			return
		}
		count = n
	}
	start := max(queryInt(r, "startIndex", 0), 0)

	e.mu.Lock()
	defer e.mu.Unlock()
	sc, ok := e.fileScope(id)
	if !ok {
		writeError(w, errItemNotFound())
		return
	}
	var links []*storedLink
	if c.manager() {
		links = sc.sorted()
	}
	total := len(links)
	v := e.entryView(r, c, sc, false)
	list := []fileShareDTO{}
	if start < total {
		for _, l := range links[start:min(start+count, total)] {
			list = append(list, e.linkDTO(l, v))
		}
	}
	if sc.roomForm() {
		if p := sc.loc.room.primary(); p != nil {
			rv := e.entryView(r, c, e.roomScope(sc.loc.room), false)
			rv.fileID = sc.entry.id
			list = append(list, e.linkDTO(p, rv))
		}
	}
	writeSuccessTotal(w, r, list, min(total-start, count), total)
}

// handleListFolderLinks is GET /api/2.0/files/folder/{id}/links: not paged,
// at most 100, no total (API.md §13.6); a room lists its external links.
func (e *Emulator) handleListFolderLinks(w http.ResponseWriter, r *http.Request, c caller, id string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	sc, ok := e.folderScope(id)
	if !ok {
		writeError(w, errItemNotFound())
		return
	}
	list := []fileShareDTO{}
	if c.manager() {
		links := sc.sorted()
		if len(links) > maxListedLinks {
			links = links[:maxListedLinks]
		}
		v := e.entryView(r, c, sc, false)
		for _, l := range links {
			list = append(list, e.linkDTO(l, v))
		}
	}
	writeSuccess(w, r, list, len(list))
}

// handleGetFileLink is GET file/{id}/link and handleGetFolderLink GET
// folder/{id}/link: the primary link, created when missing (API.md §13.6).
func (e *Emulator) handleGetFileLink(w http.ResponseWriter, r *http.Request, c caller, id string) {
	e.primaryEntryLink(w, r, c, id, false, nil)
}

func (e *Emulator) handleGetFolderLink(w http.ResponseWriter, r *http.Request, c caller, id string) {
	e.primaryEntryLink(w, r, c, id, true, nil)
}

// handlePostFileLink is POST file/{id}/link and handlePostFolderLink POST
// folder/{id}/link: get-or-create with the request's options; an existing
// primary comes back unchanged (API.md §13.6).
func (e *Emulator) handlePostFileLink(w http.ResponseWriter, r *http.Request, c caller, id string) {
	e.postEntryLink(w, r, c, id, fileLinkBody)
}

func (e *Emulator) handlePostFolderLink(w http.ResponseWriter, r *http.Request, c caller, id string) {
	e.postEntryLink(w, r, c, id, folderLinkBody)
}

func (e *Emulator) postEntryLink(w http.ResponseWriter, r *http.Request, c caller, id string, kind requestKind) {
	if !jsonContentType(r) {
		writeUnsupportedMediaType(w, r)
		return
	}
	req, errs := e.decodeLinkRequest(readAll(r.Body), kind)
	if errs != nil {
		writeValidation(w, r, errs)
		return
	}
	// Neither POST trims the password; the file POST ignores the title, the
	// folder POST trims and uses it from v3.7.1 (API.md §13.2).
	req.trimPassword = false
	req.opts.title = strings.TrimSpace(req.opts.title)
	if kind == fileLinkBody || e.version == V36 {
		req.opts.title = ""
	}
	req.linkID, req.primary = "", true
	e.primaryEntryLink(w, r, c, id, kind == folderLinkBody, &req)
}

// primaryEntryLink serves the four primary routes; post is the POST's request.
func (e *Emulator) primaryEntryLink(w http.ResponseWriter, r *http.Request, c caller, id string, folder bool, post *linkRequest) {
	e.mu.Lock()
	defer e.mu.Unlock()
	find := e.fileScope
	if folder {
		find = e.folderScope
	}
	sc, ok := find(id)
	if !ok {
		writeError(w, errItemNotFound())
		return
	}
	if sc.onRoom() && post == nil {
		if c.role == 0 {
			e.noRights(w, r) // anonymous: no read right on the room (API.md §13.6)
			return
		}
		e.writeRoomPrimary(w, r, c, sc.loc.room)
		return
	}
	if post != nil && post.access == accessFillForms && sc.roomForm() {
		if p := sc.loc.room.primary(); p != nil {
			v := e.entryView(r, c, e.roomScope(sc.loc.room), false)
			v.fileID = sc.entry.id
			writeSuccess(w, r, e.linkDTO(p, v), 1) // the room's link, nothing created (API.md §13.7)
			return
		}
	}
	// Only callers who manage access see a primary link (API.md §13.6).
	if links := sc.sorted(); c.manager() && len(links) > 0 && links[0].subject == subjectPrimary {
		e.renewExpired(sc, links[0])
		writeSuccess(w, r, e.linkDTO(links[0], e.entryView(r, c, sc, false)), 1)
		return
	}
	req := linkRequest{access: e.defaultPrimaryAccess(sc), primary: true}
	if post != nil {
		req = *post
		if req.access == accessNone {
			writeSuccess(w, r, nil, 0)
			return
		}
		if sc.roomForm() {
			req.access = accessFillForms
		}
	} else if !c.manager() {
		e.noRights(w, r)
		return
	}
	res, err := e.setExternalLink(c, sc, req)
	if err != nil {
		e.aceFailure(w, err)
		return
	}
	if res.link == nil {
		writeSuccess(w, r, nil, 0)
		return
	}
	writeSuccess(w, r, e.linkDTO(res.link, e.entryView(r, c, sc, false)), 1)
}

// noRights answers GET …/link for a caller without the manage right: 403 on
// v3.7, 200 without a link on v3.6 (API.md §13.6).
func (e *Emulator) noRights(w http.ResponseWriter, r *http.Request) {
	if e.version == V36 {
		writeSuccess(w, r, nil, 0)
		return
	}
	writeError(w, errAccessDenied())
}

// renewExpired: v3.6 renews an expired primary link of a My Documents entry
// when GET or POST …/link finds it: seven more days, the default title, no
// password and no download restriction (API.md §13.6). Caller holds e.mu.
func (e *Emulator) renewExpired(sc linkScope, l *storedLink) {
	now := e.clock()
	if e.version != V36 || !sc.loc.myDocuments() || l.opts.expiration == nil || !l.opts.expiration.Before(now) {
		return
	}
	expires := truncateTicks(now.Add(v36InvitationLifetime))
	l.opts = linkOptions{title: defaultExternalTitle, internal: l.opts.internal, expiration: &expires}
}

// writeRoomPrimary is GET rooms/{id}/link (API.md §7.4). Caller holds e.mu.
func (e *Emulator) writeRoomPrimary(w http.ResponseWriter, r *http.Request, c caller, room *storedRoom) {
	link := room.primary()
	if link == nil {
		switch {
		case !c.manager():
			writeError(w, errAccessDenied())
			return
		case !allowsExternalLinks(room.typ):
			writeError(w, errRoleNotAvailable())
			return
		}
		link = e.addPrimaryLink(room)
	}
	writeSuccess(w, r, e.linkDTO(link, e.view(r, c, room, false)), 1)
}

// defaultPrimaryAccess is the access of a primary link GET …/link creates
// (API.md §13.6): Read, and for PDF forms FillForms where forms are filled in
// rooms (v3.6: in every room), Editing elsewhere.
func (e *Emulator) defaultPrimaryAccess(sc linkScope) int {
	if !sc.file() || !sc.entry.form {
		return accessRead
	}
	switch {
	case sc.loc.myDocuments():
		return accessEditing
	case e.version == V36, sc.loc.fillFormsLocation():
		return accessFillForms
	}
	return accessEditing
}

// addRevokedPrimary makes the primary that replaces a revoked one (API.md §6,
// §13.5). Caller holds e.mu.
func (e *Emulator) addRevokedPrimary(sc linkScope) *storedLink {
	if sc.onRoom() {
		return e.addPrimaryLink(sc.loc.room)
	}
	access, title := accessRead, defaultExternalTitle
	internal := false
	if sc.loc.roomType() == RoomFillingForms {
		access, title = accessFillForms, defaultFillOutTitle
		internal = e.version == V37 && (e.defaultInternal || e.externalSharingDisabled)
	} else if sc.file() && sc.entry.form {
		access = accessEditing
		if e.version == V36 {
			access = accessFillForms
		}
	}
	l := newLink(newGUID(), subjectPrimary, access, linkOptions{title: title, internal: internal})
	sc.set.add(l)
	return l
}
