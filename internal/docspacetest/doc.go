// Package docspacetest is an in-process emulator of the ONLYOFFICE DocSpace
// REST API surface that the provider uses: room links, a little of rooms, and
// token authentication. It is an http.Handler, used like net/http/httptest:
//
//	srv := docspacetest.NewTestServer(t)
//	room := srv.CreateRoom("Audit", docspacetest.RoomCustom)
//	// point the client at srv.URL with docspacetest.DefaultToken
//
// The behaviour follows the project's API notes, internal/docspace/API.md
// (comments cite a section as "API.md §7.3"), in particular the checklist of
// API.md §11. Where the notes mark a behaviour UNCONFIRMED, the emulator
// implements the guess that API.md §12 gives.
//
// Test controls (CreateRoom, SetLink, Requests, ...) let tests arrange state
// behind the API's back and observe what a client did. All of them are safe
// for concurrent use and return copies.
//
// Faults make the emulator misbehave like a real network and a loaded
// portal, per test: FailNext and InjectFaults (a seeded mix, e.g. 25% of
// requests) inject 429s, 500 envelopes, proxy 502/503 pages, connection
// resets before and after a write is applied, answers held back past the
// client's timeout, truncated JSON and empty 200s; WithLimits(ServerLimits)
// enforces the server's rate limits; ExpireTokenAfter makes a token expire in
// the middle of a run. FaultCounts, AppliedDespiteFault and StatusCount show
// what happened.
package docspacetest
