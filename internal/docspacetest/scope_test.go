package docspacetest

import (
	"fmt"
	"net/http"
	"slices"
	"testing"
)

// where is a test location: a room type, or 0 for My Documents.
type where RoomType

const myDocs where = 0

func (w where) String() string {
	if w == myDocs {
		return "My Documents"
	}
	return RoomType(w).String()
}

// parentIn makes a room of the location (or picks My Documents) and returns the parent id.
func parentIn(srv *Server, w where) int {
	if w == myDocs {
		return MyDocumentsID
	}
	return srv.CreateRoom(w.String(), RoomType(w)).ID
}

// API.md §13.3: the accesses a file's link may carry, by location and format.
func TestFileAccessesByLocationAndFormat(t *testing.T) {
	t.Parallel()
	everyRoom := []where{myDocs, where(RoomCustom), where(RoomPublic), where(RoomEditing), where(RoomVirtualData), where(RoomAI), where(RoomFillingForms)}
	type row struct {
		title   string
		form    bool
		want    map[where][]int // missing location: the default
		general []int
	}
	rows := []row{
		{title: "report.docx", general: []int{10, 5, 6, 2, 0}, want: map[where][]int{where(RoomFillingForms): {0}}},
		{title: "sheet.xlsx", general: []int{10, 6, 2, 0}, want: map[where][]int{where(RoomFillingForms): {0}}},
		{title: "deck.pptx", general: []int{10, 6, 2, 0}, want: map[where][]int{where(RoomFillingForms): {0}}},
		{title: "scan.pdf", general: []int{10, 6, 2, 0}, want: map[where][]int{where(RoomFillingForms): {0}}},
		{title: "notes.txt", general: []int{2, 0}, want: map[where][]int{where(RoomFillingForms): {0}}},
		{title: "old.doc", general: []int{2, 0}, want: map[where][]int{where(RoomFillingForms): {0}}},
		{title: "photo.png", general: []int{2, 0}, want: map[where][]int{where(RoomFillingForms): {0}}},
		{title: "form.pdf", form: true, general: []int{10, 0}, want: map[where][]int{
			myDocs: {10, 7, 0}, where(RoomVirtualData): {10, 7, 0}, where(RoomFillingForms): {7, 0},
		}},
	}
	for _, v := range []Version{V37, V36} {
		srv := newEnv(t, WithVersion(v))
		for _, rw := range rows {
			for _, w := range everyRoom {
				want, ok := rw.want[w]
				if !ok {
					want = rw.general
				}
				if v == V36 && rw.form && w != where(RoomFillingForms) {
					want = []int{10, 7, 0} // v3.6: forms take FillForms anywhere
				}
				f := srv.CreateFile(parentIn(srv, w), rw.title)
				srv.SetFileForm(f.ID, rw.form)
				srv.mu.Lock()
				got := srv.entryScope(srv.entries[f.ID]).accesses(subjectExternal, true)
				srv.mu.Unlock()
				if !slices.Equal(got, want) {
					t.Errorf("%v %s in %v: accesses %v, want %v", v, rw.title, w, got, want)
				}
			}
		}
	}
}

