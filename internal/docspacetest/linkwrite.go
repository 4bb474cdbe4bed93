package docspacetest

import "strings"

// writeResult is what a PUT …/links answers with: a link, or nothing (API.md §3.5).
type writeResult struct {
	link    *storedLink
	revoked bool // the regenerated primary after a revoke (API.md §6, §13.5)
}

// setLink dispatches on linkType like the controller does, before the room is
// even looked up (API.md §5.7). Caller holds e.mu.
func (e *Emulator) setLink(c caller, roomID int, req linkRequest) (writeResult, *apiError) {
	if req.linkType != 0 && req.linkType != 1 {
		return writeResult{}, errBadLinkType()
	}
	room, ok := e.rooms[roomID]
	if !ok {
		return writeResult{}, errItemNotFound()
	}
	if req.linkType == 0 {
		return e.setInvitationLink(c, room, req)
	}
	return e.setExternalLink(c, e.roomScope(room), req)
}

// setInvitationLink builds invitation options (API.md §5.4, §5.6): a title, an
// expiration and a use limit, nothing else. Its own 400s come before the permission check.
func (e *Emulator) setInvitationLink(c caller, room *storedRoom, req linkRequest) (writeResult, *apiError) {
	now := e.clock()
	o := linkOptions{title: orDefault(req.opts.title, defaultInvitationTitle)}
	if e.version == V37 {
		if limit := req.opts.maxUseCount; limit != nil {
			// The counter survives only when a limit is sent; omitting
			// maxUseCount resets it to 0 (API.md §5.6, §12.12).
			if existing, _ := room.find(req.linkID); existing != nil && req.linkID != "" {
				if *limit < existing.opts.currentUseCount {
					return writeResult{}, errArgumentOutOfRange("maxUseCount")
				}
				o.currentUseCount = existing.opts.currentUseCount
			}
			o.maxUseCount = copyInt(limit)
		}
		if exp := req.opts.expiration; exp != nil {
			if exp.Before(now) || exp.After(now.AddDate(maxLinkLifetimeYears, 0, 0)) {
				return writeResult{}, errArgumentOutOfRange("expirationDate")
			}
			o.expiration = exp
		}
	} else {
		// v3.6 ignores the request and restarts a 7-day lifetime on every write (API.md §5.4).
		expires := truncateTicks(now.Add(v36InvitationLifetime))
		o.expiration = &expires
	}
	link, _, err := e.setAceLink(c, e.roomScope(room), subjectInvitation, req.linkID, req.access, o, false)
	return writeResult{link: link}, err
}

// setExternalLink builds external-link options (API.md §5.3–§5.5, §13.2) and
// regenerates a primary link of a Public/Form room, or of a file or folder in
// one, when it is deleted (API.md §6, §13.5). It serves rooms, files and folders.
func (e *Emulator) setExternalLink(c caller, sc linkScope, req linkRequest) (writeResult, *apiError) {
	var existing *storedLink
	if req.linkID != "" {
		existing, _ = sc.set.find(req.linkID)
	}
	internal, err := e.resolveInternal(c, sc, existing, req)
	if err != nil {
		return writeResult{}, err
	}

	now := e.clock()
	o := req.opts
	o.title = orDefault(o.title, defaultExternalTitle)
	o.internal = internal
	o.maxUseCount, o.currentUseCount = nil, 0
	if req.trimPassword {
		o.password = strings.TrimSpace(o.password)
	}
	// A past date is dropped silently; beyond ten years is an error (API.md §5.4).
	o.expiration = nil
	if exp := req.opts.expiration; exp != nil && exp.After(now) {
		if exp.After(now.AddDate(maxLinkLifetimeYears, 0, 0)) {
			return writeResult{}, errArgumentOutOfRange("expirationDate")
		}
		o.expiration = exp
	}

	s := subjectExternal
	if req.primary {
		s = subjectPrimary // file and folder routes only (API.md §13.2)
	}
	// v3.7 quirk: a Read primary request on a file or folder of a Public room
	// skips the manage-access check (API.md §13.5).
	bypass := e.version == V37 && !sc.onRoom() && sc.loc.roomType() == RoomPublic && req.primary && req.access == accessRead
	link, removed, err := e.setAceLink(c, sc, s, req.linkID, req.access, o, bypass)
	if err != nil {
		return writeResult{}, err
	}
	if removed != nil && removed.subject == subjectPrimary && sc.regenerates() {
		// Revoke: a new primary with a new id (API.md §6, §13.5).
		return writeResult{link: e.addRevokedPrimary(sc), revoked: true}, nil
	}
	return writeResult{link: link}, nil
}

