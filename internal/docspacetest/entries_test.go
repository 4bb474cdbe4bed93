package docspacetest

import (
	"fmt"
	"net/http"
	"testing"
)

// API.md §13.8: POST {folderId}/file normalises the title unless
// enableExternalExt is set; a PDF is a form (API.md §13.10.2).
func TestCreateFileTitle(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("c", RoomCustom)
	tests := []struct {
		path, title string
		keepExt     bool
		want        string
		form        bool
		fileType    int
	}{
		{fmt.Sprintf("/api/2.0/files/%d/file", room.ID), "notes.txt", false, "notes.docx", false, 7},
		{fmt.Sprintf("/api/2.0/files/%d/file", room.ID), "photo.png", false, "photo.png.docx", false, 7},
		{fmt.Sprintf("/api/2.0/files/%d/file", room.ID), "photo.png", true, "photo.png", false, 0},
		{fmt.Sprintf("/api/2.0/files/%d/file", room.ID), "report", false, "report.docx", false, 7},
		{fmt.Sprintf("/api/2.0/files/%d/file", room.ID), "prices.csv", false, "prices.xlsx", false, 5},
		{fmt.Sprintf("/api/2.0/files/%d/file", room.ID), "deck.ppt", false, "deck.pptx", false, 6},
		{"/api/2.0/files/@my/file", "claim.pdf", false, "claim.pdf", true, 10},
		{"/api/2.0/files/0/file", "old.docxf", false, "old.docxf", false, 7},
	}
	for _, tc := range tests {
		r := call(t, srv, http.MethodPost, tc.path, map[string]any{"title": tc.title, "enableExternalExt": tc.keepExt}).mustStatus(200)
		dto := r.response()
		if dto["title"] != tc.want || dto["isForm"] != tc.form || num(dto["fileType"]) != tc.fileType {
			t.Errorf("%s %q: %v", tc.path, tc.title, dto)
		}
		wantRoot, wantParent := 14, room.ID
		if tc.path != fmt.Sprintf("/api/2.0/files/%d/file", room.ID) {
			wantRoot, wantParent = 5, MyDocumentsID
		}
		if num(dto["rootFolderType"]) != wantRoot || num(dto["folderId"]) != wantParent {
			t.Errorf("%q: rootFolderType %v folderId %v", tc.title, dto["rootFolderType"], dto["folderId"])
		}
	}
}

// API.md §13.1: fixture endpoints and their refusals.
func TestEntryFixtures(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	srv.SetMemberToken("member")
	member := withHeader("Authorization", "member")
	room := srv.CreateRoom("c", RoomCustom)

	folder := call(t, srv, http.MethodPost, fmt.Sprintf("/api/2.0/files/folder/%d", room.ID), map[string]any{"title": "  Press  "}).mustStatus(200).response()
	if folder["title"] != "Press" || num(folder["parentId"]) != room.ID || num(folder["id"]) < firstEntryID {
		t.Fatalf("folder %v", folder)
	}
	folderID := num(folder["id"])
	call(t, srv, http.MethodPost, fmt.Sprintf("/api/2.0/files/folder/%d", room.ID), map[string]any{"title": " "}).
		expectError(400, "The value cannot be an empty string. (Parameter 'title')")
	call(t, srv, http.MethodPost, "/api/2.0/files/folder/999999", map[string]any{"title": "x"}).expectError(403, "The required folder was not found")
	call(t, srv, http.MethodPost, fmt.Sprintf("/api/2.0/files/folder/%d", roomsFolderID), map[string]any{"title": "x"}).
		expectError(403, "You don't have enough permission to create")
	call(t, srv, http.MethodPost, fmt.Sprintf("/api/2.0/files/%d/file", folderID), map[string]any{"title": "x.docx"}, member).expectError(403, "Access denied")

	file := call(t, srv, http.MethodPost, fmt.Sprintf("/api/2.0/files/%d/file", folderID), map[string]any{"title": "a.docx"}).mustStatus(200).response()
	fileID := num(file["id"])
	if file["canShare"] != true || file["security"].(map[string]any)["EditAccess"] != true {
		t.Errorf("file DTO for a manager: %v", file)
	}
	got := call(t, srv, http.MethodGet, fmt.Sprintf("/api/2.0/files/file/%d", fileID), nil, member).mustStatus(200).response()
	if got["canShare"] != false || got["availableShareRights"] != nil {
		t.Errorf("file DTO for a member: %v", got)
	}
	call(t, srv, http.MethodGet, "/api/2.0/files/file/999999", nil).expectError(404, "The required file was not found")
	call(t, srv, http.MethodGet, "/api/2.0/files/folder/999999", nil).expectError(404, "The required folder was not found")
	if r := call(t, srv, http.MethodGet, fmt.Sprintf("/api/2.0/files/folder/%d", room.ID), nil).mustStatus(200).response(); num(r["roomType"]) != int(RoomCustom) || num(r["foldersCount"]) != 1 {
		t.Errorf("a room read as a folder: %v", r)
	}

	mine := srv.CreateFile(0, "mine.docx")
	call(t, srv, http.MethodGet, fmt.Sprintf("/api/2.0/files/file/%d", mine.ID), nil, member).
		expectError(403, "You don't have enough permission to view the file")

	content := call(t, srv, http.MethodGet, fmt.Sprintf("/api/2.0/files/%d", folderID), nil).mustStatus(200).response()
	if len(content["files"].([]any)) != 1 || num(content["total"]) != 1 || num(content["current"].(map[string]any)["id"]) != folderID ||
		len(content["pathParts"].([]any)) != 3 {
		t.Errorf("folder contents: %v", content)
	}
	my := call(t, srv, http.MethodGet, "/api/2.0/files/@my?count=1&startIndex=0", nil).mustStatus(200).response()
	if num(my["current"].(map[string]any)["id"]) != MyDocumentsID || num(my["total"]) != 1 {
		t.Errorf("@my: %v", my)
	}

	putFileLink(t, srv, fileID, map[string]any{"access": 2}).mustStatus(200)
	call(t, srv, http.MethodDelete, fmt.Sprintf("/api/2.0/files/file/%d", fileID), nil, member).expectError(403, "Access denied")
	call(t, srv, http.MethodDelete, fmt.Sprintf("/api/2.0/files/folder/%d", folderID), nil).mustStatus(200)
	if _, ok := srv.FileByID(fileID); ok || srv.FileLinks(fileID) != nil {
		t.Errorf("a deleted folder kept its file")
	}
	putFileLink(t, srv, fileID, map[string]any{"access": 2}).expectError(404, "Item not found")
}

// File and folder ids come from their own counter and never meet room ids.
func TestEntryIDs(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("c", RoomCustom)
	f := srv.CreateFile(room.ID, "a.docx")
	d := srv.CreateFolder(0, "d")
	if f.ID != firstEntryID || d.ID != firstEntryID+1 || d.ParentID != MyDocumentsID {
		t.Errorf("ids %d %d parent %d", f.ID, d.ID, d.ParentID)
	}
	srv.mu.Lock()
	srv.nextRoomID = firstEntryID
	srv.mu.Unlock()
	if r := srv.CreateRoom("late", RoomCustom); r.ID == f.ID || r.ID == d.ID || r.ID == MyDocumentsID {
		t.Errorf("room id %d collides", r.ID)
	}
}
