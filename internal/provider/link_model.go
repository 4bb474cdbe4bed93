package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// The one model of a link that every link resource, data source, list and
// ephemeral resource maps through: its attributes, the conversions between
// them and the client's Link and LinkRequest, and the comparisons the plan
// and the apply make. A new attribute of a link is a field here, a line in
// each conversion, and a schema fragment in link_schema.go.

// linkModel is a link resource's plan, state or configuration. Parent is
// the room, file or folder (room_id, file_id, folder_id); a kind of link
// has the attributes its schema lists, and the others stay null.
type linkModel struct {
	ID              types.String
	Parent          types.String
	LinkType        types.String
	Access          types.String
	Title           types.String
	ExpirationDate  Timestamp
	Password        types.String
	DenyDownload    types.Bool
	Internal        types.Bool
	MaxUseCount     types.Int64
	ShareLink       types.String
	RequestToken    types.String
	IsExpired       types.Bool
	Primary         types.Bool
	CurrentUseCount types.Int64
	// Terraform-side settings: never sent to DocSpace as such.
	PasswordWO        types.String
	PasswordWOVersion types.Int64
	RotationTriggers  types.Map
	ExpiresIn         types.String
	OnExpired         types.String
	RenewBefore       types.String
	StoreShareLink    types.Bool
	RevokeOnDestroy   types.Bool
}

// fields lists the model's attributes for readFields and writeFields: those
// of the kind's schema, with the parent under the kind's name for it.
func (m *linkModel) fields(k *linkKind) []modelField {
	all := [...]modelField{
		{"id", &m.ID}, {k.parentAttr, &m.Parent}, {"link_type", &m.LinkType}, {"access", &m.Access}, {"title", &m.Title},
		{"expiration_date", &m.ExpirationDate}, {"password", &m.Password}, {"deny_download", &m.DenyDownload},
		{"internal", &m.Internal}, {"max_use_count", &m.MaxUseCount}, {"share_link", &m.ShareLink},
		{"request_token", &m.RequestToken}, {"is_expired", &m.IsExpired}, {"primary", &m.Primary},
		{"current_use_count", &m.CurrentUseCount}, {"password_wo", &m.PasswordWO},
		{"password_wo_version", &m.PasswordWOVersion}, {"rotation_triggers", &m.RotationTriggers},
		{"expires_in", &m.ExpiresIn}, {"on_expired", &m.OnExpired}, {"renew_before", &m.RenewBefore},
		{"store_share_link", &m.StoreShareLink}, {"revoke_on_destroy", &m.RevokeOnDestroy},
	}
	attrs := k.attributes()
	fields := make([]modelField, 0, len(all))
	for _, f := range all {
		if attrs[f.name] {
			fields = append(fields, f)
		}
	}
	return fields
}

// read fills the model from a plan, state or configuration value. The
// attributes the kind lacks read as null, and link_type as external where
// a kind has only external links.
func (m *linkModel) read(k *linkKind, v tftypes.Value) diag.Diagnostics {
	*m = emptyLinkModel()
	diags := readFields(v, m.fields(k))
	if !k.attributes()["link_type"] && !v.IsNull() {
		m.LinkType = types.StringValue(docspace.LinkTypeExternal.Name())
	}
	return diags
}

// emptyLinkModel is a model with every attribute null.
func emptyLinkModel() linkModel {
	return linkModel{
		ID: types.StringNull(), Parent: types.StringNull(), LinkType: types.StringNull(), Access: types.StringNull(),
		Title: types.StringNull(), ExpirationDate: newTimestampNull(), Password: types.StringNull(),
		DenyDownload: types.BoolNull(), Internal: types.BoolNull(), MaxUseCount: types.Int64Null(),
		ShareLink: types.StringNull(), RequestToken: types.StringNull(), IsExpired: types.BoolNull(),
		Primary: types.BoolNull(), CurrentUseCount: types.Int64Null(), PasswordWO: types.StringNull(),
		PasswordWOVersion: types.Int64Null(), RotationTriggers: types.MapNull(types.StringType),
		ExpiresIn: types.StringNull(), OnExpired: types.StringNull(), RenewBefore: types.StringNull(),
		StoreShareLink: types.BoolNull(), RevokeOnDestroy: types.BoolNull(),
	}
}

// value is the model as a value of the kind's object type typ.
func (m *linkModel) value(ctx context.Context, k *linkKind, typ tftypes.Type) (tftypes.Value, diag.Diagnostics) {
	return writeFields(ctx, typ, m.fields(k))
}

// setModel replaces a plan's or state's value with the model, keeping the
// value's type (the resource's object type).
func setModel(ctx context.Context, k *linkKind, raw *tftypes.Value, m *linkModel) diag.Diagnostics {
	v, diags := m.value(ctx, k, raw.Type())
	if !diags.HasError() {
		*raw = v
	}
	return diags
}

