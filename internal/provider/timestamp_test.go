package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

func TestTimestamp(t *testing.T) {
	t.Parallel()
	ts := func(s string) Timestamp { return Timestamp{StringValue: basetypes.NewStringValue(s)} }
	equal := []struct {
		a, b string
		same bool
	}{
		{"2026-12-31T23:59:59Z", "2027-01-01T02:59:59.0000000+03:00", true},
		{"2026-12-31T23:59:59Z", "2026-12-31T23:59:59.0000001Z", false},
		{"2026-12-31T23:59:59+05:00", "2026-12-31T21:59:59+03:00", true},
		{"2026-12-31T23:59:59Z", "2026-12-31T23:59:58Z", false},
		{"2026-12-31T23:59:59Z", "not a date", false},
		// DocSpace keeps 100 ns (.NET ticks): nanoseconds beyond are dropped.
		{"2026-12-03T17:07:21.123456789Z", "2026-12-03T20:07:21.1234567+03:00", true},
		{"2026-12-03T17:07:21.12345679Z", "2026-12-03T17:07:21.1234567Z", true},
		{"2026-12-03T17:07:21.1234568Z", "2026-12-03T17:07:21.1234567Z", false},
	}
	for _, tc := range equal {
		same, _ := ts(tc.a).StringSemanticEquals(context.Background(), ts(tc.b))
		if same != tc.same {
			t.Errorf("%s ~ %s: %v, want %v", tc.a, tc.b, same, tc.same)
		}
	}
	if same, _ := newTimestampNull().StringSemanticEquals(context.Background(), newTimestampNull()); same {
		t.Error("two nulls are handled by plain equality, not as the same instant")
	}

	for _, tc := range []struct {
		in    string
		valid bool
	}{
		{"2026-12-31T23:59:59Z", true},
		{"2026-12-31T23:59:59.1234567+03:00", true},
		{"2026-12-31T23:59:59", false},
		{"2026-12-31", false},
		{"31.12.2026", false},
		{"", false},
	} {
		var resp xattr.ValidateAttributeResponse
		ts(tc.in).ValidateAttribute(context.Background(), xattr.ValidateAttributeRequest{Path: path.Root("expiration_date")}, &resp)
		if valid := !resp.Diagnostics.HasError(); valid != tc.valid {
			t.Errorf("%q: valid %v, want %v", tc.in, valid, tc.valid)
		}
	}
}
