package docspace

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// roomPage renders one page of GET /api/2.0/files/rooms: rooms first..last
// (ids 1000+i, titles "Room i"), and total unless it is negative.
func roomPage(first, last, total int) string {
	folders := make([]string, 0, max(last-first, 0))
	for i := first; i < last; i++ {
		folders = append(folders, fmt.Sprintf(`{"id":%d,"title":"Room %d","roomType":5,"rootFolderType":14}`, 1000+i, i))
	}
	content := `{"files":[],"folders":[` + strings.Join(folders, ",") + `],"current":{"id":2,"title":"Rooms"},"startIndex":` +
		strconv.Itoa(first) + `,"count":` + strconv.Itoa(len(folders))
	if total >= 0 {
		content += `,"total":` + strconv.Itoa(total)
	}
	return okEnvelope(content + `}`)
}

// pagingServer serves n rooms the way DocSpace pages them (API.md §10.11).
func pagingServer(n int, withTotal bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		start, _ := strconv.Atoi(r.URL.Query().Get("startIndex"))
		count, _ := strconv.Atoi(r.URL.Query().Get("count"))
		total := n
		if !withTotal {
			total = -1
		}
		replyJSON(http.StatusOK, roomPage(min(start, n), min(start+count, n), total))(w, r)
	}
}

func roomIDs(rooms []Room) []string {
	ids := make([]string, len(rooms))
	for i, r := range rooms {
		ids[i] = r.ID
	}
	return ids
}

func wantRoomIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = strconv.Itoa(1000 + i)
	}
	return ids
}

