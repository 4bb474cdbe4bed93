package docspacetest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
)

// bodyField is one property of a JSON request object, in document order.
type bodyField struct {
	name   string // as the client spelled it
	raw    json.RawMessage
	offset int64 // byte offset just after the value, for error texts
}

// validationErrors is the "errors" map of API.md §8.3 problem details.
type validationErrors map[string][]string

func (v validationErrors) add(key, message string) { v[key] = append(v[key], message) }

// readObject splits a request body into its properties the way ASP.NET's
// System.Text.Json input formatter sees it. It returns validation errors for an
// empty body, malformed JSON or a non-object (API.md §8.3); model names the DTO
// ("RoomLink"), clrType the type named in the "could not be converted" text.
func readObject(body []byte, model, clrType string) ([]bodyField, validationErrors) {
	errs := validationErrors{}
	if len(bytes.TrimSpace(body)) == 0 {
		errs.add("", "A non-empty request body is required.")
		errs.add(model, fmt.Sprintf("The %s field is required.", model))
		return nil, errs
	}
	fail := func(path string, offset int64, text string) ([]bodyField, validationErrors) {
		errs.add(path, fmt.Sprintf("%s Path: %s | %s.", text, path, position(body, offset)))
		errs.add(model, fmt.Sprintf("The %s field is required.", model))
		return nil, errs
	}
	if !json.Valid(body) {
		return fail("$", syntaxOffset(body), "The JSON text is not valid.")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	tok, _ := dec.Token()
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fail("$", dec.InputOffset(), "The JSON value could not be converted to "+clrType+".")
	}
	var fields []bodyField
	for dec.More() {
		keyTok, _ := dec.Token()
		key, _ := keyTok.(string)
		var raw json.RawMessage
		_ = dec.Decode(&raw) // the body is valid JSON, so this cannot fail
		fields = append(fields, bodyField{name: key, raw: raw, offset: dec.InputOffset()})
	}
	return fields, nil
}

func syntaxOffset(body []byte) int64 {
	var v any
	var se *json.SyntaxError
	if err := json.Unmarshal(body, &v); errors.As(err, &se) {
		return se.Offset
	}
	return int64(len(body))
}

// position renders "LineNumber: L | BytePositionInLine: B" (both zero-based) for a byte offset.
func position(body []byte, offset int64) string {
	if offset > int64(len(body)) {
		offset = int64(len(body))
	}
	before := body[:offset]
	line := bytes.Count(before, []byte("\n"))
	col := len(before) - (bytes.LastIndexByte(before, '\n') + 1)
	return fmt.Sprintf("LineNumber: %d | BytePositionInLine: %d", line, col)
}

// conversionError is the text System.Text.Json gives when a value has the wrong JSON type.
func conversionError(body []byte, f bodyField, clrType string) string {
	return fmt.Sprintf("The JSON value could not be converted to %s. Path: $.%s | %s.", clrType, f.name, position(body, f.offset))
}

// Typed readers. Each reports false when the JSON type does not fit the
// property's .NET type, which is a model-binding error (API.md §8.3).

func isNull(raw json.RawMessage) bool { return string(raw) == "null" }

// jsonInt32 reads an integer literal in Int32 range (no fraction, no exponent).
func jsonInt32(raw json.RawMessage) (int, bool) {
	s := string(raw)
	if s == "" || strings.ContainsAny(s, `."eE`) || s == "null" || s == "true" || s == "false" ||
		s[0] == '{' || s[0] == '[' {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 32)
	if err != nil {
		return 0, false
	}
	return int(n), true
}

// jsonNumber reads an Int32 property bound by System.Text.Json's default
// converter under the server's AllowReadingFromString: an integer literal, or
// a string holding one ("5") (API.md §2).
func jsonNumber(raw json.RawMessage) (int, bool) {
	if s, ok := jsonString(raw); ok {
		if s == "" || s[0] == '"' {
			return 0, false
		}
		return jsonInt32(json.RawMessage(s))
	}
	return jsonInt32(raw)
}

func jsonString(raw json.RawMessage) (string, bool) {
	var s string
	if len(raw) == 0 || raw[0] != '"' {
		return "", false
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", false
	}
	return s, true
}

// jsonNullableString reads a string or null (nil).
func jsonNullableString(raw json.RawMessage) (*string, bool) {
	if isNull(raw) {
		return nil, true
	}
	s, ok := jsonString(raw)
	return &s, ok
}

func jsonBool(raw json.RawMessage) (bool, bool) {
	switch string(raw) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

// jsonContentType tells whether the request's Content-Type is one that
// ASP.NET's JSON input formatter reads: application/json, text/json or
// application/*+json, any parameters. Without one, a [FromBody] endpoint
// answers 415 before it reads the body (API.md §8.4).
func jsonContentType(r *http.Request) bool {
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return false
	}
	return mediaType == "application/json" || mediaType == "text/json" ||
		strings.HasPrefix(mediaType, "application/") && strings.HasSuffix(mediaType, "+json")
}

// readAll reads a request body; a failed read counts as an empty body.
func readAll(r io.Reader) []byte {
	data, err := io.ReadAll(io.LimitReader(r, 1<<20))
	if err != nil {
		return nil
	}
	return data
}

// utf16Len is the length .NET's string.Length reports, used by [MaxLength] (API.md §5.2).
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
