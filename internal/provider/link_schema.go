package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// The attributes that docspace_room_link and docspace_room_primary_link share
// are built here, once, so that their rules and descriptions cannot drift
// apart. Each builder takes only what differs between the two resources: a
// sentence that applies to one of them, or the values one of them allows.

// linkIDAttribute is the link's GUID, which DocSpace assigns.
func linkIDAttribute(more string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: joinDoc("The link's id (a GUID).", more),
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// linkRoomIDAttribute is the room the link belongs to; another room means
// another link.
func linkRoomIDAttribute(which, more string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: joinDoc("Id of "+which+": the number in the room's address (`/rooms/shared/4711`).", more),
		Required:            true,
		Validators:          []validator.String{roomIDValidator{}},
		PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
}

// linkAccessDoc describes the access values a link resource takes.
func linkAccessDoc(names []string, more string) string {
	return joinDoc("What the link grants: "+quotedList(names)+".", more,
		"Which values a room allows depends on its type; the plan fails naming the allowed ones.")
}

// linkTitleAttribute is the link's name; whenOmitted says what DocSpace or
// the resource does without one.
func linkTitleAttribute(whenOmitted string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: joinDoc("The link's name, up to 255 characters as DocSpace counts them (UTF-16 code units: "+
			"an emoji outside the Basic Multilingual Plane counts as two).", whenOmitted),
		Optional:      true,
		Computed:      true,
		Validators:    []validator.String{textLength{min: 1, max: maxTitleLength}, noControlCharacters{}},
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// linkPasswordAttribute is the password visitors of an external link enter.
func linkPasswordAttribute(more string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: joinDoc("Password visitors must enter: 8 to 30 printable ASCII characters without spaces "+
			"(the portal's password policy may ask for more).", more,
			"Sensitive; DocSpace returns it in plain text, so a password changed outside Terraform is detected and set back. "+
				"The state holds only the password configured here: one DocSpace holds that Terraform did not set (changed "+
				"outside Terraform, or after an import, which cannot tell it from a `password_wo`) is recorded as "+
				"`(not set by Terraform)`, never as its value, and the next apply sets the configured password. "+
				"Omit it for no password."),
		Optional:   true,
		Sensitive:  true,
		Validators: append(passwordValidators(), stringvalidator.ConflictsWith(path.MatchRoot("password_wo"))),
	}
}

// linkPasswordWOAttribute is the write-only alternative to password.
func linkPasswordWOAttribute(more string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: joinDoc("Write-only alternative to `password` (Terraform 1.11 or later): sent to DocSpace but "+
			"never stored in the plan or the state, and nothing derived from it is stored either (no hash or digest, not "+
			"even in private state). Requires `password_wo_version`; change that number to send a new password.",
			writeOnlyDriftDoc, more),
		Optional:   true,
		WriteOnly:  true,
		Sensitive:  true,
		Validators: append(passwordValidators(), stringvalidator.AlsoRequires(path.MatchRoot("password_wo_version"))),
	}
}

// linkPasswordWOVersionAttribute makes a new password_wo reach DocSpace.
func linkPasswordWOVersionAttribute() schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: "Version of `password_wo`: change it whenever `password_wo` changes, so that the new " +
			"password is sent.",
		Optional:   true,
		Validators: []validator.Int64{int64validator.AlsoRequires(path.MatchRoot("password_wo"))},
	}
}

// linkDenyDownloadAttribute forbids downloads through an external link.
func linkDenyDownloadAttribute(more string) schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: joinDoc("Forbid downloading the room's files through the link.", more, "Default `false`."),
		Optional:            true,
		Computed:            true,
		Default:             booldefault.StaticBool(false),
	}
}

// linkInternalAttribute limits an external link to signed-in portal users.
func linkInternalAttribute(more string) schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: joinDoc("Only signed-in portal users may open the link.", more,
			"Not allowed in Public rooms. Default `false`."),
		Optional: true,
		Computed: true,
		Default:  booldefault.StaticBool(false),
	}
}

// linkShareLinkAttribute is the address to hand out.
func linkShareLinkAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "The address to share. Sensitive: whoever has it can open or join the room.",
		Computed:            true,
		Sensitive:           true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// linkRequestTokenAttribute is the share key inside an external link's address.
func linkRequestTokenAttribute(more string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: joinDoc("The share key embedded in an external link's address. Sensitive.", more),
		Computed:            true,
		Sensitive:           true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// linkRenewBeforeAttribute moves a link's expiry forward in place while
// there is still time left.
func linkRenewBeforeAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "Renew the link in place when less than this much time is left before it expires, as a " +
			"duration shorter than `expires_in` (`\"168h\"`). Needs `expires_in`. The plan then updates the link so that it " +
			"expires `expires_in` from the apply: the id, `share_link` and `request_token` stay, so nobody needs a new " +
			"address. Outside that window the plan is empty. A link that has already expired (no plan ran in the window) " +
			"is renewed in place the same way, so `on_expired` only acts on links without `renew_before`; " +
			"`rotation_triggers` still replaces the link with a new address when its values change. DocSpace refuses " +
			"expiry changes in Form filling rooms, where the apply fails naming the link. Invitation links on DocSpace " +
			"before 3.7 get a 7-day expiry from every write instead, so there use neither `expires_in` nor `renew_before`.",
		Optional: true,
		Validators: []validator.String{
			durationValidator{},
			stringvalidator.AlsoRequires(path.MatchRoot("expires_in")),
		},
	}
}

// linkStoreShareLinkAttribute lets a configuration keep the link's address
// and share key out of the state.
func linkStoreShareLinkAttribute() schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: "Keep `share_link` and `request_token` in the state. With `false` both are null in the plan and " +
			"the state, on every path (create, refresh, import, update): read them when needed with the " +
			"`docspace_room_link` ephemeral resource instead, and use `password_wo` for the password, so that the state " +
			"holds no secret of the link. Changing it changes nothing in DocSpace. An import cannot see the " +
			"configuration, so it stores neither value: with `false`, an import block's apply records none; after " +
			"`terraform import`, run `terraform apply` (not a refresh-only one) before anything else, since a refresh " +
			"cannot see the configuration either. Default `true` (an omitted value): an imported link's values are " +
			"then read at the next refresh.",
		Optional: true,
	}
}

// linkIsExpiredAttribute tells whether the expiry has passed.
func linkIsExpiredAttribute() schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: "Whether the expiration date has passed. Becomes `true` without any change to the link.",
		Computed:            true,
	}
}

// joinDoc joins the sentences of a description, leaving out empty ones.
func joinDoc(sentences ...string) string {
	doc := ""
	for _, s := range sentences {
		if s == "" {
			continue
		}
		if doc != "" {
			doc += " "
		}
		doc += s
	}
	return doc
}
