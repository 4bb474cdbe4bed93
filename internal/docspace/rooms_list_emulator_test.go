package docspace_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// TestListRoomsAgainstEmulator: the title filter is the server's (a
// substring, without regard to case) and paging reaches every room.
func TestListRoomsAgainstEmulator(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t)
	c, err := docspace.NewClient(docspace.Config{Host: srv.URL, Token: docspacetest.DefaultToken})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 230 {
		srv.CreateRoom(fmt.Sprintf("Bulk %03d", i), docspacetest.RoomCustom)
	}
	audit := srv.CreateRoom("Audit", docspacetest.RoomPublic)
	srv.CreateRoom("Pre-audit checks", docspacetest.RoomFillingForms)

	all, err := c.ListRooms(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 232 {
		t.Errorf("%d rooms listed, want 232", len(all))
	}
	if n := srv.Requests("GET", "/api/2.0/files/rooms"); n != 3 {
		t.Errorf("%d pages asked for, want 3", n)
	}

	matches, err := c.ListRooms(context.Background(), "AUDIT")
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]docspace.Room{}
	for _, r := range matches {
		titles[r.Title] = r
	}
	if len(matches) != 2 || titles["Audit"].ID != fmt.Sprint(audit.ID) || titles["Audit"].Type != docspace.RoomTypePublic {
		t.Errorf("rooms matching AUDIT = %+v", matches)
	}
	if _, ok := titles["Pre-audit checks"]; !ok {
		t.Errorf("the substring match is missing: %+v", matches)
	}
}
