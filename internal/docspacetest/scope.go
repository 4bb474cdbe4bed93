package docspacetest

import "slices"

// linkScope is an owner of links together with the rules that govern them:
// a room's own links (API.md §4.5, §4.6), or the links of a file or folder in
// a room or in My Documents (API.md §13.3, §13.4). The one link engine
// (linkwrite.go) asks it every question that depends on the owner.
type linkScope struct {
	set     *linkSet
	loc     location     // the room itself, or the room/My Documents holding the entry
	entry   *storedEntry // nil: a room's own links
	version Version
}

func (e *Emulator) roomScope(r *storedRoom) linkScope {
	return linkScope{set: &r.linkSet, loc: location{room: r}, version: e.version}
}

func (e *Emulator) entryScope(en *storedEntry) linkScope {
	return linkScope{set: &en.linkSet, loc: e.locate(en), entry: en, version: e.version}
}

func (sc linkScope) onRoom() bool { return sc.entry == nil }

func (sc linkScope) file() bool { return sc.entry != nil && !sc.entry.folder }

// notViewable: a file the editors cannot open (API.md §13.3).
func (sc linkScope) notViewable() bool {
	return sc.file() && classOf(sc.entry.ext) == formatNotViewable
}

// dropsAccess: a non-viewable file silently drops any access but 0–3 (API.md §13.3).
func (sc linkScope) dropsAccess(access int) bool {
	return sc.notViewable() && (access < 0 || access > 3)
}

// accesses is the set a link of kind s may carry (API.md §4.5, §13.3); creator
// tells whether the caller created the entry.
func (sc linkScope) accesses(s subjectType, creator bool) []int {
	if sc.onRoom() {
		return roomAccesses[sc.loc.roomType()][s]
	}
	if s == subjectInvitation {
		return nil
	}
	candidates := []int{accessEditing, accessFillForms, accessReview, accessComment, accessRead, accessNone}
	if sc.loc.roomType() == RoomFillingForms {
		candidates = []int{accessFillForms, accessNone}
	}
	keep := sc.fileAccess
	if sc.entry.folder {
		keep = func(a int) bool { return sc.folderAccess(a, creator) }
	}
	return slices.DeleteFunc(candidates, func(a int) bool { return !keep(a) })
}

// fileAccess filters the candidates by format and form (API.md §13.3).
func (sc linkScope) fileAccess(a int) bool {
	class, form := classOf(sc.entry.ext), sc.entry.form
	editable := class == formatEditComment || class == formatEditReviewComment
	switch a {
	case accessNone:
		return true
	case accessRead:
		return !form
	case accessEditing:
		return editable && !(form && sc.loc.roomType() == RoomFillingForms)
	case accessReview:
		return !form && class == formatEditReviewComment
	case accessComment:
		return !form && editable
	case accessFillForms:
		return form && (sc.version == V36 || sc.loc.fillFormsLocation())
	}
	return false
}

// folderAccess: FillForms only where forms are filled (v3.6: Form-filling
// rooms only); None only for the folder's creator (v3.6: anyone) (API.md §13.3).
func (sc linkScope) folderAccess(a int, creator bool) bool {
	switch a {
	case accessFillForms:
		if sc.version == V36 {
			return sc.loc.roomType() == RoomFillingForms
		}
		return sc.loc.fillFormsLocation()
	case accessNone:
		return creator || sc.version == V36
	}
	return true
}

func (sc linkScope) allowed(s subjectType, access int, creator bool) bool {
	return slices.Contains(sc.accesses(s, creator), access)
}

// limit is the maximum of links of one kind, checked on create (API.md §4.6,
// §13.4); a primary link without its own entry falls back to the additional limit.
func (sc linkScope) limit(s subjectType) int {
	if sc.onRoom() {
		return linkLimit(sc.loc.roomType(), s)
	}
	settings := sc.shareSettings()
	if n, ok := settings[subjectNames[s]]; ok {
		return n
	}
	return settings[subjectNames[subjectExternal]]
}

