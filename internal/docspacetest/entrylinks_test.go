package docspacetest

import (
	"fmt"
	"net/http"
	"testing"
)

func fileLinksPath(id int) string   { return fmt.Sprintf("/api/2.0/files/file/%d/links", id) }
func fileLinkPath(id int) string    { return fmt.Sprintf("/api/2.0/files/file/%d/link", id) }
func folderLinksPath(id int) string { return fmt.Sprintf("/api/2.0/files/folder/%d/links", id) }
func folderLinkPath(id int) string  { return fmt.Sprintf("/api/2.0/files/folder/%d/link", id) }

func putFileLink(t testing.TB, srv *Server, id int, body any, opts ...reqOption) result {
	t.Helper()
	return call(t, srv, http.MethodPut, fileLinksPath(id), body, opts...)
}

func putFolderLink(t testing.TB, srv *Server, id int, body any, opts ...reqOption) result {
	t.Helper()
	return call(t, srv, http.MethodPut, folderLinksPath(id), body, opts...)
}

// noResponse fails unless the answer is a 200 without "response" (API.md §3.5).
func (r result) noResponse() {
	r.t.Helper()
	r.mustStatus(http.StatusOK)
	if _, ok := r.body["response"]; ok || num(r.body["count"]) != 0 {
		r.t.Fatalf("want no response, count 0: %s", r.raw)
	}
}

// API.md §13.3: a file the editors cannot open drops every access but 0–3
// silently (200, nothing stored); 1 and 3 are still refused.
func TestNotViewableFileDropsAccess(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("c", RoomCustom)
	f := srv.CreateFile(room.ID, "photo.png")
	for _, a := range []int{10, 5, 6, 7, 11, 42} {
		putFileLink(t, srv, f.ID, map[string]any{"access": a}).noResponse()
	}
	if n := len(srv.FileLinks(f.ID)); n != 0 {
		t.Fatalf("dropped writes stored %d links", n)
	}
	for _, a := range []int{1, 3} {
		putFileLink(t, srv, f.ID, map[string]any{"access": a}).expectError(403, "The role is not available for this user type")
	}
	id := putFileLink(t, srv, f.ID, map[string]any{"access": 2, "title": "Photo"}).mustStatus(200).link()["id"].(string)
	// An update to Editing is dropped too: the unchanged link comes back.
	r := putFileLink(t, srv, f.ID, map[string]any{"linkId": id, "access": 10, "title": "Changed"}).mustStatus(200)
	if num(r.response()["access"]) != 2 || r.link()["title"] != "Photo" {
		t.Errorf("dropped update answered %s", r.raw)
	}
	if l := srv.FileLinks(f.ID); len(l) != 1 || l[0].Access != 2 || l[0].Title != "Photo" {
		t.Errorf("stored %+v", l)
	}
}

// API.md §13.5: silent skips (200, link unchanged) of "internal" changes in
// Public rooms and VDRs, and of expiration changes in Form-filling rooms; the
// Public/VDR override of "internal".
func TestEntrySilentSkips(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	exp := "2026-12-31T00:00:00Z"

	t.Run("Public: internal stored false, a change skipped", func(t *testing.T) {
		f := srv.CreateFile(srv.CreateRoom("p", RoomPublic).ID, "a.docx")
		id := putFileLink(t, srv, f.ID, map[string]any{"access": 2, "internal": true, "title": "A"}).mustStatus(200).link()["id"].(string)
		if l := findLink(srv.FileLinks(f.ID), id); l.Internal {
			t.Fatalf("Public link stored internal")
		}
		r := putFileLink(t, srv, f.ID, map[string]any{"linkId": id, "access": 6, "internal": true, "title": "B"}).mustStatus(200)
		if r.link()["title"] != "A" || num(r.response()["access"]) != 2 {
			t.Errorf("skipped update answered %s", r.raw)
		}
		// The expiration of a Public file's link may change, whatever the DTO says.
		r = putFileLink(t, srv, f.ID, map[string]any{"linkId": id, "access": 2, "title": "A", "expirationDate": exp}).mustStatus(200)
		if r.link()["expirationDate"] == nil {
			t.Errorf("expiration not applied: %s", r.raw)
		}
	})

	t.Run("VDR: internal stored true, a delete must send it", func(t *testing.T) {
		folder := srv.CreateFolder(srv.CreateRoom("v", RoomVirtualData).ID, "Deal")
		id := putFolderLink(t, srv, folder.ID, map[string]any{"access": 2}).mustStatus(200).link()["id"].(string)
		if !findLink(srv.FolderLinks(folder.ID), id).Internal {
			t.Fatalf("VDR link not internal")
		}
		r := putFolderLink(t, srv, folder.ID, map[string]any{"linkId": id, "access": 0}).mustStatus(200)
		if r.link()["id"] != id || len(srv.FolderLinks(folder.ID)) != 1 {
			t.Fatalf("delete without internal must be skipped: %s", r.raw)
		}
		putFolderLink(t, srv, folder.ID, map[string]any{"linkId": id, "access": 0, "internal": true}).noResponse()
		if len(srv.FolderLinks(folder.ID)) != 0 {
			t.Errorf("delete with internal true did not delete")
		}
	})

	t.Run("Form filling: expiration changes skipped", func(t *testing.T) {
		folder := srv.CreateFolder(srv.CreateRoom("f", RoomFillingForms).ID, "Forms")
		id := call(t, srv, http.MethodPost, folderLinkPath(folder.ID), map[string]any{"access": 7}).mustStatus(200).link()["id"].(string)
		r := putFolderLink(t, srv, folder.ID, map[string]any{"linkId": id, "access": 7, "title": "New", "expirationDate": exp}).mustStatus(200)
		if r.link()["title"] != "Shared link" || r.link()["expirationDate"] != nil {
			t.Errorf("expiration change applied: %s", r.raw)
		}
	})
}

