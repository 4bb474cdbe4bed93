package docspacetest

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
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

// API.md §13.6: GET …/link creates a primary link when there is none and
// returns it afterwards; without the manage right it is 403 on v3.7, 200
// empty on v3.6; it is anonymous: 404 for an unknown id, never 401.
func TestEntryPrimaryGet(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		v          Version
		room       RoomType // 0: My Documents
		title      string   // "" for a folder
		wantAccess int
		wantErr    string
	}{
		{"docx in Custom", V37, RoomCustom, "a.docx", 2, ""},
		{"form in My Documents", V37, 0, "f.pdf", 10, ""},
		{"form in VDR", V37, RoomVirtualData, "f.pdf", 7, ""},
		{"form in Custom", V37, RoomCustom, "f.pdf", 10, ""},
		{"form in Custom, v3.6", V36, RoomCustom, "f.pdf", 7, ""},
		{"folder in Custom", V37, RoomCustom, "", 2, ""},
		{"folder in Form filling", V37, RoomFillingForms, "", 0, "The role is not available for this user type"},
		{"docx in Form filling", V37, RoomFillingForms, "a.docx", 0, "The role is not available for this user type"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t, WithVersion(tc.v))
			parent := parentIn(srv, where(tc.room))
			var path string
			var links func() []Link
			if tc.title == "" {
				f := srv.CreateFolder(parent, "F")
				path, links = folderLinkPath(f.ID), func() []Link { return srv.FolderLinks(f.ID) }
			} else {
				f := srv.CreateFile(parent, tc.title)
				path, links = fileLinkPath(f.ID), func() []Link { return srv.FileLinks(f.ID) }
			}
			r := call(t, srv, http.MethodGet, path, nil)
			if tc.wantErr != "" {
				r.expectError(403, tc.wantErr)
				return
			}
			r.mustStatus(200)
			if num(r.response()["access"]) != tc.wantAccess || r.link()["primary"] != true || r.link()["title"] != "Shared link" {
				t.Fatalf("created %s", r.raw)
			}
			again := call(t, srv, http.MethodGet, path, nil).mustStatus(200)
			if again.link()["id"] != r.link()["id"] || len(links()) != 1 {
				t.Errorf("second GET made another link: %d links", len(links()))
			}
		})
	}

	for _, v := range []Version{V37, V36} {
		srv := newEnv(t, WithVersion(v))
		srv.SetMemberToken("member")
		f := srv.CreateFile(srv.CreateRoom("c", RoomCustom).ID, "a.docx")
		member := call(t, srv, http.MethodGet, fileLinkPath(f.ID), nil, withHeader("Authorization", "member"))
		anonymous := call(t, srv, http.MethodGet, fileLinkPath(f.ID), nil, noAuth())
		for _, r := range []result{member, anonymous} {
			if v == V37 {
				r.expectError(403, "Access denied")
			} else {
				r.noResponse()
			}
		}
		call(t, srv, http.MethodGet, fileLinkPath(999999), nil, noAuth()).expectError(404, "Item not found")
		call(t, srv, http.MethodPost, fileLinkPath(f.ID), map[string]any{"access": 2}, noAuth()).mustStatus(401)
		if n := len(srv.FileLinks(f.ID)); n != 0 {
			t.Errorf("%v: callers without rights created %d links", v, n)
		}
	}
}

