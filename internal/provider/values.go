package provider

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Small conversions between the client's values, Terraform's values and the
// text of diagnostics, used by every resource and data source.

// optionalString is a string the API omits when empty: null in Terraform.
func optionalString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// optionalInt is an optional API number: null in Terraform when absent.
func optionalInt(n *int) types.Int64 {
	if n == nil {
		return types.Int64Null()
	}
	return types.Int64Value(int64(*n))
}

// equalIntPtr compares two optional numbers, nil equal only to nil.
func equalIntPtr(a, b *int) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// quotedList writes values as a list of Markdown code spans, for
// descriptions and diagnostics.
func quotedList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + v + "`"
	}
	return strings.Join(quoted, ", ")
}

// intOrUnlimited writes an optional limit, nil being no limit.
func intOrUnlimited(n *int) string {
	if n == nil {
		return "unlimited"
	}
	return fmt.Sprint(*n)
}
