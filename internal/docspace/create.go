package docspace

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// What Client.CreateLink keeps track of to settle a create whose answer was
// lost without taking another's link for its own (API.md §10.12).

// errEarlierAttempt is the failure behind an UnknownOutcomeError whose
// create did make a link (LinkID), on a portal that ignores ids, after an
// earlier attempt of the same create lost its answer.
var errEarlierAttempt = errors.New("DocSpace does not keep the link id it is sent, and an earlier attempt of this create, " +
	"whose answer was lost, may have made a link too")

// createRegistry is what a client's creates have made and are making. A
// link one create returned, or one another create still in flight could
// have made, is never taken for another create's by its settings.
type createRegistry struct {
	mu sync.Mutex
	// claimed holds the ids (lower case) of every link a create returned.
	claimed map[string]bool
	// inFlight holds the creates under way, by room.
	inFlight map[string]map[*LinkRequest]bool
}

// begin registers a create until the returned function is called.
func (r *createRegistry) begin(target string, req *LinkRequest) func() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.inFlight == nil {
		r.inFlight = map[string]map[*LinkRequest]bool{}
	}
	if r.inFlight[target] == nil {
		r.inFlight[target] = map[*LinkRequest]bool{}
	}
	r.inFlight[target][req] = true
	return func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		delete(r.inFlight[target], req)
	}
}

// claim records a link as a create's result.
func (r *createRegistry) claim(id string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.claimLocked(id)
}

func (r *createRegistry) claimLocked(id string) {
	if r.claimed == nil {
		r.claimed = map[string]bool{}
	}
	r.claimed[strings.ToLower(id)] = true
}

// unclaimed drops the links some create already returned.
func (r *createRegistry) unclaimed(links []Link) []Link {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Link
	for _, l := range links {
		if !r.claimed[strings.ToLower(l.ID)] {
			out = append(out, l)
		}
	}
	return out
}

// adopt claims the one link of candidates that the create self can have
// made: it must be the only one no create returned, and no other create
// still in flight in the room could have made it.
func (r *createRegistry) adopt(target string, self *LinkRequest, candidates []Link) (Link, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var left []Link
	for _, l := range candidates {
		if !r.claimed[strings.ToLower(l.ID)] {
			left = append(left, l)
		}
	}
	if len(left) != 1 {
		return Link{}, false
	}
	for other := range r.inFlight[target] {
		if other != self && len(sameSettings(left, *other)) > 0 {
			return Link{}, false
		}
	}
	r.claimLocked(left[0].ID)
	return left[0], true
}

// created finishes a create that DocSpace answered with link. Where that is
// not the requested id, the portal ignores ids; if an earlier attempt of
// the same call lost its answer, it may have made one of the links in
// earlier: the one that can only be its (see createRegistry.adopt) is kept
// and the link this answer describes, made by this call, deleted again.
func (c *Client) created(ctx context.Context, t Target, req *LinkRequest, link Link, earlier []Link, proven bool) (Link, error) {
	honoured := strings.EqualFold(link.ID, req.LinkID)
	c.noteLinkIDs(honoured)
	c.creates.claim(link.ID)
	earlier = slices.DeleteFunc(earlier, func(l Link) bool { return strings.EqualFold(l.ID, link.ID) })
	if honoured || len(earlier) == 0 {
		return link, nil
	}
	if proven {
		if adopted, ok := c.creates.adopt(t.key(), req, earlier); ok {
			if _, err := c.DeleteLink(ctx, t, link); err == nil {
				adopted.Adopted = true
				return adopted, nil
			}
		}
	}
	return Link{}, &UnknownOutcomeError{Target: t, LinkID: link.ID, Err: errEarlierAttempt, Candidates: earlier}
}

