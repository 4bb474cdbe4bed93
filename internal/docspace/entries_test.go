package docspace

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

const fileDTO = `{"id":12,"title":"Policy.docx","folderId":4711,"fileExst":".docx","fileType":7,"isForm":false,
 "rootFolderType":14,"parentRoomType":22,"canShare":true,"security":{"Read":true,"EditAccess":true},
 "availableShareRights":{"ExternalLink":["Editing","Review","Comment","Read","None"]},"shareSettings":{"PrimaryExternalLink":1,"ExternalLink":5}}`

// API.md §13.8: the FileDto and FolderDto fields the client reads.
func TestGetFileAndFolder(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/2.0/files/file/12":
			replyJSON(http.StatusOK, okEnvelope(fileDTO))(w, r)
		case "/api/2.0/files/folder/7":
			replyJSON(http.StatusOK, okEnvelope(`{"id":"sbox-7","title":"Press","parentId":"sbox-1","rootFolderType":5,"filesCount":3,"foldersCount":1,"canShare":false}`))(w, r)
		case "/api/2.0/files/folder/4711":
			replyJSON(http.StatusOK, okEnvelope(`{"id":4711,"title":"Partners","parentId":1,"rootFolderType":14,"roomType":1}`))(w, r)
		default:
			replyJSON(http.StatusNotFound, `{"error":{"message":"The required file was not found"},"status":1,"statusCode":404}`)(w, r)
		}
	})
	c := newTestClient(t, fs)
	f, err := c.GetFile(context.Background(), "12")
	if err != nil {
		t.Fatal(err)
	}
	if f.ID != "12" || f.FolderID != "4711" || f.Ext != ".docx" || f.IsForm || f.RootFolderType != FolderTypeVirtualRooms ||
		f.ParentRoomType == nil || *f.ParentRoomType != FolderTypePublicRoom || f.CanShare == nil || !*f.CanShare ||
		!f.Security["EditAccess"] || f.ShareSettings["ExternalLink"] != 5 || len(f.AvailableShareRights["ExternalLink"]) != 5 {
		t.Errorf("GetFile = %+v", f)
	}
	d, err := c.GetFolder(context.Background(), "7")
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "sbox-7" || d.ParentID != "sbox-1" || d.RootFolderType != FolderTypeUser || d.IsRoom() || d.FilesCount != 3 ||
		d.CanShare == nil || *d.CanShare {
		t.Errorf("GetFolder = %+v", d)
	}
	room, err := c.GetFolder(context.Background(), "4711")
	if err != nil || !room.IsRoom() || room.RoomType != RoomTypeFillingForms {
		t.Errorf("GetFolder(room) = %+v, %v", room, err)
	}
	if _, err := c.GetFile(context.Background(), "13"); !IsNotFound(err) {
		t.Errorf("unknown file: %v, want DocSpace's not found", err)
	}
	if _, err := c.GetFile(context.Background(), "../rooms"); err == nil || !strings.Contains(err.Error(), "file id") {
		t.Errorf("bad id: %v", err)
	}
}

