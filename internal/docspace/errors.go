package docspace

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Error is every failure the DocSpace API reports: an HTTP status, the
// server's message where it gave one, and the exception type where it gave
// one. It never carries a request or response body verbatim, so no token,
// password or share link can leak through an error message.
type Error struct {
	// Method and Path name the request, without query or host.
	Method string
	Path   string
	// StatusCode is the HTTP status, or the statusCode of the envelope when
	// the server wrapped a failure in a 200 response (API.md §8.3).
	StatusCode int
	// Message is DocSpace's own text (error.message, or the validation
	// problem's title and field errors), or a description of what was wrong
	// with the response.
	Message string
	// Type is the server's exception type, when it named one.
	Type string
	// RetryAfter is the Retry-After header of a 429 response, verbatim.
	RetryAfter string
	// Envelope is true when the answer was DocSpace's own JSON envelope
	// (API.md §3.1, §8.1): only then is a 404 DocSpace saying "not found".
	Envelope bool
	// Foreign is true when something other than DocSpace's API answered: an
	// HTML page, a redirect, an empty 404 or JSON without the envelope, as a
	// proxy, a login page or another site sends. Such an answer says nothing
	// about rooms or links.
	Foreign bool
}

func (e *Error) Error() string {
	status := fmt.Sprintf("%d", e.StatusCode)
	if text := http.StatusText(e.StatusCode); text != "" {
		status += " " + text
	}
	msg := e.Message
	if msg == "" {
		msg = "no error message in the response"
	}
	return fmt.Sprintf("DocSpace %s %s: %s (HTTP %s)", e.Method, e.Path, msg, status)
}

// IsNotFound reports whether err is DocSpace's own "not found": a 404 whose
// body is its JSON error envelope (API.md §8.1, §8.2). A 404 from anything else (a
// proxy's page, an empty body) is not, and never means "gone".
func IsNotFound(err error) bool {
	var apiErr *Error
	return errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound && apiErr.Envelope
}

// IsForeignAnswer reports whether something other than DocSpace's API
// answered the request (see Error.Foreign).
func IsForeignAnswer(err error) bool {
	var apiErr *Error
	return errors.As(err, &apiErr) && apiErr.Foreign
}

// IsUnauthorized reports whether DocSpace rejected the credentials.
func IsUnauthorized(err error) bool { return hasStatus(err, http.StatusUnauthorized) }

// IsForbidden reports whether DocSpace refused the operation (403). DocSpace
// also uses 403 for business rules such as link limits (API.md §8.2).
func IsForbidden(err error) bool { return hasStatus(err, http.StatusForbidden) }

// IsRateLimited reports whether DocSpace answered 429.
func IsRateLimited(err error) bool { return hasStatus(err, http.StatusTooManyRequests) }

// IsAccessDenied reports whether err is DocSpace's refusal for a missing
// right: a 403 whose message is "Access denied", the text the server puts on
// every security exception (API.md §8.2), unlike the 403s of business rules
// (link limits, roles a room type does not allow).
func IsAccessDenied(err error) bool {
	var apiErr *Error
	return errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusForbidden && apiErr.Message == "Access denied"
}

// IsLinkLimit reports whether err is the "maximum number of links" refusal (API.md §5.7).
func IsLinkLimit(err error) bool {
	var apiErr *Error
	return errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusForbidden &&
		strings.Contains(apiErr.Message, "maximum number of links")
}

func hasStatus(err error, status int) bool {
	var apiErr *Error
	return errors.As(err, &apiErr) && apiErr.StatusCode == status
}

// NotStoredError is a write to a file's or folder's links that DocSpace
// answered with success and no link: it stored nothing. It drops a write
// that way for a file the editors cannot open (any access but Read) and for
// files outside My Documents and rooms (API.md §13.5). Sending it again
// changes nothing.
type NotStoredError struct {
	Target Target
	LinkID string
	Access Access
}

func (e *NotStoredError) Error() string {
	return fmt.Sprintf("DocSpace stored no link %s with access %q for %s: it answered success without a link, "+
		"as it does when it drops a write (an access other than read on a file its editors cannot open, "+
		"or a file outside My Documents and rooms)", e.LinkID, e.Access.Name(), e.Target)
}

// IsNotStored reports whether err is a *NotStoredError.
func IsNotStored(err error) bool {
	var e *NotStoredError
	return errors.As(err, &e)
}