// TestListRoomsRequest: one GET per page, with the filter, startIndex and the
// largest page size DocSpace hands out (API.md §10.11).
func TestListRoomsRequest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		filter string
		want   url.Values
	}{
		{"no filter", "", url.Values{"startIndex": {"0"}, "count": {"100"}}},
		{"filter", "Audit", url.Values{"filterValue": {"Audit"}, "startIndex": {"0"}, "count": {"100"}}},
		{"filter with characters that mean something in a URL", "R&D #1 = 50%/?", url.Values{"filterValue": {"R&D #1 = 50%/?"}, "startIndex": {"0"}, "count": {"100"}}},
		{"filter in other scripts", "Аудит 監査", url.Values{"filterValue": {"Аудит 監査"}, "startIndex": {"0"}, "count": {"100"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, replyJSON(http.StatusOK, roomPage(0, 1, 1)))
			rooms, err := newTestClient(t, fs).ListRooms(context.Background(), tt.filter)
			if err != nil {
				t.Fatalf("ListRooms: %v", err)
			}
			if len(rooms) != 1 || rooms[0].ID != "1000" || rooms[0].Title != "Room 0" || rooms[0].Type != RoomTypeCustom {
				t.Errorf("rooms = %+v", rooms)
			}
			req := fs.only(t)
			if req.Method != http.MethodGet || req.RawPath != "/api/2.0/files/rooms" {
				t.Errorf("request = %s %s", req.Method, req.RawPath)
			}
			got, err := url.ParseQuery(req.Query)
			if err != nil {
				t.Fatalf("query %q: %v", req.Query, err)
			}
			if got.Encode() != tt.want.Encode() {
				t.Errorf("query = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestListRoomsPaging: the client pages until it holds "total" rooms, and
// stops on an empty page, a short page without a total, or a page that only
// repeats what it has (a server that ignores startIndex).
func TestListRoomsPaging(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		handler    http.HandlerFunc
		want       []string
		wantStarts []string
	}{
		{"one page", pagingServer(3, true), wantRoomIDs(3), []string{"0"}},
		{"no rooms", pagingServer(0, true), []string{}, []string{"0"}},
		{"exactly one full page", pagingServer(100, true), wantRoomIDs(100), []string{"0"}},
		{"three pages", pagingServer(250, true), wantRoomIDs(250), []string{"0", "100", "200"}},
		{"no total: until a short page", pagingServer(150, false), wantRoomIDs(150), []string{"0", "100"}},
		{"no total, full last page: until an empty page", pagingServer(200, false), wantRoomIDs(200), []string{"0", "100", "200"}},
		{
			"startIndex ignored: stops when a page brings nothing new",
			func(w http.ResponseWriter, r *http.Request) { replyJSON(http.StatusOK, roomPage(0, 100, 500))(w, r) },
			wantRoomIDs(100), []string{"0", "100"},
		},
		{
			"total larger than what the server hands out: stops on an empty page",
			func(w http.ResponseWriter, r *http.Request) {
				start, _ := strconv.Atoi(r.URL.Query().Get("startIndex"))
				replyJSON(http.StatusOK, roomPage(min(start, 120), min(start+100, 120), 130))(w, r)
			},
			wantRoomIDs(120), []string{"0", "100", "120"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, tt.handler)
			rooms, err := newTestClient(t, fs).ListRooms(context.Background(), "")
			if err != nil {
				t.Fatalf("ListRooms: %v", err)
			}
			if got := roomIDs(rooms); !slices.Equal(got, tt.want) {
				t.Errorf("%d rooms %v…, want %d", len(got), got[:min(len(got), 3)], len(tt.want))
			}
			var starts []string
			for _, req := range fs.requests() {
				q, _ := url.ParseQuery(req.Query)
				starts = append(starts, q.Get("startIndex"))
				if q.Get("count") != "100" {
					t.Errorf("count = %q, want 100", q.Get("count"))
				}
			}
			if !slices.Equal(starts, tt.wantStarts) {
				t.Errorf("startIndex per request = %v, want %v", starts, tt.wantStarts)
			}
		})
	}
}

// TestListRoomsFailures: errors are the server's, and an answer without a
// room list is not an empty list.
func TestListRoomsFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		handler    http.HandlerFunc
		wantStatus int
		wantText   string
	}{
		{"401", reply(http.StatusUnauthorized, "", ""), http.StatusUnauthorized, "token was rejected"},
		{"403", replyJSON(http.StatusForbidden, `{"error":{"message":"Access denied"},"status":1,"statusCode":403}`), http.StatusForbidden, "Access denied"},
		{"no response", replyJSON(http.StatusOK, emptyEnvelope), http.StatusOK, "no room list"},
		{"folders of the wrong type", replyJSON(http.StatusOK, okEnvelope(`{"folders":{"id":1},"total":1}`)), http.StatusOK, "wrong type"},
		{
			"a failing second page fails the listing",
			func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Query().Get("startIndex") == "0" {
					replyJSON(http.StatusOK, roomPage(0, 100, 150))(w, r)
					return
				}
				replyJSON(http.StatusBadRequest, `{"error":{"message":"bad page"},"status":1,"statusCode":400}`)(w, r)
			},
			http.StatusBadRequest, "bad page",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t, tt.handler)
			rooms, err := newTestClient(t, fs).ListRooms(context.Background(), "x")
			apiErr := asAPIError(t, err)
			if apiErr.StatusCode != tt.wantStatus || !strings.Contains(apiErr.Message, tt.wantText) {
				t.Errorf("error = %v, want HTTP %d with %q", err, tt.wantStatus, tt.wantText)
			}
			if rooms != nil {
				t.Errorf("rooms = %+v, want nil", rooms)
			}
			assertNoSecrets(t, err)
		})
	}
}

// TestListRoomsStopsPaging: a server that keeps handing out new rooms does
// not keep the client paging for ever.
func TestListRoomsStopsPaging(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t, func(w http.ResponseWriter, r *http.Request) {
		start, _ := strconv.Atoi(r.URL.Query().Get("startIndex"))
		replyJSON(http.StatusOK, roomPage(start, start+100, start+1000))(w, r)
	})
	_, err := newTestClient(t, fs).ListRooms(context.Background(), "")
	if apiErr := asAPIError(t, err); !strings.Contains(apiErr.Message, "beyond 100000") {
		t.Errorf("error = %v", err)
	}
	if n := len(fs.requests()); n != maxRoomListPages {
		t.Errorf("%d requests, want %d", n, maxRoomListPages)
	}
}

// TestListRoomsAgainstEmulator: the title filter is the server's (a
// substring, without regard to case) and paging reaches every room.
func TestListRoomsAgainstEmulator(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t)
	c, err := NewClient(Config{Host: srv.URL, Token: docspacetest.DefaultToken})
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
	titles := map[string]Room{}
	for _, r := range matches {
		titles[r.Title] = r
	}
	if len(matches) != 2 || titles["Audit"].ID != fmt.Sprint(audit.ID) || titles["Audit"].Type != RoomTypePublic {
		t.Errorf("rooms matching AUDIT = %+v", matches)
	}
	if _, ok := titles["Pre-audit checks"]; !ok {
		t.Errorf("the substring match is missing: %+v", matches)
	}
}
