package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// unconfigured is what the provider hands its resources and data sources
// while some of its settings are not known (planning, with host taken from a
// resource not yet created): the names of those settings, and no client.
type unconfigured struct{ settings []string }

// unknownSettingsFrom names the provider's settings that are not known yet,
// from what Configure of a resource or data source receives.
func unknownSettingsFrom(v any) []string {
	if u, ok := v.(*unconfigured); ok {
		return u.settings
	}
	return nil
}

// deferOrRefuse answers a resource call that needs the portal while the
// provider's settings are not known: deferred where Terraform allows
// deferred actions, refused with cannotReadYet otherwise (nil).
func deferOrRefuse(allowed bool, settings []string, what string, diags *diag.Diagnostics) *resource.Deferred {
	if allowed {
		return &resource.Deferred{Reason: resource.DeferredReasonProviderConfigUnknown}
	}
	cannotReadYet(settings, what, diags)
	return nil
}
