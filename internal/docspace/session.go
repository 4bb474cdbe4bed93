package docspace

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
)

// Session is a Client as one Terraform run uses it: every read of the run
// goes through it, and it asks DocSpace at most once for each thing read,
// however many resources and data sources look at it; concurrent callers
// share the request in flight. What it keeps, and when it forgets:
//
//   - A room's details (Room), per room id: kept for the whole run. Nothing
//     the provider writes changes a room.
//   - A room search by title (ListRooms), per title: kept for the whole run,
//     for the same reason.
//   - A room's links (Links, FindLink), per room id: forgotten by every
//     request that can change them (CreateLink, SetLink, DeleteLink, and
//     PrimaryLink, whose GET creates a primary link in a Custom room that has
//     none), so no read returns links older than the Session's own last write
//     to the room. Other rooms' listings stay. An empty listing is checked
//     against the room's details, read through the same cache.
//   - A failed read is kept like an answer, so the run sees one error once,
//     except a read that failed because its caller gave up (a cancelled or
//     expired context): it is forgotten, and callers that were waiting for
//     it ask again rather than take another caller's cancellation as theirs.
//   - RoomGone alone asks DocSpace every time and keeps nothing: it confirms
//     a "not found" with a second, fresh request.
//
// Writes made outside the Session (by another run, or in DocSpace's UI) are
// seen by the next run.
type Session struct {
	client *Client

	mu       sync.Mutex
	rooms    map[string]*pending[Room]
	searches map[string]*pending[[]Room]
	listings map[string]*pending[[]Link]
}

// pending is one request that several callers wait for.
type pending[T any] struct {
	done  chan struct{}
	value T
	err   error
	// abandoned: the caller that asked gave up (its context ended), so the
	// error is its own; callers still waiting ask again.
	abandoned bool
}

// NewSession wraps a client for one run.
func NewSession(client *Client) *Session {
	return &Session{client: client, rooms: map[string]*pending[Room]{}, searches: map[string]*pending[[]Room]{},
		listings: map[string]*pending[[]Link]{}}
}

// Host is the portal's base URL.
func (s *Session) Host() string { return s.client.Host() }

// Room returns a room's details, asking DocSpace the first time only.
func (s *Session) Room(ctx context.Context, roomID string) (Room, error) {
	return shared(ctx, s, s.rooms, roomID, func(ctx context.Context) (Room, error) {
		return s.client.GetRoom(ctx, roomID)
	})
}

// ListRooms returns the rooms whose title contains title (see
// Client.ListRooms), asking DocSpace the first time only. The caller gets its
// own copy of the list.
func (s *Session) ListRooms(ctx context.Context, title string) ([]Room, error) {
	rooms, err := shared(ctx, s, s.searches, title, func(ctx context.Context) ([]Room, error) {
		return s.client.ListRooms(ctx, title)
	})
	return slices.Clone(rooms), err
}

// Links returns a room's links, all of them or one kind. Both share one
// unfiltered listing of the room.
//
// DocSpace answers an empty list, not an error, to a user who may not
// manage the room's links (API.md §5.1, §7.3). An empty listing is therefore
// checked against the room: a Public or Form filling room always has its
// primary link, and the room's details carry its share settings only for
// users who may manage them (API.md §4.6). Where the empty list means "no rights",
// the error is a *NoLinkRightsError. A listing with links needs no check.
func (s *Session) Links(ctx context.Context, t Target, kind *LinkType) ([]Link, error) {
	all, err := shared(ctx, s, s.listings, t.key(), func(ctx context.Context) ([]Link, error) {
		return s.client.ListLinks(ctx, t, nil)
	})
	if err != nil {
		return nil, err
	}
	if len(all) == 0 {
		if err := s.checkLinkRights(ctx, t); err != nil {
			return nil, err
		}
	}
	links := make([]Link, 0, len(all))
	for _, l := range all {
		if kind == nil || l.LinkType == *kind {
			links = append(links, l)
		}
	}
	return links, nil
}

// FindLink returns the room's link with the given id; found is false when the
// room has no such link. There is no single-link endpoint: it is picked out of
// the room's listing (API.md §10.8).
func (s *Session) FindLink(ctx context.Context, t Target, linkID string) (Link, bool, error) {
	links, err := s.Links(ctx, t, nil)
	if err != nil {
		return Link{}, false, err
	}
	l, found := findByID(links, linkID)
	return l, found, nil
}

