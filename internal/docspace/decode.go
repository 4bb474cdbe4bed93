package docspace

// Reading DocSpace's answers: the envelope, its error shapes, and answers
// that did not come from DocSpace at all (API.md §3.1, §8).

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"net/http"
	"slices"
	"strings"
)

// envelope is the wrapper around every DocSpace response (API.md §3.1, §8.1, §8.3).
type envelope struct {
	Response json.RawMessage `json:"response"`
	// Total is the paged endpoints' count of all items (API.md §13.6).
	Total      *int `json:"total"`
	Status     int  `json:"status"`
	StatusCode int  `json:"statusCode"`
	Error      *struct {
		Message string  `json:"message"`
		Type    *string `json:"type"`
	} `json:"error"`
}

// problemDetails is ASP.NET's validation failure, which DocSpace wraps in a
// success-shaped envelope with status 1 (API.md §8.3).
type problemDetails struct {
	Title  string              `json:"title"`
	Status int                 `json:"status"`
	Errors map[string][]string `json:"errors"`
}

// incompleteBody reports whether a 2xx answer's body did not arrive whole:
// empty, or JSON cut short. The request may or may not have taken effect.
func incompleteBody(status int, data []byte) bool {
	if status < 200 || status > 299 {
		return false
	}
	trimmed := bytes.TrimSpace(data)
	return len(trimmed) == 0 || (trimmed[0] == '{' && !json.Valid(trimmed))
}

// decodeResponse turns a response into a payload or an *Error. It is
// separate from do so that every response shape can be tested directly.
func decodeResponse(method, path string, resp *http.Response, raw []byte, into any) (bool, error) {
	status := resp.StatusCode
	fail := func(code int, msg, typ string) (bool, error) {
		e := &Error{Method: method, Path: path, StatusCode: code, Message: msg, Type: typ}
		if code == http.StatusTooManyRequests {
			e.RetryAfter = resp.Header.Get("Retry-After")
		}
		return false, e
	}
	// foreign is an answer that did not come from DocSpace's API.
	foreign := func(msg string) (bool, error) {
		return false, &Error{Method: method, Path: path, StatusCode: status, Message: msg, Foreign: true}
	}
	ok := status >= 200 && status < 300
	trimmed := bytes.TrimSpace(raw)

	if status >= 300 && status < 400 {
		// Redirects are not followed: one could take the token elsewhere.
		return foreign(fmt.Sprintf("unexpected redirect (status %d): check that the host is the portal's own address, with https:// and any path prefix", status))
	}
	if isHTML(resp.Header.Get("Content-Type"), trimmed) {
		// A proxy's error page or a login page: say so, never repeat it. A
		// 5xx page is a proxy in front of a failing DocSpace, which a retry
		// may get past; anything else did not come from the API.
		if status >= 500 {
			return fail(status, fmt.Sprintf("unexpected HTML response, status %d", status), "")
		}
		return foreign(fmt.Sprintf("unexpected HTML response, status %d: not DocSpace's API", status))
	}
	if len(trimmed) == 0 {
		switch {
		case ok:
			return fail(status, "empty response body", "")
		case status == http.StatusNotFound:
			// DocSpace's own 404 always has its error envelope (API.md §8.1).
			return foreign("empty 404 response: not DocSpace's API")
		}
		return fail(status, defaultMessage(status), "")
	}
	if !json.Valid(trimmed) {
		var probe any
		msg := "the response is not valid JSON (" + describeJSONError(json.Unmarshal(trimmed, &probe)) + ")"
		if !ok && status < 500 {
			return foreign(msg)
		}
		return fail(status, msg, "")
	}
	// A DocSpace body is always an object with at least one of the envelope's
	// own keys. Anything else ("null", "[]", "{}", a proxy's JSON) must not
	// pass for a success without a payload, which would read as "no links".
	var keys map[string]json.RawMessage
	if json.Unmarshal(trimmed, &keys) != nil || !isEnvelope(keys) {
		switch {
		case ok:
			return foreign("the response is not a DocSpace API envelope")
		case status < 500:
			return foreign(defaultMessage(status) + " (not a DocSpace API answer)")
		}
		return fail(status, defaultMessage(status), "")
	}
	var env envelope
	if err := json.Unmarshal(trimmed, &env); err != nil {
		return fail(status, "unexpected response envelope ("+describeJSONError(err)+")", "")
	}
	// From here on the answer is DocSpace's own.
	inEnvelope := func(found bool, err error) (bool, error) {
		var apiErr *Error
		if errors.As(err, &apiErr) {
			apiErr.Envelope = true
		}
		return found, err
	}
	if env.Error != nil {
		code := status
		if ok && env.StatusCode >= 400 {
			code = env.StatusCode
		}
		typ := ""
		if env.Error.Type != nil {
			typ = *env.Error.Type
		}
		msg := env.Error.Message
		if msg == "" {
			msg = defaultMessage(code)
		}
		return inEnvelope(fail(code, msg, typ))
	}
	if env.Status != 0 || !ok {
		code := status
		if ok {
			code = env.StatusCode
			if code < 400 {
				code = http.StatusBadRequest
			}
		}
		return inEnvelope(fail(code, problemMessage(env.Response, code), ""))
	}
	if p, ok := into.(*paged); ok {
		p.total = env.Total
		into = p.into
	}
	if len(env.Response) == 0 || string(env.Response) == "null" {
		return false, nil
	}
	if into != nil {
		if err := json.Unmarshal(env.Response, into); err != nil {
			return inEnvelope(fail(status, "unexpected response payload ("+describeJSONError(err)+")", ""))
		}
	}
	return true, nil
}

