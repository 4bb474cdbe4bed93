package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// TestConfigureHostWithAPIPath: a host ending in the API path is reduced to
// the portal's address, with a warning that names both.
func TestConfigureHostWithAPIPath(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	p := &docspaceProvider{version: "test"}
	var schemaResp provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &schemaResp)
	objectType := schemaResp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	values := map[string]tftypes.Value{}
	for name, typ := range objectType.AttributeTypes {
		values[name] = tftypes.NewValue(typ, nil)
	}
	values["host"] = tftypes.NewValue(tftypes.String, "https://portal.example.com/api/2.0/")
	values["token"] = tftypes.NewValue(tftypes.String, "sk-configure")
	req := provider.ConfigureRequest{Config: tfsdk.Config{Schema: schemaResp.Schema, Raw: tftypes.NewValue(objectType, values)}}
	var resp provider.ConfigureResponse
	p.Configure(ctx, req, &resp)
	if resp.Diagnostics.HasError() || len(resp.Diagnostics) != 1 {
		t.Fatalf("diagnostics: %v", resp.Diagnostics)
	}
	d := resp.Diagnostics[0]
	if d.Summary() != "DocSpace Host Contains an API Path" || !strings.Contains(d.Detail(), `"/api/2.0"`) ||
		!strings.Contains(d.Detail(), "https://portal.example.com,") {
		t.Errorf("warning %q: %s", d.Summary(), d.Detail())
	}
	if host := resp.ResourceData.(*providerData).api.Host(); host != "https://portal.example.com" {
		t.Errorf("client host %s", host)
	}
}

// TestRoomLinkReadAndDeleteKeepTrack: what Read and Delete make of answers
// that do not prove a link gone. Each keeps the link in the state and says
// why; only a room DocSpace confirms gone lets the link go.
func TestRoomLinkReadAndDeleteKeepTrack(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t, docspacetest.WithLocation(testLocation))
	srv.SetMemberToken(memberToken)
	room := fmt.Sprint(srv.CreateRoom("keep track", docspacetest.RoomCustom).ID)
	link, err := emulatorClient(t, srv).SetLink(context.Background(), docspace.RoomTarget(room), docspace.LinkRequest{
		LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Kept",
	})
	if err != nil {
		t.Fatal(err)
	}
	proxy := func(handler http.HandlerFunc) string {
		s := httptest.NewServer(handler)
		t.Cleanup(s.Close)
		return s.URL
	}
	emptyNotFound := proxy(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNotFound) })
	loginPage := proxy(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body>Sign in</body></html>")
	})
	linksNotFound := proxy(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/links") {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"error":{"message":"Item not found","type":null},"status":1,"statusCode":404}`)
			return
		}
		srv.ServeHTTP(w, r)
	})
	asMember := proxy(func(w http.ResponseWriter, r *http.Request) {
		r.Header.Set("Authorization", "Bearer "+memberToken)
		srv.ServeHTTP(w, r)
	})
	cases := []struct {
		name, url, roomID string
		wantRemoved       bool
		wantDiag, wantIn  string
	}{
		{"proxy's empty 404", emptyNotFound, room, false, "Error: Could Not Read Room Link", "did not come from DocSpace's API"},
		{"login page", loginPage, room, false, "Error: Could Not Read Room Link", "root address, such as " + loginPage},
		{"links not found, room exists", linksNotFound, room, false, "Error: Could Not Read Room Link", "yet the room itself exists"},
		{"no rights", asMember, room, false, "Error: Could Not Read Room Link", "cannot manage links of room " + room},
		{"room confirmed gone", srv.URL, "999999", true, "Warning: Room Not Found", "no longer exists"},
	}
	for _, tc := range cases {
		t.Run("read/"+tc.name, func(t *testing.T) {
			r := newTestResource(t, tc.url)
			state := stateOf(t, r, storedModel(tc.roomID, link.ID))
			resp := resource.ReadResponse{State: state}
			r.Read(context.Background(), resource.ReadRequest{State: state}, &resp)
			if got := summaries(resp.Diagnostics); got != tc.wantDiag || !strings.Contains(resp.Diagnostics[0].Detail(), tc.wantIn) {
				t.Fatalf("diagnostics %q (%v), want %q containing %q", got, resp.Diagnostics, tc.wantDiag, tc.wantIn)
			}
			if removed := resp.State.Raw.IsNull(); removed != tc.wantRemoved {
				t.Fatalf("removed from state: %v, want %v", removed, tc.wantRemoved)
			}
		})
	}
	for _, tc := range []struct{ name, url string }{{"proxy's empty 404", emptyNotFound}, {"links not found, room exists", linksNotFound}} {
		t.Run("delete/"+tc.name, func(t *testing.T) {
			r := newTestResource(t, tc.url)
			state := stateOf(t, r, storedModel(room, link.ID))
			resp := resource.DeleteResponse{State: state}
			r.Delete(context.Background(), resource.DeleteRequest{State: state}, &resp)
			if got := summaries(resp.Diagnostics); got != "Error: Could Not Delete Room Link" {
				t.Errorf("diagnostics %q, want the delete to fail", got)
			}
		})
	}
	if _, found := srv.Link(mustAtoi(t, room), link.ID); !found {
		t.Error("the link is gone from the portal")
	}
}
