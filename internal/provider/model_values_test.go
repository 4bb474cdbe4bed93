package provider

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestLinkModelFields: for every kind of link resource, the table names
// exactly the schema's attributes, and every field of the model is in the
// table of some kind.
func TestLinkModelFields(t *testing.T) {
	t.Parallel()
	used := map[string]bool{}
	for _, k := range []*linkKind{roomLinks, roomPrimaryLinks} {
		var m linkModel
		var names []string
		for _, f := range m.fields(k) {
			names = append(names, f.name)
			used[f.name] = true
		}
		var attrs []string
		for name := range k.schema(k).Attributes {
			attrs = append(attrs, name)
		}
		slices.Sort(names)
		slices.Sort(attrs)
		if !slices.Equal(names, attrs) {
			t.Errorf("%s: fields() %v\nschema %v", k.name, names, attrs)
		}
	}
	// The parent is named differently by each kind.
	if n := reflect.TypeFor[linkModel]().NumField(); len(used) != n {
		t.Errorf("the kinds' tables name %d attributes, the model has %d fields: %v", len(used), n, used)
	}
}

// TestLinkModelConversion: value and read are inverse, for known, null and
// unknown values of every kind of attribute, and value agrees with the
// framework's own reading of the schema's attributes.
func TestLinkModelConversion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	triggers, _ := types.MapValue(types.StringType, map[string]attr.Value{"a": types.StringValue("1"), "b": types.StringNull()})
	full := linkModel{
		ID: types.StringValue("c2a1a2a4-7f2e-4f4e-9a55-0a1b2c3d4e5f"), Parent: types.StringValue("4711"),
		LinkType: types.StringValue("external"), Access: types.StringValue("read"), Title: types.StringValue("Ünïcode \"title\""),
		ExpirationDate: Timestamp{StringValue: types.StringValue("2027-01-01T02:59:59.0000000+03:00")},
		Password:       types.StringValue("Secret-2026"), DenyDownload: types.BoolValue(true), Internal: types.BoolValue(false),
		MaxUseCount: types.Int64Value(1000), ShareLink: types.StringValue("https://portal.example/s/x"),
		RequestToken: types.StringValue("tok"), IsExpired: types.BoolValue(false), Primary: types.BoolValue(false),
		CurrentUseCount: types.Int64Value(0), PasswordWO: types.StringNull(), PasswordWOVersion: types.Int64Value(-3),
		RotationTriggers: triggers, ExpiresIn: types.StringValue("720h"), OnExpired: types.StringValue("keep"),
		RenewBefore: types.StringValue("24h"), StoreShareLink: types.BoolValue(true), RevokeOnDestroy: types.BoolValue(false),
	}
	null := emptyLinkModel()
	unknown := full
	unknown.ID, unknown.ExpirationDate, unknown.IsExpired, unknown.CurrentUseCount = types.StringUnknown(), newTimestampUnknown(), types.BoolUnknown(), types.Int64Unknown()
	unknown.RotationTriggers = types.MapUnknown(types.StringType)

	for _, k := range []*linkKind{roomLinks, roomPrimaryLinks} {
		for name, m := range map[string]linkModel{"every attribute set": full, "every attribute null": null, "unknown values": unknown} {
			t.Run(k.name+"/"+name, func(t *testing.T) {
				s := k.schema(k)
				ours, diags := m.value(ctx, k, s.Type().TerraformType(ctx))
				if diags.HasError() {
					t.Fatal(diags)
				}
				var back linkModel
				if diags := back.read(k, ours); diags.HasError() {
					t.Fatal(diags)
				}
				again, _ := back.value(ctx, k, s.Type().TerraformType(ctx))
				if !again.Equal(ours) {
					t.Fatalf("read then value:\n%s\nfirst value:\n%s", again, ours)
				}
				state := tfsdk.State{Schema: s, Raw: ours}
				var deny types.Bool
				var parent types.String
				state.GetAttribute(ctx, path.Root("deny_download"), &deny)
				state.GetAttribute(ctx, path.Root(k.parentAttr), &parent)
				if !deny.Equal(m.DenyDownload) || !parent.Equal(m.Parent) {
					t.Errorf("the framework reads deny_download %s and %s %s from the value", deny, k.parentAttr, parent)
				}
			})
		}
	}
}

func TestReadFieldsErrors(t *testing.T) {
	t.Parallel()
	var m linkModel
	obj := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.Number}}
	diags := m.read(roomLinks, tftypes.NewValue(obj, map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.Number, 1)}))
	if !diags.HasError() {
		t.Fatal("a number for id and 19 missing attributes were accepted")
	}
	m = emptyLinkModel()
	if _, diags := m.value(context.Background(), roomLinks, obj); !diags.HasError() {
		t.Fatal("a model written into an object of another type was accepted")
	}
}

// taggedRoomLink is docspace_room_link's model as the framework's Get and
// Set read it, for BenchmarkLinkModelRead only.
type taggedRoomLink struct {
	ID                types.String `tfsdk:"id"`
	RoomID            types.String `tfsdk:"room_id"`
	LinkType          types.String `tfsdk:"link_type"`
	Access            types.String `tfsdk:"access"`
	Title             types.String `tfsdk:"title"`
	ExpirationDate    Timestamp    `tfsdk:"expiration_date"`
	Password          types.String `tfsdk:"password"`
	DenyDownload      types.Bool   `tfsdk:"deny_download"`
	Internal          types.Bool   `tfsdk:"internal"`
	MaxUseCount       types.Int64  `tfsdk:"max_use_count"`
	ShareLink         types.String `tfsdk:"share_link"`
	RequestToken      types.String `tfsdk:"request_token"`
	IsExpired         types.Bool   `tfsdk:"is_expired"`
	Primary           types.Bool   `tfsdk:"primary"`
	CurrentUseCount   types.Int64  `tfsdk:"current_use_count"`
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64  `tfsdk:"password_wo_version"`
	RotationTriggers  types.Map    `tfsdk:"rotation_triggers"`
	ExpiresIn         types.String `tfsdk:"expires_in"`
	OnExpired         types.String `tfsdk:"on_expired"`
	RenewBefore       types.String `tfsdk:"renew_before"`
	StoreShareLink    types.Bool   `tfsdk:"store_share_link"`
}

// BenchmarkLinkModelRead measures the choice of the field table over the
// framework's Get: reading one docspace_room_link state, as every plan and
// apply does several times per link.
func BenchmarkLinkModelRead(b *testing.B) {
	ctx := context.Background()
	s := roomLinks.schema(roomLinks)
	m := emptyLinkModel()
	m.ID, m.Parent, m.Access, m.Title = types.StringValue("c2a1a2a4-7f2e-4f4e-9a55-0a1b2c3d4e5f"), types.StringValue("4711"),
		types.StringValue("read"), types.StringValue("Auditors")
	raw, diags := m.value(ctx, roomLinks, s.Type().TerraformType(ctx))
	if diags.HasError() {
		b.Fatal(diags)
	}
	state := tfsdk.State{Schema: s, Raw: raw}
	b.Run("table", func(b *testing.B) {
		for b.Loop() {
			var got linkModel
			if diags := got.read(roomLinks, state.Raw); diags.HasError() {
				b.Fatal(diags)
			}
		}
	})
	b.Run("framework", func(b *testing.B) {
		for b.Loop() {
			var got taggedRoomLink
			if diags := state.Get(ctx, &got); diags.HasError() {
				b.Fatal(diags)
			}
		}
	})
}
