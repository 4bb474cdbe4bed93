package docspacetest

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
	manager          bool   // caller may manage the room: canEdit*/canRevoke
	withoutToken     bool   // PUT answer after a primary was revoked (API.md §6)
	roomType         RoomType
	includeUseCounts bool // v3.7
}

// shareURL is the short link of a link key on a host (API.md §3.2).
func shareURL(host, key string) string { return "https://" + host + "/s/" + key }

// linkDTO renders a stored link. Caller holds e.mu.
func (e *Emulator) linkDTO(l *storedLink, v linkView) fileShareDTO {
	data := fileShareLinkDTO{
		ID:           l.id,
		Title:        l.title,
		ShareLink:    shareURL(v.host, l.shareKey),
		LinkType:     l.subject.linkType(),
		DenyDownload: l.denyDownload,
		Primary:      l.subject == subjectPrimary,
		Internal:     l.internal,
	}
	if l.expiration != nil {
		data.ExpirationDate = formatAPIDate(*l.expiration, e.loc)
		data.IsExpired = l.expiration.Before(e.clock()) // computed at read time (API.md §3.2)
	}
	if l.subject.isExternal() {
		data.Password = l.password // plain text (API.md §3.2)
		if !v.withoutToken {
			data.RequestToken = l.requestToken
		}
	} else if v.includeUseCounts {
		if l.maxUseCount != nil {
			m := *l.maxUseCount
			data.MaxUseCount = &m
		}
		c := l.currentUseCount
		data.CurrentUseCount = &c
	}
	return fileShareDTO{
		Access:                l.access,
		SharedTo:              data,
		SharedLink:            data,
		CanEditInternal:       v.manager && canEditInternal(v.roomType),
		CanEditExpirationDate: v.manager && canEditExpiration(v.roomType, l.subject),
		CanRevoke:             v.manager && canRevoke(v.roomType, l.subject),
		SubjectType:           int(l.subject),
	}
}