// API.md §13.6: POST …/link is get-or-create: the file route ignores the
// title, the folder route uses it trimmed on v3.7 and ignores it on v3.6; an
// existing primary comes back unchanged; access 0 without one creates nothing.
func TestEntryPrimaryPost(t *testing.T) {
	t.Parallel()
	for _, v := range []Version{V37, V36} {
		srv := newEnv(t, WithVersion(v))
		room := srv.CreateRoom("c", RoomCustom)
		file := srv.CreateFile(room.ID, "a.docx")
		folder := srv.CreateFolder(room.ID, "F")

		call(t, srv, http.MethodPost, fileLinkPath(file.ID), map[string]any{"access": 0}).noResponse()
		r := call(t, srv, http.MethodPost, fileLinkPath(file.ID), map[string]any{"access": 10, "title": "Mine", "denyDownload": true}).mustStatus(200)
		if r.link()["title"] != "Shared link" || num(r.response()["access"]) != 10 || r.link()["denyDownload"] != true {
			t.Errorf("%v file POST: %s", v, r.raw)
		}
		again := call(t, srv, http.MethodPost, fileLinkPath(file.ID), map[string]any{"access": 2}).mustStatus(200)
		if again.link()["id"] != r.link()["id"] || num(again.response()["access"]) != 10 {
			t.Errorf("%v: existing primary not returned unchanged: %s", v, again.raw)
		}

		wantTitle := " Press kit "[1:10]
		if v == V36 {
			wantTitle = "Shared link"
		}
		fr := call(t, srv, http.MethodPost, folderLinkPath(folder.ID), map[string]any{"access": 2, "title": " Press kit "}).mustStatus(200)
		if fr.link()["title"] != wantTitle {
			t.Errorf("%v folder POST title %q, want %q", v, fr.link()["title"], wantTitle)
		}
		// Neither POST trims the password: a space fails the policy.
		other := srv.CreateFile(room.ID, "b.docx")
		pr := call(t, srv, http.MethodPost, fileLinkPath(other.ID), map[string]any{"access": 2, "password": " Passw0rd!x"})
		if v == V37 {
			pr.mustStatus(400)
		} else {
			pr.mustStatus(403)
		}
	}
}

// API.md §13.2: the folder PUT trims the password, the file PUT does not.
func TestEntryPasswordTrimming(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("c", RoomCustom)
	folder := srv.CreateFolder(room.ID, "F")
	file := srv.CreateFile(room.ID, "a.docx")
	r := putFolderLink(t, srv, folder.ID, map[string]any{"access": 2, "password": "  Passw0rd!x  "}).mustStatus(200)
	if r.link()["password"] != "Passw0rd!x" {
		t.Errorf("folder password %q", r.link()["password"])
	}
	putFileLink(t, srv, file.ID, map[string]any{"access": 2, "password": "  Passw0rd!x  "}).
		expectError(400, "Password must contain from 8 to 30 characters, only latin letters, no spaces")
}

// API.md §13.5, §13.8, §13.9: version differences on the file and folder routes.
func TestEntryVersionDifferences(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		run  func(t *testing.T, srv *Server, v Version)
	}{
		{"ACE errors: 403 with the original text on v3.6", func(t *testing.T, srv *Server, v Version) {
			f := srv.CreateFile(srv.CreateRoom("c", RoomCustom).ID, "a.docx")
			pw := putFileLink(t, srv, f.ID, map[string]any{"access": 2, "password": "short"})
			srv.SetMemberToken("member")
			perm := putFileLink(t, srv, f.ID, map[string]any{"access": 2}, withHeader("Authorization", "member"))
			far := putFileLink(t, srv, f.ID, map[string]any{"access": 2, "expirationDate": "2040-01-01T00:00:00Z"})
			policy := "Password must contain from 8 to 30 characters, only latin letters, no spaces"
			if v == V36 {
				pw.expectError(403, policy)
				perm.expectError(403, "You don't have enough permission to perform the operation")
			} else {
				pw.expectError(400, policy)
				perm.expectError(403, "Access denied")
			}
			far.expectError(400, "Value does not fall within the expected range. (Parameter 'expirationDate')")
		}},
		{"a file created in a Public room gets a primary link on v3.7", func(t *testing.T, srv *Server, v Version) {
			room := srv.CreateRoom("p", RoomPublic)
			r := call(t, srv, http.MethodPost, fmt.Sprintf("/api/2.0/files/%d/file", room.ID), map[string]any{"title": "plan.pdf"}).mustStatus(200)
			links := srv.FileLinks(num(r.response()["id"]))
			want := 0
			if v == V37 {
				want = 1
			}
			if len(links) != want {
				t.Fatalf("%d links, want %d", len(links), want)
			}
			if want == 1 && (!links[0].Primary || links[0].Access != 10 || links[0].Title != "plan.pdf") {
				t.Errorf("auto primary of a form: %+v", links[0])
			}
		}},
		{"Read primary in a Public room skips the manage check on v3.7", func(t *testing.T, srv *Server, v Version) {
			f := srv.CreateFolder(srv.CreateRoom("p", RoomPublic).ID, "F")
			srv.SetMemberToken("member")
			r := putFolderLink(t, srv, f.ID, map[string]any{"access": 2, "primary": true}, withHeader("Authorization", "member"))
			if v == V37 {
				r.mustStatus(200)
			} else {
				r.expectError(403, "You don't have enough permission to perform the operation")
			}
		}},
	}
	for _, tc := range tests {
		for _, v := range []Version{V37, V36} {
			t.Run(fmt.Sprint(tc.name, " ", v), func(t *testing.T) {
				t.Parallel()
				tc.run(t, newEnv(t, WithVersion(v)), v)
			})
		}
	}
}

