package server

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
)

func TestDetached(t *testing.T) {
	t.Parallel()
	type key struct{}
	deadline := time.Now().Add(time.Hour)
	parent, cancelParent := context.WithDeadline(context.WithValue(context.Background(), key{}, "heavy"), deadline)
	ctx, done := detached(parent)
	defer done()
	if ctx.Value(key{}) != nil {
		t.Error("the detached context carries the request's values")
	}
	if d, ok := ctx.Deadline(); !ok || !d.Equal(deadline) {
		t.Errorf("deadline %v %v, want %v", d, ok, deadline)
	}
	cancelParent()
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("cancelling the request did not reach the detached context")
	}

	ctx2, done2 := detached(context.Background())
	done2()
	if ctx2.Err() == nil {
		t.Error("a finished call leaves its context running")
	}
}

// TestLeanServerHidesNothing: the quiet mode serves every method the
// framework's server has, so that tf6server's type assertions for optional
// capabilities (list resources, actions, state stores) see them.
func TestLeanServerHidesNothing(t *testing.T) {
	t.Parallel()
	framework := providerserver.NewProtocol6(provider.New("test")())()
	lean := LeanServer(framework)
	if _, ok := lean.(leanServer); !ok {
		t.Fatalf("LeanServer returned %T: the framework's server no longer has every optional interface of frameworkServer", lean)
	}
	for _, optional := range []struct {
		name string
		ok   bool
	}{
		// tf6server asserts ProviderServerWith{ListResource,Actions,StateStores}:
		// the ProviderServer plus each of these.
		{"ListResourceServer", is[tfprotov6.ListResourceServer](lean)},
		{"ActionServer", is[tfprotov6.ActionServer](lean)},
		{"StateStoreServer", is[tfprotov6.StateStoreServer](lean)},
	} {
		if !optional.ok {
			t.Errorf("the lean server is not a tfprotov6.%s", optional.name)
		}
	}
	// Every RPC, (ctx, request) -> (response, error), of the framework's
	// server is a method of the lean one.
	served := reflect.TypeOf(lean)
	frameworkType := reflect.TypeOf(framework)
	errorType := reflect.TypeFor[error]()
	rpcs := 0
	for i := range frameworkType.NumMethod() {
		m := frameworkType.Method(i)
		if m.Type.NumIn() != 3 || m.Type.NumOut() != 2 || m.Type.Out(1) != errorType {
			continue
		}
		rpcs++
		if _, ok := served.MethodByName(m.Name); !ok {
			t.Errorf("the framework's server has %s, the lean server does not", m.Name)
		}
	}
	if rpcs < 30 {
		t.Errorf("found %d RPCs on the framework's server; the test no longer recognises them", rpcs)
	}
}

func is[T any](v any) bool { _, ok := v.(T); return ok }

// TestLeanServerPassesOthersThrough: a server without the optional
// interfaces is served as it is rather than losing them.
func TestLeanServerPassesOthersThrough(t *testing.T) {
	t.Parallel()
	var plain struct{ tfprotov6.ProviderServer }
	if got := LeanServer(plain); got != tfprotov6.ProviderServer(plain) {
		t.Errorf("LeanServer wrapped %T, which lacks the optional interfaces", plain)
	}
}