// NoLinkRightsError is an empty link listing of a room whose details show
// that the token's user may not manage its links: DocSpace hides the links
// from such a user instead of refusing (API.md §7.3), so the list says nothing
// about which links exist.
type NoLinkRightsError struct {
	RoomID, RoomTitle string
	Reason            string
}

func (e *NoLinkRightsError) Error() string {
	return fmt.Sprintf("the token's user cannot manage links of room %s (%q): DocSpace lists none of its links to this user (%s)",
		e.RoomID, e.RoomTitle, e.Reason)
}

// IsNoLinkRights reports whether err is a *NoLinkRightsError.
func IsNoLinkRights(err error) bool {
	var e *NoLinkRightsError
	return errors.As(err, &e)
}

// checkLinkRights tells "no links" from "no right to see them" for a room
// whose listing came back empty.
func (s *Session) checkLinkRights(ctx context.Context, t Target) error {
	if t.Kind != TargetRoom {
		return nil
	}
	roomID := t.ID
	room, err := s.Room(ctx, roomID)
	if err != nil {
		return err
	}
	switch {
	case room.Type == RoomTypePublic || room.Type == RoomTypeFillingForms:
		return &NoLinkRightsError{RoomID: roomID, RoomTitle: room.Title,
			Reason: "a " + room.Type.String() + " always has its primary link, yet the list is empty"}
	case len(room.AvailableShareRights) == 0 && len(room.ShareSettings) == 0:
		return &NoLinkRightsError{RoomID: roomID, RoomTitle: room.Title,
			Reason: "the room's details carry no share settings, which DocSpace shows only to users who may manage them"}
	}
	return nil
}

// Gone asks DocSpace for the room, file or folder itself, bypassing what
// the Session holds, and reports whether DocSpace says it does not exist. A
// "not found" from the links endpoints is confirmed this way, with a second,
// different request, before anything is forgotten because its room, file or
// folder is gone. Any other answer is an error, never "gone".
func (s *Session) Gone(ctx context.Context, t Target) (bool, error) {
	err := s.client.probe(ctx, t)
	switch {
	case err == nil:
		return false, nil
	case IsNotFound(err):
		return true, nil
	}
	return false, err
}

// CreateLink creates a link (see Client.CreateLink).
func (s *Session) CreateLink(ctx context.Context, t Target, req LinkRequest) (Link, error) {
	defer s.forget(t)
	return s.client.CreateLink(ctx, t, req)
}

// SetLink updates a link (see Client.SetLink).
func (s *Session) SetLink(ctx context.Context, t Target, req LinkRequest) (Link, error) {
	defer s.forget(t)
	return s.client.SetLink(ctx, t, req)
}

// DeleteLink deletes a link (see Client.DeleteLink).
func (s *Session) DeleteLink(ctx context.Context, t Target, linkID string, kind LinkType) (*Link, error) {
	defer s.forget(t)
	return s.client.DeleteLink(ctx, t, linkID, kind)
}

// PrimaryLink returns the room's primary link, which DocSpace creates in a
// Custom room that has none (see Client.PrimaryLink).
func (s *Session) PrimaryLink(ctx context.Context, t Target) (Link, error) {
	defer s.forget(t)
	return s.client.PrimaryLink(ctx, t)
}

// forget drops what was read of a room's links (see Session for the rules);
// readers after this point ask DocSpace again.
func (s *Session) forget(t Target) {
	s.mu.Lock()
	delete(s.listings, t.key())
	s.mu.Unlock()
}

// shared runs fetch once per key and hands its result to every caller. A
// fetch that failed because its caller gave up is not kept, so the next
// caller tries again.
func shared[T any](ctx context.Context, s *Session, cache map[string]*pending[T], key string, fetch func(context.Context) (T, error)) (T, error) {
	for {
		s.mu.Lock()
		p, inFlight := cache[key]
		if !inFlight {
			p = &pending[T]{done: make(chan struct{})}
			cache[key] = p
		}
		s.mu.Unlock()

		if !inFlight {
			p.value, p.err = fetch(ctx)
			if p.err != nil && ctx.Err() != nil {
				s.mu.Lock()
				if cache[key] == p {
					delete(cache, key)
				}
				s.mu.Unlock()
				p.abandoned = true
			}
			close(p.done)
		}
		select {
		case <-p.done:
			if p.abandoned && inFlight && ctx.Err() == nil {
				continue // the caller that asked gave up, this one has not: ask again
			}
			if p.err != nil {
				var zero T
				return zero, p.err
			}
			return p.value, nil
		case <-ctx.Done():
			var zero T
			return zero, ctx.Err()
		}
	}
}
