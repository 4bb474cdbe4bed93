// Package bench measures the provider against the DocSpace emulator: Terraform
// runs of docspace_room_link, the same graph of terraform_data resources, the
// network floor and a sequential script. `make bench` runs it through
// cmd/docspace-bench and writes BENCHMARKS.md.
package bench

import (
	"fmt"
	"strings"
)

// LinksPerRoom is how many links the workload puts in each room: DocSpace
// allows five additional external links per Custom room (API.md §4.6).
const LinksPerRoom = 5

// Workload is N external links spread evenly over rooms (round robin), at
// most LinksPerRoom in each.
type Workload struct {
	Links int
	Rooms []int // room ids
}

// RoomsFor is the number of rooms that hold n links.
func RoomsFor(n int) int { return (n + LinksPerRoom - 1) / LinksPerRoom }

// Link is one link of the workload.
type Link struct {
	Key   string // for_each key
	Room  int
	Title string
}

// Validate reports a workload DocSpace cannot hold.
func (w Workload) Validate() error {
	if w.Links < 1 {
		return fmt.Errorf("%d links: want at least one", w.Links)
	}
	if len(w.Rooms) < RoomsFor(w.Links) {
		return fmt.Errorf("%d links need at least %d rooms (DocSpace allows %d additional external links per room), not %d",
			w.Links, RoomsFor(w.Links), LinksPerRoom, len(w.Rooms))
	}
	return nil
}

// Items lists the workload's links.
func (w Workload) Items() []Link {
	items := make([]Link, 0, w.Links)
	for i := range w.Links {
		room := w.Rooms[i%len(w.Rooms)]
		items = append(items, Link{Key: fmt.Sprintf("l%04d", i), Room: room, Title: fmt.Sprintf("bench link %d", i)})
	}
	return items
}

// Access values the runs switch between: create with the first, update to the second.
const (
	AccessCreate = "read"
	AccessUpdate = "comment"
)

// locals writes the link map both configurations iterate over, so the two
// graphs are the same shape.
func (w Workload) locals(b *strings.Builder) {
	b.WriteString("variable \"access\" {\n  type    = string\n  default = \"" + AccessCreate + "\"\n}\n\nlocals {\n  links = {\n")
	for _, l := range w.Items() {
		fmt.Fprintf(b, "    %s = { room = \"%d\", title = %q }\n", l.Key, l.Room, l.Title)
	}
	b.WriteString("  }\n}\n\n")
}

// ProviderConfig is the docspace configuration: one docspace_room_link per
// link, host and token from DOCSPACE_HOST and DOCSPACE_TOKEN.
func (w Workload) ProviderConfig() string {
	var b strings.Builder
	b.WriteString("terraform {\n  required_providers {\n    docspace = {\n      source = \"docspace-community/docspace\"\n    }\n  }\n}\n\n")
	b.WriteString("provider \"docspace\" {}\n\n")
	w.locals(&b)
	b.WriteString("resource \"docspace_room_link\" \"bench\" {\n  for_each = local.links\n  room_id  = each.value.room\n  access   = var.access\n  title    = each.value.title\n}\n")
	return b.String()
}

// DataConfig is the same graph built from Terraform's terraform_data.
func (w Workload) DataConfig() string {
	var b strings.Builder
	w.locals(&b)
	b.WriteString("resource \"terraform_data\" \"bench\" {\n  for_each = local.links\n  input = {\n    room_id = each.value.room\n    access  = var.access\n    title   = each.value.title\n  }\n}\n")
	return b.String()
}
