package docspacetest

import (
	"encoding/base64"
	"net/http"
	"strings"
	"time"
)

// authCookie is the cookie the cookie/token handler reads (API.md §9).
const authCookie = "asc_auth_key"

// tokenLifetime is how long a token from POST /api/2.0/authentication lasts.
const tokenLifetime = 365 * 24 * time.Hour

// caller is the authenticated user of one request.
type caller struct{ role role }

func (c caller) manager() bool { return c.role == roleManager }

// authenticate picks the handler like the server (API.md §9), with its
// case-sensitive prefixes: "Basic "; "Bearer " followed by an API key (sk-…)
// or a JWT, which ignore the cookie; everything else goes to the cookie/token
// handler (cookieToken). Caller holds e.mu.
func (e *Emulator) authenticate(r *http.Request) (caller, bool) {
	header := r.Header.Get("Authorization")
	if rest, ok := strings.CutPrefix(header, "Basic "); ok {
		return e.basicAuth(strings.TrimSpace(rest))
	}
	if rest, ok := strings.CutPrefix(header, "Bearer "); ok {
		if token := strings.TrimSpace(rest); strings.HasPrefix(token, "sk-") || strings.Count(token, ".") == 2 {
			return e.tokenCaller(token)
		}
	}
	return e.tokenCaller(cookieToken(r, header))
}

// cookieToken is what the cookie/token handler validates: the asc_auth_key
// cookie when the request has one, else the Authorization header, trimmed,
// and cut by len("Bearer ") when it contains "Bearer" in exactly that case.
// So "bearer <token>" stays whole, is no token and ends in 401.
func cookieToken(r *http.Request, header string) string {
	value := header
	if ck, err := r.Cookie(authCookie); err == nil {
		value = ck.Value
	}
	value = strings.TrimSpace(value)
	if strings.Contains(value, "Bearer") {
		if len(value) < len("Bearer ") {
			return "" // the server's slice throws: authentication fails
		}
		value = value[len("Bearer "):]
	}
	return value
}

func (e *Emulator) tokenCaller(token string) (caller, bool) {
	if token == "" {
		return caller{}, false
	}
	r, ok := e.tokens[token]
	if ok && !e.spendToken(token) {
		return caller{}, false
	}
	return caller{role: r}, ok
}

func (e *Emulator) basicAuth(encoded string) (caller, bool) {
	data, err := base64.StdEncoding.DecodeString(encoded)
	if err != nil {
		return caller{}, false
	}
	user, password, _ := strings.Cut(string(data), ":")
	acc, ok := e.accounts[strings.ToLower(user)]
	if !ok || acc.password != password || acc.twoFactor {
		return caller{}, false
	}
	return caller{role: roleManager}, true
}

// authTokenDTO is AuthenticationTokenDto (API.md §9).
type authTokenDTO struct {
	Token      string `json:"token,omitempty"`
	Expires    string `json:"expires,omitempty"`
	SMS        bool   `json:"sms"`
	TFA        bool   `json:"tfa"`
	ConfirmURL string `json:"confirmUrl,omitempty"`
}

// handleAuthenticate is POST /api/2.0/authentication (API.md §9): a personal token
// plus the asc_auth_key cookie, 401 for wrong credentials, and for accounts
// with two-factor authentication "tfa": true with a confirmUrl and no token.
func (e *Emulator) handleAuthenticate(w http.ResponseWriter, r *http.Request) {
	if !jsonContentType(r) {
		writeUnsupportedMediaType(w, r)
		return
	}
	fields, errs := readObject(readAll(r.Body), "inDto", "ASC.Web.Api.ApiModels.RequestsDto.AuthRequestsDto")
	if errs != nil {
		writeValidation(w, r, errs)
		return
	}
	var userName, password string
	for _, f := range fields {
		switch strings.ToLower(f.name) {
		case "username":
			userName, _ = jsonString(f.raw)
		case "password":
			password, _ = jsonString(f.raw)
		}
	}
	if userName == "" || password == "" {
		writeError(w, errArgument("Empty credentials"))
		return
	}

	e.mu.Lock()
	acc, ok := e.accounts[strings.ToLower(userName)]
	if !ok || acc.password != password {
		e.mu.Unlock()
		writeError(w, errAuthenticationFailed())
		return
	}
	if acc.twoFactor {
		e.mu.Unlock()
		confirm := "https://" + r.Host + "/confirm/TfaAuth?type=TfaAuth&email=" + userName
		writeSuccess(w, r, authTokenDTO{TFA: true, ConfirmURL: confirm}, 1)
		return
	}
	token := newAuthToken()
	e.tokens[token] = roleManager
	expires := e.clock().Add(tokenLifetime)
	e.mu.Unlock()

	http.SetCookie(w, &http.Cookie{Name: authCookie, Value: token, Path: "/", Expires: expires, HttpOnly: true})
	writeSuccess(w, r, authTokenDTO{Token: token, Expires: formatAPIDate(expires, e.loc)}, 1)
}
