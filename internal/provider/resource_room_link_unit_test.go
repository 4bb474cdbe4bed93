package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// newTestResource returns the resource configured against a portal URL.
func newTestResource(t *testing.T, url string) *linkResource {
	t.Helper()
	client, err := docspace.NewClient(docspace.Config{Host: url, Token: docspacetest.DefaultToken, RetryWaitMin: time.Millisecond, RetryWaitMax: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return &linkResource{kind: roomLinks, data: &providerData{api: docspace.NewSession(client), now: time.Now}}
}

// stateOf builds a framework state holding the model.
func stateOf(t *testing.T, r *linkResource, m linkModel) tfsdk.State {
	t.Helper()
	ctx := context.Background()
	var schemaResp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &schemaResp)
	state := tfsdk.State{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil)}
	if diags := setModel(ctx, r.kind, &state.Raw, &m); diags.HasError() {
		t.Fatal(diags)
	}
	return state
}

func storedModel(roomID, linkID string) linkModel {
	return linkModel{
		ID: types.StringValue(linkID), Parent: types.StringValue(roomID), LinkType: types.StringValue("external"),
		Access: types.StringValue("read"), Title: types.StringValue("Old title"), ExpirationDate: newTimestampNull(),
		DenyDownload: types.BoolValue(false), Internal: types.BoolValue(false),
		RotationTriggers: types.MapNull(types.StringType), OnExpired: types.StringValue(onExpiredKeep),
	}
}

func summaries(diags diag.Diagnostics) string {
	var out []string
	for _, d := range diags {
		out = append(out, d.Severity().String()+": "+d.Summary())
	}
	return strings.Join(out, "; ")
}

// TestRoomLinkRead proves what Read makes of each answer: gone means
// removed with a warning; a refusal is an error and never "gone". A
// password the state did not hold is recorded as set elsewhere, never as
// its value.
func TestRoomLinkRead(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t, docspacetest.WithLocation(testLocation))
	custom := fmt.Sprint(srv.CreateRoom("read", docspacetest.RoomCustom).ID)
	public := srv.CreateRoom("public", docspacetest.RoomPublic)
	var primaryID string
	for _, l := range srv.Links(public.ID) {
		primaryID = l.ID
	}
	link, err := emulatorClient(t, srv).SetLink(context.Background(), docspace.RoomTarget(custom), docspace.LinkRequest{
		LinkType: docspace.LinkTypeExternal, Access: docspace.AccessEditing, Title: "Live", Password: "Secret-2026",
	})
	if err != nil {
		t.Fatal(err)
	}
	refusing := func(status int) string {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(status)
			if status == http.StatusForbidden {
				fmt.Fprint(w, `{"error":{"message":"Access denied","type":null},"status":1,"statusCode":403}`)
			}
		}))
		t.Cleanup(s.Close)
		return s.URL
	}

	cases := []struct {
		name, url, roomID, linkID string
		wantRemoved               bool
		wantDiag                  string
	}{
		{"present", srv.URL, custom, link.ID, false, ""},
		{"link gone", srv.URL, custom, "00000000-0000-4000-8000-000000000001", true, "Warning: Room Link Not Found"},
		{"room gone", srv.URL, "999999", link.ID, true, "Warning: Room Not Found"},
		{"primary link", srv.URL, fmt.Sprint(public.ID), primaryID, false, "Error: Primary Links Are Not Managed by docspace_room_link"},
		{"token rejected", refusing(http.StatusUnauthorized), custom, link.ID, false, "Error: Could Not Read Room Link"},
		{"access denied", refusing(http.StatusForbidden), custom, link.ID, false, "Error: Could Not Read Room Link"},
		{"server error", refusing(http.StatusInternalServerError), custom, link.ID, false, "Error: Could Not Read Room Link"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := newTestResource(t, tc.url)
			state := stateOf(t, r, storedModel(tc.roomID, tc.linkID))
			resp := resource.ReadResponse{State: state}
			r.Read(context.Background(), resource.ReadRequest{State: state}, &resp)

			if got := summaries(resp.Diagnostics); got != tc.wantDiag {
				t.Fatalf("diagnostics %q, want %q", got, tc.wantDiag)
			}
			if removed := resp.State.Raw.IsNull(); removed != tc.wantRemoved {
				t.Fatalf("removed from state: %v, want %v", removed, tc.wantRemoved)
			}
			if tc.wantDiag != "" {
				return
			}
			var got linkModel
			got.read(roomLinks, resp.State.Raw)
			if got.Access.ValueString() != "editing" || got.Title.ValueString() != "Live" || got.Password.ValueString() != passwordSetElsewhere {
				t.Errorf("state not refreshed: access %s, title %s", got.Access, got.Title)
			}
		})
	}
}