// Folder contents are read page by page, without subfolders (API.md §13.8).
func TestListFolderPages(t *testing.T) {
	t.Parallel()
	const total = 130
	fs := newFakeServer(t, func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		start, _ := strconv.Atoi(q.Get("startIndex"))
		count, _ := strconv.Atoi(q.Get("count"))
		var folders, files []string
		for i := start; i < total && i < start+count; i++ {
			if i < 10 {
				folders = append(folders, fmt.Sprintf(`{"id":%d,"title":"Folder %d","parentId":4711,"rootFolderType":14}`, 1000+i, i))
			} else {
				files = append(files, fmt.Sprintf(`{"id":%d,"title":"File %d.docx","folderId":4711,"fileExst":".docx","rootFolderType":14}`, 2000+i, i))
			}
		}
		replyJSON(http.StatusOK, okEnvelope(fmt.Sprintf(`{"files":[%s],"folders":[%s],"current":{"id":4711,"title":"Partners","roomType":5,"rootFolderType":14},"pathParts":[],"startIndex":%d,"count":%d,"total":%d}`,
			strings.Join(files, ","), strings.Join(folders, ","), start, len(files)+len(folders), total)))(w, r)
	})
	got, err := newTestClient(t, fs).ListFolder(context.Background(), "4711", "Policy & co")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Folders) != 10 || len(got.Files) != 120 || got.Current.RoomType != RoomTypeCustom || got.Files[0].ID != "2010" {
		t.Errorf("ListFolder: %d folders, %d files, current %+v", len(got.Folders), len(got.Files), got.Current)
	}
	if m := got.FilesTitled("File 12.docx"); len(m) != 1 || m[0].ID != "2012" {
		t.Errorf("FilesTitled = %+v", m)
	}
	if m := got.FilesTitled("file 12.docx"); len(m) != 0 {
		t.Errorf("FilesTitled matched another case: %+v", m)
	}
	if m := got.FoldersTitled("Folder 3"); len(m) != 1 || m[0].ID != "1003" {
		t.Errorf("FoldersTitled = %+v", m)
	}
	reqs := fs.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	for i, r := range reqs {
		q, _ := url.ParseQuery(r.Query)
		if r.RawPath != "/api/2.0/files/4711" || q.Get("withSubFolders") != "false" || q.Get("filterValue") != "Policy & co" ||
			q.Get("startIndex") != strconv.Itoa(i*100) || q.Get("count") != "100" {
			t.Errorf("request %d: %s?%s", i, r.RawPath, r.Query)
		}
	}
}

// The fixture helpers' requests (API.md §13.8).
func TestEntryFixtureRequests(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodPost:
			replyJSON(http.StatusOK, okEnvelope(`{"id":55,"title":"x","folderId":4711,"parentId":4711,"rootFolderType":14}`))(w, r)
		default:
			replyJSON(http.StatusOK, okEnvelope(`[]`))(w, r)
		}
	})
	c := newTestClient(t, fs)
	ctx := context.Background()
	if f, err := c.CreateFile(ctx, "4711", "Policy.docx"); err != nil || f.ID != "55" {
		t.Fatalf("CreateFile = %+v, %v", f, err)
	}
	if _, err := c.CreateFile(ctx, MyDocuments, "Notes.docx"); err != nil {
		t.Fatal(err)
	}
	if d, err := c.CreateFolder(ctx, "4711", "Press"); err != nil || d.ID != "55" || d.ParentID != "4711" {
		t.Fatalf("CreateFolder = %+v, %v", d, err)
	}
	if err := c.DeleteFile(ctx, "55"); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteFolder(ctx, "56"); err != nil {
		t.Fatal(err)
	}
	want := []struct{ method, path, body string }{
		{http.MethodPost, "/api/2.0/files/4711/file", `{"title":"Policy.docx"}`},
		{http.MethodPost, "/api/2.0/files/@my/file", `{"title":"Notes.docx"}`},
		{http.MethodPost, "/api/2.0/files/folder/4711", `{"title":"Press"}`},
		{http.MethodDelete, "/api/2.0/files/file/55", `{"deleteAfter":false,"immediately":true}`},
		{http.MethodDelete, "/api/2.0/files/folder/56", `{"deleteAfter":false,"immediately":true}`},
	}
	reqs := fs.requests()
	if len(reqs) != len(want) {
		t.Fatalf("%d requests, want %d", len(reqs), len(want))
	}
	for i, w := range want {
		if reqs[i].Method != w.method || reqs[i].RawPath != w.path || string(reqs[i].Body) != w.body {
			t.Errorf("request %d = %s %s %s, want %s %s %s", i, reqs[i].Method, reqs[i].RawPath, reqs[i].Body, w.method, w.path, w.body)
		}
	}
}
