// Package docspacetest is an in-process emulator of the ONLYOFFICE DocSpace
// REST API surface that the provider uses: room links, a little of rooms,
// files and folders with their links, and token authentication. It is an http.Handler, used like net/http/httptest:
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
// Files and folders (API.md §13) live in rooms of every type and in My
// Documents (MyDocumentsID; 0 as a parent means it too). Their ids come from a
// counter of their own starting at 9001 and never meet a room id. A room id
// works on the folder routes and acts on the room's external links with the
// room rules. All link owners, a room, a file or a folder, share one link
// store and one write path (linkwrite.go); linkScope (scope.go) answers every
// question that depends on the owner: accesses by location and format
// (§13.3), limits (§13.4), silent drops and skips, forced "internal",
// regenerated primaries (§13.5), list order (§13.6). Implemented besides: the
// paged file list with total, the unpaged folder list, GET …/link creating a
// primary, POST …/link as get-or-create, the folder creator's right to delete,
// the v3.7 primary link of files created in Public rooms, PDF forms of
// Form-filling rooms sharing the room's link (§13.7), and the v3.6 differences
// (FillForms locations, 403 for every ACE error, no rights ⇒ empty answer,
// renewal of expired My Documents primaries). Not modelled: the documents
// section's admin switch, archive and trash, versions before 3.6.
//
// Test controls (CreateRoom, SetLink, CreateFile, CreateFolder, FileLinks,
// SetFolderLink, SetForeignCreator, Requests, ...) let tests arrange state
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
