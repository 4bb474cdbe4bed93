package docspace

import (
	"errors"
	"net/http"
	"testing"
)

// FuzzDecodeResponse feeds decodeResponse arbitrary statuses, content types
// and bodies: it must never panic, a non-2xx status must always be an error,
// and every error must be an *Error. Decoded payloads go through toLink too.
func FuzzDecodeResponse(f *testing.F) {
	seeds := []struct {
		status      int
		contentType string
		body        string
	}{
		{200, "application/json", okEnvelope(`[` + entryExternalV37 + `,` + entryInvitationV37 + `,` + entryPrimary + `,` + entryUser + `]`)},
		{200, "application/json", okEnvelope(`[` + entryExternalV32 + `,` + entryInvitationV36 + `,` + entryGroup + `]`)},
		{200, "application/json", okEnvelope(`[{"access":"Read","sharedLink":{"id":"` + extID + `","expirationDate":"2027-01-01T02:59:59.0000000+03:00"}}]`)},
		{200, "application/json", okEnvelope(`[]`)},
		{200, "application/json", emptyEnvelope},
		{404, "application/json", errorEnvelope(404, "Item not found", "ASC.Common.Web.ItemNotFoundException")},
		{403, "application/json", errorEnvelope(403, "The role is not available for this user type", "System.InvalidOperationException")},
		{403, "application/json", errorEnvelope(403, "The maximum number of links may not exceed 5", "System.InvalidOperationException")},
		{400, "application/json", errorEnvelope(400, "Password must contain from 8 to 30 characters, only latin letters, no spaces", "System.ArgumentException")},
		{500, "application/json", errorEnvelope(500, "boom", "")},
		{400, "application/json", validationProblem(400, `{"RoomLink.Title":["too long"]}`)},
		{200, "application/json", validationProblem(400, `{"RoomLink.Title":["too long"]}`)},
		{401, "", ""},
		{429, "", ""},
		{502, "text/html", proxyHTML},
		{200, "text/html", "<html></html>"},
		{200, "application/json", `{"response":[{"access":2,"sharedLink":{"id":"`},
		{200, "application/json", `{"response": nope}`},
		{200, "", ""},
		{200, "application/json", `{}`},
		{200, "application/json", `null`},
		{200, "application/json", `[1,2]`},
		{404, "application/json", `{"detail":"x"}`},
		{204, "", ""},
		{302, "text/plain", "moved"},
		{200, "application/json; charset=utf-8", `{"status":"x"}`},
		{200, "application/json", `{"error":null,"status":1,"statusCode":0}`},
	}
	for _, s := range seeds {
		f.Add(s.status, s.contentType, []byte(s.body))
	}
	f.Fuzz(func(t *testing.T, status int, contentType string, body []byte) {
		if status < 100 || status > 999 {
			t.Skip()
		}
		resp := &http.Response{StatusCode: status, Header: http.Header{}}
		resp.Header.Set("Content-Type", contentType)
		resp.Header.Set("Retry-After", "5")

		check := func(present bool, err error) {
			t.Helper()
			if (status < 200 || status > 299) && err == nil {
				t.Fatalf("status %d with body %q decoded without an error", status, body)
			}
			if err != nil {
				var apiErr *Error
				if !errors.As(err, &apiErr) {
					t.Fatalf("error is %T, want *Error: %v", err, err)
				}
				if present {
					t.Fatal("an error with a payload")
				}
				if apiErr.StatusCode == 0 || apiErr.Message == "" || apiErr.Error() == "" {
					t.Fatalf("incomplete error %#v", apiErr)
				}
			}
		}

		var entries []fileShareDTO
		present, err := decodeResponse(http.MethodGet, "/api/2.0/files/rooms/1/links", resp, body, &entries)
		check(present, err)
		for _, e := range entries {
			_, _, _ = e.toLink()
		}

		var entry fileShareDTO
		present, err = decodeResponse(http.MethodPut, "/api/2.0/files/rooms/1/links", resp, body, &entry)
		check(present, err)
		_, _, _ = entry.toLink()

		present, err = decodeResponse(http.MethodDelete, "/api/2.0/files/rooms/1", resp, body, nil)
		check(present, err)

		var room roomDTO
		present, err = decodeResponse(http.MethodGet, "/api/2.0/files/rooms/1", resp, body, &room)
		check(present, err)
		_ = room.toRoom()
	})
}