func findLink(links []Link, id string) Link {
	for _, l := range links {
		if l.ID == id {
			return l
		}
	}
	return Link{}
}

// API.md §13.6: the file list is paged (startIndex, count 1–100), primary
// links first, with total and count = min(total − startIndex, count).
func TestFileLinksPaging(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	f := srv.CreateFile(srv.CreateRoom("c", RoomCustom).ID, "a.docx")
	for i := range 6 {
		putFileLink(t, srv, f.ID, map[string]any{"access": 2, "title": fmt.Sprint("extra ", i)}).mustStatus(200)
		putFileLink(t, srv, f.ID, map[string]any{"access": 2, "primary": true, "title": fmt.Sprint("primary ", i)}).mustStatus(200)
	}
	tests := []struct {
		query             string
		items, count      int
		firstTitle        string
		firstIsPrimary    bool
		wantTotalInEnvlop int
	}{
		{"", 12, 12, "primary 0", true, 12},
		{"?count=5", 5, 5, "primary 0", true, 12},
		{"?startIndex=5&count=5", 5, 5, "primary 5", true, 12},
		{"?startIndex=10&count=5", 2, 2, "extra 4", false, 12},
		{"?startIndex=20&count=5", 0, -8, "", false, 12},
		{"?startIndex=-3&count=1", 1, 1, "primary 0", true, 12},
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		r := call(t, srv, http.MethodGet, fileLinksPath(f.ID)+tc.query, nil).mustStatus(200)
		list := r.list()
		if len(list) != tc.items || num(r.body["count"]) != tc.count || num(r.body["total"]) != tc.wantTotalInEnvlop {
			t.Errorf("%s: %d items, count %v, total %v; want %d, %d, %d", tc.query, len(list), r.body["count"], r.body["total"], tc.items, tc.count, tc.wantTotalInEnvlop)
			continue
		}
		if tc.items > 0 && (sharedLink(list[0])["title"] != tc.firstTitle || sharedLink(list[0])["primary"] != tc.firstIsPrimary) {
			t.Errorf("%s: first %v", tc.query, sharedLink(list[0]))
		}
		if tc.query == "?count=5" || tc.query == "?startIndex=5&count=5" {
			for _, dto := range list {
				id := sharedLink(dto)["id"].(string)
				if seen[id] {
					t.Errorf("second page repeats %s", id)
				}
				seen[id] = true
			}
		}
	}
	for _, bad := range []string{"?count=0", "?count=101", "?count=ten"} {
		call(t, srv, http.MethodGet, fileLinksPath(f.ID)+bad, nil).expectValidation("count")
	}
	srv.SetMemberToken("member")
	r := call(t, srv, http.MethodGet, fileLinksPath(f.ID), nil, withHeader("Authorization", "member")).mustStatus(200)
	if len(r.list()) != 0 || num(r.body["total"]) != 0 {
		t.Errorf("member sees %s", r.raw)
	}
}

