package docspacetest

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// API.md §5.2: title length and default titles.
func TestTitleRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		roomType  RoomType
		body      map[string]any
		wantTitle string // "" means a validation error
	}{
		{"API.md §5.2 255 characters are accepted", RoomCustom, map[string]any{"linkType": 1, "access": 2, "title": strings.Repeat("é", 255)}, strings.Repeat("é", 255)},
		{"API.md §5.2 256 characters are a validation error", RoomCustom, map[string]any{"linkType": 1, "access": 2, "title": strings.Repeat("a", 256)}, ""},
		{"API.md §5.2 astral characters count twice (UTF-16)", RoomCustom, map[string]any{"linkType": 1, "access": 2, "title": strings.Repeat("😀", 128)}, ""},
		{"API.md §5.2 127 emoji and a letter are 255 units", RoomCustom, map[string]any{"linkType": 1, "access": 2, "title": strings.Repeat("😀", 127) + "a"}, strings.Repeat("😀", 127) + "a"},
		{"API.md §5.2 255 CJK characters (765 bytes)", RoomCustom, map[string]any{"linkType": 1, "access": 2, "title": strings.Repeat("語", 255)}, strings.Repeat("語", 255)},
		{"API.md §5.2 external default title", RoomCustom, map[string]any{"linkType": 1, "access": 2}, "Shared link"},
		{"API.md §5.2 empty title takes the default", RoomCustom, map[string]any{"linkType": 1, "access": 2, "title": ""}, "Shared link"},
		{"API.md §5.2 invitation default title", RoomCustom, map[string]any{"linkType": 0, "access": 2, "title": nil}, "Invitation link"},
		{"API.md §5.2 titles are not trimmed", RoomCustom, map[string]any{"linkType": 1, "access": 2, "title": "  padded  "}, "  padded  "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t)
			room := srv.CreateRoom("r", tc.roomType)
			r := putLink(t, srv, room.ID, tc.body)
			if tc.wantTitle == "" {
				r.expectValidation("RoomLink.Title")
				return
			}
			if got := r.mustStatus(http.StatusOK).link()["title"]; got != tc.wantTitle {
				t.Errorf("title = %q, want %q", got, tc.wantTitle)
			}
		})
	}
}

// API.md §5.3: password policy for external links.
func TestPasswordRules(t *testing.T) {
	t.Parallel()
	const policy = "Password must contain from 8 to 30 characters, only latin letters, no spaces"
	tests := []struct {
		name     string
		linkType int
		password any
		want     string // stored password; "!" for the policy error, "API.md §8.3" for validation
	}{
		{"API.md §5.3 8 printable ASCII characters", 1, "Abc!2345", "Abc!2345"},
		{"API.md §5.3 30 characters", 1, strings.Repeat("x", 30), strings.Repeat("x", 30)},
		{"API.md §5.3 surrounding spaces are trimmed", 1, "  Audit2026pass \t", "Audit2026pass"},
		{"API.md §5.3 empty means no password", 1, "", ""},
		{"API.md §5.3 only spaces means no password", 1, "    ", ""},
		{"API.md §5.3 7 characters", 1, "Abc!234", "!"},
		{"API.md §5.3 31 characters", 1, strings.Repeat("x", 31), "!"},
		{"API.md §5.3 inner space", 1, "Audit 2026pass", "!"},
		{"API.md §5.3 non-ASCII letter", 1, "Pässwort2026", "!"},
		{"API.md §5.3 more than 255 characters is a DTO validation error", 1, strings.Repeat("x", 256), "API.md §8.3"},
		{"API.md §5.3 ignored for invitation links", 0, "short", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t)
			room := srv.CreateRoom("r", RoomCustom)
			r := putLink(t, srv, room.ID, map[string]any{"linkType": tc.linkType, "access": 2, "password": tc.password})
			switch tc.want {
			case "!":
				r.expectError(http.StatusBadRequest, policy)
			case "API.md §8.3":
				r.expectValidation("RoomLink.Password")
			default:
				got, has := r.mustStatus(http.StatusOK).link()["password"]
				if tc.want == "" && has {
					t.Errorf("password = %v, want omitted", got)
				}
				if tc.want != "" && got != tc.want {
					t.Errorf("password = %v, want %q (returned in plain text)", got, tc.want)
				}
			}
		})
	}

	t.Run("API.md §5.3 deleting a link skips the policy", func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t)
		room := srv.CreateRoom("r", RoomCustom)
		id := createLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 2})
		putLink(t, srv, room.ID, map[string]any{"linkId": id, "linkType": 1, "access": 0, "password": "bad"}).mustStatus(http.StatusOK)
	})

	t.Run("API.md §5.3 the minimum length is a portal setting", func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t, WithPasswordMinLength(12))
		room := srv.CreateRoom("r", RoomCustom)
		putLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 2, "password": "Abc!23456ab"}).
			expectError(http.StatusBadRequest, "Password must contain from 12 to 30 characters, only latin letters, no spaces")
		putLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 2, "password": "Abc!23456abc"}).mustStatus(http.StatusOK)
	})
}

