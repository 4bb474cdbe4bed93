package docspacetest

import "strings"

// writeResult is what a PUT …/links answers with: a link, or nothing (API.md §3.5).
type writeResult struct {
	link         *storedLink
	withoutToken bool // the regenerated primary after a revoke (API.md §6)
}

// setLink dispatches on linkType like the controller does, before the room is
// even looked up (API.md §5.7). Caller holds e.mu.
func (e *Emulator) setLink(c caller, roomID int, req linkRequest) (writeResult, *apiError) {
	switch req.linkType {
	case 0:
		return e.setInvitationLink(c, roomID, req)
	case 1:
		return e.setExternalLink(c, roomID, req)
	default:
		return writeResult{}, errBadLinkType()
	}
}

// setInvitationLink builds invitation options (API.md §5.4, §5.6): no password,
// denyDownload or internal. Its own 400s come before the permission check.
func (e *Emulator) setInvitationLink(c caller, roomID int, req linkRequest) (writeResult, *apiError) {
	room, ok := e.rooms[roomID]
	if !ok {
		return writeResult{}, errItemNotFound()
	}
	now := e.clock()
	o := linkOptions{title: orDefault(req.title, defaultInvitationTitle)}
	if e.version == V37 {
		if req.maxUseCount != nil {
			// The counter survives only when a limit is sent; omitting
			// maxUseCount resets it to 0 (API.md §5.6, §12.12).
			if existing, _ := room.find(req.linkID); existing != nil && req.linkID != "" {
				if *req.maxUseCount < existing.currentUseCount {
					return writeResult{}, errArgumentOutOfRange("maxUseCount")
				}
				o.currentUseCount = existing.currentUseCount
			}
			limit := *req.maxUseCount
			o.maxUseCount = &limit
		}
		if req.expiration != nil {
			if req.expiration.Before(now) || req.expiration.After(now.AddDate(maxLinkLifetimeYears, 0, 0)) {
				return writeResult{}, errArgumentOutOfRange("expirationDate")
			}
			o.expiration = req.expiration
		}
	} else {
		// v3.6 ignores the request and restarts a 7-day lifetime on every write (API.md §5.4).
		expires := truncateTicks(now.Add(v36InvitationLifetime))
		o.expiration = &expires
	}
	link, _, err := e.setAceLink(c, room, subjectInvitation, req.linkID, req.access, o)
	return writeResult{link: link}, err
}

// setExternalLink builds external-link options (API.md §5.3–§5.5) and regenerates the
// primary link of Public/Form rooms when it is deleted (API.md §6).
func (e *Emulator) setExternalLink(c caller, roomID int, req linkRequest) (writeResult, *apiError) {
	room, ok := e.rooms[roomID]
	if !ok {
		return writeResult{}, errItemNotFound()
	}
	var existing *storedLink
	if req.linkID != "" {
		existing, _ = room.find(req.linkID)
	}
	internal, err := e.resolveInternal(c, room, existing, req)
	if err != nil {
		return writeResult{}, err
	}

	now := e.clock()
	o := linkOptions{
		title:        orDefault(req.title, defaultExternalTitle),
		denyDownload: req.denyDownload,
		internal:     internal,
		password:     strings.TrimSpace(req.password),
	}
	// A past date is dropped silently; beyond ten years is an error (API.md §5.4).
	if req.expiration != nil && req.expiration.After(now) {
		if req.expiration.After(now.AddDate(maxLinkLifetimeYears, 0, 0)) {
			return writeResult{}, errArgumentOutOfRange("expirationDate")
		}
		o.expiration = req.expiration
	}

	link, removed, err := e.setAceLink(c, room, subjectExternal, req.linkID, req.access, o)
	if err != nil {
		return writeResult{}, err
	}
	if removed != nil && removed.subject == subjectPrimary && regeneratesPrimary(room.typ) {
		// Revoke: a new primary with a new id, answered without requestToken (API.md §6).
		return writeResult{link: e.addPrimaryLink(room), withoutToken: true}, nil
	}
	return writeResult{link: link}, nil
}

