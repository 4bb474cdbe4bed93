package provider

import (
	"context"
	"testing"
	"time"
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