// API.md §5.4: expiration dates. testNow is 2026-06-01T12:00:00Z.
func TestExpirationRules(t *testing.T) {
	t.Parallel()
	const rangeMsg = "Value does not fall within the expected range. (Parameter 'expirationDate')"
	tests := []struct {
		name     string
		roomType RoomType
		linkType int
		date     any
		want     string // echoed date, "" for none, "!" for the range error
	}{
		{"API.md §5.4 external future date is kept, echoed in +03:00", RoomCustom, 1, "2026-12-31T23:59:59Z", "2027-01-01T02:59:59.0000000+03:00"},
		{"API.md §5.4 external past date is dropped silently", RoomCustom, 1, "2026-05-31T12:00:00Z", ""},
		{"API.md §5.4 external date equal to now is dropped", RoomCustom, 1, "2026-06-01T12:00:00Z", ""},
		{"API.md §5.4 external date at now+10y is accepted", RoomCustom, 1, "2036-06-01T12:00:00Z", "2036-06-01T15:00:00.0000000+03:00"},
		{"API.md §5.4 external date beyond now+10y is a 400", RoomCustom, 1, "2036-06-01T12:00:01Z", "!"},
		{"API.md §2 unparseable date means no date", RoomCustom, 1, "next tuesday", ""},
		{"API.md §2 null date means no date", RoomCustom, 1, nil, ""},
		{"API.md §5.4 invitation v3.7 future date is kept", RoomCustom, 0, "2026-10-01T00:00:00Z", "2026-10-01T03:00:00.0000000+03:00"},
		{"API.md §5.4 invitation v3.7 past date is a 400", RoomCustom, 0, "2026-05-01T00:00:00Z", "!"},
		{"API.md §5.4 invitation v3.7 beyond now+10y is a 400", RoomCustom, 0, "2040-01-01T00:00:00Z", "!"},
		{"API.md §5.4 invitation v3.7 without date has none", RoomCustom, 0, nil, ""},
		{"API.md §5.4 Public additional link keeps its date", RoomPublic, 1, "2026-12-31T23:59:59Z", "2027-01-01T02:59:59.0000000+03:00"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t)
			room := srv.CreateRoom("r", tc.roomType)
			r := putLink(t, srv, room.ID, map[string]any{"linkType": tc.linkType, "access": 2, "expirationDate": tc.date})
			if tc.want == "!" {
				r.expectError(http.StatusBadRequest, rangeMsg)
				return
			}
			got, has := r.mustStatus(http.StatusOK).link()["expirationDate"]
			if tc.want == "" && has {
				t.Errorf("expirationDate = %v, want omitted", got)
			}
			if tc.want != "" && got != tc.want {
				t.Errorf("expirationDate = %v, want %s", got, tc.want)
			}
		})
	}
}

