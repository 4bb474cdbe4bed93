package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
)

// Script does what the usual curl or Python script does with the room-links
// API: one PUT per link, one after the other, then one GET per room to show
// the result. It keeps one HTTP connection alive, as requests.Session would.
type Script struct {
	Host, Token string
	HTTP        *http.Client

	ids map[string]string // link key -> link id, from the create pass
}

// API numbers of the access values the workload uses (FileShare, API.md §4.1).
var scriptAccess = map[string]int{AccessCreate: 2, AccessUpdate: 6}

type scriptBody struct {
	LinkID   string `json:"linkId,omitempty"`
	LinkType int    `json:"linkType"`
	Access   int    `json:"access"`
	Title    string `json:"title,omitempty"`
}

// Create makes every link (PUT without a link id), then lists each room.
func (s *Script) Create(ctx context.Context, w Workload) error {
	s.ids = make(map[string]string, w.Links)
	for _, l := range w.Items() {
		id, err := s.put(ctx, l.Room, scriptBody{LinkType: 1, Access: scriptAccess[AccessCreate], Title: l.Title})
		if err != nil {
			return err
		}
		s.ids[l.Key] = id
	}
	return s.listRooms(ctx, w)
}

// Update sends every link again with the update's access, then lists each room.
func (s *Script) Update(ctx context.Context, w Workload) error {
	for _, l := range w.Items() {
		if _, err := s.put(ctx, l.Room, scriptBody{LinkID: s.ids[l.Key], LinkType: 1, Access: scriptAccess[AccessUpdate], Title: l.Title}); err != nil {
			return err
		}
	}
	return s.listRooms(ctx, w)
}

// Delete revokes every link (access 0), then lists each room.
func (s *Script) Delete(ctx context.Context, w Workload) error {
	for _, l := range w.Items() {
		if _, err := s.put(ctx, l.Room, scriptBody{LinkID: s.ids[l.Key], LinkType: 1, Access: 0}); err != nil {
			return err
		}
	}
	return s.listRooms(ctx, w)
}

func (s *Script) listRooms(ctx context.Context, w Workload) error {
	for _, room := range w.Rooms {
		var links []json.RawMessage
		if err := s.do(ctx, http.MethodGet, room, nil, &links); err != nil {
			return err
		}
	}
	return nil
}

func (s *Script) put(ctx context.Context, room int, body scriptBody) (string, error) {
	var link struct {
		SharedLink struct {
			ID string `json:"id"`
		} `json:"sharedLink"`
	}
	if err := s.do(ctx, http.MethodPut, room, body, &link); err != nil {
		return "", err
	}
	return link.SharedLink.ID, nil
}

func (s *Script) do(ctx context.Context, method string, room int, body any, into any) error {
	var reader io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		reader = bytes.NewReader(b)
	}
	url := s.Host + "/api/2.0/files/rooms/" + strconv.Itoa(room) + "/links"
	req, err := http.NewRequestWithContext(ctx, method, url, reader)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+s.Token)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	client := s.HTTP
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s %s: HTTP %d: %.200s", method, url, resp.StatusCode, raw)
	}
	var env struct {
		Response json.RawMessage `json:"response"`
	}
	if err := json.Unmarshal(raw, &env); err != nil {
		return fmt.Errorf("%s %s: %w", method, url, err)
	}
	if into != nil && len(env.Response) > 0 {
		return json.Unmarshal(env.Response, into)
	}
	return nil
}