// API.md §13.6: the folder list is not paged: no total, count = returned, at most 100.
func TestFolderLinksList(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	folder := srv.CreateFolder(MyDocumentsID, "Press")
	putFolderLink(t, srv, folder.ID, map[string]any{"access": 6, "title": "Comment"}).mustStatus(200)
	putFolderLink(t, srv, folder.ID, map[string]any{"access": 10, "title": "Edit"}).mustStatus(200)
	putFolderLink(t, srv, folder.ID, map[string]any{"access": 2, "primary": true}).mustStatus(200)
	r := call(t, srv, http.MethodGet, folderLinksPath(folder.ID)+"?startIndex=1&count=1", nil).mustStatus(200)
	if _, ok := r.body["total"]; ok {
		t.Errorf("folder list has total: %s", r.raw)
	}
	list := r.list()
	var got []string
	for _, dto := range list {
		got = append(got, sharedLink(dto)["title"].(string))
	}
	// Primary first, then the files order of My Documents: Editing before Comment.
	if fmt.Sprint(got) != "[Shared link Edit Comment]" || num(r.body["count"]) != 3 {
		t.Errorf("list %v, count %v", got, r.body["count"])
	}
}

// API.md §13.5: revoking a primary link in a Public or Form-filling room
// makes a new one at once; the folder route answers without requestToken,
// the file route with it; elsewhere a primary is just deleted.
func TestEntryPrimaryRevoke(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	pub := srv.CreateRoom("p", RoomPublic)
	file := srv.CreateFile(pub.ID, "a.docx") // v3.7: a primary link at once (API.md §13.8)
	old := srv.FileLinks(file.ID)
	if len(old) != 1 || !old[0].Primary || old[0].Title != "a.docx" {
		t.Fatalf("auto primary: %+v", old)
	}
	r := putFileLink(t, srv, file.ID, map[string]any{"linkId": old[0].ID, "access": 0}).mustStatus(200)
	if r.link()["id"] == old[0].ID || r.link()["requestToken"] == nil || r.link()["title"] != "Shared link" || num(r.response()["access"]) != 2 {
		t.Errorf("file revoke answered %s", r.raw)
	}

	tests := []struct {
		room       RoomType
		access     int
		wantAccess int
		wantTitle  string
		regenerate bool
	}{
		{RoomPublic, 6, 2, "Shared link", true},
		{RoomFillingForms, 7, 7, "Link to fill out", true},
		{RoomCustom, 2, 0, "", false},
	}
	for _, tc := range tests {
		folder := srv.CreateFolder(srv.CreateRoom("r", tc.room).ID, "F")
		id := putFolderLink(t, srv, folder.ID, map[string]any{"access": tc.access, "primary": true}).mustStatus(200).link()["id"].(string)
		r := putFolderLink(t, srv, folder.ID, map[string]any{"linkId": id, "access": 0})
		if !tc.regenerate {
			r.noResponse()
			if len(srv.FolderLinks(folder.ID)) != 0 {
				t.Errorf("%v: primary not deleted", tc.room)
			}
			continue
		}
		r.mustStatus(200)
		link := r.link()
		if link["id"] == id || link["requestToken"] != nil || num(r.response()["access"]) != tc.wantAccess || link["title"] != tc.wantTitle {
			t.Errorf("%v folder revoke answered %s", tc.room, r.raw)
		}
	}
}

// API.md §13.3: only the folder's creator may delete its links (v3.6: anyone).
func TestFolderLinkDeleteNeedsCreator(t *testing.T) {
	t.Parallel()
	for _, v := range []Version{V37, V36} {
		srv := newEnv(t, WithVersion(v))
		folder := srv.CreateFolder(srv.CreateRoom("c", RoomCustom).ID, "Theirs")
		id := putFolderLink(t, srv, folder.ID, map[string]any{"access": 2}).mustStatus(200).link()["id"].(string)
		srv.SetForeignCreator(folder.ID)
		r := putFolderLink(t, srv, folder.ID, map[string]any{"linkId": id, "access": 0})
		if v == V36 {
			r.noResponse()
			continue
		}
		r.expectError(403, "The role is not available for this user type")
		putFolderLink(t, srv, folder.ID, map[string]any{"linkId": id, "access": 10}).mustStatus(200)
	}
}