// API.md §5.4: the primary link of Public and Form rooms never expires, and an
// update that would change an expiration the caller may not edit is skipped.
func TestPrimaryExpirationRules(t *testing.T) {
	t.Parallel()
	for _, rt := range []RoomType{RoomPublic, RoomFillingForms} {
		t.Run("API.md §5.4 "+rt.String()+" primary: expiration forced to none", func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t)
			room := srv.CreateRoom("r", rt)
			primary := srv.Links(room.ID)[0]
			access, _ := primaryDefaults(rt)
			r := putLink(t, srv, room.ID, map[string]any{
				"linkId": primary.ID, "linkType": 1, "access": access, "title": "Renamed", "expirationDate": "2026-12-31T00:00:00Z",
			}).mustStatus(http.StatusOK)
			link := r.link()
			if _, has := link["expirationDate"]; has || link["title"] != "Renamed" {
				t.Errorf("got %v", link)
			}
		})
		t.Run("API.md §5.4 "+rt.String()+" primary: update changing a stored expiration is skipped", func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t)
			room := srv.CreateRoom("r", rt)
			primary := srv.Links(room.ID)[0]
			primary.Expiration = ptr(testNow.Add(48 * time.Hour)) // only reachable behind the API's back
			if err := srv.SetLink(room.ID, primary); err != nil {
				t.Fatal(err)
			}
			r := putLink(t, srv, room.ID, map[string]any{
				"linkId": primary.ID, "linkType": 1, "access": primary.Access, "title": "Renamed",
			}).mustStatus(http.StatusOK)
			if link := r.link(); link["title"] != primary.Title || link["expirationDate"] == nil {
				t.Errorf("update was applied: %v", link)
			}
		})
	}
	t.Run("API.md §5.4 Custom primary keeps an expiration", func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t)
		room := srv.CreateRoom("r", RoomCustom)
		id := call(t, srv, http.MethodGet, primaryPath(room.ID), nil).mustStatus(http.StatusOK).link()["id"]
		r := putLink(t, srv, room.ID, map[string]any{"linkId": id, "linkType": 1, "access": 2, "expirationDate": "2026-12-31T00:00:00Z"})
		if r.mustStatus(http.StatusOK).link()["expirationDate"] != "2026-12-31T03:00:00.0000000+03:00" {
			t.Errorf("got %s", r.raw)
		}
	})
}

// API.md §5.4, §5.6: v3.6 invitation links – 7-day expiry on every write, no use counter.
func TestVersion36Invitations(t *testing.T) {
	t.Parallel()
	clock := newTestClock()
	srv := NewTestServer(t, WithVersion(V36), WithClock(clock.Now))
	room := srv.CreateRoom("r", RoomCustom)

	r := putLink(t, srv, room.ID, map[string]any{"linkType": 0, "access": 2, "expirationDate": "2030-01-01T00:00:00Z", "maxUseCount": 5000})
	link := r.mustStatus(http.StatusOK).link()
	if link["expirationDate"] != "2026-06-08T15:00:00.0000000+03:00" {
		t.Errorf("API.md §5.4 v3.6 create: expirationDate = %v, want now + 7 days", link["expirationDate"])
	}
	for _, k := range []string{"maxUseCount", "currentUseCount"} {
		if _, has := link[k]; has {
			t.Errorf("API.md §5.6 v3.6 reports %s", k)
		}
	}

	clock.Advance(24 * time.Hour)
	link = putLink(t, srv, room.ID, map[string]any{"linkId": link["id"], "linkType": 0, "access": 10}).mustStatus(http.StatusOK).link()
	if link["expirationDate"] != "2026-06-09T15:00:00.0000000+03:00" {
		t.Errorf("API.md §5.4 v3.6 update: expirationDate = %v, want reset to now + 7 days", link["expirationDate"])
	}
	stored, _ := srv.Link(room.ID, link["id"].(string))
	if stored.MaxUseCount != nil {
		t.Errorf("API.md §5.6 v3.6 stored maxUseCount %v", *stored.MaxUseCount)
	}
}

