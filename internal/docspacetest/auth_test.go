package docspacetest

import (
	"encoding/base64"
	"net/http"
	"testing"
)

// API.md §9: which credentials the cookie/token, API-key and basic handlers accept.
func TestAuthenticationSchemes(t *testing.T) {
	t.Parallel()
	srv := newEnv(t, WithTokens("personal-token", "sk-apikey"), WithUser("admin@example.com", "Secret-123"))
	room := srv.CreateRoom("Audit", RoomCustom)
	basic := "Basic " + base64.StdEncoding.EncodeToString([]byte("admin@example.com:Secret-123"))

	tests := []struct {
		name string
		opts []reqOption
		want int
	}{
		{"API.md §9 Bearer personal token", []reqOption{withHeader("Authorization", "Bearer personal-token")}, 200},
		{"API.md §9 bare personal token", []reqOption{withHeader("Authorization", "personal-token")}, 200},
		{"API.md §9 cookie asc_auth_key", []reqOption{noAuth(), withCookie("personal-token")}, 200},
		{"API.md §9 valid cookie wins over a bad header", []reqOption{withHeader("Authorization", "Bearer wrong"), withCookie("personal-token")}, 200},
		{"API.md §9 stale cookie wins over a good header", []reqOption{withHeader("Authorization", "Bearer personal-token"), withCookie("stale")}, 401},
		{"API.md §9 Bearer sk- API key", []reqOption{withHeader("Authorization", "Bearer sk-apikey")}, 200},
		{"API.md §9 API key ignores a stale cookie", []reqOption{withHeader("Authorization", "Bearer sk-apikey"), withCookie("stale")}, 200},
		{"API.md §9 basic auth", []reqOption{withHeader("Authorization", basic)}, 200},
		{"API.md §9 DefaultToken is replaced by WithTokens", []reqOption{withHeader("Authorization", "Bearer "+DefaultToken)}, 401},
		{"API.md §8.4 unknown token", []reqOption{withHeader("Authorization", "Bearer nope")}, 401},
		{"API.md §8.4 no credentials", []reqOption{noAuth()}, 401},
	}
	for _, tc := range tests {
		r := listLinks(t, srv, room.ID, "", tc.opts...)
		if r.status != tc.want {
			t.Errorf("%s: status %d, want %d", tc.name, r.status, tc.want)
		}
		if tc.want == 401 && len(r.raw) != 0 {
			t.Errorf("%s: API.md §12.1 401 body must be empty, got %q", tc.name, r.raw)
		}
	}
}

// API.md §9: POST /api/2.0/authentication.
func TestAuthenticationEndpoint(t *testing.T) {
	t.Parallel()
	srv := newEnv(t, WithUser("admin@example.com", "Secret-123"), WithTwoFactorUser("tfa@example.com", "Secret-456"))
	room := srv.CreateRoom("Audit", RoomCustom)

	t.Run("API.md §9 token, expires, sms/tfa false, cookie, then usable", func(t *testing.T) {
		r := call(t, srv, http.MethodPost, "/api/2.0/authentication",
			map[string]any{"userName": "admin@example.com", "password": "Secret-123"}, noAuth()).mustStatus(http.StatusOK)
		resp := r.response()
		token, _ := resp["token"].(string)
		if token == "" || resp["sms"] != false || resp["tfa"] != false {
			t.Fatalf("response = %v", resp)
		}
		if resp["expires"] != "2027-06-01T15:00:00.0000000+03:00" {
			t.Errorf("expires = %v", resp["expires"])
		}
		var cookie *http.Cookie
		for _, c := range (&http.Response{Header: r.header}).Cookies() {
			if c.Name == "asc_auth_key" {
				cookie = c
			}
		}
		if cookie == nil || cookie.Value != token {
			t.Errorf("asc_auth_key cookie = %v, want the token", cookie)
		}
		listLinks(t, srv, room.ID, "", withHeader("Authorization", token)).mustStatus(http.StatusOK)
	})

	tests := []struct {
		name    string
		body    map[string]any
		status  int
		message string
	}{
		{"API.md §9 wrong password is 401", map[string]any{"userName": "admin@example.com", "password": "nope"}, 401, "User authentication failed"},
		{"API.md §9 unknown user is 401", map[string]any{"userName": "who@example.com", "password": "Secret-123"}, 401, "User authentication failed"},
		{"API.md §9 empty credentials are 400", map[string]any{"userName": "", "password": ""}, 400, "Empty credentials"},
	}
	for _, tc := range tests {
		call(t, srv, http.MethodPost, "/api/2.0/authentication", tc.body, noAuth()).expectError(tc.status, tc.message)
	}

	t.Run("API.md §9 two-factor account gets tfa and confirmUrl, no token", func(t *testing.T) {
		resp := call(t, srv, http.MethodPost, "/api/2.0/authentication",
			map[string]any{"userName": "tfa@example.com", "password": "Secret-456"}, noAuth()).mustStatus(http.StatusOK).response()
		if resp["tfa"] != true || resp["confirmUrl"] == nil || resp["token"] != nil {
			t.Errorf("response = %v", resp)
		}
	})
}

