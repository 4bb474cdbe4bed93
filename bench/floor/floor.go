// Package floor is the framework floor of `make bench`: a provider
// built on the same terraform-plugin-framework, serving docspace_room_link
// with the same attributes as the real one, that makes no API calls. Create
// and Update copy the plan into the state, Read keeps the state, Delete
// forgets it. What it costs is what any framework provider with this schema
// costs, so BENCHMARKS.md can tell the framework's share from this
// provider's own.
//
// It keeps the attributes' names, types and flags (required, optional,
// computed, sensitive, write-only, the custom date type) and drops what a
// provider adds of its own choice: validators, defaults, plan modifiers.
// cmd/provider-floor serves it through server.Serve, exactly as
// the provider is served.
package floor

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
)

// New returns the floor provider, as providerserver expects.
func New() fwprovider.Provider { return floorProvider{} }

type floorProvider struct{}

func (floorProvider) Metadata(_ context.Context, _ fwprovider.MetadataRequest, resp *fwprovider.MetadataResponse) {
	resp.TypeName = "docspace"
}

// Schema is empty: the benchmark's provider block sets nothing, and the
// real provider reads its settings from the environment.
func (floorProvider) Schema(context.Context, fwprovider.SchemaRequest, *fwprovider.SchemaResponse) {}

func (floorProvider) Configure(context.Context, fwprovider.ConfigureRequest, *fwprovider.ConfigureResponse) {
}

func (floorProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return floorLink{} }}
}

func (floorProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

// floorLink is docspace_room_link without the provider's behaviour.
type floorLink struct{}

func (floorLink) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_link"
}

func (floorLink) Schema(ctx context.Context, req resource.SchemaRequest, resp *resource.SchemaResponse) {
	var provided resource.SchemaResponse
	provider.NewRoomLinkResource().Schema(ctx, req, &provided)
	resp.Diagnostics.Append(provided.Diagnostics...)
	s, err := bareSchema(provided.Schema)
	if err != nil {
		resp.Diagnostics.AddError("Unexpected Attribute Kind", err.Error())
	}
	resp.Schema = s
}

// bareSchema keeps the attributes of s as Terraform sees them and drops
// validators, defaults and plan modifiers.
func bareSchema(s schema.Schema) (schema.Schema, error) {
	out := schema.Schema{Attributes: make(map[string]schema.Attribute, len(s.Attributes))}
	for name, a := range s.Attributes {
		switch a := a.(type) {
		case schema.StringAttribute:
			a.Validators, a.PlanModifiers, a.Default = nil, nil, nil
			out.Attributes[name] = a
		case schema.BoolAttribute:
			a.Validators, a.PlanModifiers, a.Default = nil, nil, nil
			out.Attributes[name] = a
		case schema.Int64Attribute:
			a.Validators, a.PlanModifiers, a.Default = nil, nil, nil
			out.Attributes[name] = a
		case schema.MapAttribute:
			a.Validators, a.PlanModifiers, a.Default = nil, nil, nil
			out.Attributes[name] = a
		default:
			return out, fmt.Errorf("attribute %q is a %T, which the framework floor does not copy yet", name, a)
		}
	}
	return out, nil
}

func (floorLink) Create(_ context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.State.Raw = known(req.Plan.Raw)
}

func (floorLink) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (floorLink) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = known(req.Plan.Raw)
}

func (floorLink) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// known is v with every unknown value (what the server would compute) null.
func known(v tftypes.Value) tftypes.Value {
	out, err := tftypes.Transform(v, func(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if !v.IsKnown() {
			return tftypes.NewValue(v.Type(), nil), nil
		}
		return v, nil
	})
	if err != nil {
		panic(err) // a transform that returns its input's own type cannot fail
	}
	return out
}
