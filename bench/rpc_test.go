package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/docspace-community/terraform-provider-docspace/bench/floor"
	"github.com/docspace-community/terraform-provider-docspace/bench/rusage"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
	"github.com/docspace-community/terraform-provider-docspace/internal/server"
)

// BenchmarkPlanUnchangedLink is the provider's side of `terraform plan` for
// one docspace_room_link that has not changed, in-process and without
// Terraform: the four calls Terraform makes per resource (validate,
// upgrade, read, plan), against the provider and against the framework
// floor. The room's listing is cached after the first read, as it is for
// the other links of a room in a real plan, so what is measured is CPU and
// allocations, the figures a change to the plan path should move:
//
//	cd bench && go test -run '^$' -bench PlanUnchangedLink -benchmem
func BenchmarkPlanUnchangedLink(b *testing.B) {
	srv := docspacetest.NewTestServer(b)
	room := srv.CreateRoom("bench", docspacetest.RoomCustom)
	for _, tc := range []struct {
		name     string
		server   func() tfprotov6.ProviderServer
		provider map[string]tftypes.Value // provider block
	}{
		{"provider", providerserver.NewProtocol6(provider.New("bench")()), map[string]tftypes.Value{
			"host": tftypes.NewValue(tftypes.String, srv.URL), "token": tftypes.NewValue(tftypes.String, docspacetest.DefaultToken),
		}},
		{"framework floor", providerserver.NewProtocol6(floor.New()), nil},
	} {
		b.Run(tc.name, func(b *testing.B) {
			// Served as server.Serve serves it without logs requested.
			p := newRPCLink(b, server.LeanServer(tc.server()), tc.provider, strconv.Itoa(room.ID))
			b.ReportAllocs()
			before := rusage.Self()
			for b.Loop() {
				p.planUnchanged(b)
			}
			// CPU time is steadier than wall time on a shared machine.
			b.ReportMetric(float64(rusage.Self()-before)/float64(b.N), "cpu-ns/op")
		})
	}
}

// rpcLink is one docspace_room_link in the state of a provider server.
type rpcLink struct {
	srv           tfprotov6.ProviderServer
	typ           tftypes.Type
	config, state *tfprotov6.DynamicValue
	stateJSON     []byte
}

const rpcResource = "docspace_room_link"

func newRPCLink(b *testing.B, srv tfprotov6.ProviderServer, providerConfig map[string]tftypes.Value, roomID string) *rpcLink {
	b.Helper()
	ctx := context.Background()
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(schemas.Diagnostics) > 0 {
		b.Fatal(err, schemas.Diagnostics)
	}
	cfg, err := tfprotov6.NewDynamicValue(schemas.Provider.ValueType(), objectOf(schemas.Provider.ValueType(), providerConfig))
	if err != nil {
		b.Fatal(err)
	}
	if resp, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: &cfg}); err != nil || hasError(resp.Diagnostics) {
		b.Fatal(err, resp.Diagnostics)
	}
	typ := schemas.ResourceSchemas[rpcResource].ValueType()
	l := &rpcLink{srv: srv, typ: typ}
	config := objectOf(typ, map[string]tftypes.Value{
		"room_id": tftypes.NewValue(tftypes.String, roomID), "access": tftypes.NewValue(tftypes.String, AccessCreate),
		"title": tftypes.NewValue(tftypes.String, "bench link"),
	})
	if l.config, err = dynamic(typ, config); err != nil {
		b.Fatal(err)
	}

	// Create it as `terraform apply` would: plan from a proposed state that
	// is the configuration with unknown computed values, then apply.
	proposed, err := tftypes.Transform(config, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if len(p.Steps()) == 1 && v.IsNull() && computed(schemas.ResourceSchemas[rpcResource], p) {
			return tftypes.NewValue(v.Type(), tftypes.UnknownValue), nil
		}
		return v, nil
	})
	if err != nil {
		b.Fatal(err)
	}
	null, _ := dynamic(typ, tftypes.NewValue(typ, nil))
	prop, _ := dynamic(typ, proposed)
	plan, err := srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: rpcResource, PriorState: null, ProposedNewState: prop, Config: l.config})
	if err != nil || hasError(plan.Diagnostics) {
		b.Fatal(err, plan.Diagnostics)
	}
	applied, err := srv.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{TypeName: rpcResource, PriorState: null, PlannedState: plan.PlannedState, Config: l.config})
	if err != nil || hasError(applied.Diagnostics) {
		b.Fatal(err, applied.Diagnostics)
	}
	l.state = applied.NewState
	state, err := l.state.Unmarshal(typ)
	if err != nil {
		b.Fatal(err)
	}
	if l.stateJSON, err = stateJSON(state); err != nil {
		b.Fatal(err)
	}
	return l
}

