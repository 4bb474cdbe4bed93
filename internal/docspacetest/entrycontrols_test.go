package docspacetest

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// File and folder link controls work behind the API's back, and the API sees their work.
func TestEntryLinkControls(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("c", RoomCustom)
	file := srv.CreateFile(room.ID, "a.docx")
	folder := srv.CreateFolder(MyDocumentsID, "F")

	if err := srv.SetFileLink(file.ID, Link{ID: "5A5A5A5A-0000-4000-8000-000000000001", Title: "Seeded", Access: 10, DenyDownload: true}); err != nil {
		t.Fatal(err)
	}
	if err := srv.SetFolderLink(folder.ID, Link{Title: "Folder", Access: 2, Primary: true}); err != nil {
		t.Fatal(err)
	}
	if err := srv.SetFileLink(999999, Link{Access: 2}); err == nil {
		t.Errorf("SetFileLink on an unknown file must fail")
	}
	fl := srv.FileLinks(file.ID)
	if len(fl) != 1 || fl[0].ID != "5a5a5a5a-0000-4000-8000-000000000001" || fl[0].LinkType != 1 || !fl[0].DenyDownload || fl[0].RequestToken == "" {
		t.Fatalf("FileLinks %+v", fl)
	}
	list := call(t, srv, http.MethodGet, fileLinksPath(file.ID), nil).mustStatus(200).list()
	if len(list) != 1 || sharedLink(list[0])["title"] != "Seeded" || sharedLink(list[0])["denyDownload"] != true {
		t.Errorf("API sees %v", list)
	}
	if dl := srv.FolderLinks(folder.ID); len(dl) != 1 || !dl[0].Primary {
		t.Errorf("FolderLinks %+v", dl)
	}
	if !srv.DeleteFileLink(file.ID, strings.ToUpper(fl[0].ID)) || len(srv.FileLinks(file.ID)) != 0 {
		t.Errorf("DeleteFileLink")
	}
	if !srv.DeleteFolderLink(folder.ID, srv.FolderLinks(folder.ID)[0].ID) || srv.DeleteFolderLink(folder.ID, "nope") {
		t.Errorf("DeleteFolderLink")
	}
	// A room id works as a folder for the controls too.
	if err := srv.SetFolderLink(room.ID, Link{Title: "Room", Access: 2, LinkType: 1}); err != nil || len(srv.Links(room.ID)) != 1 {
		t.Errorf("SetFolderLink on a room: %v", err)
	}
	if !srv.DeleteFile(file.ID) || srv.DeleteFile(file.ID) || !srv.DeleteFolder(folder.ID) {
		t.Errorf("DeleteFile/DeleteFolder")
	}
	if srv.FileLinks(file.ID) != nil {
		t.Errorf("links of a deleted file")
	}
}

// Requests counts the file and folder routes.
func TestEntryRequestCounting(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	f := srv.CreateFile(MyDocumentsID, "a.docx")
	d := srv.CreateFolder(MyDocumentsID, "d")
	putFileLink(t, srv, f.ID, map[string]any{"access": 2})
	call(t, srv, http.MethodGet, fileLinksPath(f.ID), nil)
	call(t, srv, http.MethodGet, fileLinksPath(f.ID)+"?startIndex=100", nil)
	call(t, srv, http.MethodGet, folderLinksPath(d.ID), nil)
	call(t, srv, http.MethodGet, folderLinkPath(d.ID), nil)
	call(t, srv, http.MethodPost, "/api/2.0/files/@my/file", map[string]any{"title": "b"})
	tests := []struct {
		method, pattern string
		want            int
	}{
		{"GET", "/api/2.0/files/file/{id}/links", 2},
		{"PUT", "/api/2.0/files/file/{id}/links", 1},
		{"GET", "/api/2.0/files/folder/{id}/links", 1},
		{"GET", "/api/2.0/files/folder/{id}/link", 1},
		{"", "/api/2.0/files/folder/{id}/links", 1},
		{"POST", "/api/2.0/files/@my/file", 1},
		{"POST", "/api/2.0/files/{id}/file", 1},
	}
	for _, tc := range tests {
		if got := srv.Requests(tc.method, tc.pattern); got != tc.want {
			t.Errorf("Requests(%q, %q) = %d, want %d", tc.method, tc.pattern, got, tc.want)
		}
	}
}

// A link attribute is named in three source files: the options struct, the
// DTO and the request decoder; every kind of link shares them.
func TestLinkAttributeNamedInThreeFiles(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	attr := regexp.MustCompile(`(?i)denydownload|deny_download`)
	var naming []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if attr.Match(data) {
			naming = append(naming, name)
		}
	}
	if strings.Join(naming, " ") != "link.go linkdto.go linkrequest.go" {
		t.Errorf("denyDownload is named in %v", naming)
	}
}
