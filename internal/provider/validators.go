package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// maxTitleLength is DocSpace's limit on a link title (API.md §2), in UTF-16
// code units.
const maxTitleLength = 255

// DocSpace's default password policy (API.md §5.3).
const (
	passwordMinLength = 8
	passwordMaxLength = 30
)

// passwordValidators are DocSpace's default password policy (API.md §5.3).
func passwordValidators() []validator.String {
	return []validator.String{passwordPolicy{}}
}

// passwordPolicy checks a password against DocSpace's default policy without
// ever repeating it: the message says which rule failed, never the value,
// its length or the offending character, since each would give part of a
// secret away (stringvalidator's checks append "got: <value>").
type passwordPolicy struct{}

func (passwordPolicy) Description(context.Context) string {
	return fmt.Sprintf("must be %d to %d printable ASCII characters without spaces", passwordMinLength, passwordMaxLength)
}

func (v passwordPolicy) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v passwordPolicy) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if broken := passwordPolicyViolations(req.ConfigValue.ValueString()); len(broken) > 0 {
		addInvalidPassword(&resp.Diagnostics, req.Path, broken)
	}
}

// utf16Length is the length .NET's string.Length reports, which is how
// DocSpace measures text (API.md §5.2): a character outside the Basic
// Multilingual Plane, such as most emoji, counts as two.
func utf16Length(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 && r <= unicode.MaxRune {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// textLength bounds a text attribute's length as DocSpace counts it: in
// UTF-16 code units (stringvalidator.LengthBetween counts bytes, so a
// Cyrillic title of 128 letters would already fail at 255).
type textLength struct{ min, max int }

func (v textLength) Description(context.Context) string {
	return fmt.Sprintf("must be %d to %d characters long, counted as DocSpace counts them (UTF-16 code units: most emoji count as two)", v.min, v.max)
}

func (v textLength) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v textLength) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	n := utf16Length(req.ConfigValue.ValueString())
	if n < v.min || n > v.max {
		addInvalidTextLength(&resp.Diagnostics, req.Path, n, v.min, v.max)
	}
}

// accessName accepts the Terraform names of access values, and explains the
// API's numbers, which DocSpace's own scripts use, by naming the one meant.
type accessName struct{ allowed []string }

func (v accessName) Description(context.Context) string {
	return "must be one of " + quotedList(v.allowed)
}

func (v accessName) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v accessName) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	value := req.ConfigValue.ValueString()
	if slices.Contains(v.allowed, value) {
		return
	}
	addInvalidAccessName(&resp.Diagnostics, req.Path, value, v.allowed)
}

// durationValidator accepts a positive Go duration of at most ten years.
type durationValidator struct{}

func (durationValidator) Description(context.Context) string {
	return "must be a positive duration such as \"720h\", at most ten years"
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (durationValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	d, err := time.ParseDuration(req.ConfigValue.ValueString())
	if err != nil || d <= 0 || d > 10*365*24*time.Hour {
		addInvalidDuration(&resp.Diagnostics, req.Path, req.ConfigValue.ValueString())
	}
}

// parentIDValidator applies the client's id rule for a room, file or
// folder at plan time.
type parentIDValidator struct{ kind docspace.TargetKind }

func (v parentIDValidator) Description(context.Context) string {
	if v.kind == docspace.TargetRoom {
		return "must be a room id: digits, or a third-party room id"
	}
	return "must be a " + v.kind.Noun() + " id: digits, or a third-party id"
}

func (v parentIDValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v parentIDValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := v.kind.ValidateID(req.ConfigValue.ValueString()); err != nil {
		addInvalidParentID(&resp.Diagnostics, req.Path, v.kind, err)
	}
}

// noControlCharacters keeps line breaks and other control characters out of
// titles, where they would garble the DocSpace UI.
type noControlCharacters struct{}

func (noControlCharacters) Description(context.Context) string {
	return "must not contain control characters"
}

func (v noControlCharacters) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (noControlCharacters) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if i := strings.IndexFunc(req.ConfigValue.ValueString(), unicode.IsControl); i >= 0 {
		addControlCharacterInTitle(&resp.Diagnostics, req.Path, utf16Length(req.ConfigValue.ValueString()[:i])+1)
	}
}
