package provider

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestRoomLinkModelFields: the table names every tfsdk field of the model,
// once, and the schema's attributes are exactly those.
func TestRoomLinkModelFields(t *testing.T) {
	var tags []string
	typ := reflect.TypeFor[roomLinkModel]()
	for i := range typ.NumField() {
		tags = append(tags, typ.Field(i).Tag.Get("tfsdk"))
	}
	var m roomLinkModel
	var names []string
	for _, f := range m.fields() {
		names = append(names, f.name)
	}
	var attrs []string
	for name := range roomLinkSchema(t).Schema.GetAttributes() {
		attrs = append(attrs, name)
	}
	slices.Sort(tags)
	slices.Sort(names)
	slices.Sort(attrs)
	if !slices.Equal(tags, names) || !slices.Equal(names, attrs) {
		t.Errorf("tfsdk tags %v\nfields() %v\nschema %v", tags, names, attrs)
	}
}

func roomLinkSchema(t *testing.T) tfsdk.State {
	t.Helper()
	var resp resource.SchemaResponse
	NewRoomLinkResource().Schema(context.Background(), resource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	return tfsdk.State{Schema: resp.Schema, Raw: tftypes.NewValue(resp.Schema.Type().TerraformType(context.Background()), nil)}
}

// TestRoomLinkModelConversion: read and value agree with the framework's
// Get and Set, for known, null and unknown values of every kind.
func TestRoomLinkModelConversion(t *testing.T) {
	ctx := context.Background()
	triggers, _ := types.MapValue(types.StringType, map[string]attr.Value{"a": types.StringValue("1"), "b": types.StringNull()})
	full := roomLinkModel{
		ID: types.StringValue("c2a1a2a4-7f2e-4f4e-9a55-0a1b2c3d4e5f"), RoomID: types.StringValue("4711"),
		LinkType: types.StringValue("external"), Access: types.StringValue("read"), Title: types.StringValue("Ünïcode \"title\""),
		ExpirationDate: Timestamp{StringValue: types.StringValue("2027-01-01T02:59:59.0000000+03:00")},
		Password:       types.StringValue("Secret-2026"), DenyDownload: types.BoolValue(true), Internal: types.BoolValue(false),
		MaxUseCount: types.Int64Value(1000), ShareLink: types.StringValue("https://portal.example/s/x"),
		RequestToken: types.StringValue("tok"), IsExpired: types.BoolValue(false), Primary: types.BoolValue(false),
		CurrentUseCount: types.Int64Value(0), PasswordWO: types.StringNull(), PasswordWOVersion: types.Int64Value(-3),
		RotationTriggers: triggers, ExpiresIn: types.StringValue("720h"), OnExpired: types.StringValue("keep"),
	}
	// The zero value of every basetypes value is null; a map needs its element type.
	null := roomLinkModel{RotationTriggers: types.MapNull(types.StringType)}
	unknown := full
	unknown.ID, unknown.ExpirationDate, unknown.IsExpired, unknown.CurrentUseCount = types.StringUnknown(), newTimestampUnknown(), types.BoolUnknown(), types.Int64Unknown()
	unknown.RotationTriggers = types.MapUnknown(types.StringType)

	for name, m := range map[string]roomLinkModel{"every attribute set": full, "every attribute null": null, "unknown values": unknown} {
		t.Run(name, func(t *testing.T) {
			framework := roomLinkSchema(t)
			if diags := framework.Set(ctx, &m); diags.HasError() {
				t.Fatal(diags)
			}
			ours, diags := m.value(ctx, framework.Raw.Type())
			if diags.HasError() {
				t.Fatal(diags)
			}
			if !ours.Equal(framework.Raw) {
				t.Fatalf("value:\n%s\nframework Set:\n%s", ours, framework.Raw)
			}
			var viaFramework, viaTable roomLinkModel
			if diags := framework.Get(ctx, &viaFramework); diags.HasError() {
				t.Fatal(diags)
			}
			if diags := viaTable.read(ours); diags.HasError() {
				t.Fatal(diags)
			}
			if !reflect.DeepEqual(viaFramework, viaTable) {
				t.Errorf("read:\n%+v\nframework Get:\n%+v", viaTable, viaFramework)
			}
		})
	}
}

func TestReadFieldsErrors(t *testing.T) {
	var m roomLinkModel
	obj := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.Number}}
	diags := m.read(tftypes.NewValue(obj, map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.Number, 1)}))
	if !diags.HasError() {
		t.Fatal("a number for id and 19 missing attributes were accepted")
	}
	m = roomLinkModel{RotationTriggers: types.MapNull(types.StringType)}
	if _, diags := m.value(context.Background(), obj); !diags.HasError() {
		t.Fatal("a model written into an object of another type was accepted")
	}
}
