package docspacetest

import (
	"strings"
	"time"
)

// apiDateLayout is ApiDateTime's wire format (API.md §3.2): seven fractional digits
// and "Z" for a zero offset, "±hh:mm" otherwise.
const apiDateLayout = "2006-01-02T15:04:05.0000000Z07:00"

// formatAPIDate writes t in the portal time zone, as the server does.
func formatAPIDate(t time.Time, loc *time.Location) string {
	return t.In(loc).Format(apiDateLayout)
}

// Request date layouts that carry an offset; the instant is taken as is.
var offsetDateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05.999999999Z07:00",
}

// Request date layouts without an offset. The server's converter reads them in
// the time zone of its own process, not the portal's (API.md §2); DocSpace
// runs in UTC, and so does serverZone.
var localDateLayouts = []string{
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02",
}

// serverZone is the time zone of the server process.
var serverZone = time.UTC

// parseAPIDate reads a request date. It reports false for text it cannot
// read: the server then treats the field as "no date", without an error (API.md §2).
func parseAPIDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range offsetDateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return truncateTicks(t), true
		}
	}
	for _, layout := range localDateLayouts {
		if t, err := time.ParseInLocation(layout, s, serverZone); err == nil {
			return truncateTicks(t), true
		}
	}
	return time.Time{}, false
}

// truncateTicks keeps .NET precision (100 ns ticks) so that what is stored is
// exactly what is echoed.
func truncateTicks(t time.Time) time.Time {
	return t.UTC().Truncate(100 * time.Nanosecond)
}

func sameInstant(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Equal(*b)
}
