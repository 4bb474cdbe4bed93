package docspace

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Link is a link of a room, file or folder as DocSpace reports it (API.md
// §3.2, §13.1).
type Link struct {
	ID       string
	Title    string
	Access   Access
	LinkType LinkType
	// Primary is true for a primary external link: a room's (API.md §6), which
	// only the server creates, or one of a file's or folder's, which a PUT
	// with LinkRequest.Primary creates (API.md §13.2).
	Primary bool
	// RoomLink marks the room's primary link that DocSpace lists among a PDF
	// form's links in a Form-filling room (API.md §13.7): it belongs to the
	// room, not to the file, and a delete through the file would revoke it.
	RoomLink bool
	// ShareLink and RequestToken are secrets: whoever has them can open the
	// room (external) or join it (invitation).
	ShareLink    string
	RequestToken string
	// Expiration is nil when the link never expires. It carries the portal's
	// time zone; compare instants, not strings.
	Expiration *time.Time
	IsExpired  bool
	// Password comes back in plain text (API.md §3.2). Empty means none.
	Password     string
	DenyDownload bool
	Internal     bool
	// MaxUseCount is nil when unlimited or when the server predates v3.7.
	MaxUseCount *int
	// CurrentUseCount is nil when the server does not report it (before
	// v3.7), which is how callers tell the two generations apart.
	CurrentUseCount *int
	// Adopted is set by CreateLink on a link it took for the create's result
	// by its settings alone, on a portal that ignores ids (not part of
	// DocSpace's answer): nothing proves this call made it, so the caller
	// must not delete it as its own.
	Adopted bool
}

// LinkRequest is one PUT to the links endpoint. Every field is sent every
// time: the server rebuilds all options from the request (API.md §2), so a field
// left out is a field reset.
type LinkRequest struct {
	LinkID string
	// LinkType is sent to rooms only; links of files and folders are always
	// external (API.md §13.2).
	LinkType     LinkType
	Access       Access
	Title        string // empty: the server's default title
	Expiration   *time.Time
	Password     string
	DenyDownload bool
	Internal     bool
	// MaxUseCount is sent to rooms only (API.md §13.2).
	MaxUseCount *int
	// Primary asks a file or folder for a primary link instead of an
	// additional one. It counts on create only (the kind of an existing link
	// is kept) and is never sent to rooms, whose primary links only the
	// server creates (API.md §6, §13.2).
	Primary bool
}

type linkRequestBody struct {
	LinkID         string  `json:"linkId"`
	LinkType       int     `json:"linkType"`
	Access         int     `json:"access"`
	Title          *string `json:"title"`
	ExpirationDate *string `json:"expirationDate"`
	Password       *string `json:"password"`
	DenyDownload   bool    `json:"denyDownload"`
	Internal       bool    `json:"internal"`
	MaxUseCount    *int    `json:"maxUseCount"`
}

// entryLinkRequestBody is the PUT body for a file's or folder's link
// (API.md §13.2): no linkType and no maxUseCount, and a primary flag.
type entryLinkRequestBody struct {
	// LinkID is left out of the POST …/link body, which names no link.
	LinkID         string  `json:"linkId,omitempty"`
	Access         int     `json:"access"`
	Title          *string `json:"title"`
	ExpirationDate *string `json:"expirationDate"`
	Password       *string `json:"password"`
	DenyDownload   bool    `json:"denyDownload"`
	Internal       bool    `json:"internal"`
	Primary        bool    `json:"primary"`
}

// bodyFor is the request's body for the target's kind.
func (r LinkRequest) bodyFor(k TargetKind) any {
	b := r.body()
	if k == TargetRoom {
		return b
	}
	return entryLinkRequestBody{LinkID: b.LinkID, Access: b.Access, Title: b.Title, ExpirationDate: b.ExpirationDate,
		Password: b.Password, DenyDownload: b.DenyDownload, Internal: b.Internal, Primary: r.Primary}
}

func (r LinkRequest) body() linkRequestBody {
	b := linkRequestBody{
		LinkID:       r.LinkID,
		LinkType:     int(r.LinkType),
		Access:       int(r.Access),
		DenyDownload: r.DenyDownload,
		Internal:     r.Internal,
		MaxUseCount:  r.MaxUseCount,
	}
	if r.Title != "" {
		b.Title = &r.Title
	}
	if r.Password != "" {
		b.Password = &r.Password
	}
	if r.Expiration != nil {
		// Always with an offset: a bare date is read in the server's own zone.
		// And always in UTC ("Z"): the server's JSON converter turns a
		// non-zero offset into its own local time and then takes that for
		// UTC, which is only right on a server running in UTC. .NET keeps
		// 100 ns ticks, so nothing finer is sent.
		s := r.Expiration.UTC().Truncate(100 * time.Nanosecond).Format(time.RFC3339Nano)
		b.ExpirationDate = &s
	}
	return b
}

// shareLinkDTO is FileShareLink (API.md §3.2), found under sharedLink, or under
// sharedTo on servers up to v3.2.
type shareLinkDTO struct {
	ID              string `json:"id"`
	Title           string `json:"title"`
	ShareLink       string `json:"shareLink"`
	ExpirationDate  string `json:"expirationDate"`
	LinkType        *int   `json:"linkType"`
	Password        string `json:"password"`
	DenyDownload    bool   `json:"denyDownload"`
	IsExpired       bool   `json:"isExpired"`
	Primary         bool   `json:"primary"`
	Internal        bool   `json:"internal"`
	RequestToken    string `json:"requestToken"`
	MaxUseCount     *int   `json:"maxUseCount"`
	CurrentUseCount *int   `json:"currentUseCount"`
}

type fileShareDTO struct {
	Access      Access          `json:"access"`
	SharedLink  *shareLinkDTO   `json:"sharedLink"`
	SharedTo    json.RawMessage `json:"sharedTo"`
	SubjectType *int            `json:"subjectType"`
}

// Subject types of link entries (API.md §4.3).
const (
	subjectExternalLink        = 1
	subjectInvitationLink      = 3
	subjectPrimaryExternalLink = 4
)

// toLink converts a share entry; ok is false for entries that are not links
// (users or groups, which a room's share list could in principle contain).
func (d fileShareDTO) toLink() (Link, bool, error) {
	data := d.SharedLink
	if data == nil && len(d.SharedTo) > 0 && string(d.SharedTo) != "null" {
		data = new(shareLinkDTO)
		if err := json.Unmarshal(d.SharedTo, data); err != nil {
			return Link{}, false, fmt.Errorf("unexpected sharedTo object: %s", describeJSONError(err))
		}
	}
	if data == nil || data.ID == "" {
		return Link{}, false, nil
	}
	if d.SubjectType != nil {
		switch *d.SubjectType {
		case subjectExternalLink, subjectInvitationLink, subjectPrimaryExternalLink:
		default:
			return Link{}, false, nil
		}
	}
	l := Link{
		ID:              strings.ToLower(data.ID),
		Title:           data.Title,
		Access:          d.Access,
		Primary:         data.Primary || (d.SubjectType != nil && *d.SubjectType == subjectPrimaryExternalLink),
		ShareLink:       data.ShareLink,
		RequestToken:    data.RequestToken,
		IsExpired:       data.IsExpired,
		Password:        data.Password,
		DenyDownload:    data.DenyDownload,
		Internal:        data.Internal,
		MaxUseCount:     data.MaxUseCount,
		CurrentUseCount: data.CurrentUseCount,
	}
	switch {
	case data.LinkType != nil:
		l.LinkType = LinkType(*data.LinkType)
	case d.SubjectType != nil && *d.SubjectType == subjectInvitationLink:
		l.LinkType = LinkTypeInvitation
	default:
		l.LinkType = LinkTypeExternal
	}
	if data.ExpirationDate != "" {
		t, err := ParseTime(data.ExpirationDate)
		if err != nil {
			return Link{}, false, fmt.Errorf("link %s: %w", l.ID, err)
		}
		l.Expiration = &t
	}
	return l, true, nil
}

// ParseTime reads a DocSpace date: RFC 3339 with up to 7 fractional digits
// and an offset, as the server writes them (API.md §3.2).
func ParseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		// Tolerate a date without offset by reading it as UTC rather than
		// failing a whole listing over one field.
		if t2, err2 := time.Parse("2006-01-02T15:04:05.9999999", s); err2 == nil {
			return t2, nil
		}
		return time.Time{}, fmt.Errorf("unexpected date %q from DocSpace", s)
	}
	return t, nil
}

