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
//   - A file's or folder's details (File, Folder), per id, and a folder's
//     contents (ListFolder), per folder and filter: kept for the whole run;
//     nothing the provider writes changes them. Location reads through them.
//   - The links of a room, file or folder (Links, FindLink, FindPrimaryLink),
//     per Target: forgotten by every request that can change them
//     (CreateLink, SetLink, DeleteLink, GetOrCreatePrimaryLink, and
//     PrimaryLink, whose GET creates a primary link in a Custom room that has
//     none), so no read returns links older than the Session's own last write
//     to the target. Other targets' listings stay. An empty listing is checked
//     against the target's details, read through the same cache.
//   - A failed read is kept like an answer, so the run sees one error once,
//     except a read that failed because its caller gave up (a cancelled or
//     expired context): it is forgotten, and callers that were waiting for
//     it ask again rather than take another caller's cancellation as theirs.
//   - Gone alone asks DocSpace every time and keeps nothing: it confirms
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
	files    map[string]*pending[File]
	folders  map[string]*pending[Folder]
	contents map[string]*pending[FolderContents]
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
		listings: map[string]*pending[[]Link]{}, files: map[string]*pending[File]{}, folders: map[string]*pending[Folder]{},
		contents: map[string]*pending[FolderContents]{}}
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