// resolveInternal applies the v3.7 portal settings to "internal" (API.md §5.5): the
// "default share link internal" setting on a create without linkId, and the
// admin switch that disables external sharing.
func (e *Emulator) resolveInternal(c caller, room *storedRoom, existing *storedLink, req linkRequest) (bool, *apiError) {
	internal := req.internal
	if e.version != V37 || !c.manager() {
		return internal, nil
	}
	if !internal && req.linkID == "" {
		internal = e.defaultInternal
	}
	if !e.externalSharingDisabled {
		return internal, nil
	}
	revokesPrimary := existing != nil && existing.subject == subjectPrimary && req.access == accessNone
	switch room.typ {
	case RoomPublic:
		if existing == nil && req.access != accessNone {
			return false, errAccessDenied() // no new anonymous links
		}
		if revokesPrimary {
			return false, errAccessDenied()
		}
	case RoomFillingForms:
		if revokesPrimary && !existing.internal {
			return false, errAccessDenied()
		}
		internal = true
	case RoomCustom:
		internal = true
	}
	return internal, nil
}

// setAceLink is SetAceObjectAsync for one link, in the server's order:
// permission, kind preserved, access matrix, forced options, silent skips,
// password policy, count limit, write (API.md §4.5, §4.6, §5). It returns the
// written link, or the link it removed. Caller holds e.mu.
func (e *Emulator) setAceLink(c caller, room *storedRoom, s subjectType, linkID string, access int, o linkOptions) (link, removed *storedLink, err *apiError) {
	if linkID == "" {
		linkID = newGUID()
	}
	if !c.manager() {
		return nil, nil, errAccessDenied() // API.md §5.1
	}
	existing, _ := room.find(linkID)
	if existing != nil {
		s = existing.subject // the kind of a link never changes (API.md §2)
	}
	if !accessAllowed(room.typ, s, access) {
		return nil, nil, errRoleNotAvailable()
	}
	if s == subjectPrimary && regeneratesPrimary(room.typ) {
		o.expiration = nil // API.md §5.4
	}
	if existing != nil && skipsUpdate(room.typ, s, existing, o) {
		return existing, nil, nil
	}
	if s.isExternal() {
		switch room.typ {
		case RoomPublic:
			o.internal = false // API.md §5.5
		case RoomVirtualData:
			o.internal = true
		}
	}
	deleting := existing != nil && access == accessNone
	if o.password != "" && !deleting && !passwordAllowed(o.password, e.passwordMinLength) {
		return nil, nil, errPasswordPolicy(e.passwordMinLength) // API.md §5.3
	}
	if existing == nil {
		// Runs for access 0 too: deleting an unknown id at the limit fails (API.md §5.7).
		if limit := linkLimit(room.typ, s); room.count(s) >= limit {
			return nil, nil, errMaxLinks(limit)
		}
	}
	switch {
	case access == accessNone && existing != nil:
		room.remove(existing.id)
		return nil, existing, nil
	case access == accessNone:
		return nil, nil, nil // delete of an unknown id: nothing happens (API.md §5.7)
	case existing != nil:
		existing.access = access
		existing.apply(o)
		return existing, nil, nil
	default:
		if e.ignoreLinkIDs {
			linkID = newGUID() // a portal that does not keep the id it is sent
		}
		l := newLink(linkID, s, access, o)
		room.links = append(room.links, l)
		return l, nil, nil
	}
}

// skipsUpdate: a write that would change "internal" or the expiration without
// the right to do so is ignored as a whole, and the unchanged link is answered
// (API.md §5.4, §5.5). Invitation links are exempt from the expiration rule.
func skipsUpdate(rt RoomType, s subjectType, existing *storedLink, o linkOptions) bool {
	if existing.internal != o.internal && !canEditInternal(rt) {
		return true
	}
	if !sameInstant(existing.expiration, o.expiration) && s != subjectInvitation && !canEditExpiration(rt, s) {
		return true
	}
	return false
}

func orDefault(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
