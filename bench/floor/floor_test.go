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
	var provided, bare resource.SchemaResponse
	provider.NewRoomLinkResource().Schema(ctx, resource.SchemaRequest{}, &provided)
	floorLink{}.Schema(ctx, resource.SchemaRequest{}, &bare)
	if bare.Diagnostics.HasError() {
		t.Fatal(bare.Diagnostics)
	}
	if !bare.Schema.Type().Equal(provided.Schema.Type()) {
		t.Fatalf("types differ:\n%s\n%s", bare.Schema.Type(), provided.Schema.Type())
	}
	for name, r := range provided.Schema.Attributes {
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
	if len(bare.Schema.Attributes) != len(provided.Schema.Attributes) {
		t.Errorf("%d attributes, want %d", len(bare.Schema.Attributes), len(provided.Schema.Attributes))
	}
}