// target is the room, file or folder the link belongs to.
func (m linkModel) target(k *linkKind) docspace.Target {
	return docspace.Target{Kind: k.target, ID: m.Parent.ValueString()}
}

// request maps the model's DocSpace settings onto a PUT body.
func (m linkModel) request() (docspace.LinkRequest, diag.Diagnostics) {
	var diags diag.Diagnostics
	kind, ok := docspace.ParseLinkType(m.LinkType.ValueString())
	if !ok {
		addUnknownLinkType(&diags, m.LinkType.ValueString())
	}
	access, ok := docspace.ParseAccess(m.Access.ValueString())
	if !ok {
		addUnknownAccess(&diags, m.Access.ValueString())
	}
	req := docspace.LinkRequest{
		LinkType:     kind,
		Access:       access,
		Title:        m.Title.ValueString(),
		Password:     m.Password.ValueString(),
		DenyDownload: m.DenyDownload.ValueBool(),
		Internal:     m.Internal.ValueBool(),
		Primary:      m.Primary.ValueBool(),
	}
	if t, ok := m.ExpirationDate.Time(); ok {
		req.Expiration = &t
	}
	if !m.MaxUseCount.IsNull() && !m.MaxUseCount.IsUnknown() {
		n := int(m.MaxUseCount.ValueInt64())
		req.MaxUseCount = &n
	}
	return req, diags
}

// setLink copies what DocSpace reports into the model. The expiration keeps
// the model's own spelling when it names the same instant; the password is
// recorded only where Terraform set it (write_only_password.go).
func (m *linkModel) setLink(ctx context.Context, l docspace.Link) {
	m.ID = types.StringValue(l.ID)
	m.LinkType = types.StringValue(l.LinkType.Name())
	m.Access = types.StringValue(l.Access.Name())
	m.Title = types.StringValue(l.Title)
	reported := newTimestampPointer(l.Expiration)
	if same, _ := m.ExpirationDate.StringSemanticEquals(ctx, reported); !same {
		m.ExpirationDate = reported
	}
	m.Password = recordedPassword(m.Password, m.PasswordWOVersion, l.Password)
	m.DenyDownload = types.BoolValue(l.DenyDownload)
	m.Internal = types.BoolValue(l.Internal)
	m.MaxUseCount = optionalInt(l.MaxUseCount)
	m.ShareLink, m.RequestToken = shareSecrets(m.StoreShareLink, l.ShareLink, l.RequestToken)
	m.IsExpired = types.BoolValue(l.IsExpired)
	m.Primary = types.BoolValue(l.Primary)
	m.CurrentUseCount = optionalInt(l.CurrentUseCount)
}

// copyComputed takes the server-computed values from another model.
func (m *linkModel) copyComputed(from linkModel) {
	m.ID = from.ID
	if storesShareSecrets(m.StoreShareLink) && from.ShareLink.IsNull() {
		m.ShareLink, m.RequestToken = types.StringUnknown(), types.StringUnknown() // to be read
	} else {
		m.ShareLink, m.RequestToken = shareSecrets(m.StoreShareLink, from.ShareLink.ValueString(), from.RequestToken.ValueString())
	}
	m.IsExpired, m.Primary, m.CurrentUseCount = from.IsExpired, from.Primary, from.CurrentUseCount
}

// imported is the state a link resource has right after its import and
// first read: what DocSpace reports, and the defaults of the Terraform-side
// settings, so that generated configuration plans no change.
func importedLink(ctx context.Context, k *linkKind, parent types.String, l docspace.Link) linkModel {
	m := emptyLinkModel()
	m.Parent = parent
	if k.primary {
		m.RevokeOnDestroy = types.BoolValue(false)
	} else {
		m.OnExpired = types.StringValue(onExpiredKeep)
	}
	m.setLink(ctx, l)
	// Not even the placeholder: generated configuration writes sensitive
	// values as null anyway, and the link's password is needed there.
	m.Password = types.StringNull()
	if l.LinkType == docspace.LinkTypeInvitation {
		// Generated configuration writes every optional value of this
		// state, and the resource refuses the external-only settings on an
		// invitation link even at their defaults: leave them out. The
		// import's own read records the defaults.
		m.DenyDownload, m.Internal = types.BoolNull(), types.BoolNull()
	}
	return m
}

// kindOnlyAttribute is an attribute that belongs to one link type only.
type kindOnlyAttribute struct {
	name string
	set  bool // configured
	kind docspace.LinkType
}

