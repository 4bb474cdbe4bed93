package floor

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
)

// TestSchema: the floor's docspace_room_link is the provider's as Terraform
// sees it (the same attributes, types and flags), without validators,
// defaults or plan modifiers.
func TestSchema(t *testing.T) {
	ctx := context.Background()
	var real, bare resource.SchemaResponse
	provider.NewRoomLinkResource().Schema(ctx, resource.SchemaRequest{}, &real)
	floorLink{}.Schema(ctx, resource.SchemaRequest{}, &bare)
	if bare.Diagnostics.HasError() {
		t.Fatal(bare.Diagnostics)
	}
	if !bare.Schema.Type().Equal(real.Schema.Type()) {
		t.Fatalf("types differ:\n%s\n%s", bare.Schema.Type(), real.Schema.Type())
	}
	for name, r := range real.Schema.Attributes {
		b := bare.Schema.Attributes[name]
		if b.IsRequired() != r.IsRequired() || b.IsOptional() != r.IsOptional() || b.IsComputed() != r.IsComputed() ||
			b.IsSensitive() != r.IsSensitive() || b.IsWriteOnly() != r.IsWriteOnly() {
			t.Errorf("%s: flags differ", name)
		}
		switch a := b.(type) {
		case schema.StringAttribute:
			if len(a.Validators)+len(a.PlanModifiers) > 0 || a.Default != nil {
				t.Errorf("%s keeps behaviour", name)
			}
		case schema.BoolAttribute:
			if len(a.Validators)+len(a.PlanModifiers) > 0 || a.Default != nil {
				t.Errorf("%s keeps behaviour", name)
			}
		case schema.Int64Attribute:
			if len(a.Validators)+len(a.PlanModifiers) > 0 || a.Default != nil {
				t.Errorf("%s keeps behaviour", name)
			}
		case schema.MapAttribute:
			if len(a.Validators)+len(a.PlanModifiers) > 0 || a.Default != nil {
				t.Errorf("%s keeps behaviour", name)
			}
		}
	}
	if len(bare.Schema.Attributes) != len(real.Schema.Attributes) {
		t.Errorf("%d attributes, want %d", len(bare.Schema.Attributes), len(real.Schema.Attributes))
	}
}