// ListLinks returns the links of a room, file or folder: all of them, or
// only one kind. An unknown target is a not-found error, never an empty list.
//
// A room is listed in one request, filtered by the server (API.md §7). A
// folder also takes one request, unfiltered and capped at 100 links (API.md
// §13.6). A file's list is paged: every page is followed (see
// listFileLinks). Files and folders hold external links only.
func (c *Client) ListLinks(ctx context.Context, t Target, kind *LinkType) ([]Link, error) {
	path, err := t.path("/links")
	if err != nil {
		return nil, err
	}
	var links []Link
	switch t.Kind {
	case TargetFile:
		links, err = c.listFileLinks(ctx, path)
	case TargetFolder:
		links, _, err = c.listLinkPage(ctx, path, nil)
	default:
		query := url.Values{}
		if kind != nil {
			query.Set("type", strconv.Itoa(int(*kind)))
		}
		links, _, err = c.listLinkPage(ctx, path, query)
	}
	if err != nil {
		return nil, err
	}
	if kind == nil {
		return links, nil
	}
	return slices.DeleteFunc(links, func(l Link) bool { return l.LinkType != *kind }), nil
}

// listLinkPage sends one GET of a links endpoint and returns the links
// and, where the server sends one, the envelope's total.
func (c *Client) listLinkPage(ctx context.Context, path string, query url.Values) ([]Link, *int, error) {
	var entries []fileShareDTO
	page := &paged{into: &entries}
	present, err := c.do(ctx, http.MethodGet, path, query, nil, page)
	if err != nil {
		return nil, nil, err
	}
	if !present {
		// The server always sends a list, "[]" when there are no links (API.md §3.1
		// omits only null). No list is not an empty list: reading it as one
		// would make every link look deleted.
		return nil, nil, &Error{Method: http.MethodGet, Path: path, StatusCode: http.StatusOK, Message: "DocSpace returned no link list"}
	}
	links := make([]Link, 0, len(entries))
	for _, e := range entries {
		l, ok, err := e.toLink()
		if err != nil {
			return nil, nil, c.redact(&Error{Method: http.MethodGet, Path: path, StatusCode: http.StatusOK, Message: err.Error()})
		}
		if ok {
			links = append(links, l)
		}
	}
	return links, page.total, nil
}

