package docspace

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

func TestSignIn(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t,
		docspacetest.WithUser("admin@example.com", "Sign-in-2026"),
		docspacetest.WithTwoFactorUser("guarded@example.com", "Guarded-2026"))
	ctx := context.Background()
	cfg := Config{Host: srv.URL}

	token, err := SignIn(ctx, cfg, "admin@example.com", "Sign-in-2026")
	if err != nil || token == "" {
		t.Fatalf("sign-in: %q, %v", token, err)
	}
	c, err := NewClient(Config{Host: srv.URL, Token: token})
	if err != nil {
		t.Fatal(err)
	}
	room := srv.CreateRoom("signed in", docspacetest.RoomCustom)
	if _, err := c.ListLinks(ctx, RoomTarget(fmt.Sprint(room.ID)), nil); err != nil {
		t.Errorf("the token does not work: %v", err)
	}

	cases := []struct {
		name, user, password string
		check                func(error) bool
	}{
		{"wrong password", "admin@example.com", "Wrong-pass-2026", IsUnauthorized},
		{"unknown user", "nobody@example.com", "Sign-in-2026", func(err error) bool { return err != nil }},
		{"two factors", "guarded@example.com", "Guarded-2026", func(err error) bool { return errors.Is(err, ErrTwoFactor) }},
		{"no password", "admin@example.com", "", func(err error) bool { return err != nil }},
		{"no user", " ", "Sign-in-2026", func(err error) bool { return err != nil }},
	}
	for _, tc := range cases {
		_, err := SignIn(ctx, cfg, tc.user, tc.password)
		if !tc.check(err) {
			t.Errorf("%s: unexpected error %v", tc.name, err)
		}
		if err != nil && tc.password != "" && strings.Contains(err.Error(), tc.password) {
			t.Errorf("%s: the password is in the error: %v", tc.name, err)
		}
	}
}