// API.md §13.3: folders lose FillForms outside fill-forms locations (v3.6:
// outside Form-filling rooms) and None unless the caller created them (v3.6: always).
func TestFolderAccessesByLocation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		v       Version
		w       where
		foreign bool
		want    []int
	}{
		{V37, myDocs, false, []int{10, 7, 5, 6, 2, 0}},
		{V37, where(RoomCustom), false, []int{10, 5, 6, 2, 0}},
		{V37, where(RoomPublic), false, []int{10, 5, 6, 2, 0}},
		{V37, where(RoomVirtualData), false, []int{10, 7, 5, 6, 2, 0}},
		{V37, where(RoomFillingForms), false, []int{7, 0}},
		{V37, where(RoomCustom), true, []int{10, 5, 6, 2}},
		{V36, myDocs, false, []int{10, 5, 6, 2, 0}},
		{V36, where(RoomVirtualData), false, []int{10, 5, 6, 2, 0}},
		{V36, where(RoomFillingForms), false, []int{7, 0}},
		{V36, where(RoomCustom), true, []int{10, 5, 6, 2, 0}},
	}
	for _, tc := range tests {
		srv := newEnv(t, WithVersion(tc.v))
		f := srv.CreateFolder(parentIn(srv, tc.w), "Press")
		if tc.foreign {
			srv.SetForeignCreator(f.ID)
		}
		srv.mu.Lock()
		sc := srv.entryScope(srv.entries[f.ID])
		got := sc.accesses(subjectPrimary, srv.creator(caller{role: roleManager}, sc))
		srv.mu.Unlock()
		if !slices.Equal(got, tc.want) {
			t.Errorf("%v folder in %v (foreign %v): %v, want %v", tc.v, tc.w, tc.foreign, got, tc.want)
		}
	}
}

// API.md §13.3 over the wire: an allowed access creates, another is 403 role;
// the DTO lists the same rights.
func TestFileAccessOverTheWire(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	room := srv.CreateRoom("c", RoomCustom)
	f := srv.CreateFile(room.ID, "sheet.xlsx")
	for _, a := range []int{10, 6, 2} {
		putFileLink(t, srv, f.ID, map[string]any{"access": a}).mustStatus(http.StatusOK)
	}
	for _, a := range []int{5, 7, 1, 3, 9, 11, 42} {
		putFileLink(t, srv, f.ID, map[string]any{"access": a}).expectError(403, "The role is not available for this user type")
	}
	dto := call(t, srv, http.MethodGet, fmt.Sprintf("/api/2.0/files/file/%d", f.ID), nil).mustStatus(200).response()
	rights := dto["availableShareRights"].(map[string]any)["ExternalLink"].([]any)
	if fmt.Sprint(rights) != "[Editing Comment Read None]" {
		t.Errorf("availableShareRights = %v", rights)
	}
}

// API.md §13.4: limits per file or folder, kinds counted separately.
func TestEntryLinkLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		w                   where
		title               string // "" for a folder
		access              int
		additional, primary int
		autoPrimary         int // primary links the entry starts with
	}{
		{myDocs, "a.docx", 2, 6, 6, 0},
		{where(RoomCustom), "a.docx", 2, 6, 6, 0},
		{where(RoomEditing), "a.docx", 2, 6, 6, 0},
		{where(RoomVirtualData), "", 2, 6, 6, 0},
		{where(RoomAI), "a.docx", 2, 6, 6, 0},
		{where(RoomPublic), "a.docx", 2, 5, 1, 1},
		{where(RoomPublic), "", 2, 5, 1, 0},
		{where(RoomFillingForms), "", 7, 0, 1, 0},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%v %q", tc.w, tc.title), func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t)
			parent := parentIn(srv, tc.w)
			var put func(body map[string]any) result
			if tc.title == "" {
				id := srv.CreateFolder(parent, "f").ID
				put = func(body map[string]any) result { return putFolderLink(t, srv, id, body) }
			} else {
				id := srv.CreateFile(parent, tc.title).ID
				put = func(body map[string]any) result { return putFileLink(t, srv, id, body) }
			}
			for i := range tc.additional {
				put(map[string]any{"access": tc.access, "title": fmt.Sprint("extra ", i)}).mustStatus(200)
			}
			put(map[string]any{"access": tc.access}).expectError(403, fmt.Sprintf("The maximum number of links may not exceed %d", tc.additional))
			for range tc.primary - tc.autoPrimary {
				put(map[string]any{"access": tc.access, "primary": true}).mustStatus(200)
			}
			put(map[string]any{"access": tc.access, "primary": true}).expectError(403, fmt.Sprintf("The maximum number of links may not exceed %d", tc.primary))
		})
	}
}