// API.md §13.1: a room id on the folder routes acts on the room's external
// links with the room rules.
func TestFolderRoutesOnRooms(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	custom := srv.CreateRoom("c", RoomCustom)
	putLink(t, srv, custom.ID, map[string]any{"linkType": 0, "access": 11}).mustStatus(200) // an invitation, not listed
	r := putFolderLink(t, srv, custom.ID, map[string]any{"access": 2, "primary": true, "title": "Room primary"}).mustStatus(200)
	if num(r.response()["subjectType"]) != 4 {
		t.Errorf("primary:true on a room id: %s", r.raw)
	}
	putFolderLink(t, srv, custom.ID, map[string]any{"access": 2, "primary": true}).expectError(403, "The maximum number of links may not exceed 1")
	list := call(t, srv, http.MethodGet, folderLinksPath(custom.ID), nil).mustStatus(200).list()
	if len(list) != 1 || sharedLink(list[0])["title"] != "Room primary" {
		t.Errorf("room via folder route lists %v", list)
	}
	if n := len(srv.Links(custom.ID)); n != 2 {
		t.Errorf("room has %d links, want 2", n)
	}
	editing := srv.CreateRoom("e", RoomEditing)
	putFolderLink(t, srv, editing.ID, map[string]any{"access": 2}).expectError(403, "The role is not available for this user type")
	call(t, srv, http.MethodGet, folderLinksPath(999999), nil).expectError(404, "Item not found")
	call(t, srv, http.MethodGet, fileLinksPath(custom.ID), nil).expectError(404, "Item not found")
}

// API.md §13.7: a PDF form in a Form-filling room shares the room's link.
func TestFormInFormFillingRoom(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("Forms", RoomFillingForms)
	form := srv.CreateFile(room.ID, "claim.pdf")
	roomPrimary := srv.Links(room.ID)[0]

	r := call(t, srv, http.MethodGet, fileLinksPath(form.ID), nil).mustStatus(200)
	list := r.list()
	if len(list) != 1 || num(r.body["total"]) != 0 || num(r.body["count"]) != 0 {
		t.Fatalf("list %s", r.raw)
	}
	appended := sharedLink(list[0])
	if appended["id"] != roomPrimary.ID || appended["shareLink"] == roomPrimary.ShareLink || appended["shareLink"] == "" {
		t.Errorf("appended room link %v", appended)
	}

	putFileLink(t, srv, form.ID, map[string]any{"access": 7}).expectError(403, "The maximum number of links may not exceed 0")
	putFileLink(t, srv, form.ID, map[string]any{"access": 7, "primary": true}).expectError(403, "The maximum number of links may not exceed 1")
	putFileLink(t, srv, form.ID, map[string]any{"access": 10}).expectError(403, "The role is not available for this user type")

	upd := putFileLink(t, srv, form.ID, map[string]any{"linkId": roomPrimary.ID, "access": 7, "title": "Claims"}).mustStatus(200)
	if upd.link()["id"] != roomPrimary.ID || srv.Links(room.ID)[0].Title != "Claims" || len(srv.FileLinks(form.ID)) != 0 {
		t.Errorf("update did not act on the room: %s", upd.raw)
	}
	post := call(t, srv, http.MethodPost, fileLinkPath(form.ID), map[string]any{"access": 7}).mustStatus(200)
	if post.link()["id"] != roomPrimary.ID || len(srv.FileLinks(form.ID)) != 0 {
		t.Errorf("POST access 7 must answer the room's link: %s", post.raw)
	}
	rev := putFileLink(t, srv, form.ID, map[string]any{"linkId": roomPrimary.ID, "access": 0}).mustStatus(200)
	if rev.link()["id"] == roomPrimary.ID || srv.Links(room.ID)[0].ID == roomPrimary.ID {
		t.Errorf("revoke through the form did not renew the room's primary: %s", rev.raw)
	}
	// GET …/link ignores the room: a file-level primary with FillForms.
	own := call(t, srv, http.MethodGet, fileLinkPath(form.ID), nil).mustStatus(200)
	if num(own.response()["access"]) != 7 || len(srv.FileLinks(form.ID)) != 1 {
		t.Errorf("GET link: %s", own.raw)
	}
}