// TestRoomLinkDelete: deleting is one PUT with access 0, and a link or room
// that is already gone is success.
func TestRoomLinkDelete(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t, docspacetest.WithLocation(testLocation))
	room := srv.CreateRoom("delete", docspacetest.RoomCustom)
	roomID := fmt.Sprint(room.ID)
	link, err := emulatorClient(t, srv).SetLink(context.Background(), docspace.RoomTarget(roomID), docspace.LinkRequest{
		LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead,
	})
	if err != nil {
		t.Fatal(err)
	}
	r := newTestResource(t, srv.URL)
	for _, tc := range []struct{ name, roomID, linkID string }{
		{"existing link", roomID, link.ID},
		{"link already gone", roomID, link.ID},
		{"room gone", "999999", link.ID},
	} {
		state := stateOf(t, r, storedModel(tc.roomID, tc.linkID))
		resp := resource.DeleteResponse{State: state}
		before := srv.Requests("PUT", "/api/2.0/files/rooms/{id}/links")
		r.Delete(context.Background(), resource.DeleteRequest{State: state}, &resp)
		if resp.Diagnostics.HasError() {
			t.Errorf("%s: %s", tc.name, summaries(resp.Diagnostics))
		}
		if n := srv.Requests("PUT", "/api/2.0/files/rooms/{id}/links") - before; n != 1 {
			t.Errorf("%s: %d PUT requests, want 1", tc.name, n)
		}
	}
	if n := len(srv.Links(room.ID)); n != 0 {
		t.Errorf("room still has %d links", n)
	}
}

// TestValidateConfigOnExpiredWithoutExpiry: on_expired = "recreate" on a
// link that never expires is a warning, not silence and not an error.
func TestValidateConfigOnExpiredWithoutExpiry(t *testing.T) {
	t.Parallel()
	r := &linkResource{kind: roomLinks}
	cases := []struct {
		name      string
		change    func(*linkModel)
		wantDiags string
	}{
		{"recreate without expiry", func(m *linkModel) {}, "Warning: on_expired Has Nothing to Act On"},
		{"recreate with expires_in", func(m *linkModel) { m.ExpiresIn = types.StringValue("720h") }, ""},
		{"recreate with a date", func(m *linkModel) {
			m.ExpirationDate = Timestamp{StringValue: types.StringValue("2030-01-01T00:00:00Z")}
		}, ""},
		{"keep without expiry", func(m *linkModel) { m.OnExpired = types.StringValue(onExpiredKeep) }, ""},
		{"unknown policy", func(m *linkModel) { m.OnExpired = types.StringUnknown() }, ""},
	}
	for _, tc := range cases {
		m := storedModel("4711", "")
		m.ID, m.Title = types.StringNull(), types.StringNull()
		m.OnExpired = types.StringValue(onExpiredRecreate)
		tc.change(&m)
		state := stateOf(t, r, m)
		var resp resource.ValidateConfigResponse
		r.ValidateConfig(context.Background(), resource.ValidateConfigRequest{Config: tfsdk.Config(state)}, &resp)
		if got := summaries(resp.Diagnostics); got != tc.wantDiags {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.wantDiags)
		}
	}
}

