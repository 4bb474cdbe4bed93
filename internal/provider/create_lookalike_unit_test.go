package provider

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// plannedLink is the plan of a new link: what DocSpace reports is unknown.
func plannedLink(roomID, kind, title string, expiry *time.Time) linkModel {
	return linkModel{
		ID: types.StringUnknown(), Parent: types.StringValue(roomID), LinkType: types.StringValue(kind),
		Access: types.StringValue("read"), Title: types.StringValue(title), ExpirationDate: newTimestampPointer(expiry),
		Password: types.StringNull(), DenyDownload: types.BoolValue(false), Internal: types.BoolValue(false),
		MaxUseCount: types.Int64Null(), ShareLink: types.StringUnknown(), RequestToken: types.StringUnknown(),
		IsExpired: types.BoolUnknown(), Primary: types.BoolUnknown(), CurrentUseCount: types.Int64Unknown(),
		PasswordWO: types.StringNull(), PasswordWOVersion: types.Int64Null(), RotationTriggers: types.MapNull(types.StringType),
		ExpiresIn: types.StringNull(), OnExpired: types.StringValue(onExpiredKeep),
	}
}

func createLink(t *testing.T, r *linkResource, m linkModel) resource.CreateResponse {
	t.Helper()
	plan := stateOf(t, r, m)
	resp := resource.CreateResponse{State: tfsdk.State{Schema: plan.Schema, Raw: tftypes.NewValue(plan.Raw.Type(), nil)}}
	r.Create(context.Background(), resource.CreateRequest{Plan: tfsdk.Plan(plan), Config: tfsdk.Config(plan)}, &resp)
	return resp
}

// TestRoomLinkCreateKeepsWhatItDidNotMake: on a portal that ignores link
// ids, a create whose answer is lost takes the one link made since it began
// by its settings. When DocSpace stored it differently from the plan (a
// DocSpace 3.6 invitation link's expiry), Create fails, but leaves the link
// alone: nothing proves this apply made it. A link Create did make, straight
// from DocSpace's answer, is deleted again as before.
func TestRoomLinkCreateKeepsWhatItDidNotMake(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t, docspacetest.WithLocation(testLocation), docspacetest.WithVersion(docspacetest.V36))
	srv.SetIgnoreLinkIDs(true)
	room := srv.CreateRoom("adopted", docspacetest.RoomCustom).ID
	roomID := fmt.Sprint(room)
	r := newTestResource(t, srv.URL)
	expiry := time.Now().Add(30 * 24 * time.Hour).UTC().Truncate(time.Second)

	// A first create, through the resource's client, shows the portal ignores ids.
	if _, err := r.data.api.CreateLink(context.Background(), docspace.RoomTarget(roomID), docspace.LinkRequest{
		LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "First"}); err != nil {
		t.Fatalf("first create: %v", err)
	}

	// Answered: the link is this create's, and deleted again.
	resp := createLink(t, r, plannedLink(roomID, "invitation", "Invite", &expiry))
	if !resp.Diagnostics.HasError() || !strings.Contains(fmt.Sprint(resp.Diagnostics), "The link was deleted again") {
		t.Fatalf("create stored differently: %s", summaries(resp.Diagnostics))
	}
	if n := len(srv.Links(room)); n != 1 {
		t.Fatalf("room holds %d links after a create DocSpace answered was taken back, want 1", n)
	}

	// Lost: the link is taken by its settings, and kept.
	srv.FailNextOn(http.MethodPut, docspacetest.FaultResetAfter)
	resp = createLink(t, r, plannedLink(roomID, "invitation", "Invite", &expiry))
	if !resp.Diagnostics.HasError() || !strings.Contains(fmt.Sprint(resp.Diagnostics), "left in place") {
		t.Fatalf("lost create stored differently: %s", summaries(resp.Diagnostics))
	}
	if n := len(srv.Links(room)); n != 2 {
		t.Errorf("room holds %d links, want 2: a link taken by its settings is never deleted", n)
	}
}