// shareSettings is the raw limit table of the DTO (API.md §4.6, §13.4).
func (sc linkScope) shareSettings() map[string]int {
	rt := sc.loc.roomType()
	if sc.onRoom() {
		return map[string]int{
			subjectNames[subjectPrimary]:  linkLimit(rt, subjectPrimary),
			subjectNames[subjectExternal]: linkLimit(rt, subjectExternal),
		}
	}
	switch rt {
	case RoomPublic:
		return map[string]int{subjectNames[subjectPrimary]: 1, subjectNames[subjectExternal]: 5}
	case RoomFillingForms:
		return map[string]int{subjectNames[subjectPrimary]: 1, subjectNames[subjectExternal]: 0}
	}
	return map[string]int{subjectNames[subjectExternal]: 6}
}

// Rights of a manager on link options (API.md §3.2, §5.4, §5.5, §13.5).
func (sc linkScope) canEditInternal() bool { return canEditInternal(sc.loc.roomType()) }

// canEditExpiration is what the DTO reports.
func (sc linkScope) canEditExpiration(s subjectType) bool {
	return canEditExpiration(sc.loc.roomType(), s)
}

// skipsExpiration: a changed expiration is ignored as a whole (API.md §5.4,
// §13.5); files and folders of Public rooms may change it despite the DTO.
func (sc linkScope) skipsExpiration(s subjectType) bool {
	if s == subjectInvitation {
		return false
	}
	if sc.onRoom() {
		return !canEditExpiration(sc.loc.roomType(), s)
	}
	return sc.loc.roomType() == RoomFillingForms
}

func (sc linkScope) canRevoke(s subjectType) bool {
	return !sc.loc.myDocuments() && canRevoke(sc.loc.roomType(), s)
}

// regenerates: deleting a primary link here creates a new one (API.md §6, §13.5).
func (sc linkScope) regenerates() bool {
	return !sc.loc.myDocuments() && regeneratesPrimary(sc.loc.roomType())
}

// forceExpiration: the primary link of a Public or Form room never expires (API.md §5.4).
func (sc linkScope) forceExpiration(s subjectType, o *linkOptions) {
	if sc.onRoom() && s == subjectPrimary && sc.regenerates() {
		o.expiration = nil
	}
}

// forceInternal applies the "internal" the location imposes (API.md §5.5, §13.2).
func (sc linkScope) forceInternal(s subjectType, o *linkOptions) {
	if !s.isExternal() {
		return
	}
	switch sc.loc.roomType() {
	case RoomPublic:
		o.internal = false
	case RoomVirtualData:
		o.internal = true
	}
}

// skipsUpdate: a write that would change "internal" or the expiration without
// the right to do so is ignored as a whole, and the unchanged link is answered
// (API.md §5.4, §5.5, §13.5).
func (sc linkScope) skipsUpdate(s subjectType, existing *storedLink, o linkOptions) bool {
	if existing.opts.internal != o.internal && !sc.canEditInternal() {
		return true
	}
	return !sameInstant(existing.opts.expiration, o.expiration) && sc.skipsExpiration(s)
}

// filesOrder: My Documents and AI rooms list by the files order (API.md §13.6).
func (sc linkScope) filesOrder() bool {
	return !sc.onRoom() && (sc.loc.myDocuments() || sc.loc.roomType() == RoomAI)
}

// rank orders links in lists: rooms order (API.md §7.2) or files order (API.md §13.6).
func (sc linkScope) rank(access int) int {
	if !sc.filesOrder() {
		return accessRank(access)
	}
	order := []int{0, 10, 8, 5, 7, 6, 2, 3, 1, 9, 11, 4}
	if i := slices.Index(order, access); i >= 0 {
		return i
	}
	return len(order)
}

// sorted lists external links, primary first, then by rank; ties keep
// insertion order (API.md §7.2, §13.6).
func (sc linkScope) sorted() []*storedLink {
	links := slices.DeleteFunc(slices.Clone(sc.set.links), func(l *storedLink) bool { return !l.subject.isExternal() })
	slices.SortStableFunc(links, func(a, b *storedLink) int {
		if a.subject != b.subject {
			return int(b.subject) - int(a.subject)
		}
		return sc.rank(a.access) - sc.rank(b.access)
	})
	return links
}
