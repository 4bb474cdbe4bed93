package docspacetest

import (
	"net/http"
	"testing"
	"time"
)

// API.md §3.2, §2: dates on the wire – the portal zone, seven fractional digits,
// offsets in requests, local times read in the portal zone.
func TestDatesOnTheWire(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		loc  *time.Location
		sent string
		want string
	}{
		{"API.md §3.2 Z in, portal +03:00 out", nil, "2026-12-31T23:59:59Z", "2027-01-01T02:59:59.0000000+03:00"},
		{"API.md §3.2 offset in, portal +03:00 out", nil, "2026-12-31T23:59:59-05:00", "2027-01-01T07:59:59.0000000+03:00"},
		{"API.md §3.2 fractions are kept to 100 ns", nil, "2026-12-31T23:59:59.123456789Z", "2027-01-01T02:59:59.1234567+03:00"},
		{"API.md §2 no offset is read in the server's zone (UTC), not the portal's", nil, "2026-12-31T23:59:59", "2027-01-01T02:59:59.0000000+03:00"},
		{"API.md §2 date only is midnight UTC", nil, "2026-12-31", "2026-12-31T03:00:00.0000000+03:00"},
		{"API.md §3.2 zero offset portal writes Z", time.UTC, "2026-12-31T23:59:59+01:00", "2026-12-31T22:59:59.0000000Z"},
		{"API.md §3.2 named zone portal", time.FixedZone("X", -(3*3600 + 1800)), "2026-12-31T23:59:59Z", "2026-12-31T20:29:59.0000000-03:30"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			opts := []Option{}
			if tc.loc != nil {
				opts = append(opts, WithLocation(tc.loc))
			}
			srv := newEnv(t, opts...)
			room := srv.CreateRoom("r", RoomCustom)
			r := putLink(t, srv, room.ID, map[string]any{"linkType": 1, "access": 2, "expirationDate": tc.sent})
			if got := r.mustStatus(http.StatusOK).link()["expirationDate"]; got != tc.want {
				t.Errorf("expirationDate = %v, want %s", got, tc.want)
			}
		})
	}
}

// API.md §2: parseAPIDate never fails loudly; unreadable text is "no date".
func TestParseAPIDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string // RFC 3339 in UTC, "" for no date
	}{
		{"2026-12-31T23:59:59Z", "2026-12-31T23:59:59Z"},
		{"2026-12-31T23:59:59.0000000+03:00", "2026-12-31T20:59:59Z"},
		{"2026-12-31T23:59:59+0300", "2026-12-31T20:59:59Z"},
		{"2026-12-31T23:59Z", "2026-12-31T23:59:00Z"},
		{"2026-12-31 23:59:59", "2026-12-31T23:59:59Z"}, // no offset: the server process's zone, UTC
		{"  2026-12-31T23:59:59Z  ", "2026-12-31T23:59:59Z"},
		{"", ""},
		{"31/12/2026", ""},
		{"tomorrow", ""},
	}
	for _, tc := range tests {
		got, ok := parseAPIDate(tc.in)
		switch {
		case tc.want == "" && ok:
			t.Errorf("parseAPIDate(%q) = %v, want no date", tc.in, got)
		case tc.want != "" && (!ok || got.UTC().Format(time.RFC3339) != tc.want):
			t.Errorf("parseAPIDate(%q) = %v %v, want %s", tc.in, got, ok, tc.want)
		}
	}
}