// paged receives a payload (into) and the envelope's total, which paged
// endpoints send beside it (API.md §13.6).
type paged struct {
	into  any
	total *int
}

// isEnvelope reports whether an object has a key of the envelope, matched
// without regard to case as encoding/json matches struct fields.
func isEnvelope(keys map[string]json.RawMessage) bool {
	for k := range keys {
		for _, want := range []string{"response", "error", "status", "statusCode"} {
			if strings.EqualFold(k, want) {
				return true
			}
		}
	}
	return false
}

func isHTML(contentType string, body []byte) bool {
	if mediaType, _, err := mime.ParseMediaType(contentType); err == nil && mediaType == "text/html" {
		return true
	}
	return len(body) > 0 && body[0] == '<'
}

func defaultMessage(status int) string {
	switch status {
	case http.StatusUnauthorized:
		return "the token was rejected (missing, invalid or expired)"
	case http.StatusTooManyRequests:
		return "rate limit exceeded"
	}
	if text := http.StatusText(status); text != "" {
		return strings.ToLower(text)
	}
	return "request failed"
}

// problemMessage renders the API.md §8.3 validation problem without the raw body:
// its title followed by each field's messages, in a stable order.
func problemMessage(payload json.RawMessage, status int) string {
	var p problemDetails
	if len(payload) == 0 || json.Unmarshal(payload, &p) != nil || (p.Title == "" && len(p.Errors) == 0) {
		return defaultMessage(status)
	}
	parts := make([]string, 0, len(p.Errors))
	for _, field := range slices.Sorted(maps.Keys(p.Errors)) {
		parts = append(parts, field+": "+strings.Join(p.Errors[field], " "))
	}
	msg := p.Title
	if len(parts) > 0 {
		if msg != "" {
			msg += " "
		}
		msg += strings.Join(parts, "; ")
	}
	return msg
}

// describeJSONError names what was wrong with a body without quoting it:
// syntax errors from encoding/json can echo the offending bytes.
func describeJSONError(err error) string {
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || err.Error() == "unexpected end of JSON input":
		return "truncated"
	case errors.As(err, &syntaxErr):
		return fmt.Sprintf("syntax error at byte %d", syntaxErr.Offset)
	case errors.As(err, &typeErr):
		return fmt.Sprintf("field %q has the wrong type", typeErr.Field)
	}
	return "malformed"
}