// kindOnlyAttributes lists the attributes that belong to one link type
// only, for the check that they are not set on the other.
func (m linkModel) kindOnlyAttributes() []kindOnlyAttribute {
	return []kindOnlyAttribute{
		{"password", !m.Password.IsNull(), docspace.LinkTypeExternal},
		{"deny_download", !m.DenyDownload.IsNull(), docspace.LinkTypeExternal},
		{"internal", !m.Internal.IsNull(), docspace.LinkTypeExternal},
		{"password_wo", !m.PasswordWOVersion.IsNull(), docspace.LinkTypeExternal},
		{"max_use_count", !m.MaxUseCount.IsNull(), docspace.LinkTypeInvitation},
	}
}

// sameLinkSettings reports whether a plan leaves the link in DocSpace as it
// is, comparing dates by instant.
func sameLinkSettings(ctx context.Context, plan, state linkModel) bool {
	sameDate, _ := plan.ExpirationDate.StringSemanticEquals(ctx, state.ExpirationDate)
	if !sameDate && !(plan.ExpirationDate.IsNull() && state.ExpirationDate.IsNull()) {
		return false
	}
	return plan.Parent.Equal(state.Parent) && plan.LinkType.Equal(state.LinkType) && plan.Access.Equal(state.Access) &&
		plan.Title.Equal(state.Title) && plan.Password.Equal(state.Password) && plan.DenyDownload.Equal(state.DenyDownload) &&
		plan.Internal.Equal(state.Internal) && plan.MaxUseCount.Equal(state.MaxUseCount) &&
		plan.PasswordWOVersion.Equal(state.PasswordWOVersion)
}

// sameSettings reports whether a plan asks for nothing the state does not
// already hold.
func sameSettings(ctx context.Context, plan, state linkModel) bool {
	return sameLinkSettings(ctx, plan, state) && plan.RotationTriggers.Equal(state.RotationTriggers) &&
		plan.ExpiresIn.Equal(state.ExpiresIn) && plan.OnExpired.Equal(state.OnExpired) &&
		plan.RenewBefore.Equal(state.RenewBefore) && plan.StoreShareLink.Equal(state.StoreShareLink) &&
		plan.Primary.Equal(state.Primary)
}

// equalRequests reports whether two requests would leave DocSpace holding
// the same link.
func equalRequests(a, b docspace.LinkRequest) bool {
	sameDate := (a.Expiration == nil) == (b.Expiration == nil) && (a.Expiration == nil || sameTick(*a.Expiration, *b.Expiration))
	a.Expiration, b.Expiration = nil, nil
	sameUses := equalIntPtr(a.MaxUseCount, b.MaxUseCount)
	a.MaxUseCount, b.MaxUseCount = nil, nil
	return sameDate && sameUses && a == b
}

// stored is the link as the state says DocSpace holds it: what a delete
// repeats where DocSpace skips a write that changes internal or the expiry
// (API.md §13.5).
func (m linkModel) stored() docspace.Link {
	kind, _ := docspace.ParseLinkType(m.LinkType.ValueString())
	access, _ := docspace.ParseAccess(m.Access.ValueString())
	l := docspace.Link{ID: m.ID.ValueString(), LinkType: kind, Access: access, Title: m.Title.ValueString(),
		DenyDownload: m.DenyDownload.ValueBool(), Internal: m.Internal.ValueBool(), Primary: m.Primary.ValueBool()}
	if t, ok := m.ExpirationDate.Time(); ok {
		l.Expiration = &t
	}
	return l
}

// requestOf is the request that would leave a link exactly as it is.
func requestOf(l docspace.Link) docspace.LinkRequest {
	return docspace.LinkRequest{
		LinkID: l.ID, LinkType: l.LinkType, Access: l.Access, Title: l.Title, Expiration: l.Expiration,
		Password: l.Password, DenyDownload: l.DenyDownload, Internal: l.Internal, MaxUseCount: l.MaxUseCount,
		Primary: l.Primary,
	}
}