// Links returns the links of a room, file or folder, all of them or one
// kind. Both share one unfiltered listing of the target.
//
// DocSpace answers an empty list, not an error, to a user who may not
// manage the links (API.md §5.1, §7.3, §13.6). An empty listing is therefore
// checked against the target: a Public or Form filling room always has its
// primary link, and the room's details carry its share settings only for
// users who may manage them (API.md §4.6); a file's or folder's details say
// whether the user may manage its access (API.md §13.6). A file's listing
// that holds only its room's link (RoomLink, API.md §13.7) counts as
// empty. Where the empty list means "no rights", the error is a
// *NoLinkRightsError. A listing with links needs no check.
func (s *Session) Links(ctx context.Context, t Target, kind *LinkType) ([]Link, error) {
	all, err := shared(ctx, s, s.listings, t.key(), func(ctx context.Context) ([]Link, error) {
		return s.client.ListLinks(ctx, t, nil)
	})
	if err != nil {
		return nil, err
	}
	if !slices.ContainsFunc(all, func(l Link) bool { return !l.RoomLink }) {
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

// FindLink returns the target's link with the given id; found is false when
// the target has no such link. There is no single-link endpoint: it is picked
// out of the target's listing (API.md §10.8).
func (s *Session) FindLink(ctx context.Context, t Target, linkID string) (Link, bool, error) {
	links, err := s.Links(ctx, t, nil)
	if err != nil {
		return Link{}, false, err
	}
	l, found := findByID(links, linkID)
	return l, found, nil
}

// FindPrimaryLink returns the primary link of a file or folder, found in its
// listing, and whether it has one: the first primary link listed, which is
// the one GET …/link would return (API.md §13.6). A room's link listed with
// a file's (RoomLink) is not the file's. Nothing is created.
func (s *Session) FindPrimaryLink(ctx context.Context, t Target) (Link, bool, error) {
	links, err := s.Links(ctx, t, nil)
	if err != nil {
		return Link{}, false, err
	}
	for _, l := range links {
		if l.Primary && !l.RoomLink {
			return l, true, nil
		}
	}
	return Link{}, false, nil
}

// NoLinkRightsError is an empty link listing of a room, file or folder
// whose details show that the token's user may not manage its links:
// DocSpace hides the links from such a user instead of refusing (API.md
// §7.3, §13.6), so the list says nothing about which links exist.
type NoLinkRightsError struct {
	Target Target
	// Title is the room's, file's or folder's title.
	Title  string
	Reason string
}

func (e *NoLinkRightsError) Error() string {
	return fmt.Sprintf("the token's user cannot manage links of %s (%q): DocSpace lists none of its links to this user (%s)",
		e.Target, e.Title, e.Reason)
}

// IsNoLinkRights reports whether err is a *NoLinkRightsError.
func IsNoLinkRights(err error) bool {
	var e *NoLinkRightsError
	return errors.As(err, &e)
}

// checkLinkRights tells "no links" from "no right to see them" for a
// target whose listing came back empty.
func (s *Session) checkLinkRights(ctx context.Context, t Target) error {
	switch t.Kind {
	case TargetFile:
		f, err := s.File(ctx, t.ID)
		if err != nil {
			return err
		}
		if reason, ok := mayManageLinks(f.CanShare, f.Security, "file"); !ok {
			return &NoLinkRightsError{Target: t, Title: f.Title, Reason: reason}
		}
		return nil
	case TargetFolder:
		f, err := s.Folder(ctx, t.ID)
		if err != nil {
			return err
		}
		if f.RoomType == RoomTypePublic || f.RoomType == RoomTypeFillingForms {
			return &NoLinkRightsError{Target: t, Title: f.Title,
				Reason: "the folder is a " + f.RoomType.String() + ", which always has its primary link, yet the list is empty"}
		}
		if reason, ok := mayManageLinks(f.CanShare, f.Security, "folder"); !ok {
			return &NoLinkRightsError{Target: t, Title: f.Title, Reason: reason}
		}
		return nil
	}
	roomID := t.ID
	room, err := s.Room(ctx, roomID)
	if err != nil {
		return err
	}
	switch {
	case room.Type == RoomTypePublic || room.Type == RoomTypeFillingForms:
		return &NoLinkRightsError{Target: t, Title: room.Title,
			Reason: "a " + room.Type.String() + " always has its primary link, yet the list is empty"}
	case len(room.AvailableShareRights) == 0 && len(room.ShareSettings) == 0:
		return &NoLinkRightsError{Target: t, Title: room.Title,
			Reason: "the room's details carry no share settings, which DocSpace shows only to users who may manage them"}
	}
	return nil
}

// mayManageLinks reads a file's or folder's details: DocSpace lists its
// links to users who may manage its access (canShare, or EditAccess in
// security; API.md §13.6). Details that say neither are taken for "no": an
// empty list must not pass for "no links" unproven.
func mayManageLinks(canShare *bool, security map[string]bool, noun string) (string, bool) {
	switch {
	case canShare != nil && *canShare, security["EditAccess"]:
		return "", true
	case canShare != nil:
		return "the " + noun + "'s details say the user may not share it (canShare is false)", false
	}
	return "the " + noun + "'s details do not say that the user may share it", false
}

// File returns a file's details, asking DocSpace the first time only.
func (s *Session) File(ctx context.Context, id string) (File, error) {
	return shared(ctx, s, s.files, id, func(ctx context.Context) (File, error) {
		return s.client.GetFile(ctx, id)
	})
}

// Folder returns a folder's or room's details, asking DocSpace the first
// time only.
func (s *Session) Folder(ctx context.Context, id string) (Folder, error) {
	return shared(ctx, s, s.folders, id, func(ctx context.Context) (Folder, error) {
		return s.client.GetFolder(ctx, id)
	})
}

// ListFolder returns what a folder, room or MyDocuments holds directly,
// filtered by title as the server filters (see Client.ListFolder), asking
// DocSpace the first time only. The caller gets its own copy.
func (s *Session) ListFolder(ctx context.Context, folderID, filter string) (FolderContents, error) {
	c, err := shared(ctx, s, s.contents, folderID+"\x00"+filter, func(ctx context.Context) (FolderContents, error) {
		return s.client.ListFolder(ctx, folderID, filter)
	})
	c.Files, c.Folders = slices.Clone(c.Files), slices.Clone(c.Folders)
	return c, err
}

// maxFolderDepth bounds the walk from an entry up to its room.
const maxFolderDepth = 64

// Location returns where a file or folder lives (API.md §13.3, §13.8): My
// Documents, a room of some type (or the room itself, for a folder that is
// a room), or outside both. It reads the entry's details; where they do not
// name the room's type (servers before 3.7.1), it walks up the parents to
// the room. Every read goes through the Session's caches, so the entries
// of one folder cost one walk.
func (s *Session) Location(ctx context.Context, t Target) (Location, error) {
	var root FolderType
	var parentRoom *FolderType
	var parentID string
	switch t.Kind {
	case TargetFile:
		f, err := s.File(ctx, t.ID)
		if err != nil {
			return Location{}, err
		}
		root, parentRoom, parentID = f.RootFolderType, f.ParentRoomType, f.FolderID
	case TargetFolder:
		f, err := s.Folder(ctx, t.ID)
		if err != nil {
			return Location{}, err
		}
		if f.IsRoom() {
			return Location{Kind: LocationRoom, RoomType: f.RoomType, IsRoom: true}, nil
		}
		root, parentRoom, parentID = f.RootFolderType, f.ParentRoomType, f.ParentID
	default:
		r, err := s.Room(ctx, t.ID)
		if err != nil {
			return Location{}, err
		}
		return Location{Kind: LocationRoom, RoomType: r.Type, IsRoom: true}, nil
	}
	if loc, ok := locate(root, parentRoom); ok {
		return loc, nil
	}
	for depth := 0; depth < maxFolderDepth && parentID != ""; depth++ {
		parent, err := s.Folder(ctx, parentID)
		if err != nil {
			return Location{}, err
		}
		if parent.IsRoom() {
			return Location{Kind: LocationRoom, RoomType: parent.RoomType}, nil
		}
		parentID = parent.ParentID
	}
	return Location{}, fmt.Errorf("%s is in the rooms section, but no room was found among its parent folders", t)
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

// DeleteLink deletes a link as it was last read (see Client.DeleteLink).
func (s *Session) DeleteLink(ctx context.Context, t Target, link Link) (*Link, error) {
	defer s.forget(t)
	return s.client.DeleteLink(ctx, t, link)
}

// GetOrCreatePrimaryLink returns a file's or folder's primary link,
// creating it when there is none (see Client.GetOrCreatePrimaryLink).
func (s *Session) GetOrCreatePrimaryLink(ctx context.Context, t Target, req LinkRequest) (Link, error) {
	defer s.forget(t)
	return s.client.GetOrCreatePrimaryLink(ctx, t, req)
}

// PrimaryLink returns the room's primary link, which DocSpace creates in a
// Custom room that has none (see Client.PrimaryLink).
func (s *Session) PrimaryLink(ctx context.Context, t Target) (Link, error) {
	defer s.forget(t)
	return s.client.PrimaryLink(ctx, t)
}

// forget drops what was read of a target's links (see Session for the rules);
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
