package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var plannerNow = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

func ts(s string) Timestamp { return Timestamp{StringValue: types.StringValue(s)} }

// plannerState is an external link as Read leaves it in the state.
func plannerState() linkModel {
	m := storedModel("4711", "c2a1a2a4-7f2e-4f4e-9a55-0a1b2c3d4e5f")
	m.Title = types.StringValue("Team")
	m.ShareLink, m.RequestToken = types.StringValue("https://portal.example/s/abc"), types.StringValue("abc")
	m.IsExpired, m.Primary, m.CurrentUseCount = types.BoolValue(false), types.BoolValue(false), types.Int64Null()
	return m
}

// plannerConfig is the configuration that state came from.
func plannerConfig() linkModel {
	return linkModel{
		Parent: types.StringValue("4711"), Access: types.StringValue("read"), Title: types.StringValue("Team"),
		RotationTriggers: types.MapNull(types.StringType),
	}
}

// proposed is the plan the framework hands ModifyPlan for cfg over state:
// defaults applied, the state's values kept where the schema says so, and
// the other computed values unknown.
func proposed(cfg, state linkModel, creating bool) linkModel {
	p := cfg
	p.LinkType = types.StringValue("external")
	if !cfg.LinkType.IsNull() {
		p.LinkType = cfg.LinkType
	}
	if cfg.DenyDownload.IsNull() {
		p.DenyDownload = types.BoolValue(false)
	}
	if cfg.Internal.IsNull() {
		p.Internal = types.BoolValue(false)
	}
	if cfg.OnExpired.IsNull() {
		p.OnExpired = types.StringValue(onExpiredKeep)
	}
	p.IsExpired, p.CurrentUseCount = types.BoolUnknown(), types.Int64Unknown()
	if creating {
		p.ID, p.ShareLink, p.RequestToken, p.Primary = types.StringUnknown(), types.StringUnknown(), types.StringUnknown(), types.BoolUnknown()
		if cfg.Title.IsNull() {
			p.Title = types.StringUnknown()
		}
		if cfg.ExpirationDate.IsNull() {
			p.ExpirationDate = newTimestampUnknown()
		}
		return p
	}
	p.ID, p.ShareLink, p.RequestToken, p.Primary = state.ID, state.ShareLink, state.RequestToken, state.Primary
	if cfg.Title.IsNull() {
		p.Title = state.Title
	}
	if cfg.ExpirationDate.IsNull() {
		p.ExpirationDate = state.ExpirationDate // Optional+Computed keeps the old value
	}
	return p
}

