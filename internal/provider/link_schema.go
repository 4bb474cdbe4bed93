package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	ephschema "github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// The attributes of every link resource are built here, once, so that their
// rules and descriptions cannot drift apart. Each builder takes only what
// differs between the kinds: where the link belongs, a sentence that applies
// to one of them, or the values one of them allows.

// linkIDAttribute is the link's GUID, which DocSpace assigns.
func linkIDAttribute(more string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: joinDoc("The link's id (a GUID).", more),
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// linkParentAttribute is the room, file or folder the link belongs to;
// another one means another link.
func linkParentAttribute(kind docspace.TargetKind) schema.StringAttribute {
	more := "Changing it replaces the link."
	if kind == docspace.TargetRoom {
		more = "Rooms on third-party storage have ids of their own, which work too. " + more
	}
	return schema.StringAttribute{
		MarkdownDescription: joinDoc(parentIDDescription(kind), more),
		Required:            true,
		Validators:          []validator.String{parentIDValidator{kind: kind}},
		PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
}

// linkAccessDoc describes the access values a link resource takes, and the
// rule that narrows them.
func linkAccessDoc(names []string, more, rule string) string {
	return joinDoc("What the link grants: "+quotedList(names)+".", more, rule)
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
func linkDenyDownloadAttribute(kind docspace.TargetKind, more string) schema.BoolAttribute {
	what := map[docspace.TargetKind]string{docspace.TargetRoom: "the room's files", docspace.TargetFile: "the file",
		docspace.TargetFolder: "the folder's files"}[kind]
	return schema.BoolAttribute{
		MarkdownDescription: joinDoc("Forbid downloading "+what+" through the link.", more, "Default `false`."),
		Optional:            true,
		Computed:            true,
		Default:             booldefault.StaticBool(false),
	}
}

// linkInternalAttribute limits an external link to signed-in portal users.
func linkInternalAttribute(kind docspace.TargetKind, more string) schema.BoolAttribute {
	rule := "Not allowed in Public rooms. Default `false`."
	if kind != docspace.TargetRoom {
		rule = "Not allowed in Public rooms; required in Virtual data rooms, whose links are always internal. Default `false`."
	}
	return schema.BoolAttribute{
		MarkdownDescription: joinDoc("Only signed-in portal users may open the link.", more, rule),
		Optional:            true,
		Computed:            true,
		Default:             booldefault.StaticBool(false),
	}
}

// linkShareLinkAttribute is the address to hand out.
func linkShareLinkAttribute(kind docspace.TargetKind) schema.StringAttribute {
	what := "open the " + kind.Noun()
	if kind == docspace.TargetRoom {
		what = "open or join the room"
	}
	return schema.StringAttribute{
		MarkdownDescription: "The address to share. Sensitive: whoever has it can " + what + ".",
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

// linkResourceSchema is the schema of a kind of link resource: the
// attributes every link has, and link_type, max_use_count and
// current_use_count where the kind also has invitation links (rooms).
func linkResourceSchema(k *linkKind) schema.Schema {
	rooms := k.target == docspace.TargetRoom
	externalOnly := ""
	if rooms {
		externalOnly = "External links only."
	}
	attrs := map[string]schema.Attribute{
		"id":         linkIDAttribute(""),
		k.parentAttr: linkParentAttribute(k.target),
		"title":      linkTitleAttribute(titleWhenOmitted(k.target)),
		"expiration_date": schema.StringAttribute{
			CustomType: timestampType{},
			MarkdownDescription: joinDoc("When the link stops working, as an RFC 3339 date-time with an offset "+
				"(`2026-12-31T23:59:59Z`). Must be in the future and at most 10 years ahead when set or changed. "+
				"DocSpace echoes it in the portal's time zone; the same instant written differently is not a change. "+
				"Omit it for a link that never expires.", expiryNote(k.target)),
			Optional: true,
			Computed: true,
		},
		"password":            linkPasswordAttribute(externalOnly),
		"password_wo":         linkPasswordWOAttribute(externalOnly),
		"password_wo_version": linkPasswordWOVersionAttribute(),
		"deny_download":       linkDenyDownloadAttribute(k.target, externalOnly),
		"internal":            linkInternalAttribute(k.target, externalOnly),
		"rotation_triggers": schema.MapAttribute{
			MarkdownDescription: joinDoc("Arbitrary values that, when changed, replace the link with a new one (new id and "+
				"address), for example a `time_rotating` resource's `id`. Add `lifecycle { create_before_destroy = true }` "+
				"to issue the new link before the old one stops working, where a slot is free.", rotationNote(k.target)),
			Optional:      true,
			ElementType:   types.StringType,
			PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
		},
		"expires_in": schema.StringAttribute{
			MarkdownDescription: "Alternative to `expiration_date`: how long the link lives from its creation, as a " +
				"duration such as `\"720h\"` (hours, minutes and seconds: `h`, `m`, `s`). The date is fixed when the link " +
				"is created (and when `expires_in` changes), so it does not move with every plan.",
			Optional: true,
			Validators: []validator.String{
				durationValidator{},
				stringvalidator.ConflictsWith(path.MatchRoot("expiration_date")),
			},
		},
		"on_expired": schema.StringAttribute{
			MarkdownDescription: "What a plan does once the link has expired: `keep` (default: nothing, `is_expired` " +
				"shows it), `recreate` (replace it with a new link; needs `expires_in`, or a new `expiration_date`; " +
				"without any expiry it has nothing to act on and validation warns), or " +
				"`error` (refuse to keep it: the plan warns, naming the link and its expiry, and shows `is_expired` " +
				"changing; applying that plan fails with the same message). `error` only refuses plans that keep the " +
				"link: `terraform destroy`, `terraform apply -replace`, a replacement for another reason and removing " +
				"the resource from the configuration always work, as does a plan that sets a new future date or removes " +
				"the expiry.",
			Optional:   true,
			Computed:   true,
			Default:    stringdefault.StaticString(onExpiredKeep),
			Validators: []validator.String{stringvalidator.OneOf(onExpiredKeep, onExpiredRecreate, onExpiredError)},
		},
		"renew_before":     linkRenewBeforeAttribute(),
		"store_share_link": linkStoreShareLinkAttribute(),
		"share_link":       linkShareLinkAttribute(k.target),
		"is_expired":       linkIsExpiredAttribute(),
	}
	if !rooms {
		attrs["access"] = schema.StringAttribute{
			MarkdownDescription: linkAccessDoc(docspace.AccessNamesFor(docspace.LinkTypeExternal), "",
				"Which values are allowed depends on where the "+k.target.Noun()+" is (My Documents or the type of its room)"+
					map[bool]string{true: " and on its format (a `.docx` takes all but `fill_forms`, a `.txt` only `read`, a PDF form `fill_forms`)", false: ""}[k.target == docspace.TargetFile]+
					"; the plan fails naming the allowed ones."),
			Required:   true,
			Validators: []validator.String{accessName{allowed: docspace.AccessNamesFor(docspace.LinkTypeExternal)}},
		}
		attrs["request_token"] = linkRequestTokenAttribute("")
		attrs["primary"] = schema.BoolAttribute{
			MarkdownDescription: "Make the " + k.target.Noun() + "'s primary link instead of an additional one. DocSpace counts " +
				"the two kinds apart (in a Public room a " + k.target.Noun() + " takes one primary link, and DocSpace 3.7 makes " +
				"one itself for a file created there: import that one instead), and revoking a primary link in a Public or " +
				"Form filling room makes DocSpace issue a new one at once, which this resource then no longer manages. " +
				"Changing it replaces the link. Default `false`.",
			Optional:      true,
			Computed:      true,
			Default:       booldefault.StaticBool(false),
			PlanModifiers: []planmodifier.Bool{boolplanmodifier.RequiresReplace()},
		}
		return schema.Schema{
			MarkdownDescription: "An external link of a DocSpace " + k.target.Noun() + " (in a room or in My Documents): it " +
				"opens the " + k.target.Noun() + ", optionally with a password, an expiry, download denied, or for " +
				"signed-in users only.",
			Attributes: attrs,
		}
	}
	attrs["link_type"] = schema.StringAttribute{
		MarkdownDescription: "`external` (default) or `invitation`. Changing it replaces the link.",
		Optional:            true,
		Computed:            true,
		Default:             stringdefault.StaticString(docspace.LinkTypeExternal.Name()),
		Validators: []validator.String{stringvalidator.OneOf(
			docspace.LinkTypeExternal.Name(), docspace.LinkTypeInvitation.Name())},
		PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
	attrs["access"] = schema.StringAttribute{
		MarkdownDescription: linkAccessDoc(docspace.AccessNames(), "`content_creator` is for invitation links only.",
			"Which values a room allows depends on its type; the plan fails naming the allowed ones."),
		Required:   true,
		Validators: []validator.String{accessName{allowed: docspace.AccessNames()}},
	}
	attrs["max_use_count"] = schema.Int64Attribute{
		MarkdownDescription: "How many people may join through the link, 1 to 1000; unlimited when omitted. " +
			"Invitation links only, DocSpace 3.7 or later.",
		Optional:   true,
		Validators: []validator.Int64{int64validator.Between(1, 1000)},
	}
	attrs["request_token"] = linkRequestTokenAttribute("Null for invitation links.")
	attrs["primary"] = schema.BoolAttribute{
		MarkdownDescription: "Always `false`: a room's primary link is not managed by this resource.",
		Computed:            true,
		PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
	}
	attrs["current_use_count"] = schema.Int64Attribute{
		MarkdownDescription: "How many people have joined through an invitation link (DocSpace 3.7 or later); " +
			"null for external links.",
		Computed: true,
	}
	return schema.Schema{
		MarkdownDescription: "A link of a DocSpace room: an **external** link that opens the room's content " +
			"(optionally with a password, an expiry, download denied, or for signed-in users only), or an " +
			"**invitation** link that makes whoever opens it a member of the room with a role.\n\n" +
			"The room's primary external link is created by DocSpace itself and is not managed by this resource.",
		Attributes: attrs,
	}
}

// titleWhenOmitted says what a link is called without a title.
func titleWhenOmitted(kind docspace.TargetKind) string {
	if kind == docspace.TargetRoom {
		return "When omitted, DocSpace names the link (\"Shared link\" or \"Invitation link\", in the API user's language) and that name is kept."
	}
	return "When omitted, DocSpace names the link (\"Shared link\", in the API user's language) and that name is kept."
}

// expiryNote is what the expiry does differently where a link belongs.
func expiryNote(kind docspace.TargetKind) string {
	if kind == docspace.TargetRoom {
		return "DocSpace before 3.7 sets invitation links to expire 7 days after every change, whatever is configured; " +
			"there, leave it unset."
	}
	return "DocSpace ignores changes to the expiry in Form filling rooms: the plan refuses them there."
}

// rotationNote is when create_before_destroy cannot work.
func rotationNote(kind docspace.TargetKind) string {
	if kind == docspace.TargetRoom {
		return "That cannot work for an invitation link (a room takes one) or in a room that already holds five " +
			"additional external links: the new link would be refused while the old one exists. There, leave " +
			"`create_before_destroy` out, so the old link is deleted first and the address changes with a moment " +
			"without a link; or keep a slot free."
	}
	return "A " + kind.Noun() + " takes at most six additional links (five in a Public room): at the limit, leave " +
		"`create_before_destroy` out, so the old link is deleted first."
}

// linkInfoField is one attribute of a link as the data sources and the
// ephemeral resource show it (linkInfo): computed, never a password.
type linkInfoField struct {
	name, doc string
	kind      attr.Type
	sensitive bool
}

// linkInfoFields lists linkInfo's attributes; where describes what the
// link belongs to in their descriptions.
func linkInfoFields(kind docspace.TargetKind) []linkInfoField {
	access := docspace.AccessNames()
	if kind != docspace.TargetRoom {
		access = docspace.AccessNamesFor(docspace.LinkTypeExternal)
	}
	return []linkInfoField{
		{"id", "The link's id (a GUID).", types.StringType, false},
		{"title", "The link's name.", types.StringType, false},
		{"access", "What the link grants: " + quotedList(access) + ".", types.StringType, false},
		{"link_type", map[bool]string{true: "`external` or `invitation`.", false: "Always `external`."}[kind == docspace.TargetRoom], types.StringType, false},
		{"share_link", "The address to share. Sensitive.", types.StringType, true},
		{"expiration_date", "When the link expires (RFC 3339, in the portal's time zone); null if never.", types.StringType, false},
		{"is_expired", "Whether the expiration date has passed.", types.BoolType, false},
		{"primary", "Whether this is the " + kind.Noun() + "'s primary external link.", types.BoolType, false},
		{"internal", "Whether only signed-in portal users may open the link.", types.BoolType, false},
		{"deny_download", "Whether downloading through the link is forbidden.", types.BoolType, false},
		{"password_protected", "Whether the link has a password.", types.BoolType, false},
		{"max_use_count", "Invitation links: how many people may join; null when unlimited.", types.Int64Type, false},
		{"current_use_count", "Invitation links: how many people have joined (DocSpace 3.7 or later).", types.Int64Type, false},
	}
}

// linkInfoAttributes is linkInfo's schema for data sources.
func linkInfoAttributes(kind docspace.TargetKind) map[string]dsschema.Attribute {
	attrs := map[string]dsschema.Attribute{}
	for _, f := range linkInfoFields(kind) {
		switch f.kind {
		case types.BoolType:
			attrs[f.name] = dsschema.BoolAttribute{Computed: true, Sensitive: f.sensitive, MarkdownDescription: f.doc}
		case types.Int64Type:
			attrs[f.name] = dsschema.Int64Attribute{Computed: true, Sensitive: f.sensitive, MarkdownDescription: f.doc}
		default:
			attrs[f.name] = dsschema.StringAttribute{Computed: true, Sensitive: f.sensitive, MarkdownDescription: f.doc}
		}
	}
	return attrs
}

// ephemeralLinkInfoAttributes is linkInfo's schema for ephemeral resources.
func ephemeralLinkInfoAttributes(kind docspace.TargetKind) map[string]ephschema.Attribute {
	attrs := map[string]ephschema.Attribute{}
	for _, f := range linkInfoFields(kind) {
		switch f.kind {
		case types.BoolType:
			attrs[f.name] = ephschema.BoolAttribute{Computed: true, Sensitive: f.sensitive, MarkdownDescription: f.doc}
		case types.Int64Type:
			attrs[f.name] = ephschema.Int64Attribute{Computed: true, Sensitive: f.sensitive, MarkdownDescription: f.doc}
		default:
			attrs[f.name] = ephschema.StringAttribute{Computed: true, Sensitive: f.sensitive, MarkdownDescription: f.doc}
		}
	}
	return attrs
}

// primaryLinkSchema is the schema of docspace_room_primary_link.
func primaryLinkSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "The primary external link of a room: the one link DocSpace itself keeps for every Public " +
			"and Form filling room, and makes for a Custom room when first asked. This resource adopts that link " +
			"(it creates nothing), manages its settings, and can rotate it: DocSpace then issues a new link with a " +
			"new address. On destroy the link stays as it is, unless `revoke_on_destroy` is set.\n\n" +
			"Import with the room id: `terraform import docspace_room_primary_link.x 4711`.",
		Attributes: map[string]schema.Attribute{
			"id": linkIDAttribute("It changes when the link is rotated."),
			"room_id": schema.StringAttribute{
				MarkdownDescription: "Id of a Public, Form filling or Custom room: the number in the room's address " +
					"(`/rooms/shared/4711`). Changing it adopts another room's link.",
				Required:      true,
				Validators:    []validator.String{parentIDValidator{kind: docspace.TargetRoom}},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"access": schema.StringAttribute{
				MarkdownDescription: linkAccessDoc(docspace.AccessNamesFor(docspace.LinkTypeExternal),
					"Form filling rooms take `fill_forms` or `read`. When omitted, the link keeps its access.",
					"Which values a room allows depends on its type; the plan fails naming the allowed ones."),
				Optional:      true,
				Computed:      true,
				Validators:    []validator.String{accessName{allowed: docspace.AccessNamesFor(docspace.LinkTypeExternal)}},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"title": linkTitleAttribute("When omitted, the link keeps its name."),
			"expiration_date": schema.StringAttribute{
				CustomType: timestampType{},
				MarkdownDescription: "When the link stops working (RFC 3339 with an offset). Custom rooms only: DocSpace " +
					"does not let the primary link of a Public or Form filling room expire. Omit it for no expiry.",
				Optional: true,
			},
			"password":            linkPasswordAttribute(""),
			"password_wo":         linkPasswordWOAttribute(""),
			"password_wo_version": linkPasswordWOVersionAttribute(),
			"deny_download":       linkDenyDownloadAttribute(docspace.TargetRoom, ""),
			"internal":            linkInternalAttribute(docspace.TargetRoom, ""),
			"rotation_triggers": schema.MapAttribute{
				MarkdownDescription: "Arbitrary values that, when changed, rotate the link: it is revoked and DocSpace issues " +
					"a new one, with a new id and address, which gets the configured settings. Planned as an update.",
				Optional:    true,
				ElementType: types.StringType,
			},
			"revoke_on_destroy": schema.BoolAttribute{
				MarkdownDescription: "Revoke the link when the resource is destroyed. Public and Form filling rooms then get " +
					"a new primary link at once; a Custom room is left without one. Default `false`: the link stays.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"store_share_link": linkStoreShareLinkAttribute(),
			"share_link":       linkShareLinkAttribute(docspace.TargetRoom),
			"request_token":    linkRequestTokenAttribute(""),
			"is_expired":       linkIsExpiredAttribute(),
		},
	}
}