// API.md §5.5: the internal flag.
func TestInternalRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name            string
		roomType        RoomType
		defaultInternal bool
		noSharing       bool
		body            map[string]any
		wantInternal    bool
		wantError       string
	}{
		{"API.md §5.5 Custom stores internal as sent", RoomCustom, false, false, map[string]any{"internal": true}, true, ""},
		{"API.md §5.5 Public forces internal false", RoomPublic, false, false, map[string]any{"internal": true}, false, ""},
		{"API.md §5.5 portal default applies on create without linkId", RoomCustom, true, false, map[string]any{"internal": false}, true, ""},
		{"API.md §5.5 portal default does not apply with a chosen linkId", RoomCustom, true, false, map[string]any{"internal": false, "linkId": newGUID()}, false, ""},
		{"API.md §5.5 portal default does not beat Public", RoomPublic, true, false, map[string]any{}, false, ""},
		{"API.md §5.5 sharing disabled: Custom links become internal", RoomCustom, false, true, map[string]any{"internal": false}, true, ""},
		{"API.md §5.5 sharing disabled: Public refuses new links", RoomPublic, false, true, map[string]any{}, false, "Access denied"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t)
			srv.SetDefaultInternal(tc.defaultInternal)
			srv.SetExternalSharingDisabled(tc.noSharing)
			room := srv.CreateRoom("r", tc.roomType)
			body := map[string]any{"linkType": 1, "access": 2}
			for k, v := range tc.body {
				body[k] = v
			}
			r := putLink(t, srv, room.ID, body)
			if tc.wantError != "" {
				r.expectError(http.StatusForbidden, tc.wantError)
				return
			}
			if got := r.mustStatus(http.StatusOK).link()["internal"]; got != tc.wantInternal {
				t.Errorf("internal = %v, want %v", got, tc.wantInternal)
			}
		})
	}

	t.Run("API.md §5.5 Public update asking internal=true is ignored as a whole", func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t)
		room := srv.CreateRoom("r", RoomPublic)
		id := createLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 2, "title": "Before"})
		r := putLink(t, srv, room.ID, map[string]any{"linkId": id, "linkType": 1, "access": 10, "title": "After", "internal": true}).mustStatus(http.StatusOK)
		if link := r.link(); link["title"] != "Before" || num(r.response()["access"]) != 2 || link["internal"] != false {
			t.Errorf("update applied: %s", r.raw)
		}
	})
	t.Run("API.md §5.5 sharing disabled: Public primary cannot be revoked", func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t)
		room := srv.CreateRoom("r", RoomPublic)
		srv.SetExternalSharingDisabled(true)
		primary := srv.Links(room.ID)[0]
		putLink(t, srv, room.ID, map[string]any{"linkId": primary.ID, "linkType": 1, "access": 0}).expectError(http.StatusForbidden, "Access denied")
	})
	t.Run("API.md §5.5 sharing disabled: Form primary that is not internal cannot be revoked", func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t)
		room := srv.CreateRoom("r", RoomFillingForms)
		srv.SetExternalSharingDisabled(true)
		primary := srv.Links(room.ID)[0]
		putLink(t, srv, room.ID, map[string]any{"linkId": primary.ID, "linkType": 1, "access": 0}).expectError(http.StatusForbidden, "Access denied")
	})
	t.Run("API.md §5.5 v3.6 has neither portal default nor the sharing switch", func(t *testing.T) {
		t.Parallel()
		srv := newEnv(t, WithVersion(V36))
		srv.SetDefaultInternal(true)
		srv.SetExternalSharingDisabled(true)
		room := srv.CreateRoom("r", RoomCustom)
		if got := putLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 2}).mustStatus(http.StatusOK).link()["internal"]; got != false {
			t.Errorf("internal = %v", got)
		}
	})
}

// API.md §5.6: maxUseCount of invitation links (v3.7).
func TestMaxUseCountRules(t *testing.T) {
	t.Parallel()
	const belowMsg = "Value does not fall within the expected range. (Parameter 'maxUseCount')"
	tests := []struct {
		name        string
		current     int // uses recorded before the update
		maxUseCount any
		wantMax     *int // nil: omitted
		wantCurrent int
		wantError   string // "API.md §8.3" or a message
	}{
		{"API.md §5.6 within range is kept, counter kept", 3, 25, ptr(25), 3, ""},
		{"API.md §5.6 equal to the current count is fine", 3, 3, ptr(3), 3, ""},
		{"API.md §5.6 below the current count is a 400", 3, 2, nil, 0, belowMsg},
		{"API.md §5.6 zero is a validation error", 0, 0, nil, 0, "API.md §8.3"},
		{"API.md §5.6 1001 is a validation error", 0, 1001, nil, 0, "API.md §8.3"},
		{"API.md §5.6 omitted on update means unlimited and resets the counter", 3, nil, nil, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newEnv(t)
			room := srv.CreateRoom("r", RoomCustom)
			id := createLink(t, srv, room.ID, map[string]any{"linkType": 0, "access": 2, "maxUseCount": 10})
			l, _ := srv.Link(room.ID, id)
			l.CurrentUseCount = tc.current
			_ = srv.SetLink(room.ID, l)

			r := putLink(t, srv, room.ID, map[string]any{"linkId": id, "linkType": 0, "access": 2, "maxUseCount": tc.maxUseCount})
			switch tc.wantError {
			case "":
			case "API.md §8.3":
				r.expectValidation("RoomLink.MaxUseCount")
				return
			default:
				r.expectError(http.StatusBadRequest, tc.wantError)
				return
			}
			link := r.mustStatus(http.StatusOK).link()
			got, has := link["maxUseCount"]
			if (tc.wantMax == nil) == has || (has && num(got) != *tc.wantMax) {
				t.Errorf("maxUseCount = %v (present %v), want %v", got, has, tc.wantMax)
			}
			if num(link["currentUseCount"]) != tc.wantCurrent {
				t.Errorf("currentUseCount = %v, want %d", link["currentUseCount"], tc.wantCurrent)
			}
		})
	}
}
