package docspace

import (
	"context"
	"fmt"
	"net/url"
)

// TargetKind is what a link opens: a room, a file or a folder. The three
// share one link model and one PUT semantics (API.md §2, §13); they differ in
// their endpoints, their listings and the rules of their location.
type TargetKind int

const (
	TargetRoom TargetKind = iota
	TargetFile
	TargetFolder
)

// Noun names the kind in messages ("room", "file", "folder").
func (k TargetKind) Noun() string {
	switch k {
	case TargetFile:
		return "file"
	case TargetFolder:
		return "folder"
	}
	return "room"
}

// Target is one room, file or folder whose links a call reads or writes.
type Target struct {
	Kind TargetKind
	ID   string
}

// RoomTarget is the room with the given id.
func RoomTarget(id string) Target { return Target{Kind: TargetRoom, ID: id} }

// FileTarget is the file with the given id.
func FileTarget(id string) Target { return Target{Kind: TargetFile, ID: id} }

// FolderTarget is the folder with the given id.
func FolderTarget(id string) Target { return Target{Kind: TargetFolder, ID: id} }

// String is "room 4711", "file 12" or "folder 7", for messages.
func (t Target) String() string { return t.Kind.Noun() + " " + t.ID }

// key tells targets apart in caches and registries: a folder id may be a
// room id, and a file id may equal either.
func (t Target) key() string { return fmt.Sprintf("%d/%s", t.Kind, t.ID) }

// ValidateID reports whether id can name a target of this kind: the same
// characters for rooms, files and folders (native ids are digits; ids on
// third-party storage are letters, digits, '-', '_' and '.').
func (k TargetKind) ValidateID(id string) error {
	if k == TargetRoom {
		return ValidateRoomID(id)
	}
	if !roomIDPattern.MatchString(id) {
		return fmt.Errorf("%s id %q is not valid: use the %s's numeric id, or a third-party id of letters, digits, '-', '_' and '.'", k.Noun(), id, k.Noun())
	}
	return nil
}

// path is the target's endpoint with suffix ("/links", "/link").
func (t Target) path(suffix string) (string, error) {
	if err := t.Kind.ValidateID(t.ID); err != nil {
		return "", err
	}
	base := "/api/2.0/files/rooms/"
	switch t.Kind {
	case TargetFile:
		base = "/api/2.0/files/file/"
	case TargetFolder:
		base = "/api/2.0/files/folder/"
	}
	return base + url.PathEscape(t.ID) + suffix, nil
}

// probe reads the target itself (not its links): nil when it exists.
func (c *Client) probe(ctx context.Context, t Target) error {
	var err error
	switch t.Kind {
	case TargetFile:
		_, err = c.GetFile(ctx, t.ID)
	case TargetFolder:
		_, err = c.GetFolder(ctx, t.ID)
	default:
		_, err = c.GetRoom(ctx, t.ID)
	}
	return err
}