// LinkPageSize is how many links a file's listing asks for per page: the
// most the endpoint hands out at once (API.md §13.6).
const LinkPageSize = 100

// maxLinkPages bounds a file's listing, so that a server that keeps handing
// out new links cannot keep the client paging for ever. A file holds at
// most 12 links (API.md §13.4).
const maxLinkPages = 100

// maxListingRestarts is how often a file's listing starts again when its
// total changed between pages (another writer at work).
const maxListingRestarts = 2

// listFileLinks follows every page of a file's links (API.md §13.6). The
// envelope's count is not used (it can be negative past the end); pages
// are followed until the total is reached, a page brings nothing new, or,
// without a total, a page is short. Links are told apart by id, so a link
// that moves between pages while another writer works is listed once; a
// total that changes between pages starts the listing again.
//
// A Form-filling room's primary link comes after a PDF form's own links on
// every page, counted neither in the total nor in the page (API.md §13.7).
// It is recognised as the primary link beyond what the total leaves for the
// page, or beyond the page size, and marked RoomLink; a link with its id is
// never taken for the file's own on a later page.
func (c *Client) listFileLinks(ctx context.Context, path string) ([]Link, error) {
	for restart := 0; ; restart++ {
		links, changed, err := c.listFileLinksOnce(ctx, path)
		if err != nil || !changed || restart >= maxListingRestarts {
			return links, err
		}
	}
}