// API.md §5.1, §7.3, §7.4: a member without manage rights.
func TestMemberWithoutManageRights(t *testing.T) {
	t.Parallel()
	srv := newEnv(t)
	srv.SetMemberToken("member")
	member := withHeader("Authorization", "Bearer member")
	custom := srv.CreateRoom("Custom", RoomCustom)
	public := srv.CreateRoom("Public", RoomPublic)
	createLink(t, srv, custom.ID, map[string]any{"linkType": 1, "access": 2})

	r := listLinks(t, srv, custom.ID, "", member).mustStatus(http.StatusOK)
	if len(r.list()) != 0 || num(r.body["count"]) != 0 {
		t.Errorf("API.md §7.3 member list = %s, want 200 []", r.raw)
	}
	putLink(t, srv, custom.ID, map[string]any{"linkType": 1, "access": 2}, member).expectError(http.StatusForbidden, "Access denied")
	putLink(t, srv, custom.ID, map[string]any{"linkType": 0, "access": 2}, member).expectError(http.StatusForbidden, "Access denied")
	call(t, srv, http.MethodGet, primaryPath(custom.ID), nil, member).expectError(http.StatusForbidden, "Access denied")

	// API.md §7.4 any member may read an existing primary link, without edit rights.
	dto := call(t, srv, http.MethodGet, primaryPath(public.ID), nil, member).mustStatus(http.StatusOK).response()
	if dto["canEditExpirationDate"] != false || dto["canRevoke"] != false {
		t.Errorf("API.md §7.4 member sees edit rights: %v", dto)
	}
	// API.md §4.6 shareSettings only for those who manage access.
	room := call(t, srv, http.MethodGet, roomPath(custom.ID), nil, member).mustStatus(http.StatusOK).response()
	if _, ok := room["shareSettings"]; ok {
		t.Errorf("API.md §4.6 member sees shareSettings")
	}
	if _, ok := room["availableShareRights"]; ok {
		t.Errorf("API.md §4.6 member sees availableShareRights")
	}
	call(t, srv, http.MethodDelete, roomPath(custom.ID), nil, member).expectError(http.StatusForbidden, "Access denied")
}

// API.md §9: the scheme prefixes are case-sensitive, and the cookie/token
// handler cuts "Bearer " only when spelled so.
func TestAuthenticationCase(t *testing.T) {
	t.Parallel()
	srv := newEnv(t, WithTokens("personal-token", "sk-apikey"))
	room := srv.CreateRoom("Audit", RoomCustom)
	tests := []struct {
		name   string
		header string
		want   int
	}{
		{"Bearer personal token", "Bearer personal-token", 200},
		{"lower-case bearer personal token", "bearer personal-token", 401},
		{"upper-case BEARER personal token", "BEARER personal-token", 401},
		{"lower-case bearer API key", "bearer sk-apikey", 401},
		{"Bearer API key", "Bearer sk-apikey", 200},
		{"bare token", "personal-token", 200},
		{"bare token with spaces around", "  personal-token  ", 200},
		{"Bearer alone", "Bearer", 401},
	}
	for _, tc := range tests {
		r := listLinks(t, srv, room.ID, "", withHeader("Authorization", tc.header))
		if r.status != tc.want {
			t.Errorf("%s: status %d, want %d", tc.name, r.status, tc.want)
		}
	}
}
