package provider

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

func TestDescribeAPIError(t *testing.T) {
	t.Parallel()
	apiError := func(status int, message string) error {
		return fmt.Errorf("writing: %w", &docspace.Error{Method: "PUT", Path: "/api/2.0/files/rooms/4711/links", StatusCode: status, Message: message, Envelope: true})
	}
	tests := []struct {
		name     string
		err      error
		want     string // a phrase of the advice
		dontWant string
	}{
		{"access denied", apiError(403, "Access denied"), "must be the room's owner or a room admin", ""},
		{"role not available is no rights problem", apiError(403, "The role is not available for this user type"), "", "room's owner"},
		{"a message merely mentioning access denied", apiError(403, "Access denied for this room type"), "", "room's owner"},
		{"link limit", apiError(403, "The maximum number of links may not exceed 5"), "already holds as many links", "room's owner"},
		{"unauthorized", apiError(401, "unauthorized"), "DocSpace rejected the token for https://portal.example.com", ""},
		{"not found", apiError(404, "Item not found"), "Room 4711 does not exist on https://portal.example.com", ""},
		{"rate limited", apiError(429, "too many requests"), "lower -parallelism", ""},
		{"anything else is passed on", errors.New("boom"), "boom", "\n\n"},
	}
	for _, tt := range tests {
		got := describeAPIError(tt.err, docspace.RoomTarget("4711"), "https://portal.example.com")
		if tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("%s: %q lacks %q", tt.name, got, tt.want)
		}
		if tt.dontWant != "" && strings.Contains(got, tt.dontWant) {
			t.Errorf("%s: %q should not say %q", tt.name, got, tt.dontWant)
		}
	}
}
