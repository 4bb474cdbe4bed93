package docspace

import (
	"context"
	"errors"
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
