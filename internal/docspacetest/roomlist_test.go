package docspacetest

import (
	"net/http"
	"net/url"
	"testing"
)

// GET /api/2.0/files/rooms: the title filter and the paging of API.md §10.11, in a
// folder content object inside the usual envelope (API.md §3.1).
func TestListRooms(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	audit := srv.CreateRoom("Audit 2026", RoomCustom).ID
	public := srv.CreateRoom("Public audit", RoomPublic).ID
	sales := srv.CreateRoom("Sales", RoomEditing).ID
	forms := srv.CreateRoom("AUDIT forms", RoomFillingForms).ID

	tests := []struct {
		name      string
		query     url.Values
		wantIDs   []int // in order: newest first
		wantTotal int
		wantStart int
	}{
		{"API.md §10.11 no parameters: every room, newest first", nil, []int{forms, sales, public, audit}, 4, 0},
		{"filterValue is a substring of the title", url.Values{"filterValue": {"Sales"}}, []int{sales}, 1, 0},
		{"filterValue ignores case", url.Values{"filterValue": {"audit"}}, []int{forms, public, audit}, 3, 0},
		{"filterValue matches inside a title", url.Values{"filterValue": {"lic au"}}, []int{public}, 1, 0},
		{"filterValue without a match: an empty page", url.Values{"filterValue": {"nothing"}}, []int{}, 0, 0},
		{"query names ignore case", url.Values{"FilterValue": {"SALES"}}, []int{sales}, 1, 0},
		{"API.md §10.11 count limits the page, total counts all", url.Values{"count": {"2"}}, []int{forms, sales}, 4, 0},
		{"API.md §10.11 startIndex skips", url.Values{"startIndex": {"2"}, "count": {"2"}}, []int{public, audit}, 4, 2},
		{"API.md §10.11 the last page is short", url.Values{"startIndex": {"3"}, "count": {"2"}}, []int{audit}, 4, 3},
		{"API.md §10.11 startIndex past the end: an empty page", url.Values{"startIndex": {"10"}}, []int{}, 4, 10},
		{"API.md §10.11 paging with a filter", url.Values{"filterValue": {"audit"}, "startIndex": {"1"}, "count": {"1"}}, []int{public}, 3, 1},
		{"API.md §10.11 count above 100 is served as 100", url.Values{"count": {"1000"}}, []int{forms, sales, public, audit}, 4, 0},
		{"a count that is not a number is ignored", url.Values{"count": {"many"}}, []int{forms, sales, public, audit}, 4, 0},
		{"a negative startIndex starts at 0", url.Values{"startIndex": {"-5"}, "count": {"1"}}, []int{forms}, 4, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := "/api/2.0/files/rooms"
			if len(tc.query) > 0 {
				path += "?" + tc.query.Encode()
			}
			r := call(t, srv, http.MethodGet, path, nil).mustStatus(http.StatusOK)
			if num(r.body["count"]) != 1 || num(r.body["status"]) != 0 || num(r.body["statusCode"]) != 200 {
				t.Errorf("API.md §3.1 envelope: count/status/statusCode = %v/%v/%v, want 1/0/200", r.body["count"], r.body["status"], r.body["statusCode"])
			}
			content := r.response()
			folders, ok := content["folders"].([]any)
			if !ok {
				t.Fatalf("no folders array in %s", r.raw)
			}
			if files, ok := content["files"].([]any); !ok || len(files) != 0 {
				t.Errorf("files = %v, want []", content["files"])
			}
			if len(folders) != len(tc.wantIDs) {
				t.Fatalf("%d rooms, want %d: %s", len(folders), len(tc.wantIDs), r.raw)
			}
			for i, id := range tc.wantIDs {
				if got := num(folders[i].(map[string]any)["id"]); got != id {
					t.Errorf("position %d is room %d, want %d", i, got, id)
				}
			}
			if num(content["total"]) != tc.wantTotal || num(content["count"]) != len(tc.wantIDs) || num(content["startIndex"]) != tc.wantStart {
				t.Errorf("API.md §10.11 total/count/startIndex = %v/%v/%v, want %d/%d/%d",
					content["total"], content["count"], content["startIndex"], tc.wantTotal, len(tc.wantIDs), tc.wantStart)
			}
			current, _ := content["current"].(map[string]any)
			if num(current["id"]) != roomsFolderID || current["title"] != "Rooms" || num(current["rootFolderType"]) != folderTypeVirtualRooms {
				t.Errorf("current = %v, want the Rooms section", current)
			}
			assertNoNulls(t, "room list", r.body)
		})
	}
}

// The rooms in a listing are the room DTOs of GET rooms/{id}, with the
// manager-only fields only for managers (API.md §4.6, §5.1).
func TestListRoomsDTO(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	srv.SetMemberToken("member-token")
	room := srv.CreateRoom("Listed", RoomPublic)

	single := call(t, srv, http.MethodGet, roomPath(room.ID), nil).mustStatus(http.StatusOK).response()
	listed := call(t, srv, http.MethodGet, "/api/2.0/files/rooms?filterValue=Listed", nil).mustStatus(http.StatusOK).response()
	folders := listed["folders"].([]any)
	if len(folders) != 1 {
		t.Fatalf("%d rooms listed, want 1", len(folders))
	}
	got := folders[0].(map[string]any)
	for _, key := range []string{"id", "title", "roomType", "type", "rootFolderType", "shareSettings", "availableShareRights"} {
		if _, ok := got[key]; !ok {
			t.Errorf("listed room lacks %q", key)
		}
		if key == "title" && got[key] != single[key] {
			t.Errorf("listed title %v, single %v", got[key], single[key])
		}
	}
	if num(got["id"]) != room.ID || num(got["roomType"]) != int(RoomPublic) {
		t.Errorf("listed room = %v", got)
	}

	member := call(t, srv, http.MethodGet, "/api/2.0/files/rooms?filterValue=Listed", nil, withHeader("Authorization", "Bearer member-token")).mustStatus(http.StatusOK).response()
	seen := member["folders"].([]any)[0].(map[string]any)
	for _, key := range []string{"shareSettings", "availableShareRights"} {
		if _, ok := seen[key]; ok {
			t.Errorf("API.md §5.1 a member sees %q", key)
		}
	}

	call(t, srv, http.MethodGet, "/api/2.0/files/rooms", nil, noAuth()).mustStatus(http.StatusUnauthorized)
}
