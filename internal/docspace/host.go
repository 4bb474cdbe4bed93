package docspace

// Portal addresses and the ids that go into request paths, checked before
// any request so that no value can reach another endpoint.

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// ParseHost turns the accepted spellings of a portal address into a base URL
// with a scheme and host and no trailing slash. A bare host name means https.
func ParseHost(host string) (*url.URL, error) {
	host = strings.TrimSpace(host)
	if host == "" {
		return nil, errors.New("the DocSpace host is empty")
	}
	if !strings.Contains(host, "://") {
		host = "https://" + host
	}
	// Credentials are refused before anything quotes the address: url.Parse
	// errors and the messages below repeat it, password included.
	if hasUserInfo(host) {
		return nil, errors.New("the DocSpace host must not contain credentials; use the token instead")
	}
	if strings.ContainsAny(host, "?#") {
		// Neither is part of a portal address, and a query may hold a secret,
		// so the address is not repeated.
		return nil, errors.New("the DocSpace host must not contain a query or fragment: give the portal address only, e.g. https://portal.example.com")
	}
	u, err := url.Parse(host)
	if err != nil {
		var urlErr *url.Error
		if errors.As(err, &urlErr) {
			err = urlErr.Err
		}
		return nil, fmt.Errorf("the DocSpace host %q is not a valid URL: %w", host, err)
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return nil, fmt.Errorf("the DocSpace host %q must use https:// (or http:// for a local test portal)", host)
	}
	if u.Host == "" || u.Hostname() == "" {
		return nil, fmt.Errorf("the DocSpace host %q has no host name", host)
	}
	if u.User != nil {
		return nil, errors.New("the DocSpace host must not contain credentials; use the token instead")
	}
	u.Path, _ = cutAPIPath(strings.TrimRight(u.Path, "/"))
	u.RawPath = ""
	return u, nil
}

// HostAPIPath returns the part of a host address that ParseHost drops
// because it is already an API path ("/api/2.0" in
// "https://portal.example.com/api/2.0"), or "" when there is none. The
// client adds /api/2.0/… itself, so such a host would send every request to
// /api/2.0/api/2.0/…, which only a proxy's 404 answers.
func HostAPIPath(host string) string {
	u, err := url.Parse(strings.TrimSpace(host))
	if err != nil || !strings.Contains(host, "://") {
		u, err = url.Parse("https://" + strings.TrimSpace(host))
		if err != nil {
			return ""
		}
	}
	_, apiPath := cutAPIPath(strings.TrimRight(u.Path, "/"))
	return apiPath
}

// cutAPIPath splits a path before its first "api" segment: the portal's own
// path prefix (if DocSpace is served below one) and the API path after it.
func cutAPIPath(p string) (prefix, apiPath string) {
	segments := strings.Split(p, "/")
	for i, seg := range segments {
		if strings.EqualFold(seg, "api") {
			return strings.Join(segments[:i], "/"), "/" + strings.Join(segments[i:], "/")
		}
	}
	return p, ""
}

// hasUserInfo reports whether an address with a scheme has an "@" in its
// authority, which url.Parse would read as credentials.
func hasUserInfo(address string) bool {
	_, rest, _ := strings.Cut(address, "://")
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	return strings.Contains(rest, "@")
}

// roomIDPattern admits native room ids (digits) and third-party room ids,
// which DocSpace builds from letters, digits, '-', '_' and '.'. A leading
// letter or digit keeps "." and ".." out, so an id is always one path segment.
var roomIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$`)

// LinkIDPattern is a link id as DocSpace writes it: a GUID in its hyphenated
// 36-character form (API.md §3.2), in either case. Ids that users type are
// checked against it before any request.
var LinkIDPattern = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`)

// ParseLinkID checks a link id against LinkIDPattern and returns it in the
// lower case DocSpace writes.
func ParseLinkID(id string) (string, error) {
	if !LinkIDPattern.MatchString(id) {
		return "", fmt.Errorf("link id %q is not a GUID like 3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90", id)
	}
	return strings.ToLower(id), nil
}

// ValidateRoomID reports whether id can name a room.
func ValidateRoomID(id string) error {
	if !roomIDPattern.MatchString(id) {
		return fmt.Errorf("room id %q is not valid: use the room's numeric id (the number after /rooms/shared/ in the room's address), or a third-party room id of letters, digits, '-', '_' and '.'", id)
	}
	return nil
}

// roomPath builds an API path below a room, escaping the id even though it
// was validated, so no id can ever reach another endpoint.
func roomPath(roomID string, suffix string) (string, error) {
	if err := ValidateRoomID(roomID); err != nil {
		return "", err
	}
	return "/api/2.0/files/rooms/" + url.PathEscape(roomID) + suffix, nil
}
