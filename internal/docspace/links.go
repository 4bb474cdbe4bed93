package docspace

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Link is a room link as DocSpace reports it (API.md §3.2).
type Link struct {
	ID       string
	Title    string
	Access   Access
	LinkType LinkType
	// Primary is true for the room's primary external link (API.md §6), which only
	// the server creates.
	Primary bool
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
}

// LinkRequest is one PUT to the links endpoint. Every field is sent every
// time: the server rebuilds all options from the request (API.md §2), so a field
// left out is a field reset.
type LinkRequest struct {
	LinkID       string
	LinkType     LinkType
	Access       Access
	Title        string // empty: the server's default title
	Expiration   *time.Time
	Password     string
	DenyDownload bool
	Internal     bool
	MaxUseCount  *int
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

// ListLinks returns the links of a room (API.md §7): all of them, or only one kind.
// An unknown room is a not-found error, never an empty list.
func (c *Client) ListLinks(ctx context.Context, roomID string, kind *LinkType) ([]Link, error) {
	path, err := roomPath(roomID, "/links")
	if err != nil {
		return nil, err
	}
	query := url.Values{}
	if kind != nil {
		query.Set("type", strconv.Itoa(int(*kind)))
	}
	var entries []fileShareDTO
	present, err := c.do(ctx, http.MethodGet, path, query, nil, &entries)
	if err != nil {
		return nil, err
	}
	if !present {
		// The server always sends a list, "[]" when there are no links (API.md §3.1
		// omits only null). No list is not an empty list: reading it as one
		// would make every link look deleted.
		return nil, &Error{Method: http.MethodGet, Path: path, StatusCode: http.StatusOK, Message: "DocSpace returned no link list"}
	}
	links := make([]Link, 0, len(entries))
	for _, e := range entries {
		l, ok, err := e.toLink()
		if err != nil {
			return nil, c.redact(&Error{Method: http.MethodGet, Path: path, StatusCode: http.StatusOK, Message: err.Error()})
		}
		if ok && (kind == nil || l.LinkType == *kind) {
			links = append(links, l)
		}
	}
	return links, nil
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
// A request without a LinkID gets a fresh random one, so that a create that
// is retried after a lost response updates the same link instead of making a
// second one.
func (c *Client) SetLink(ctx context.Context, roomID string, req LinkRequest) (Link, error) {
	if req.Access == AccessNone {
		return Link{}, fmt.Errorf("SetLink needs an access value; use DeleteLink to delete a link")
	}
	if req.LinkID == "" {
		req.LinkID = uuid.NewString()
	} else {
		id, err := uuid.Parse(req.LinkID)
		if err != nil {
			return Link{}, fmt.Errorf("link id %q is not a GUID", req.LinkID)
		}
		// The empty GUID means "create" to the server (API.md §2), and a create
		// needs an id of its own to be safe to retry.
		if id == uuid.Nil {
			id = uuid.New()
		}
		// uuid.Parse also reads "{…}", "urn:uuid:…" and 32 bare hex digits;
		// the server wants the hyphenated form.
		req.LinkID = id.String()
	}
	path, err := roomPath(roomID, "/links")
	if err != nil {
		return Link{}, err
	}
	var entry fileShareDTO
	present, err := c.do(ctx, http.MethodPut, path, nil, req.body(), &entry)
	if err != nil {
		return Link{}, err
	}
	if !present {
		return Link{}, &Error{Method: http.MethodPut, Path: path, StatusCode: http.StatusOK, Message: "DocSpace returned no link for the request"}
	}
	l, ok, err := entry.toLink()
	if err != nil || !ok {
		msg := "the response does not describe a link"
		if err != nil {
			msg = err.Error()
		}
		return Link{}, c.redact(&Error{Method: http.MethodPut, Path: path, StatusCode: http.StatusOK, Message: msg}, requestSecrets(req.body())...)
	}
	return l, nil
}

// DeleteLink deletes (revokes) a link with "access: 0" (API.md §6). A link that is
// already gone is not an error. Revoking a Public or Form-filling room's
// primary link makes the server issue a new one, which is returned; for any
// other link the result is nil. If the server answers with the very link it
// was asked to delete, the link was not deleted, and that is an *Error.
func (c *Client) DeleteLink(ctx context.Context, roomID, linkID string, kind LinkType) (*Link, error) {
	id, err := uuid.Parse(linkID)
	if err != nil {
		return nil, fmt.Errorf("link id %q is not a GUID", linkID)
	}
	path, err := roomPath(roomID, "/links")
	if err != nil {
		return nil, err
	}
	body := LinkRequest{LinkID: id.String(), LinkType: kind, Access: AccessNone}.body()
	var entry fileShareDTO
	present, err := c.do(ctx, http.MethodPut, path, nil, body, &entry)
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
	if strings.EqualFold(l.ID, id.String()) {
		// A regenerated link has a new id (API.md §6). The same id back means the
		// server kept the link: it skips an update it does not allow without
		// saying so (API.md §5.4, §5.5).
		return nil, &Error{Method: http.MethodPut, Path: path, StatusCode: http.StatusOK, Message: "DocSpace did not delete the link: it returned it unchanged"}
	}
	return &l, nil
}

// PrimaryLink returns the room's primary external link (GET …/rooms/{id}/link,
// API.md §7.4). Where a Custom room has none, DocSpace creates one on this call.
func (c *Client) PrimaryLink(ctx context.Context, roomID string) (Link, error) {
	path, err := roomPath(roomID, "/link")
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