func (c *Client) listFileLinksOnce(ctx context.Context, path string) (links []Link, totalChanged bool, err error) {
	seen := map[string]bool{}
	roomLinkID := ""
	var firstTotal *int
	start := 0
	for page := 0; page < maxLinkPages; page++ {
		query := url.Values{}
		query.Set("startIndex", strconv.Itoa(start))
		query.Set("count", strconv.Itoa(LinkPageSize))
		pageLinks, total, err := c.listLinkPage(ctx, path, query)
		if err != nil {
			return nil, false, err
		}
		if page == 0 {
			firstTotal = total
		} else if (total == nil) != (firstTotal == nil) || (total != nil && *total != *firstTotal) {
			return links, true, nil
		}
		if roomLinkID == "" && len(pageLinks) > 0 {
			// Exactly one link beyond what the total leaves for the page (or
			// beyond the page size) can be the room's; more than one means
			// the total is off, and nothing is taken for the room's.
			expected := LinkPageSize
			if total != nil {
				expected = min(max(*total-start, 0), LinkPageSize)
			}
			if last := pageLinks[len(pageLinks)-1]; len(pageLinks) == expected+1 && last.Primary {
				roomLinkID = strings.ToLower(last.ID)
			}
		}
		own, added := 0, 0
		for _, l := range pageLinks {
			id := strings.ToLower(l.ID)
			if id == roomLinkID {
				l.RoomLink = true
			} else {
				own++
			}
			if seen[id] {
				continue
			}
			seen[id] = true
			links = append(links, l)
			if !l.RoomLink {
				added++
			}
		}
		start += own
		switch {
		case own == 0 || added == 0:
			// An empty page, or one that only repeats links already listed
			// (a server that ignores startIndex): nothing more will come.
			return links, false, nil
		case total != nil && start >= *total:
			return links, false, nil
		case total == nil && own < LinkPageSize:
			return links, false, nil
		}
	}
	return nil, false, &Error{Method: http.MethodGet, Path: path, StatusCode: http.StatusOK,
		Message: "DocSpace kept listing links beyond " + strconv.Itoa(maxLinkPages*LinkPageSize)}
}

// findByID picks a link out of a listing; ids compare without regard to case.
func findByID(links []Link, linkID string) (Link, bool) {
	for _, l := range links {
		if strings.EqualFold(l.ID, linkID) {
			return l, true
		}
	}
	return Link{}, false
}

// SetLink sends one PUT (API.md §2, §6) and returns the link the server now holds.
// It is for updates: it sends the request again after a lost answer, which
// is safe for a link that exists. Creates go through CreateLink.
func (c *Client) SetLink(ctx context.Context, t Target, req LinkRequest) (Link, error) {
	req, err := normaliseRequest(t, req)
	if err != nil {
		return Link{}, err
	}
	return c.putLink(ctx, t, req)
}

// normaliseRequest prepares a request for the target: links of files and
// folders are external (API.md §13.2), which the create recovery compares
// with what it finds; rooms never take Primary. The id is normalised by
// normaliseLinkID.
func normaliseRequest(t Target, req LinkRequest) (LinkRequest, error) {
	if t.Kind == TargetRoom {
		req.Primary = false
	} else {
		req.LinkType = LinkTypeExternal
		req.MaxUseCount = nil
	}
	return normaliseLinkID(req)
}

// normaliseLinkID gives a request without a LinkID a fresh random one, so
// that a create is safe to look up and to retry, and spells an id the way
// the server wants it.
func normaliseLinkID(req LinkRequest) (LinkRequest, error) {
	if req.Access == AccessNone {
		return req, fmt.Errorf("SetLink needs an access value; use DeleteLink to delete a link")
	}
	if req.LinkID == "" {
		req.LinkID = uuid.NewString()
		return req, nil
	}
	id, err := uuid.Parse(req.LinkID)
	if err != nil {
		return req, fmt.Errorf("link id %q is not a GUID", req.LinkID)
	}
	// The empty GUID means "create" to the server (API.md §2), and a create
	// needs an id of its own to be safe to retry.
	if id == uuid.Nil {
		id = uuid.New()
	}
	// uuid.Parse also reads "{…}", "urn:uuid:…" and 32 bare hex digits;
	// the server wants the hyphenated form.
	req.LinkID = id.String()
	return req, nil
}

func (c *Client) putLink(ctx context.Context, t Target, req LinkRequest) (Link, error) {
	path, err := t.path("/links")
	if err != nil {
		return Link{}, err
	}
	body := req.bodyFor(t.Kind)
	var entry fileShareDTO
	present, err := c.do(ctx, http.MethodPut, path, nil, body, &entry)
	if err != nil {
		return Link{}, err
	}
	if !present {
		if t.Kind != TargetRoom {
			// A write to a file or folder that stores nothing is answered
			// with success and no link (API.md §13.5).
			return Link{}, &NotStoredError{Target: t, LinkID: req.LinkID, Access: req.Access}
		}
		return Link{}, &Error{Method: http.MethodPut, Path: path, StatusCode: http.StatusOK, Message: "DocSpace returned no link for the request"}
	}
	l, ok, err := entry.toLink()
	if err != nil || !ok {
		msg := "the response does not describe a link"
		if err != nil {
			msg = err.Error()
		}
		return Link{}, c.redact(&Error{Method: http.MethodPut, Path: path, StatusCode: http.StatusOK, Message: msg}, requestSecrets(body)...)
	}
	return l, nil
}