// compareLink lists where the link DocSpace stored differs from the request,
// which is how the silent normalisations of API.md §10.5 surface.
func compareLink(req docspace.LinkRequest, got docspace.Link) []mismatch {
	var out []mismatch
	add := func(attr string, want, have any) {
		out = append(out, mismatch{attr: attr, want: fmt.Sprint(want), have: fmt.Sprint(have)})
	}
	if got.Access != req.Access {
		add("access", req.Access.Name(), got.Access.Name())
	}
	if got.LinkType != req.LinkType {
		add("link_type", req.LinkType.Name(), got.LinkType.Name())
	}
	if req.Title != "" && got.Title != req.Title {
		add("title", req.Title, got.Title)
	}
	// Before 3.7 (no use counter reported) DocSpace gives every invitation
	// link an expiry of its own (API.md §5.4): nothing asked for, nothing to compare.
	serverSetsExpiry := req.LinkType == docspace.LinkTypeInvitation && got.CurrentUseCount == nil
	switch {
	case req.Expiration == nil && got.Expiration != nil && !serverSetsExpiry:
		add("expiration_date", "none", got.Expiration.Format(time.RFC3339Nano))
	case req.Expiration != nil && got.Expiration == nil:
		add("expiration_date", req.Expiration.Format(time.RFC3339Nano), "none")
	case req.Expiration != nil && !sameTick(*req.Expiration, *got.Expiration):
		add("expiration_date", req.Expiration.Format(time.RFC3339Nano),
			got.Expiration.Format(time.RFC3339Nano)+fmt.Sprintf(" (%s apart)", got.Expiration.Sub(*req.Expiration)))
	}
	if req.LinkType == docspace.LinkTypeExternal {
		if got.Password != req.Password {
			out = append(out, mismatch{attr: "password", want: "(sensitive)", have: "(sensitive, different)"})
		}
		if got.DenyDownload != req.DenyDownload {
			add("deny_download", req.DenyDownload, got.DenyDownload)
		}
		if got.Internal != req.Internal {
			add("internal", req.Internal, got.Internal)
		}
	} else if !equalIntPtr(req.MaxUseCount, got.MaxUseCount) {
		add("max_use_count", intOrUnlimited(req.MaxUseCount), intOrUnlimited(got.MaxUseCount))
	}
	return out
}

type mismatch struct{ attr, want, have string }

// hints says why DocSpace is known to store something else than asked.
var hints = map[string]string{
	"internal": "The portal administrator has restricted external sharing, which forces internal = true; " +
		"or this is a Public room, where links cannot be internal. Set internal to what the portal enforces.",
	"expiration_date": "DocSpace before 3.7 ignores expiration_date on invitation links and sets them to expire 7 days " +
		"after every change; DocSpace also drops dates that have passed, and ignores changes to the expiry where the " +
		"room does not allow them (Form filling rooms). Remove expiration_date, or set a future date the room allows.",
	"max_use_count": "DocSpace before 3.7 does not support max_use_count. Remove it.",
}

func explainMismatch(problems []mismatch) string {
	var b strings.Builder
	b.WriteString("DocSpace accepted the request but stored different values:\n")
	var why []string
	for _, p := range problems {
		fmt.Fprintf(&b, "  - %s: configured %s, DocSpace has %s\n", p.attr, p.want, p.have)
		if h, ok := hints[p.attr]; ok && !slices.Contains(why, h) {
			why = append(why, h)
		}
	}
	if len(why) == 0 {
		why = append(why, "DocSpace ignored part of the request; this can happen when the token's user lacks a right the change needs. Adjust the configuration to what the portal allows.")
	}
	b.WriteString("\n" + strings.Join(why, "\n"))
	return b.String()
}

// linkInfo is a link as the data sources and the ephemeral resource show
// it: what DocSpace reports, the password only as whether there is one.
type linkInfo struct {
	ID                types.String `tfsdk:"id"`
	Title             types.String `tfsdk:"title"`
	Access            types.String `tfsdk:"access"`
	LinkType          types.String `tfsdk:"link_type"`
	ShareLink         types.String `tfsdk:"share_link"`
	ExpirationDate    types.String `tfsdk:"expiration_date"`
	IsExpired         types.Bool   `tfsdk:"is_expired"`
	Primary           types.Bool   `tfsdk:"primary"`
	Internal          types.Bool   `tfsdk:"internal"`
	DenyDownload      types.Bool   `tfsdk:"deny_download"`
	PasswordProtected types.Bool   `tfsdk:"password_protected"`
	MaxUseCount       types.Int64  `tfsdk:"max_use_count"`
	CurrentUseCount   types.Int64  `tfsdk:"current_use_count"`
}

// newLinkInfo maps a link to linkInfo.
func newLinkInfo(l docspace.Link) linkInfo {
	expiration := types.StringNull()
	if l.Expiration != nil {
		expiration = types.StringValue(l.Expiration.Format(time.RFC3339Nano))
	}
	return linkInfo{
		ID:                types.StringValue(l.ID),
		Title:             types.StringValue(l.Title),
		Access:            types.StringValue(l.Access.Name()),
		LinkType:          types.StringValue(l.LinkType.Name()),
		ShareLink:         types.StringValue(l.ShareLink),
		ExpirationDate:    expiration,
		IsExpired:         types.BoolValue(l.IsExpired),
		Primary:           types.BoolValue(l.Primary),
		Internal:          types.BoolValue(l.Internal),
		DenyDownload:      types.BoolValue(l.DenyDownload),
		PasswordProtected: types.BoolValue(l.Password != ""),
		MaxUseCount:       optionalInt(l.MaxUseCount),
		CurrentUseCount:   optionalInt(l.CurrentUseCount),
	}
}
