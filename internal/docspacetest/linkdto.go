package docspacetest

import "strconv"

// fileShareLinkDTO is FileShareLink, written both as "sharedTo" and
// "sharedLink" (API.md §3.2). Optional fields are omitted when unset.
type fileShareLinkDTO struct {
	ID              string `json:"id"`
	Title           string `json:"title"`
	ShareLink       string `json:"shareLink"`
	ExpirationDate  string `json:"expirationDate,omitempty"`
	LinkType        int    `json:"linkType"`
	Password        string `json:"password,omitempty"`
	DenyDownload    bool   `json:"denyDownload"`
	IsExpired       bool   `json:"isExpired"`
	Primary         bool   `json:"primary"`
	Internal        bool   `json:"internal"`
	MaxUseCount     *int   `json:"maxUseCount,omitempty"`
	CurrentUseCount *int   `json:"currentUseCount,omitempty"`
	RequestToken    string `json:"requestToken,omitempty"`
}

// fileShareDTO is FileShareDto for a link (API.md §3.2).
type fileShareDTO struct {
	Access                int              `json:"access"`
	SharedTo              fileShareLinkDTO `json:"sharedTo"`
	SharedLink            fileShareLinkDTO `json:"sharedLink"`
	IsLocked              bool             `json:"isLocked"`
	IsOwner               bool             `json:"isOwner"`
	CanEditAccess         bool             `json:"canEditAccess"`
	CanEditInternal       bool             `json:"canEditInternal"`
	CanEditDenyDownload   bool             `json:"canEditDenyDownload"`
	CanEditExpirationDate bool             `json:"canEditExpirationDate"`
	CanRevoke             bool             `json:"canRevoke"`
	SubjectType           int              `json:"subjectType"`
}

// linkView says how one link is rendered for one request.
type linkView struct {
	host             string // request host, for shareLink
	manager          bool   // caller may manage the owner's access: canEdit*/canRevoke
	withoutToken     bool   // PUT answer after a primary was revoked (API.md §6, §13.5)
	scope            linkScope
	includeUseCounts bool // v3.7
	fileID           int  // a room link shown for this file: file-specific shareLink (API.md §13.7)
}

// shareURL is the short link of a link key on a host (API.md §3.2).
func shareURL(host, key string) string { return "https://" + host + "/s/" + key }

// linkDTO renders a stored link. Caller holds e.mu.
func (e *Emulator) linkDTO(l *storedLink, v linkView) fileShareDTO {
	o := l.opts
	key := l.shareKey
	if v.fileID != 0 {
		key = shortKey(l.id + "&is_file=true&file=" + strconv.Itoa(v.fileID))
	}
	data := fileShareLinkDTO{
		ID:           l.id,
		Title:        o.title,
		ShareLink:    shareURL(v.host, key),
		LinkType:     l.subject.linkType(),
		DenyDownload: o.denyDownload,
		Primary:      l.subject == subjectPrimary,
		Internal:     o.internal,
	}
	if o.expiration != nil {
		data.ExpirationDate = formatAPIDate(*o.expiration, e.loc)
		data.IsExpired = o.expiration.Before(e.clock()) // computed at read time (API.md §3.2)
	}
	if l.subject.isExternal() {
		data.Password = o.password // plain text (API.md §3.2)
		if !v.withoutToken {
			data.RequestToken = l.requestToken
		}
	} else if v.includeUseCounts {
		if o.maxUseCount != nil {
			m := *o.maxUseCount
			data.MaxUseCount = &m
		}
		c := o.currentUseCount
		data.CurrentUseCount = &c
	}
	return fileShareDTO{
		Access:                l.access,
		SharedTo:              data,
		SharedLink:            data,
		CanEditInternal:       v.manager && v.scope.canEditInternal(),
		CanEditDenyDownload:   v.manager && !v.scope.onRoom() && v.scope.loc.roomType() == RoomVirtualData, // API.md §3.2
		CanEditExpirationDate: v.manager && v.scope.canEditExpiration(l.subject),
		CanRevoke:             v.manager && v.scope.canRevoke(l.subject),
		SubjectType:           int(l.subject),
	}
}
