package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// printableASCII is DocSpace's default password alphabet: 0x21–0x7E, so no
// spaces (API.md §5.3).
var printableASCII = regexp.MustCompile(`^[\x21-\x7e]+$`)

// passwordValidators are DocSpace's default password policy (API.md §5.3).
func passwordValidators() []validator.String {
	return []validator.String{
		stringvalidator.LengthBetween(8, 30),
		stringvalidator.RegexMatches(printableASCII, "must consist of printable ASCII characters without spaces"),
	}
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
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Duration",
			fmt.Sprintf("%q is not a positive duration of at most ten years. Write hours, minutes and seconds, such as \"720h\" for 30 days or \"1h30m\".", req.ConfigValue.ValueString()))
	}
}

// roomIDValidator applies the client's room id rule at plan time.
type roomIDValidator struct{}

func (roomIDValidator) Description(context.Context) string {
	return "must be a room id: digits, or a third-party room id"
}

func (v roomIDValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (roomIDValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := docspace.ValidateRoomID(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Room ID", err.Error())
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
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Title",
			fmt.Sprintf("The title contains a control character at byte %d (a line break or tab, for example). Write it on one line without them.", i))
	}
}

// parseImportID splits "<room_id>/<link_id>" and checks both parts.
func parseImportID(id string) (roomID, linkID string, err error) {
	const format = "Expected \"<room_id>/<link_id>\", for example \"4711/3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90\": " +
		"the room id is the number in the room's address, the link id is the id of a link listed by the docspace_room_links data source."
	parts := strings.Split(id, "/")
	if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
		return "", "", fmt.Errorf("import ID %q is not in the expected form. %s", id, format)
	}
	if err := docspace.ValidateRoomID(parts[0]); err != nil {
		return "", "", fmt.Errorf("%w\n\n%s", err, format)
	}
	parsed, err := uuid.Parse(parts[1])
	if err != nil || len(parts[1]) != 36 {
		return "", "", fmt.Errorf("link id %q is not a GUID like 3f6c2a9e-8d41-4b7a-9c05-1e2d7f4a6b90. %s", parts[1], format)
	}
	return parts[0], parsed.String(), nil
}