// What the client has learnt of the portal's handling of a create's linkId.
const (
	linkIDsUnknown int32 = iota
	linkIDsHonoured
	linkIDsIgnored
)

// noteLinkIDs records whether a create answered with the id it asked for.
// Once a portal was seen to ignore the id, it is not trusted again.
func (c *Client) noteLinkIDs(honoured bool) {
	if honoured {
		c.linkIDs.CompareAndSwap(linkIDsUnknown, linkIDsHonoured)
		return
	}
	c.linkIDs.Store(linkIDsIgnored)
}

// DeleteLink deletes (revokes) a link with "access: 0" (API.md §6, §13.5). The
// caller passes the link as it was last read: rooms need its id and kind;
// files and folders also its internal flag and expiry, which the delete
// repeats, because a write that changes either without the right to is
// skipped (in a data room every link is internal, in a Form-filling room
// the expiry is fixed, API.md §13.5). Where DocSpace answers with the link
// unchanged and holding other values than the caller passed, the delete is
// sent once more with DocSpace's values.
//
// A link that is already gone is not an error. Revoking a primary link of a
// Public or Form-filling room, or of a file or folder in one, makes the
// server issue a new one, which is returned; for any other link the result
// is nil. If the server answers with the very link it was asked to delete,
// the link was not deleted, and that is an *Error. A link marked RoomLink
// is refused: through the file, the delete would revoke the room's link
// (API.md §13.7).
func (c *Client) DeleteLink(ctx context.Context, t Target, link Link) (*Link, error) {
	id, err := uuid.Parse(link.ID)
	if err != nil {
		return nil, fmt.Errorf("link id %q is not a GUID", link.ID)
	}
	if link.RoomLink {
		return nil, fmt.Errorf("link %s listed with the links of %s is its room's primary link: deleting it through the file "+
			"would revoke the room's link, so it is managed through the room", id, t)
	}
	path, err := t.path("/links")
	if err != nil {
		return nil, err
	}
	req := LinkRequest{LinkID: id.String(), LinkType: link.LinkType, Access: AccessNone}
	if t.Kind != TargetRoom {
		req.Internal, req.Expiration = link.Internal, link.Expiration
	}
	echo, err := c.sendDelete(ctx, t, path, req)
	if err == nil && echo != nil && t.Kind != TargetRoom && strings.EqualFold(echo.ID, req.LinkID) &&
		(echo.Internal != req.Internal || !sameInstant(echo.Expiration, req.Expiration)) {
		req.Internal, req.Expiration = echo.Internal, echo.Expiration
		echo, err = c.sendDelete(ctx, t, path, req)
	}
	if err != nil || echo == nil {
		return nil, err
	}
	if strings.EqualFold(echo.ID, req.LinkID) {
		// A regenerated link has a new id (API.md §6). The same id back means the
		// server kept the link: it skips an update it does not allow without
		// saying so (API.md §5.4, §5.5, §13.5).
		return nil, &Error{Method: http.MethodPut, Path: path, StatusCode: http.StatusOK, Message: "DocSpace did not delete the link: it returned it unchanged"}
	}
	return echo, nil
}

// sendDelete sends one delete and returns the link DocSpace answered with,
// nil when it answered without one (a delete, API.md §3.5).
func (c *Client) sendDelete(ctx context.Context, t Target, path string, req LinkRequest) (*Link, error) {
	var entry fileShareDTO
	present, err := c.do(ctx, http.MethodPut, path, nil, req.bodyFor(t.Kind), &entry)
	if err != nil {
		// A delete of an unknown id is a create of nothing, which still
		// passes the link-count check first (API.md §5.7): at the limit it fails
		// with that message, though there is nothing to delete.
		if IsLinkLimit(err) {
			return nil, nil
		}
		return nil, err
	}
	if !present {
		return nil, nil
	}
	l, ok, err := entry.toLink()
	if err != nil || !ok {
		return nil, nil //nolint:nilerr // the delete happened; an odd echo does not undo it
	}
	return &l, nil
}

