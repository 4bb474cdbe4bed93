package provider

import (
	"context"
	"sync"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// roomCache remembers each room looked up during one Terraform run, so plan
// checks cost at most one request per room however many links it holds.
// Concurrent lookups of the same room share one request.
type roomCache struct {
	client *docspace.Client
	mu     sync.Mutex
	rooms  map[string]*roomLookup
}

type roomLookup struct {
	done chan struct{}
	room docspace.Room
	err  error
}

func newRoomCache(client *docspace.Client) *roomCache {
	return &roomCache{client: client, rooms: map[string]*roomLookup{}}
}

// Get returns the room, asking DocSpace only the first time.
func (c *roomCache) Get(ctx context.Context, roomID string) (docspace.Room, error) {
	c.mu.Lock()
	lookup, started := c.rooms[roomID]
	if !started {
		lookup = &roomLookup{done: make(chan struct{})}
		c.rooms[roomID] = lookup
	}
	c.mu.Unlock()

	if !started {
		lookup.room, lookup.err = c.client.GetRoom(ctx, roomID)
		if lookup.err != nil && ctx.Err() != nil {
			// A cancelled lookup says nothing about the room: let the next
			// caller try again.
			c.mu.Lock()
			delete(c.rooms, roomID)
			c.mu.Unlock()
		}
		close(lookup.done)
	}
	select {
	case <-lookup.done:
		return lookup.room, lookup.err
	case <-ctx.Done():
		return docspace.Room{}, ctx.Err()
	}
}
