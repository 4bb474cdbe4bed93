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
