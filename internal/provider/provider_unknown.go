package provider

import (
	"fmt"
	"strings"

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

// describeSettings names settings for a message: `host` and `token`.
func describeSettings(settings []string) string {
	if len(settings) == 0 {
		return "The provider's settings are"
	}
	quoted := make([]string, len(settings))
	for i, s := range settings {
		quoted[i] = "`" + s + "`"
	}
	noun := "setting " + quoted[0] + " is"
	if len(quoted) > 1 {
		noun = "settings " + strings.Join(quoted[:len(quoted)-1], ", ") + " and " + quoted[len(quoted)-1] + " are"
	}
	return "The provider's " + noun
}

// cannotReadYet refuses a read that needs the portal while the provider's
// settings are not known, when Terraform cannot defer it (deferred actions
// are experimental): an import that is not read would leave a bare state,
// whose null link_type plans a replacement of the link. what says what
// cannot happen, e.g. "import room link 4711/…".
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

func cannotReadYet(settings []string, what string, diags *diag.Diagnostics) {
	diags.AddError("Provider Settings Not Known Yet",
		fmt.Sprintf("%s not known until apply (taken from a resource not yet created, say), so this plan cannot %s: "+
			"the link cannot be read from DocSpace, and an import that is not read would plan to replace the link "+
			"(deleting it, with a new address). Nothing was changed. Give the provider known values (a variable, or the "+
			"DOCSPACE_* environment variables), or apply what they come from first (terraform apply -target=...) and "+
			"import afterwards. Where Terraform allows deferred actions (-allow-deferral), the import is deferred instead.",
			describeSettings(settings), what))
}
