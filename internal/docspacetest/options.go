package docspacetest

import (
	"strings"
	"time"
)

// DefaultToken is the token a new emulator accepts when no WithTokens option is given.
const DefaultToken = "test-token"

// Version selects which server release the emulator imitates.
type Version int

const (
	// V37 imitates DocSpace v3.7 (the default): optional invitation expiry,
	// maxUseCount/currentUseCount, portal "default internal" and the admin
	// "external sharing disabled" switch.
	V37 Version = iota
	// V36 imitates DocSpace v3.6: invitation expiry is reset to now + 7 days on
	// every write, and invitation links have no use counter (API.md §5.4, §5.6).
	V36
)

func (v Version) String() string {
	switch v {
	case V37:
		return "v3.7"
	case V36:
		return "v3.6"
	default:
		return "unknown"
	}
}

// Option configures an Emulator.
type Option func(*options)

type account struct {
	password  string
	twoFactor bool
}

type options struct {
	tokens   []string
	location *time.Location
	version  Version
	now      func() time.Time
	accounts map[string]account // keyed by lower-case user name
	limits   Limits
	latency  time.Duration

	passwordMinLength int
}

func defaultOptions() options {
	return options{
		location: time.FixedZone("MSK", 3*3600),
		version:  V37,
		now:      time.Now,
		accounts: map[string]account{},

		passwordMinLength: defaultPasswordMinLength,
	}
}

// WithPasswordMinLength sets the portal password policy's minimum length
// (default 8; an administrator may raise it, API.md §5.3), so that a password the
// provider's plan-time check lets through is refused by the server.
func WithPasswordMinLength(n int) Option {
	return func(o *options) { o.passwordMinLength = n }
}

// WithTokens sets the tokens (personal tokens or "sk-..." API keys) that
// authenticate a room manager. Without it only DefaultToken is accepted.
// Repeated uses add up.
func WithTokens(tokens ...string) Option {
	return func(o *options) { o.tokens = append(o.tokens, tokens...) }
}

// WithLocation sets the portal time zone in which dates are written and in
// which request dates without an offset are read. Default: UTC+03:00.
func WithLocation(loc *time.Location) Option {
	return func(o *options) {
		if loc != nil {
			o.location = loc
		}
	}
}

// WithVersion selects the imitated server release (default V37).
func WithVersion(v Version) Option {
	return func(o *options) { o.version = v }
}

// WithClock replaces time.Now, so tests can make links expire without sleeping.
func WithClock(now func() time.Time) Option {
	return func(o *options) {
		if now != nil {
			o.now = now
		}
	}
}

// WithUser registers credentials accepted by POST /api/2.0/authentication.
// The token it returns authenticates a room manager.
func WithUser(userName, password string) Option {
	return func(o *options) {
		o.accounts[strings.ToLower(userName)] = account{password: password}
	}
}

// WithTwoFactorUser registers credentials of an account with two-factor
// authentication enabled: POST /api/2.0/authentication answers with
// "tfa": true and a "confirmUrl" instead of a token (API.md §9).
func WithTwoFactorUser(userName, password string) Option {
	return func(o *options) {
		o.accounts[strings.ToLower(userName)] = account{password: password, twoFactor: true}
	}
}
