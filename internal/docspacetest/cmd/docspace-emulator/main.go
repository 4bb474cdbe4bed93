// Command docspace-emulator serves the DocSpace API emulator of package
// docspacetest on a loopback address, so that Terraform configurations can be
// tried without a portal. `make demo` uses it.
//
//	go run ./internal/docspacetest/cmd/docspace-emulator -room custom:Sandbox
//
// It prints the portal address, the token it accepts and the ids of the rooms
// it created, then serves until interrupted. State lives in memory only.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// roomTypes are the short names accepted by -room, with the API's numbers (API.md §4.4).
var roomTypes = map[string]docspacetest.RoomType{
	"custom":  docspacetest.RoomCustom,
	"public":  docspacetest.RoomPublic,
	"form":    docspacetest.RoomFillingForms,
	"editing": docspacetest.RoomEditing,
	"vdr":     docspacetest.RoomVirtualData,
	"ai":      docspacetest.RoomAI,
}

type roomFlag []roomSpec

type roomSpec struct {
	kind  docspacetest.RoomType
	title string
}

func (f *roomFlag) String() string { return fmt.Sprint(len(*f), " rooms") }

func (f *roomFlag) Set(v string) error {
	kind, title, ok := strings.Cut(v, ":")
	t, known := roomTypes[strings.ToLower(strings.TrimSpace(kind))]
	if !ok || !known || strings.TrimSpace(title) == "" {
		return errors.New(`want TYPE:TITLE with TYPE one of custom, public, form, editing, vdr, ai (e.g. "custom:Sandbox")`)
	}
	*f = append(*f, roomSpec{kind: t, title: title})
	return nil
}

type listFlag []string

func (f *listFlag) String() string     { return strings.Join(*f, ",") }
func (f *listFlag) Set(v string) error { *f = append(*f, v); return nil }

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "docspace-emulator:", err)
		os.Exit(1)
	}
}

func run() error {
	var (
		addr     = flag.String("addr", "127.0.0.1:0", "loopback `address` to listen on; port 0 picks a free port")
		timezone = flag.String("timezone", "+03:00", "portal time `zone` in which dates are echoed: UTC, ±hh:mm or an IANA name")
		version  = flag.String("server-version", "3.7", "DocSpace release to imitate: 3.7 or 3.6")
		envFile  = flag.String("env-file", "", "once serving, write DOCSPACE_HOST, DOCSPACE_TOKEN and DOCSPACE_ROOM_IDS to this `file`")
		rooms    roomFlag
		tokens   listFlag
		users    listFlag
	)
	flag.Var(&rooms, "room", "create a room through the API at start, as `TYPE:TITLE` (custom, public, form, editing, vdr, ai); repeatable")
	flag.Var(&tokens, "token", "a `token` to accept, a personal token or an sk-… API key (default "+strconv.Quote(docspacetest.DefaultToken)+"); repeatable")
	flag.Var(&users, "user", "accept `NAME:PASSWORD` at POST /api/2.0/authentication, which returns a personal token; repeatable")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "Usage: %s [flags]\n\nServes the DocSpace room-links API emulator on a loopback address.\n\n", filepath.Base(os.Args[0]))
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", flag.Arg(0))
	}

	loc, err := parseZone(*timezone)
	if err != nil {
		return err
	}
	opts := []docspacetest.Option{docspacetest.WithLocation(loc)}
	switch *version {
	case "3.7":
		opts = append(opts, docspacetest.WithVersion(docspacetest.V37))
	case "3.6":
		opts = append(opts, docspacetest.WithVersion(docspacetest.V36))
	default:
		return fmt.Errorf("-server-version %q: want 3.7 or 3.6", *version)
	}
	if len(tokens) == 0 {
		tokens = listFlag{docspacetest.DefaultToken}
	}
	opts = append(opts, docspacetest.WithTokens(tokens...))
	for _, u := range users {
		name, password, ok := strings.Cut(u, ":")
		if !ok || name == "" || password == "" {
			return fmt.Errorf("-user %q: want NAME:PASSWORD", u)
		}
		opts = append(opts, docspacetest.WithUser(name, password))
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	ln, err := listenLoopback(ctx, *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: docspacetest.New(opts...), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	base := "http://" + ln.Addr().String()
	fmt.Printf("DocSpace emulator serving %s (token %q, dates in %s)\n", base, tokens[0], loc)
	ids := make([]string, 0, len(rooms))
	for _, r := range rooms {
		id, err := createRoom(ctx, base, tokens[0], r)
		if err != nil {
			_ = srv.Close()
			return fmt.Errorf("creating room %q: %w", r.title, err)
		}
		ids = append(ids, id)
		fmt.Printf("room %s %q (%s)\n", id, r.title, r.kind)
	}
	if *envFile != "" {
		if err := writeEnvFile(*envFile, base, tokens[0], ids); err != nil {
			_ = srv.Close()
			return err
		}
	}

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shutdownCtx)
}

// listenLoopback refuses anything but a loopback address: the emulator
// accepts a well-known token and must not be reachable from elsewhere.
func listenLoopback(ctx context.Context, addr string) (net.Listener, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("-addr %q: %w", addr, err)
	}
	if host != "localhost" {
		ip := net.ParseIP(host)
		if ip == nil || !ip.IsLoopback() {
			return nil, fmt.Errorf("-addr %q: only loopback addresses (127.0.0.1, ::1, localhost) are served", addr)
		}
	}
	var lc net.ListenConfig
	return lc.Listen(ctx, "tcp", addr)
}

func parseZone(s string) (*time.Location, error) {
	if s == "" || strings.EqualFold(s, "UTC") || s == "Z" {
		return time.UTC, nil
	}
	if t, err := time.Parse("-07:00", s); err == nil {
		_, offset := t.Zone()
		return time.FixedZone("UTC"+s, offset), nil
	}
	loc, err := time.LoadLocation(s)
	if err != nil {
		return nil, fmt.Errorf("-timezone %q: want UTC, ±hh:mm or an IANA zone name", s)
	}
	return loc, nil
}

// createRoom goes through the API, POST /api/2.0/files/rooms, like any client.
func createRoom(ctx context.Context, base, token string, r roomSpec) (string, error) {
	body, err := json.Marshal(map[string]any{"title": r.title, "roomType": int(r.kind)})
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/2.0/files/rooms", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", token)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	var envelope struct {
		Response struct {
			ID int `json:"id"`
		} `json:"response"`
		Error *struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal(raw, &envelope); err != nil && resp.StatusCode == http.StatusOK {
		return "", fmt.Errorf("unreadable answer: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		if envelope.Error != nil {
			return "", fmt.Errorf("HTTP %d: %s", resp.StatusCode, envelope.Error.Message)
		}
		return "", fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	return strconv.Itoa(envelope.Response.ID), nil
}

// writeEnvFile writes KEY='value' lines, renamed into place so that a reader
// polling for the file never sees half of it.
func writeEnvFile(name, base, token string, roomIDs []string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "DOCSPACE_HOST=%s\n", shellQuote(base))
	fmt.Fprintf(&b, "DOCSPACE_TOKEN=%s\n", shellQuote(token))
	fmt.Fprintf(&b, "DOCSPACE_ROOM_IDS=%s\n", shellQuote(strings.Join(roomIDs, " ")))
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