// API.md §13.6: on v3.6 GET …/link renews an expired primary link of a My
// Documents entry; v3.7 returns it as it is.
func TestExpiredMyDocumentsPrimary(t *testing.T) {
	t.Parallel()
	for _, v := range []Version{V37, V36} {
		clock := newTestClock()
		srv := NewTestServer(t, WithClock(clock.Now), WithVersion(v))
		f := srv.CreateFile(MyDocumentsID, "a.docx")
		r := call(t, srv, http.MethodPost, fileLinkPath(f.ID), map[string]any{"access": 2, "password": "Passw0rd!x", "expirationDate": "2026-06-02T12:00:00Z"}).mustStatus(200)
		clock.Advance(48 * time.Hour)
		got := call(t, srv, http.MethodGet, fileLinkPath(f.ID), nil).mustStatus(200).link()
		if got["id"] != r.link()["id"] {
			t.Fatalf("%v: another link", v)
		}
		if renewed := got["isExpired"] == false && got["password"] == nil; renewed != (v == V36) {
			t.Errorf("%v: renewed %v: %v", v, renewed, got)
		}
	}
}

// API.md §8.3, §13.2: the file and folder bodies validate under their own names.
func TestEntryLinkValidation(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	f := srv.CreateFile(MyDocumentsID, "a.docx")
	d := srv.CreateFolder(MyDocumentsID, "d")
	long := strings.Repeat("x", 256)
	putFileLink(t, srv, f.ID, map[string]any{"access": 2, "title": long}).expectValidation("File.Title")
	putFolderLink(t, srv, d.ID, map[string]any{"access": 2, "password": long}).expectValidation("FolderLink.Password")
	putFileLink(t, srv, f.ID, `{"access":2,"primary":"yes"}`).expectValidation("$.primary")
	// linkType and maxUseCount do not exist here and are ignored.
	r := putFileLink(t, srv, f.ID, map[string]any{"access": 2, "linkType": 7, "maxUseCount": 0}).mustStatus(200)
	if num(r.link()["linkType"]) != 1 {
		t.Errorf("%s", r.raw)
	}
	// A room id read anonymously on the folder route shows nothing.
	room := srv.CreateRoom("p", RoomPublic)
	call(t, srv, http.MethodGet, folderLinkPath(room.ID), nil, noAuth()).expectError(403, "Access denied")
}

// API.md §13.7: under the admin switch the revoke restriction looks at the
// form's own links, so the room's primary can be revoked through the form.
func TestFormRevokeUnderRestriction(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("Forms", RoomFillingForms)
	form := srv.CreateFile(room.ID, "claim.pdf")
	srv.SetExternalSharingDisabled(true)
	primary := srv.Links(room.ID)[0]
	putLink(t, srv, room.ID, map[string]any{"linkType": 1, "linkId": primary.ID, "access": 0}).expectError(403, "Access denied")
	r := putFileLink(t, srv, form.ID, map[string]any{"linkId": primary.ID, "access": 0}).mustStatus(200)
	if r.link()["id"] == primary.ID {
		t.Errorf("not revoked: %s", r.raw)
	}
}

// API.md §13.5: the v3.7 admin switch for rooms: links of what rooms hold
// become internal, every write in a Public room needs internal: true; My
// Documents follows its own switch, not modelled, so it is unaffected.
func TestEntryLinksUnderRestriction(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	custom := srv.CreateFile(srv.CreateRoom("c", RoomCustom).ID, "a.docx")
	public := srv.CreateFolder(srv.CreateRoom("p", RoomPublic).ID, "F")
	mine := srv.CreateFile(MyDocumentsID, "m.docx")
	srv.SetExternalSharingDisabled(true)
	if r := putFileLink(t, srv, custom.ID, map[string]any{"access": 2}).mustStatus(200); r.link()["internal"] != true {
		t.Errorf("Custom: %s", r.raw)
	}
	putFolderLink(t, srv, public.ID, map[string]any{"access": 2}).expectError(403, "Access denied")
	if r := putFolderLink(t, srv, public.ID, map[string]any{"access": 2, "internal": true}).mustStatus(200); r.link()["internal"] != false {
		t.Errorf("Public stores false: %s", r.raw)
	}
	if r := putFileLink(t, srv, mine.ID, map[string]any{"access": 2}).mustStatus(200); r.link()["internal"] != false {
		t.Errorf("My Documents: %s", r.raw)
	}
}
