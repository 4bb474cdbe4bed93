package docspacetest

import (
	"strings"
	"time"
)

// Link is a test-side copy of a stored link of a room, a file or a folder.
// LinkType is 0 for invitation and 1 for external links; Primary marks a
// primary external link. ShareLink is the full short URL on the emulator's
// host.
type Link struct {
	ID              string
	Title           string
	Access          int
	LinkType        int
	Primary         bool
	Password        string
	DenyDownload    bool
	Internal        bool
	Expiration      *time.Time
	MaxUseCount     *int
	CurrentUseCount int
	ShareLink       string
	RequestToken    string
}

// linkOptions are the options of a link: what a write replaces wholesale
// (full-replacement semantics, API.md §2, §13.2). Every link, of a room, a file
// or a folder, stores them in this one struct; the request decoder fills one,
// the DTO renders one.
type linkOptions struct {
	title           string
	password        string
	denyDownload    bool
	internal        bool
	expiration      *time.Time
	maxUseCount     *int
	currentUseCount int
}

// exported copies the options into a Link.
func (o linkOptions) exported(l *Link) {
	l.Title = o.title
	l.Password = o.password
	l.DenyDownload = o.denyDownload
	l.Internal = o.internal
	l.Expiration = copyTime(o.expiration)
	l.MaxUseCount = copyInt(o.maxUseCount)
	l.CurrentUseCount = o.currentUseCount
}

// options are the link options a test control sets.
func (l Link) options() linkOptions {
	return linkOptions{
		title:           l.Title,
		password:        l.Password,
		denyDownload:    l.DenyDownload,
		internal:        l.Internal,
		expiration:      copyTime(l.Expiration),
		maxUseCount:     copyInt(l.MaxUseCount),
		currentUseCount: l.CurrentUseCount,
	}
}

// storedLink is one share record (API.md §3.2).
type storedLink struct {
	id           string
	subject      subjectType
	access       int
	opts         linkOptions
	shareKey     string // the 15 characters after /s/
	requestToken string // external links only
}

// newLink makes a link with the short key and token its id yields (API.md §10.3).
func newLink(id string, s subjectType, access int, o linkOptions) *storedLink {
	l := &storedLink{id: id, subject: s, access: access, opts: o, shareKey: shortKey(id)}
	if s.isExternal() {
		l.requestToken = requestToken(id)
	}
	return l
}

// linkSet holds the links of one owner (a room, a file or a folder) in
// insertion order (API.md §7.2 ties).
type linkSet struct {
	links []*storedLink
}

func (s *linkSet) find(id string) (*storedLink, int) {
	for i, l := range s.links {
		if l.id == id {
			return l, i
		}
	}
	return nil, -1
}

func (s *linkSet) primary() *storedLink {
	for _, l := range s.links {
		if l.subject == subjectPrimary {
			return l
		}
	}
	return nil
}

func (s *linkSet) count(st subjectType) int {
	n := 0
	for _, l := range s.links {
		if l.subject == st {
			n++
		}
	}
	return n
}

func (s *linkSet) remove(id string) bool {
	if _, i := s.find(id); i >= 0 {
		s.links = append(s.links[:i], s.links[i+1:]...)
		return true
	}
	return false
}

func (s *linkSet) add(l *storedLink) { s.links = append(s.links, l) }

// exportLink copies a stored link for a test. Caller holds e.mu.
func (e *Emulator) exportLink(l *storedLink) Link {
	out := Link{
		ID:           l.id,
		Access:       l.access,
		LinkType:     l.subject.linkType(),
		Primary:      l.subject == subjectPrimary,
		ShareLink:    shareURL(e.host, l.shareKey),
		RequestToken: l.requestToken,
	}
	l.opts.exported(&out)
	return out
}

func (e *Emulator) exportLinks(s *linkSet) []Link {
	links := make([]Link, 0, len(s.links))
	for _, l := range s.links {
		links = append(links, e.exportLink(l))
	}
	return links
}

// setLinkIn inserts a link into a set, or overwrites the one with the same id
// in place, without any of the API's rules (SetLink and its file and folder
// twins). Caller holds e.mu.
func setLinkIn(set *linkSet, l Link) {
	id := strings.ToLower(l.ID)
	if id == "" {
		id = newGUID()
	}
	s := subjectExternal
	switch {
	case l.Primary:
		s = subjectPrimary
	case l.LinkType == 0:
		s = subjectInvitation
	}
	stored, _ := set.find(id)
	if stored == nil {
		stored = &storedLink{id: id, shareKey: shortKey(id)}
		set.add(stored)
	}
	stored.subject = s
	stored.access = l.Access
	stored.opts = l.options()
	if l.ShareLink != "" {
		stored.shareKey = l.ShareLink[strings.LastIndex(l.ShareLink, "/")+1:]
	}
	switch {
	case l.RequestToken != "":
		stored.requestToken = l.RequestToken
	case !s.isExternal():
		stored.requestToken = ""
	case stored.requestToken == "":
		stored.requestToken = requestToken(id)
	}
}

func copyTime(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	c := truncateTicks(*t)
	return &c
}

func copyInt(n *int) *int {
	if n == nil {
		return nil
	}
	c := *n
	return &c
}
