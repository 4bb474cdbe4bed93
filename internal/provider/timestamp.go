package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// DocSpace echoes a date in the portal's time zone with 7 fractional digits,
// so "2026-12-31T23:59:59Z" comes back as "2027-01-01T02:59:59.0000000+03:00".
// timetypes.RFC3339 treats those as different (it compares the offset too);
// this type compares instants, so the user's own spelling stays in state and
// no diff appears.

var (
	_ basetypes.StringTypable                    = timestampType{}
	_ basetypes.StringValuableWithSemanticEquals = Timestamp{}
	_ xattr.ValidateableAttribute                = Timestamp{}
)

type timestampType struct {
	basetypes.StringType
}

func (t timestampType) String() string { return "provider.timestampType" }

func (t timestampType) ValueType(context.Context) attr.Value { return Timestamp{} }

func (t timestampType) Equal(o attr.Type) bool {
	other, ok := o.(timestampType)
	return ok && t.StringType.Equal(other.StringType)
}

func (t timestampType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return Timestamp{StringValue: in}, nil
}

func (t timestampType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return Timestamp{StringValue: s}, nil
}

// Timestamp is an RFC 3339 date-time with a mandatory offset, equal to
// another Timestamp when both name the same instant.
type Timestamp struct {
	basetypes.StringValue
}

func newTimestampNull() Timestamp { return Timestamp{StringValue: basetypes.NewStringNull()} }

func newTimestampUnknown() Timestamp { return Timestamp{StringValue: basetypes.NewStringUnknown()} }

// newTimestampPointer renders t as RFC 3339 in t's own zone, or null.
func newTimestampPointer(t *time.Time) Timestamp {
	if t == nil {
		return newTimestampNull()
	}
	return Timestamp{StringValue: basetypes.NewStringValue(t.Format(time.RFC3339Nano))}
}

func (v Timestamp) Type(context.Context) attr.Type { return timestampType{} }

func (v Timestamp) Equal(o attr.Value) bool {
	other, ok := o.(Timestamp)
	return ok && v.StringValue.Equal(other.StringValue)
}

// Time parses the value; ok is false for null, unknown or malformed values.
func (v Timestamp) Time() (time.Time, bool) {
	if v.IsNull() || v.IsUnknown() {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, v.ValueString())
	return t, err == nil
}

// dotNetTick is the precision DocSpace keeps (a .NET DateTime tick):
// anything finer is dropped on the way in (API.md §3.2).
const dotNetTick = 100 * time.Nanosecond

// sameTick reports whether a and b are the same instant as DocSpace keeps
// it, so a date written with nanoseconds equals DocSpace's echo of it.
func sameTick(a, b time.Time) bool {
	return a.Truncate(dotNetTick).Equal(b.Truncate(dotNetTick))
}

// StringSemanticEquals reports whether both values name the same instant,
// at DocSpace's precision.
func (v Timestamp) StringSemanticEquals(_ context.Context, other basetypes.StringValuable) (bool, diag.Diagnostics) {
	o, ok := other.(Timestamp)
	if !ok {
		return false, nil
	}
	a, okA := v.Time()
	b, okB := o.Time()
	return okA && okB && sameTick(a, b), nil
}

// ValidateAttribute rejects anything but RFC 3339 with an offset: a date
// without one would be read in the server's own zone (API.md §2).
func (v Timestamp) ValidateAttribute(_ context.Context, req xattr.ValidateAttributeRequest, resp *xattr.ValidateAttributeResponse) {
	if v.IsNull() || v.IsUnknown() {
		return
	}
	if _, ok := v.Time(); !ok {
		addInvalidDateTime(&resp.Diagnostics, req.Path, v.ValueString())
	}
}