// TestCompareLink: what DocSpace stored silently differently from the
// request is found, and what it legitimately fills in is not.
func TestCompareLink(t *testing.T) {
	t.Parallel()
	date := time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC)
	sameInstant := date.In(time.FixedZone("", 3*3600))
	other := date.Add(7 * 24 * time.Hour)
	fine := date.Add(123456789 * time.Nanosecond)                                 // a config date with 9 fractional digits
	ticks := date.Add(1234567 * 100 * time.Nanosecond).In(sameInstant.Location()) // as DocSpace keeps and echoes it
	n, m := 5, 6
	zero := 0
	external := docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Expiration: &date, Password: "Secret-2026"}
	stored := docspace.Link{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Shared link", Expiration: &sameInstant, Password: "Secret-2026"}
	invitation := docspace.LinkRequest{LinkType: docspace.LinkTypeInvitation, Access: docspace.AccessRead, MaxUseCount: &n}
	storedInvitation := docspace.Link{LinkType: docspace.LinkTypeInvitation, Access: docspace.AccessRead, MaxUseCount: &n, CurrentUseCount: &zero}

	cases := []struct {
		name string
		req  docspace.LinkRequest
		got  func(l docspace.Link) docspace.Link
		base docspace.Link
		want string
	}{
		{"as asked, default title, date in another zone", external, nil, stored, ""},
		{"internal forced", external, func(l docspace.Link) docspace.Link { l.Internal = true; return l }, stored, "internal"},
		{"past date dropped", external, func(l docspace.Link) docspace.Link { l.Expiration = nil; return l }, stored, "expiration_date"},
		{"password changed", external, func(l docspace.Link) docspace.Link { l.Password = "x"; return l }, stored, "password"},
		{"date kept at 100 ns", docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Expiration: &fine, Password: "Secret-2026"},
			func(l docspace.Link) docspace.Link { l.Expiration = &ticks; return l }, stored, ""},
		{"access changed", external, func(l docspace.Link) docspace.Link { l.Access = docspace.AccessEditing; return l }, stored, "access"},
		{"use limit ignored", invitation, func(l docspace.Link) docspace.Link { l.MaxUseCount = nil; return l }, storedInvitation, "max_use_count"},
		{"use limit changed", invitation, func(l docspace.Link) docspace.Link { l.MaxUseCount = &m; return l }, storedInvitation, "max_use_count"},
		{"3.7 invitation given an expiry", invitation, func(l docspace.Link) docspace.Link { l.Expiration = &other; return l }, storedInvitation, "expiration_date"},
		{"3.6 invitation expiry set by the server", docspace.LinkRequest{LinkType: docspace.LinkTypeInvitation, Access: docspace.AccessRead},
			func(l docspace.Link) docspace.Link {
				l.Expiration = &other
				l.CurrentUseCount = nil
				l.MaxUseCount = nil
				return l
			}, storedInvitation, ""},
	}
	for _, tc := range cases {
		got := tc.base
		if tc.got != nil {
			got = tc.got(got)
		}
		var attrs []string
		for _, p := range compareLink(tc.req, got) {
			attrs = append(attrs, p.attr)
		}
		if strings.Join(attrs, ",") != tc.want {
			t.Errorf("%s: mismatches %v, want %q", tc.name, attrs, tc.want)
		}
	}
	// A refused date shows the difference, not two renderings of the same second.
	later := date.Add(1500 * time.Millisecond).In(sameInstant.Location())
	problems := compareLink(external, func() docspace.Link { l := stored; l.Expiration = &later; return l }())
	if msg := explainMismatch(problems); !strings.Contains(msg, "configured 2026-12-31T23:59:59Z, DocSpace has 2027-01-01T03:00:00.5+03:00 (1.5s apart)") {
		t.Errorf("the message does not show the difference: %s", msg)
	}
	if msg := explainMismatch([]mismatch{{attr: "password", want: "(sensitive)", have: "(sensitive, different)"}}); strings.Contains(msg, "Secret") {
		t.Errorf("a password reached the message: %s", msg)
	}
}