// settle waits until a create that timed out can no longer be in flight:
// the attempt was sent a request timeout ago, and the portal gets as long
// again to finish it. It reports false when ctx ends first.
func (c *Client) settle(ctx context.Context) bool {
	if ctx.Err() != nil {
		return false
	}
	select {
	case <-time.After(c.http.HTTPClient.Timeout):
		return true
	case <-ctx.Done():
		return false
	}
}

// CreateLink creates a link with the id in req.LinkID (a fresh one when
// empty), so that what a create did can always be looked up.
//
// The id is the proof of identity: DocSpace keeps the id it is sent (API.md
// §2, §6). A create is never sent again blindly after an attempt that may
// have taken effect (an answer lost, cut short or a 5xx): the room is
// listed first, after a timeout only once the attempt can no longer be in
// flight (one more request timeout), and the link with the requested id is
// returned when it is there. When it is not, the attempt made nothing on a
// portal that keeps ids, and the create is sent again with the same id.
//
// A link with the create's settings and another id is taken for the
// create's only on a portal known to ignore ids (a create answered with
// another id), only when it was not in the room before this create, no
// other create of this client returned it or may have made it, and it is
// the only such link. Where the portal's handling of ids is not yet known,
// the create is sent again with its id, and the answer tells: on DocSpace it
// is the link with that id, and the look-alikes belong to someone else.
// When the outcome cannot be settled, the error is an *UnknownOutcomeError.
//
// The returned link's id differs from the requested one only where the
// portal ignored it; callers keep the id DocSpace reports. Adopted is set
// on a link taken by its settings, which the caller may not delete as its
// own.
func (c *Client) CreateLink(ctx context.Context, t Target, req LinkRequest) (Link, error) {
	req, err := normaliseRequest(t, req)
	if err != nil {
		return Link{}, err
	}
	defer c.creates.begin(t.key(), &req)()
	// Where the portal may ignore ids, what the room held before the create
	// tells the links it could have made from those that were there.
	var before map[string]bool
	if c.linkIDs.Load() != linkIDsHonoured {
		if links, err := c.ListLinks(ctx, t, nil); err == nil {
			before = make(map[string]bool, len(links))
			for _, l := range links {
				before[strings.ToLower(l.ID)] = true
			}
		}
	}
	// earlier are the links an attempt of this call whose answer was lost
	// may have made under another id, on a portal not yet known to keep ids.
	var earlier []Link
	for attempt := 0; ; attempt++ {
		link, err := c.putLink(withoutBlindRetry(ctx), t, req)
		if err == nil {
			return c.created(ctx, t, &req, link, earlier, before != nil)
		}
		if !createMayHaveApplied(err) {
			if len(earlier) == 0 {
				return Link{}, err
			}
			// Refused (at a room's link limit, say) after an attempt that
			// may have made one of earlier: another create of this client
			// may since have shown that the portal ignores ids.
			if c.linkIDs.Load() == linkIDsIgnored && before != nil {
				if l, ok := c.creates.adopt(t.key(), &req, earlier); ok {
					l.Adopted = true
					return l, nil
				}
			}
			return Link{}, &UnknownOutcomeError{Target: t, LinkID: req.LinkID, Err: err, Candidates: earlier}
		}
		if isTimeout(err) && !c.settle(ctx) {
			return Link{}, &UnknownOutcomeError{Target: t, LinkID: req.LinkID, Err: err, Candidates: earlier}
		}
		links, lookupErr := c.ListLinks(ctx, t, nil)
		if lookupErr != nil {
			return Link{}, &UnknownOutcomeError{Target: t, LinkID: req.LinkID, Err: err, LookupErr: lookupErr}
		}
		if l, found := findByID(links, req.LinkID); found {
			c.noteLinkIDs(true)
			c.creates.claim(l.ID)
			return l, nil
		}
		// Not there under its own id: on a portal that keeps ids, the
		// attempt made nothing. Elsewhere it may have made a link with the
		// create's settings under another id.
		alike := c.creates.unclaimed(sameSettings(links, req))
		if before != nil {
			alike = slices.DeleteFunc(alike, func(l Link) bool { return before[strings.ToLower(l.ID)] })
		}
		switch c.linkIDs.Load() {
		case linkIDsIgnored:
			if before != nil {
				if l, ok := c.creates.adopt(t.key(), &req, alike); ok {
					l.Adopted = true
					return l, nil
				}
			}
			if len(alike) > 0 {
				return Link{}, &UnknownOutcomeError{Target: t, LinkID: req.LinkID, Err: err, Candidates: alike}
			}
			// Nothing new looks like it: the attempt made nothing.
		case linkIDsUnknown:
			if len(alike) > 0 {
				earlier = alike
			}
		}
		if attempt >= c.http.RetryMax {
			if isTimeout(err) || len(earlier) > 0 {
				return Link{}, &UnknownOutcomeError{Target: t, LinkID: req.LinkID, Err: err, Candidates: earlier}
			}
			return Link{}, err // the room shows it: nothing was made
		}
		select {
		case <-time.After(c.http.Backoff(c.http.RetryWaitMin, c.http.RetryWaitMax, attempt, nil)):
		case <-ctx.Done():
			return Link{}, &UnknownOutcomeError{Target: t, LinkID: req.LinkID, Err: ctx.Err(), Candidates: earlier}
		}
	}
}

