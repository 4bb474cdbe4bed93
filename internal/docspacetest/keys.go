package docspacetest

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
)

// shortKeyAlphabet is the URL shortener's default alphabet (API.md §3.2).
const shortKeyAlphabet = "5XzpDt6wZRdsTrJkSY_cgPyxN4j-fnb9WKBF8vh3GH72QqmLVCM"

const shortKeyLength = 15

// shortKey returns the 15-character key of a link's /s/ short link. The
// server's long address follows from the link id, and its shortener hands out
// the key it already stored for a long address it has seen, so one link id
// keeps one short link, even when deleted and created again (API.md §10.3).
func shortKey(linkID string) string {
	mac := hmac.New(sha256.New, portalSecret)
	mac.Write([]byte("short link " + linkID))
	sum := mac.Sum(nil)
	var b strings.Builder
	for _, c := range sum[:shortKeyLength] {
		b.WriteByte(shortKeyAlphabet[int(c)%len(shortKeyAlphabet)])
	}
	return b.String()
}

// newGUID returns a random version-4 GUID in the lower-case form the server writes.
func newGUID() string {
	var u [16]byte
	_, _ = rand.Read(u[:])
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	h := hex.EncodeToString(u[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

const emptyGUID = "00000000-0000-0000-0000-000000000000"

// parseGUID accepts only the 36-character "D" form that System.Text.Json reads
// for a Guid, and returns it in lower case.
func parseGUID(s string) (string, bool) {
	if len(s) != 36 {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return "", false
			}
		default:
			if !isHex(c) {
				return "", false
			}
		}
	}
	return strings.ToLower(s), true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// portalSecret stands in for the portal's signing key. It is a constant so
// that a link id always yields the same requestToken.
var portalSecret = []byte("docspacetest portal signing key")

// requestToken imitates the external share key (API.md §3.2, §3.3): base64url of
// `<base64 SHA-256 signature>?"<link guid>"`, deterministic per link id
// (about 111 characters).
func requestToken(linkID string) string {
	mac := hmac.New(sha256.New, portalSecret)
	mac.Write([]byte(linkID))
	signature := base64.StdEncoding.EncodeToString(mac.Sum(nil))
	return base64.RawURLEncoding.EncodeToString([]byte(signature + `?"` + linkID + `"`))
}

// newAuthToken returns an opaque personal access token (API.md §9).
func newAuthToken() string {
	buf := make([]byte, 48)
	_, _ = rand.Read(buf)
	return base64.RawURLEncoding.EncodeToString(buf)
}

// newTraceID returns a W3C trace id as in ASP.NET problem details (API.md §8.3).
func newTraceID() string {
	buf := make([]byte, 24)
	_, _ = rand.Read(buf)
	h := hex.EncodeToString(buf)
	return "00-" + h[:32] + "-" + h[32:48] + "-00"
}