// planUnchanged makes the calls `terraform plan` makes for the link.
func (l *rpcLink) planUnchanged(b *testing.B) {
	ctx := context.Background()
	v, err := l.srv.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: rpcResource, Config: l.config})
	if err != nil || hasError(v.Diagnostics) {
		b.Fatal(err, v.Diagnostics)
	}
	u, err := l.srv.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{TypeName: rpcResource, RawState: &tfprotov6.RawState{JSON: l.stateJSON}})
	if err != nil || hasError(u.Diagnostics) {
		b.Fatal(err, u.Diagnostics)
	}
	r, err := l.srv.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: rpcResource, CurrentState: u.UpgradedState})
	if err != nil || hasError(r.Diagnostics) {
		b.Fatal(err, r.Diagnostics)
	}
	p, err := l.srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: rpcResource, PriorState: r.NewState, ProposedNewState: r.NewState, Config: l.config})
	if err != nil || hasError(p.Diagnostics) {
		b.Fatal(err, p.Diagnostics)
	}
	if len(p.RequiresReplace) > 0 {
		b.Fatal("an unchanged link planned for replacement")
	}
}

// objectOf is an object of typ with the given attributes and every other
// attribute null.
func objectOf(typ tftypes.Type, attrs map[string]tftypes.Value) tftypes.Value {
	obj := typ.(tftypes.Object) //nolint:forcetypeassert // schemas are objects
	vals := make(map[string]tftypes.Value, len(obj.AttributeTypes))
	for name, t := range obj.AttributeTypes {
		vals[name] = tftypes.NewValue(t, nil)
		if v, ok := attrs[name]; ok {
			vals[name] = v
		}
	}
	return tftypes.NewValue(typ, vals)
}

func dynamic(typ tftypes.Type, v tftypes.Value) (*tfprotov6.DynamicValue, error) {
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	return &dv, err
}

func computed(s *tfprotov6.Schema, p *tftypes.AttributePath) bool {
	name, ok := p.Steps()[0].(tftypes.AttributeName)
	if !ok {
		return false
	}
	for _, a := range s.Block.Attributes {
		if a.Name == string(name) {
			return a.Computed
		}
	}
	return false
}

func hasError(diags []*tfprotov6.Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}

// stateJSON is the state as Terraform stores it: a JSON object of the
// attributes (strings, numbers, booleans, null, maps of strings).
func stateJSON(v tftypes.Value) ([]byte, error) {
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		return nil, err
	}
	out := make(map[string]any, len(attrs))
	for name, a := range attrs {
		if a.IsNull() {
			out[name] = nil
			continue
		}
		switch {
		case a.Type().Is(tftypes.String):
			var s string
			_ = a.As(&s)
			out[name] = s
		case a.Type().Is(tftypes.Bool):
			var x bool
			_ = a.As(&x)
			out[name] = x
		case a.Type().Is(tftypes.Number):
			var n big.Float
			_ = a.As(&n)
			out[name] = json.Number(n.Text('f', -1))
		default:
			return nil, fmt.Errorf("%s: a %s in the benchmark's state", name, a.Type())
		}
	}
	return json.Marshal(out)
}