// createMayHaveApplied reports whether a failed create may have made its
// link: anything but DocSpace's own refusal (an error envelope with a 4xx),
// a rejected token, a rate limit, or an answer from something in front of
// DocSpace that never passed the request on.
func createMayHaveApplied(err error) bool {
	var apiErr *Error
	var opErr *net.OpError
	var notStored *NotStoredError
	switch {
	case errors.As(err, &notStored):
		return false
	case errors.As(err, &apiErr):
		switch {
		case apiErr.StatusCode == http.StatusUnauthorized, apiErr.StatusCode == http.StatusTooManyRequests:
			return false
		case apiErr.Foreign:
			return false
		case apiErr.Envelope && apiErr.StatusCode >= 400 && apiErr.StatusCode < 500:
			return false
		}
		return true
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return false
	}
	return true
}

// isTimeout reports whether a request gave up waiting: it may still reach
// the server, or be processed there, after the caller stopped waiting.
func isTimeout(err error) bool {
	var netErr net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) ||
		(errors.As(err, &netErr) && netErr.Timeout())
}

// UnknownOutcomeError is a create that failed in a way that leaves open
// whether DocSpace made the link, and a look at the target's links could
// not settle it. The link, if it exists, has the id LinkID, or, where the portal
// ignores the id it is sent, possibly one of Candidates.
type UnknownOutcomeError struct {
	Target Target
	LinkID string
	// Err is the create's own failure; LookupErr the failure of the look at
	// the room that followed, if that failed too.
	Err, LookupErr error
	// Candidates are links of the room with the settings of the create and
	// another id, when the portal may ignore the id it is sent. None of them
	// is proven to be the create's: they are named, never adopted or deleted.
	Candidates []Link
}

func (e *UnknownOutcomeError) Error() string {
	msg := fmt.Sprintf("creating link %s in %s: %v; it is unknown whether DocSpace made the link", e.LinkID, e.Target, e.Err)
	switch {
	case e.LookupErr != nil:
		msg += fmt.Sprintf(", and looking for it failed too: %v", e.LookupErr)
	case len(e.Candidates) > 0:
		names := make([]string, len(e.Candidates))
		for i, l := range e.Candidates {
			names[i] = fmt.Sprintf("%s (%q)", l.ID, l.Title)
		}
		msg += fmt.Sprintf("; the %s holds links with the same settings under other ids: %s", e.Target.Kind.Noun(), strings.Join(names, ", "))
	}
	return msg
}

func (e *UnknownOutcomeError) Unwrap() error { return e.Err }
