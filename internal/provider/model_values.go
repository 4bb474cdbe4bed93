package provider

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Models of the busiest resource move in and out of Terraform's values
// through a table of their fields instead of the framework's Get and Set.
// Those reflect over the struct on every call, and terraform-plugin-framework
// v1.19 compiles a regular expression for every field while doing so
// (internal/reflect.getStructTags): a tenth of the provider's CPU in a plan
// of unchanged links. The table costs one map per conversion.

// modelField names one attribute of a model and points at the field that
// holds it: a *types.String, *types.Bool, *types.Int64, *types.Map (of
// strings) or *Timestamp.
type modelField struct {
	name string
	ptr  attr.Value
}

// readFields fills the fields from an object value (a plan, a state or a
// configuration). Every field must be an attribute of the object.
func readFields(v tftypes.Value, fields []modelField) diag.Diagnostics {
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		return conversionError(err)
	}
	var errs []error
	for _, f := range fields {
		tv, ok := attrs[f.name]
		if !ok {
			errs = append(errs, fmt.Errorf("the value has no attribute %q", f.name))
			continue
		}
		if err := readField(tv, f.ptr); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", f.name, err))
		}
	}
	return conversionError(errors.Join(errs...))
}

func readField(v tftypes.Value, ptr attr.Value) error {
	switch p := ptr.(type) {
	case *types.String:
		s, err := stringFrom(v)
		*p = s
		return err
	case *Timestamp:
		s, err := stringFrom(v)
		*p = Timestamp{StringValue: s}
		return err
	case *types.Bool:
		switch {
		case !v.IsKnown():
			*p = types.BoolUnknown()
		case v.IsNull():
			*p = types.BoolNull()
		default:
			var b bool
			if err := v.As(&b); err != nil {
				return err
			}
			*p = types.BoolValue(b)
		}
	case *types.Int64:
		switch {
		case !v.IsKnown():
			*p = types.Int64Unknown()
		case v.IsNull():
			*p = types.Int64Null()
		default:
			var n big.Float
			if err := v.As(&n); err != nil {
				return err
			}
			i, acc := n.Int64()
			if acc != big.Exact {
				return fmt.Errorf("%s is not a whole number within 64 bits", n.String())
			}
			*p = types.Int64Value(i)
		}
	case *types.Map:
		switch {
		case !v.IsKnown():
			*p = types.MapUnknown(types.StringType)
		case v.IsNull():
			*p = types.MapNull(types.StringType)
		default:
			var elems map[string]tftypes.Value
			if err := v.As(&elems); err != nil {
				return err
			}
			values := make(map[string]attr.Value, len(elems))
			for k, e := range elems {
				s, err := stringFrom(e)
				if err != nil {
					return fmt.Errorf("[%q]: %w", k, err)
				}
				values[k] = s
			}
			m, diags := types.MapValue(types.StringType, values)
			if diags.HasError() {
				return fmt.Errorf("%v", diags)
			}
			*p = m
		}
	default:
		return fmt.Errorf("no conversion into %T", ptr)
	}
	return nil
}

func stringFrom(v tftypes.Value) (types.String, error) {
	switch {
	case !v.IsKnown():
		return types.StringUnknown(), nil
	case v.IsNull():
		return types.StringNull(), nil
	}
	var s string
	if err := v.As(&s); err != nil {
		return types.StringNull(), err
	}
	return types.StringValue(s), nil
}

// writeFields builds an object value of type typ from the fields, which
// must be all of its attributes.
func writeFields(ctx context.Context, typ tftypes.Type, fields []modelField) (tftypes.Value, diag.Diagnostics) {
	obj, _ := typ.(tftypes.Object)
	vals := make(map[string]tftypes.Value, len(fields))
	for _, f := range fields {
		if at, ok := obj.AttributeTypes[f.name]; ok && (f.ptr.IsNull() || f.ptr.IsUnknown()) {
			// The attribute's type comes from the schema: a zero value
			// (a Map without its element type, say) does not carry it.
			vals[f.name] = tftypes.NewValue(at, nil)
			if f.ptr.IsUnknown() {
				vals[f.name] = tftypes.NewValue(at, tftypes.UnknownValue)
			}
			continue
		}
		v, err := f.ptr.ToTerraformValue(ctx)
		if err != nil {
			return tftypes.Value{}, conversionError(fmt.Errorf("%s: %w", f.name, err))
		}
		vals[f.name] = v
	}
	if err := tftypes.ValidateValue(typ, vals); err != nil {
		return tftypes.Value{}, conversionError(err)
	}
	return tftypes.NewValue(typ, vals), nil
}

func conversionError(err error) diag.Diagnostics {
	if err == nil {
		return nil
	}
	var diags diag.Diagnostics
	diags.AddError("Value Conversion Error",
		"The provider could not convert between Terraform's value and its own model. This is a bug in the provider; "+
			"please report it with this message: "+err.Error())
	return diags
}