// resolveInternal applies the v3.7 portal settings to "internal" (API.md §5.5,
// §13.5): the "default share link internal" setting on a create without
// linkId, and the admin switch that disables external sharing (for rooms and
// what they hold; My Documents has a switch of its own, not modelled).
func (e *Emulator) resolveInternal(c caller, sc linkScope, existing *storedLink, req linkRequest) (bool, *apiError) {
	internal := req.opts.internal
	if e.version != V37 || !c.manager() {
		return internal, nil
	}
	if !internal && req.linkID == "" {
		internal = e.defaultInternal
	}
	if !e.externalSharingDisabled || sc.loc.myDocuments() {
		return internal, nil
	}
	revokesPrimary := existing != nil && existing.subject == subjectPrimary && req.access == accessNone && !req.viaForm
	switch rt := sc.loc.roomType(); {
	case rt == RoomPublic:
		refused := existing == nil && req.access != accessNone
		if !sc.onRoom() {
			refused = req.access != accessNone && !req.opts.internal // every write (API.md §13.5)
		}
		if refused || revokesPrimary {
			return false, errAccessDenied()
		}
	case rt == RoomFillingForms:
		if revokesPrimary && !existing.opts.internal {
			return false, errAccessDenied()
		}
		internal = true
	case rt == RoomCustom, !sc.onRoom() && rt != RoomAI:
		internal = true
	}
	return internal, nil
}

// setAceLink is SetAceObjectAsync for one link, in the server's order:
// permission, kind preserved, silent drop, access matrix, forced options,
// silent skips, password policy, count limit, write (API.md §4.5, §4.6, §5,
// §13.5). It returns the written link, or the link it removed. Its errors are
// marked as the ACE helper's (v3.6 maps them, API.md §13.5). Caller holds e.mu.
func (e *Emulator) setAceLink(c caller, sc linkScope, s subjectType, linkID string, access int, o linkOptions, bypass bool) (link, removed *storedLink, err *apiError) {
	if linkID == "" {
		linkID = newGUID()
	}
	if !c.manager() && !bypass {
		return nil, nil, aceError(errAccessDenied()) // API.md §5.1, §13.5
	}
	existing, _ := sc.set.find(linkID)
	if existing != nil {
		s = existing.subject // the kind of a link never changes (API.md §2)
	}
	if sc.dropsAccess(access) {
		return existing, nil, nil // dropped: 200, nothing stored (API.md §13.3)
	}
	if !sc.allowed(s, access, e.creator(c, sc)) {
		return nil, nil, aceError(errRoleNotAvailable())
	}
	sc.forceExpiration(s, &o)
	if existing != nil && sc.skipsUpdate(s, existing, o) {
		return existing, nil, nil
	}
	sc.forceInternal(s, &o)
	deleting := existing != nil && access == accessNone
	if o.password != "" && !deleting && !passwordAllowed(o.password, e.passwordMinLength) {
		return nil, nil, aceError(errPasswordPolicy(e.passwordMinLength)) // API.md §5.3
	}
	if existing == nil {
		// Runs for access 0 too: deleting an unknown id at the limit fails (API.md §5.7).
		if limit := sc.limit(s); sc.set.count(s) >= limit {
			return nil, nil, aceError(errMaxLinks(limit))
		}
	}
	switch {
	case access == accessNone && existing != nil:
		sc.set.remove(existing.id)
		return nil, existing, nil
	case access == accessNone:
		return nil, nil, nil // delete of an unknown id: nothing happens (API.md §5.7)
	case existing != nil:
		existing.access = access
		existing.opts = o
		return existing, nil, nil
	default:
		if e.ignoreLinkIDs {
			linkID = newGUID() // a portal that does not keep the id it is sent
		}
		l := newLink(linkID, s, access, o)
		sc.set.add(l)
		return l, nil, nil
	}
}

// creator tells whether the caller created the entry of a scope (API.md §13.3).
func (e *Emulator) creator(c caller, sc linkScope) bool {
	return c.manager() && (sc.entry == nil || !sc.entry.foreign)
}

func orDefault(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