// TestPlanLink drives the planner through every way a plan can go,
// without a portal.
func TestPlanLink(t *testing.T) {
	future, past := "2027-06-01T00:00:00Z", "2026-11-01T00:00:00Z"
	expired := func(policy string) linkModel {
		s := plannerState()
		s.ExpirationDate, s.IsExpired, s.OnExpired = ts(past), types.BoolValue(true), types.StringValue(policy)
		return s
	}
	withCfg := func(f func(*linkModel)) linkModel {
		c := plannerConfig()
		f(&c)
		return c
	}

	type want struct {
		outcome     planOutcome
		diag        string // summary of the one error expected, "" for none
		checkParent bool
		replace     bool
		refusal     string // summary of the refusal carried to the apply
		check       func(t *testing.T, plan linkModel)
	}
	cases := []struct {
		name      string
		cfg       linkModel
		state     *linkModel // nil: creating
		unchanged bool
		replacing bool
		want      want
	}{
		{name: "create an external link", cfg: plannerConfig(), want: want{outcome: planModel, checkParent: true, check: func(t *testing.T, p linkModel) {
			if !p.ExpirationDate.IsNull() || p.IsExpired.ValueBool() || p.IsExpired.IsUnknown() || p.Primary.ValueBool() || p.Primary.IsUnknown() || !p.CurrentUseCount.IsNull() {
				t.Errorf("computed values: expiry %s, is_expired %s, primary %s, current_use_count %s", p.ExpirationDate, p.IsExpired, p.Primary, p.CurrentUseCount)
			}
			if !p.ID.IsUnknown() || !p.ShareLink.IsUnknown() || !p.RequestToken.IsUnknown() {
				t.Error("id, share_link and request_token must be left to apply")
			}
		}}},
		{name: "create an invitation link", cfg: withCfg(func(c *linkModel) { c.LinkType = types.StringValue("invitation") }),
			want: want{outcome: planModel, checkParent: true, check: func(t *testing.T, p linkModel) {
				if !p.ExpirationDate.IsUnknown() || !p.IsExpired.IsUnknown() || !p.CurrentUseCount.IsUnknown() || !p.RequestToken.IsNull() {
					t.Errorf("before 3.7 DocSpace sets the expiry: expiry %s, is_expired %s, current_use_count %s, request_token %s",
						p.ExpirationDate, p.IsExpired, p.CurrentUseCount, p.RequestToken)
				}
			}}},
		{name: "create in a room known at apply", cfg: withCfg(func(c *linkModel) { c.Parent = types.StringUnknown() }),
			want: want{outcome: planModel, checkParent: false}},
		{name: "link type known at apply", cfg: withCfg(func(c *linkModel) { c.LinkType = types.StringUnknown() }),
			want: want{outcome: planAsProposed}},
		{name: "create with expires_in pins the date at apply", cfg: withCfg(func(c *linkModel) { c.ExpiresIn = types.StringValue("720h") }),
			want: want{outcome: planModel, checkParent: true, check: func(t *testing.T, p linkModel) {
				if !p.ExpirationDate.IsUnknown() || p.IsExpired.ValueBool() || p.IsExpired.IsUnknown() {
					t.Errorf("expiry %s, is_expired %s", p.ExpirationDate, p.IsExpired)
				}
			}}},
		{name: "create with a date in the past", cfg: withCfg(func(c *linkModel) { c.ExpirationDate = ts(past) }),
			want: want{outcome: planModel, checkParent: true, diag: "Expiration Date in the Past"}},
		{name: "create with a date over ten years ahead", cfg: withCfg(func(c *linkModel) { c.ExpirationDate = ts("2036-12-02T00:00:00Z") }),
			want: want{outcome: planModel, checkParent: true, diag: "Expiration Date Too Far Ahead"}},
		{name: "a new access is an update", cfg: withCfg(func(c *linkModel) { c.Access = types.StringValue("comment") }), state: ptr(plannerState()),
			want: want{outcome: planModel, checkParent: true, check: func(t *testing.T, p linkModel) {
				if p.Access.ValueString() != "comment" || p.IsExpired.ValueBool() || p.IsExpired.IsUnknown() || !p.CurrentUseCount.IsNull() {
					t.Errorf("access %s, is_expired %s, current_use_count %s", p.Access, p.IsExpired, p.CurrentUseCount)
				}
				if p.ID.ValueString() != plannerState().ID.ValueString() || p.Primary.IsUnknown() {
					t.Errorf("the update replaced computed values: id %s, primary %s", p.ID, p.Primary)
				}
			}}},
		{name: "the same instant spelled differently keeps the state",
			cfg:   withCfg(func(c *linkModel) { c.ExpirationDate = ts("2027-06-01T03:00:00+03:00") }),
			state: ptr(func() linkModel { s := plannerState(); s.ExpirationDate = ts(future); return s }()),
			want:  want{outcome: planState}},
		{name: "expires_in unchanged keeps the pinned date",
			cfg: withCfg(func(c *linkModel) { c.ExpiresIn, c.Title = types.StringValue("720h"), types.StringValue("New") }),
			state: ptr(func() linkModel {
				s := plannerState()
				s.ExpirationDate, s.ExpiresIn = ts(future), types.StringValue("720h")
				return s
			}()),
			want: want{outcome: planModel, checkParent: true, check: func(t *testing.T, p linkModel) {
				if p.ExpirationDate.ValueString() != future {
					t.Errorf("expiry %s, want the pinned %s", p.ExpirationDate, future)
				}
			}}},
		{name: "a new expires_in pins a new date",
			cfg: withCfg(func(c *linkModel) { c.ExpiresIn = types.StringValue("48h") }),
			state: ptr(func() linkModel {
				s := plannerState()
				s.ExpirationDate, s.ExpiresIn = ts(future), types.StringValue("720h")
				return s
			}()),
			want: want{outcome: planModel, checkParent: true, check: func(t *testing.T, p linkModel) {
				if !p.ExpirationDate.IsUnknown() {
					t.Errorf("expiry %s, want unknown", p.ExpirationDate)
				}
			}}},
		{name: "an external link whose expiry is removed never expires",
			cfg:   plannerConfig(),
			state: ptr(func() linkModel { s := plannerState(); s.ExpirationDate = ts(future); return s }()),
			want: want{outcome: planModel, checkParent: true, check: func(t *testing.T, p linkModel) {
				if !p.ExpirationDate.IsNull() {
					t.Errorf("expiry %s, want null", p.ExpirationDate)
				}
			}}},
		{name: "expired, on_expired error", cfg: withCfg(func(c *linkModel) {
			c.OnExpired, c.ExpirationDate = types.StringValue(onExpiredError), ts(past)
		}), state: ptr(expired(onExpiredError)), unchanged: true, want: want{outcome: planRefused, refusal: "Room Link Has Expired"}},
		{name: "expired, on_expired error, expiry removed", cfg: withCfg(func(c *linkModel) { c.OnExpired = types.StringValue(onExpiredError) }),
			state: ptr(expired(onExpiredError)), want: want{outcome: planModel, checkParent: true, check: func(t *testing.T, p linkModel) {
				if !p.ExpirationDate.IsNull() {
					t.Errorf("expiry %s, want none", p.ExpirationDate)
				}
			}}},
		{name: "expired, on_expired error, replaced for another reason", cfg: withCfg(func(c *linkModel) {
			c.OnExpired, c.ExpirationDate, c.Parent = types.StringValue(onExpiredError), ts(past), types.StringValue("4712")
		}), state: ptr(expired(onExpiredError)), replacing: true,
			// The policy is not asked; the new link would get the past date.
			want: want{outcome: planModel, checkParent: true, diag: "Link Has Expired"}},
		{name: "expired, recreate without expires_in", cfg: withCfg(func(c *linkModel) {
			c.OnExpired, c.ExpirationDate = types.StringValue(onExpiredRecreate), ts(past)
		}), state: ptr(expired(onExpiredRecreate)), unchanged: true, want: want{outcome: planRefused, refusal: "Cannot Recreate the Expired Link"}},
		{name: "expired, recreate with expires_in", cfg: withCfg(func(c *linkModel) {
			c.OnExpired, c.ExpiresIn = types.StringValue(onExpiredRecreate), types.StringValue("720h")
		}), state: ptr(func() linkModel {
			s := expired(onExpiredRecreate)
			s.ExpiresIn = types.StringValue("720h")
			return s
		}()),
			unchanged: true, want: want{outcome: planModel, replace: true, check: func(t *testing.T, p linkModel) {
				if !p.ExpirationDate.IsUnknown() {
					t.Errorf("expiry %s, want a new one pinned at apply", p.ExpirationDate)
				}
			}}},
		{name: "expired, recreate with a new future date is an update", cfg: withCfg(func(c *linkModel) {
			c.OnExpired, c.ExpirationDate = types.StringValue(onExpiredRecreate), ts(future)
		}), state: ptr(expired(onExpiredRecreate)), want: want{outcome: planModel, checkParent: true, check: func(t *testing.T, p linkModel) {
			if p.ExpirationDate.ValueString() != future || p.IsExpired.ValueBool() {
				t.Errorf("expiry %s, is_expired %s", p.ExpirationDate, p.IsExpired)
			}
		}}},
		{name: "expired, kept as it is", cfg: withCfg(func(c *linkModel) { c.ExpirationDate = ts(past) }),
			state: ptr(expired(onExpiredKeep)), unchanged: true, want: want{outcome: planAsProposed}},
		{name: "expired, kept, and changed", cfg: withCfg(func(c *linkModel) { c.ExpirationDate, c.Title = ts(past), types.StringValue("New") }),
			state: ptr(expired(onExpiredKeep)), want: want{outcome: planRefused, refusal: "Link Has Expired"}},
		{name: "invitation before 3.7 with max_use_count", cfg: withCfg(func(c *linkModel) {
			c.LinkType, c.MaxUseCount, c.Title = types.StringValue("invitation"), types.Int64Value(5), types.StringValue("New")
		}), state: ptr(func() linkModel { s := plannerState(); s.LinkType = types.StringValue("invitation"); return s }()),
			want: want{outcome: planModel, checkParent: true, diag: "max_use_count Needs DocSpace 3.7"}},
		{name: "invitation before 3.7 with expiration_date", cfg: withCfg(func(c *linkModel) {
			c.LinkType, c.ExpirationDate = types.StringValue("invitation"), ts(future)
		}), state: ptr(func() linkModel { s := plannerState(); s.LinkType = types.StringValue("invitation"); return s }()),
			want: want{outcome: planModel, checkParent: true, diag: "Invitation Expiry Needs DocSpace 3.7"}},
		{name: "invitation on 3.7 drops its expiry", cfg: withCfg(func(c *linkModel) { c.LinkType = types.StringValue("invitation") }),
			state: ptr(func() linkModel {
				s := plannerState()
				s.LinkType, s.ExpirationDate, s.CurrentUseCount = types.StringValue("invitation"), ts(future), types.Int64Value(2)
				return s
			}()),
			want: want{outcome: planModel, checkParent: true, check: func(t *testing.T, p linkModel) {
				if !p.ExpirationDate.IsNull() || !p.CurrentUseCount.IsUnknown() {
					t.Errorf("expiry %s, current_use_count %s", p.ExpirationDate, p.CurrentUseCount)
				}
			}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := linkPlanInput{config: tc.cfg, creating: tc.state == nil, unchanged: tc.unchanged, replacing: tc.replacing, now: plannerNow}
			if tc.state != nil {
				in.state = *tc.state
			}
			in.plan = proposed(tc.cfg, in.state, in.creating)
			if tc.unchanged {
				in.plan = in.state
			}
			got := planLink(context.Background(), in)
			if got.outcome != tc.want.outcome {
				t.Errorf("outcome %d, want %d", got.outcome, tc.want.outcome)
			}
			var errs []string
			for _, d := range got.diags.Errors() {
				errs = append(errs, d.Summary())
			}
			switch {
			case tc.want.diag == "" && len(errs) > 0:
				t.Errorf("unexpected errors: %s", strings.Join(errs, "; "))
			case tc.want.diag != "" && (len(errs) != 1 || errs[0] != tc.want.diag):
				t.Errorf("errors %q, want exactly %q", errs, tc.want.diag)
			}
			if got.checkParent != tc.want.checkParent {
				t.Errorf("checkParent %v, want %v", got.checkParent, tc.want.checkParent)
			}
			if replace := len(got.requiresReplace) > 0; replace != tc.want.replace ||
				(replace && !got.requiresReplace.Contains(path.Root("expiration_date"))) {
				t.Errorf("requires replace %v, want %v", got.requiresReplace, tc.want.replace)
			}
			if got.refusal.Summary != tc.want.refusal {
				t.Errorf("refusal %q, want %q", got.refusal.Summary, tc.want.refusal)
			}
			if tc.want.check != nil {
				if got.outcome != planModel {
					t.Fatal("no plan to check")
				}
				tc.want.check(t, got.plan)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

// TestExpiredWithPolicy: an unchanged link needs a look only when it has
// expired and its policy is not "keep", by the server's word or the clock.
func TestExpiredWithPolicy(t *testing.T) {
	r := &linkResource{kind: roomLinks}
	for _, tc := range []struct {
		name      string
		policy    string
		isExpired bool
		date      string
		want      bool
	}{
		{"keep, expired", onExpiredKeep, true, "2026-11-01T00:00:00Z", false},
		{"error, expired by the clock", onExpiredError, false, "2026-11-01T00:00:00Z", true},
		{"recreate, expired by the server's word", onExpiredRecreate, true, "", true},
		{"error, date ahead", onExpiredError, false, "2027-01-01T00:00:00Z", false},
		{"error, no date", onExpiredError, false, "", false},
		{"no policy in the state (imported)", "", true, "2026-11-01T00:00:00Z", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := plannerState()
			m.IsExpired = types.BoolValue(tc.isExpired)
			if tc.date != "" {
				m.ExpirationDate = ts(tc.date)
			}
			m.OnExpired = types.StringValue(tc.policy)
			if tc.isExpired {
				m.PasswordWOVersion = types.Int64Value(1) // read along, for the write-only drift check
			}
			if tc.policy == "" {
				m.OnExpired = types.StringNull()
			}
			glance, diags := glanceAtState(stateOf(t, r, m).Raw)
			if diags.HasError() || glance.PasswordWOVersion.IsNull() != m.PasswordWOVersion.IsNull() {
				t.Fatalf("glanceAtState: %s, password_wo_version %s", summaries(diags), glance.PasswordWOVersion)
			}
			if got := expiredWithPolicy(glance, plannerNow); got != tc.want {
				t.Errorf("expiredWithPolicy = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestDocSpaceHoldsPlan: the PUT of an update is skipped only when the
// request would leave DocSpace holding exactly what it holds.
func TestDocSpaceHoldsPlan(t *testing.T) {
	state := plannerState()
	state.ExpirationDate = ts("2027-06-01T03:00:00.0000000+03:00")
	request := func(m linkModel) docspace.LinkRequest {
		req, diags := m.request()
		if diags.HasError() {
			t.Fatal(summaries(diags))
		}
		return req
	}
	for _, tc := range []struct {
		name      string
		change    func(*linkModel)
		writeOnly string
		state     func(*linkModel)
		want      bool
	}{
		{name: "only on_expired changes", change: func(m *linkModel) { m.OnExpired = types.StringValue(onExpiredError) }, want: true},
		{name: "the same instant respelled", change: func(m *linkModel) { m.ExpirationDate = ts("2027-06-01T00:00:00Z") }, want: true},
		{name: "access changes", change: func(m *linkModel) { m.Access = types.StringValue("comment") }},
		{name: "title changes", change: func(m *linkModel) { m.Title = types.StringValue("New") }},
		{name: "password changes", change: func(m *linkModel) { m.Password = types.StringValue("Secret-2027") }},
		{name: "the date moves", change: func(m *linkModel) { m.ExpirationDate = ts("2027-06-02T00:00:00Z") }},
		{name: "the date is pinned at apply", change: func(m *linkModel) { m.ExpirationDate = newTimestampUnknown() }},
		{name: "password_wo_version changes", writeOnly: "Secret-2026", change: func(m *linkModel) { m.PasswordWOVersion = types.Int64Value(2) },
			state: func(m *linkModel) { m.PasswordWOVersion = types.Int64Value(1) }},
		{name: "the same write-only password version", writeOnly: "Secret-2026", change: func(m *linkModel) { m.PasswordWOVersion = types.Int64Value(1) },
			state: func(m *linkModel) { m.PasswordWOVersion = types.Int64Value(1) }, want: true},
		{name: "max_use_count changes", change: func(m *linkModel) { m.MaxUseCount = types.Int64Value(3) }},
		{name: "a state that is no request", change: func(*linkModel) {}, state: func(m *linkModel) { m.Access = types.StringValue("owner") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := state
			if tc.state != nil {
				tc.state(&s)
			}
			plan := state
			tc.change(&plan)
			planReq := request(plan)
			if tc.writeOnly != "" {
				planReq.Password = tc.writeOnly
			}
			if got := docSpaceHoldsPlan(planReq, plan, s); got != tc.want {
				t.Errorf("docSpaceHoldsPlan = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestAccRoomLink_planTimeChecks: every mistake a user can make is refused
// at plan time with a message that names the attribute and the fix, and
// nothing reaches the portal's links.
func TestAccRoomLink_planTimeChecks(t *testing.T) {
	rooms := map[docspace.RoomType]docspace.Room{}
	for _, kind := range []docspace.RoomType{docspace.RoomTypeCustom, docspace.RoomTypePublic, docspace.RoomTypeFillingForms,
		docspace.RoomTypeEditing, docspace.RoomTypeVirtualData, docspace.RoomTypeAI} {
		rooms[kind] = createRoom(t, kind)
	}
	writesBefore := map[docspace.RoomType]int{}
	if testEmulator != nil {
		for kind, room := range rooms {
			writesBefore[kind] = testEmulator.Requests("PUT", "/api/2.0/files/rooms/"+room.ID+"/links")
		}
	}
	custom := docspace.RoomTypeCustom

	cases := []struct {
		name  string
		room  docspace.RoomType
		attrs string
		want  string
	}{
		{"password on invitation", custom, "link_type = \"invitation\"\naccess = \"read\"\npassword = \"Secret-2026\"", `password applies to external links only`},
		{"deny_download on invitation", custom, "link_type = \"invitation\"\naccess = \"read\"\ndeny_download = true", `deny_download applies to external links only`},
		{"internal on invitation", custom, "link_type = \"invitation\"\naccess = \"read\"\ninternal = false", `internal applies to external links only`},
		{"max_use_count on external", custom, "access = \"read\"\nmax_use_count = 3", `max_use_count applies to invitation links only`},
		{"content_creator on external", custom, "access = \"content_creator\"", `Access Not Allowed for External Links`},
		{"unknown access", custom, "access = \"owner\"", `access "owner" is not one of`},
		{"unknown link type", custom, "link_type = \"primary\"\naccess = \"read\"", `value must be one of`},
		{"fill_forms invitation in custom room", custom, "link_type = \"invitation\"\naccess = \"fill_forms\"",
			"its invitation links allow access `content_creator`, `editing`, `review`, `comment`, `read`, not \"fill_forms\""},
		{"editing invitation in public room", docspace.RoomTypePublic, "link_type = \"invitation\"\naccess = \"editing\"",
			"its invitation links allow access `content_creator`, `read`"},
		{"review external in form room", docspace.RoomTypeFillingForms, "access = \"read\"", `Room Takes No Additional External Links`},
		{"external in collaboration room", docspace.RoomTypeEditing, "access = \"read\"", `Room Takes No External Links`},
		{"external in virtual data room", docspace.RoomTypeVirtualData, "access = \"read\"", `Room Takes No External Links`},
		{"external in AI room", docspace.RoomTypeAI, "access = \"read\"", `Room Takes No External Links`},
		{"internal in public room", docspace.RoomTypePublic, "access = \"read\"\ninternal = true", `Internal Links Not Allowed in Public Rooms`},
		{"expiry in the past", custom, fmt.Sprintf("access = \"read\"\nexpiration_date = %q", time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)), `Expiration Date in the Past`},
		{"invitation expiry in the past", custom, fmt.Sprintf("link_type = \"invitation\"\naccess = \"read\"\nexpiration_date = %q", time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)), `Expiration Date in the Past`},
		{"expiry beyond ten years", custom, fmt.Sprintf("access = \"read\"\nexpiration_date = %q", time.Now().AddDate(10, 0, 2).UTC().Format(time.RFC3339)), `Expiration Date Too Far Ahead`},
		{"expiry without offset", custom, "access = \"read\"\nexpiration_date = \"2030-01-01T00:00:00\"", `is not an RFC 3339 date-time with a time zone offset`},
		{"expiry as a bare date", custom, "access = \"read\"\nexpiration_date = \"2030-01-01\"", `Invalid Date-Time`},
		{"password too short", custom, "access = \"read\"\npassword = \"short1\"", `is shorter than 8 characters`},
		{"password too long", custom, "access = \"read\"\npassword = \"" + strings.Repeat("x", 31) + "\"", `is longer than 30 characters`},
		{"password with a space", custom, "access = \"read\"\npassword = \"has space 2026\"", `password contains a space`},
		{"password not ASCII", custom, "access = \"read\"\npassword = \"pässwörd2026\"", `contains a character that is not printable ASCII`},
		{"title too long", custom, "access = \"read\"\ntitle = \"" + strings.Repeat("t", 256) + "\"", `DocSpace allows 1 to 255`},
		{"title empty", custom, "access = \"read\"\ntitle = \"\"", `DocSpace allows 1 to 255`},
		{"title with a line break", custom, "access = \"read\"\ntitle = \"two\\nlines\"", `contains a control character`},
		{"use count zero", custom, "link_type = \"invitation\"\naccess = \"read\"\nmax_use_count = 0", `value must be between 1 and 1000`},
		{"use count too high", custom, "link_type = \"invitation\"\naccess = \"read\"\nmax_use_count = 1001", `value must be between 1 and 1000`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps: []resource.TestStep{{
					Config:      linkConfig(rooms[tc.room].ID, tc.attrs),
					PlanOnly:    true,
					ExpectError: expectError(tc.want),
				}},
			})
		})
	}
	t.Run("room ids", func(t *testing.T) {
		for _, tc := range []struct{ roomID, want string }{
			{"999999999", "Room Not Found"},
			{"1/../../people", "Invalid Room ID"},
			{"..", "Invalid Room ID"},
			{"4711?x=1", "Invalid Room ID"},
			{"", "Invalid Room ID"},
		} {
			t.Run(tc.roomID, func(t *testing.T) {
				resource.ParallelTest(t, resource.TestCase{
					ProtoV6ProviderFactories: testProviders,
					Steps: []resource.TestStep{{
						Config:      linkConfig(tc.roomID, `access = "read"`),
						PlanOnly:    true,
						ExpectError: expectError(tc.want),
					}},
				})
			})
		}
	})
	t.Cleanup(func() {
		if testEmulator == nil {
			return
		}
		for kind, room := range rooms {
			if n := testEmulator.Requests("PUT", "/api/2.0/files/rooms/"+room.ID+"/links") - writesBefore[kind]; n != 0 {
				t.Errorf("%s %s received %d writes from refused plans", kind, room.ID, n)
			}
		}
	})
}
