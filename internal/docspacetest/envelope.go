package docspacetest

import (
	"encoding/json"
	"net/http"
	"strings"
)

// hrefLink is the envelope's "links" element (API.md §3.1).
type hrefLink struct {
	Href   string `json:"href"`
	Action string `json:"action"`
}

// successEnvelope is SuccessApiResponse (API.md §3.1). The field order is the server's.
type successEnvelope struct {
	Response   json.RawMessage `json:"response,omitempty"` // omitted when null
	Count      int             `json:"count"`
	Total      *int            `json:"total,omitempty"` // paged endpoints only
	Links      []hrefLink      `json:"links"`
	Status     int             `json:"status"`
	StatusCode int             `json:"statusCode"`
}

// errorEnvelope is ErrorApiResponse (API.md §8.1). Nulls are not stripped here.
type errorEnvelope struct {
	Error      errorBody `json:"error"`
	Status     int       `json:"status"`
	StatusCode int       `json:"statusCode"`
}

type errorBody struct {
	Message string  `json:"message"`
	Type    *string `json:"type"`
	Stack   *string `json:"stack"`
	HResult int     `json:"hresult"`
}

// problemDetails is ASP.NET's automatic model-validation answer, which the
// server wraps in the success envelope with status 1 (API.md §8.3).
type problemDetails struct {
	Type    string              `json:"type"`
	Title   string              `json:"title"`
	Status  int                 `json:"status"`
	Errors  map[string][]string `json:"errors"`
	TraceID string              `json:"traceId"`
}

// requestURL rebuilds the full request URL with its query string for "href".
func requestURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	if p := r.Header.Get("X-Forwarded-Proto"); p != "" {
		scheme = strings.ToLower(strings.TrimSpace(strings.Split(p, ",")[0]))
	}
	return scheme + "://" + r.Host + r.URL.RequestURI()
}

func envelopeLinks(r *http.Request) []hrefLink {
	return []hrefLink{{Href: requestURL(r), Action: r.Method}}
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	data, err := json.Marshal(body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// writeSuccess answers 200 with payload as "response". A nil payload leaves
// "response" out and sets count 0; count is the list length for lists and 1
// for a single object (API.md §3.1).
func writeSuccess(w http.ResponseWriter, r *http.Request, payload any, count int) {
	env := successEnvelope{Count: count, Links: envelopeLinks(r), StatusCode: http.StatusOK}
	if payload != nil {
		data, err := json.Marshal(payload)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		env.Response = data
	} else {
		env.Count = 0
	}
	writeJSON(w, http.StatusOK, env)
}

// writeSuccessTotal answers 200 for a paged endpoint: the envelope carries
// total, and count as the endpoint computes it (API.md §3.1, §13.6).
func writeSuccessTotal(w http.ResponseWriter, r *http.Request, payload any, count, total int) {
	data, err := json.Marshal(payload)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, successEnvelope{Response: data, Count: count, Total: &total,
		Links: envelopeLinks(r), StatusCode: http.StatusOK})
}

// writeError answers with the API.md §8.1 error envelope.
func writeError(w http.ResponseWriter, err *apiError) {
	body := errorBody{Message: err.message, HResult: err.hresult}
	if err.exceptionType != "" {
		t := err.exceptionType
		body.Type = &t
		stack := "   at " + err.exceptionType + " (emulated by docspacetest)"
		body.Stack = &stack
	}
	writeJSON(w, err.status, errorEnvelope{Error: body, Status: 1, StatusCode: err.status})
}

// writeValidation answers 400 with problem details inside the success
// envelope: status 1, count 1 (API.md §8.3).
func writeValidation(w http.ResponseWriter, r *http.Request, errs map[string][]string) {
	details := problemDetails{
		Type:    "https://tools.ietf.org/html/rfc9110#section-15.5.1",
		Title:   "One or more validation errors occurred.",
		Status:  http.StatusBadRequest,
		Errors:  errs,
		TraceID: newTraceID(),
	}
	data, _ := json.Marshal(details)
	writeJSON(w, http.StatusBadRequest, successEnvelope{
		Response:   data,
		Count:      1,
		Links:      envelopeLinks(r),
		Status:     1,
		StatusCode: http.StatusBadRequest,
	})
}

// writeEmpty answers with a status and no body, as the framework does for
// 401 challenges and 429 rejections (API.md §8.4).
// writeUnsupportedMediaType is the 415 of a body without a JSON Content-Type
// (API.md §8.4): ASP.NET's problem, which the server's result filter wraps in
// the success envelope before the status reaches the response, so the
// envelope still says status 0 and statusCode 200.
func writeUnsupportedMediaType(w http.ResponseWriter, r *http.Request) {
	details, _ := json.Marshal(map[string]any{
		"type":    "https://tools.ietf.org/html/rfc9110#section-15.5.16",
		"title":   "Unsupported Media Type",
		"status":  http.StatusUnsupportedMediaType,
		"traceId": newTraceID(),
	})
	writeJSON(w, http.StatusUnsupportedMediaType, successEnvelope{
		Response:   details,
		Count:      1,
		Links:      envelopeLinks(r),
		StatusCode: http.StatusOK,
	})
}

func writeEmpty(w http.ResponseWriter, status int) {
	w.WriteHeader(status)
}