// sameInstant reports whether two optional instants are both absent or
// equal at the server's 100 ns resolution.
func sameInstant(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Truncate(100 * time.Nanosecond).Equal(b.Truncate(100 * time.Nanosecond))
}

// PrimaryLink returns a room's primary external link (GET …/rooms/{id}/link,
// API.md §7.4). Where a Custom room has none, DocSpace creates one on this call.
//
// Files and folders are refused: their GET …/link also creates a link when
// there is none (API.md §13.6), which a read must never do. Read their
// primary links from the listing (Session.FindPrimaryLink); create or adopt
// one explicitly with GetOrCreatePrimaryLink.
func (c *Client) PrimaryLink(ctx context.Context, t Target) (Link, error) {
	if t.Kind != TargetRoom {
		return Link{}, fmt.Errorf("reading the primary link of %s through GET …/link would create one; "+
			"find it among the listed links, or create it with GetOrCreatePrimaryLink", t)
	}
	path, err := t.path("/link")
	if err != nil {
		return Link{}, err
	}
	var entry fileShareDTO
	present, err := c.do(ctx, http.MethodGet, path, nil, nil, &entry)
	if err != nil {
		return Link{}, err
	}
	l, ok, convErr := entry.toLink()
	if !present || convErr != nil || !ok {
		return Link{}, c.redact(&Error{Method: http.MethodGet, Path: path, StatusCode: http.StatusOK, Message: "DocSpace returned no primary link"})
	}
	l.Primary = true
	return l, nil
}

// GetOrCreatePrimaryLink returns the primary link of a file or folder,
// creating it with req's access and options when there is none (POST
// …/link, API.md §13.6). An existing primary link comes back unchanged,
// whatever req says; the caller compares. req.Access must not be None (the
// server then creates nothing). The title is ignored for files, and for
// folders before 3.7.1. For a PDF form in a Form-filling room, FillForms
// returns the room's primary link (API.md §13.7), which the caller tells by
// the file's location. Rooms are refused: their primary links come from
// PrimaryLink. The POST is sent again after a lost answer like any request:
// the second one returns what the first made.
func (c *Client) GetOrCreatePrimaryLink(ctx context.Context, t Target, req LinkRequest) (Link, error) {
	if t.Kind == TargetRoom {
		return Link{}, fmt.Errorf("%s: a room's primary link is read with PrimaryLink", t)
	}
	if req.Access == AccessNone {
		return Link{}, fmt.Errorf("GetOrCreatePrimaryLink needs an access value")
	}
	path, err := t.path("/link")
	if err != nil {
		return Link{}, err
	}
	req.LinkID, req.Primary = "", true
	body := req.bodyFor(t.Kind)
	var entry fileShareDTO
	present, err := c.do(ctx, http.MethodPost, path, nil, body, &entry)
	if err != nil {
		return Link{}, err
	}
	l, ok, convErr := entry.toLink()
	if !present || convErr != nil || !ok {
		return Link{}, c.redact(&Error{Method: http.MethodPost, Path: path, StatusCode: http.StatusOK, Message: "DocSpace returned no primary link"},
			requestSecrets(body)...)
	}
	l.Primary = true
	return l, nil
}

// sameSettings lists the links of a listing that a create with req could
// have made: primary only where the request asks for a primary link (files
// and folders, API.md §13.2), never a room's link listed with a file's
// (API.md §13.7), of the same kind, access and options. Titles are
// compared when the request names one (the server's default title is
// localised); expiry dates are not (the server may move them, API.md §5.4).
func sameSettings(links []Link, req LinkRequest) []Link {
	var out []Link
	for _, l := range links {
		if l.RoomLink || l.Primary != req.Primary || l.LinkType != req.LinkType || l.Access != req.Access || (req.Title != "" && l.Title != req.Title) {
			continue
		}
		if req.LinkType == LinkTypeExternal &&
			(l.Password != strings.TrimSpace(req.Password) || l.DenyDownload != req.DenyDownload || l.Internal != req.Internal) {
			continue
		}
		if req.LinkType == LinkTypeInvitation && req.MaxUseCount != nil && (l.MaxUseCount == nil || *l.MaxUseCount != *req.MaxUseCount) {
			continue
		}
		out = append(out, l)
	}
	return out
}
