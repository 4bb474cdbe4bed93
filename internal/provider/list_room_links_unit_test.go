package provider

import (
	"context"
	"fmt"
	"iter"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/docspacetest"
)

// listed is what one List call streamed.
type listed struct {
	names   []string // "<room>/<title>", in order
	diags   []string // "<severity>: <summary>"
	details []string // the diagnostics' details
}

// runList calls a list resource as the framework does, with the given
// config attributes (unset ones null).
func runList(t *testing.T, lr list.ListResource, target resource.ResourceWithIdentity, url string, cfg map[string]string, limit int64) listed {
	t.Helper()
	return listWith(t, context.Background(), testProviderData(t, url), lr, target, cfg, limit)
}

func testProviderData(t *testing.T, url string) *providerData {
	t.Helper()
	client, err := docspace.NewClient(docspace.Config{Host: url, Token: docspacetest.DefaultToken, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return &providerData{api: docspace.NewSession(client), now: time.Now}
}

// listWith runs a list resource with the given context and provider data,
// which list blocks of one query share.
func listWith(t *testing.T, ctx context.Context, data *providerData, lr list.ListResource, target resource.ResourceWithIdentity, cfg map[string]string, limit int64) listed {
	t.Helper()
	var configureResp resource.ConfigureResponse
	lr.(list.ListResourceWithConfigure).Configure(ctx, resource.ConfigureRequest{ProviderData: data}, &configureResp)

	var schemaResp list.ListResourceSchemaResponse
	lr.ListResourceConfigSchema(ctx, list.ListResourceSchemaRequest{}, &schemaResp)
	attrs := stringAttributes(maps.Keys(schemaResp.Schema.Attributes), cfg)
	var resourceSchema resource.SchemaResponse
	target.Schema(ctx, resource.SchemaRequest{}, &resourceSchema)
	var identitySchema resource.IdentitySchemaResponse
	target.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &identitySchema)
	req := list.ListRequest{
		Config:                 tfsdk.Config{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), attrs)},
		IncludeResource:        true,
		Limit:                  limit,
		ResourceSchema:         resourceSchema.Schema,
		ResourceIdentitySchema: identitySchema.IdentitySchema,
	}
	var stream list.ListResultsStream
	lr.List(ctx, req, &stream)
	var out listed
	for result := range stream.Results {
		for _, d := range result.Diagnostics {
			out.diags = append(out.diags, d.Severity().String()+": "+d.Summary())
			out.details = append(out.details, d.Detail())
		}
		if result.Identity == nil || result.Identity.Raw.IsNull() {
			continue
		}
		var roomID, title types.String
		result.Identity.GetAttribute(ctx, path.Root("room_id"), &roomID)
		result.Resource.GetAttribute(ctx, path.Root("title"), &title)
		out.names = append(out.names, roomID.ValueString()+"/"+title.ValueString())
	}
	return out
}

// TestRoomLinkList: filters apply on the client, primary links go to their
// own list, the limit holds, and a room that cannot be read ends the listing
// with an error rather than passing a partial list for a whole one.
func TestRoomLinkList(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t)
	c := emulatorClient(t, srv)
	// DocSpace lists rooms newest first: the broken room comes last.
	broken := fmt.Sprint(srv.CreateRoom("Broken", docspacetest.RoomCustom).ID)
	custom := fmt.Sprint(srv.CreateRoom("Sandbox", docspacetest.RoomCustom).ID)
	public := fmt.Sprint(srv.CreateRoom("Showcase", docspacetest.RoomPublic).ID)
	gone := fmt.Sprint(srv.CreateRoom("Gone", docspacetest.RoomCustom).ID)
	uses := 5
	for _, l := range []struct {
		room string
		req  docspace.LinkRequest
	}{
		{custom, docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Auditors"}},
		{custom, docspace.LinkRequest{LinkType: docspace.LinkTypeInvitation, Access: docspace.AccessEditing, Title: "Join", MaxUseCount: &uses}},
		{public, docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Press AUDIT kit"}},
		{gone, docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Vanishing"}},
		{broken, docspace.LinkRequest{LinkType: docspace.LinkTypeExternal, Access: docspace.AccessRead, Title: "Unreadable"}},
	} {
		if _, err := c.SetLink(context.Background(), docspace.RoomTarget(l.room), l.req); err != nil {
			t.Fatal(err)
		}
	}
	// The portal as the list sees it: one room is deleted between the room
	// listing and its own, another cannot be read at all.
	portal := func(brokenStatus int) string {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch r.URL.Path {
			case "/api/2.0/files/rooms/" + gone + "/links":
				srv.DeleteRoom(mustAtoi(t, gone))
			case "/api/2.0/files/rooms/" + broken + "/links":
				if brokenStatus != 0 {
					w.WriteHeader(brokenStatus)
					return
				}
			}
			srv.ServeHTTP(w, r)
		}))
		t.Cleanup(s.Close)
		return s.URL
	}
	cases := []struct {
		name    string
		primary bool
		cfg     map[string]string
		limit   int64
		status  int
		want    []string
		diags   []string
	}{
		{name: "one room", cfg: map[string]string{"room_id": custom}, want: []string{custom + "/Join", custom + "/Auditors"}},
		{name: "invitation links", cfg: map[string]string{"room_id": custom, "link_type": "invitation"}, want: []string{custom + "/Join"}},
		{name: "external links", cfg: map[string]string{"room_id": custom, "link_type": "external"}, want: []string{custom + "/Auditors"}},
		{name: "title in any case", cfg: map[string]string{"title_contains": "aUdIt"}, want: []string{custom + "/Auditors", public + "/Press AUDIT kit"}},
		{name: "no primary link", cfg: map[string]string{"room_id": public}, want: []string{public + "/Press AUDIT kit"}},
		{name: "every room, a deleted one skipped", want: []string{custom + "/Join", custom + "/Auditors", public + "/Press AUDIT kit", broken + "/Unreadable"}},
		{name: "limit", cfg: map[string]string{"room_id": custom}, limit: 1, want: []string{custom + "/Join"}},
		{name: "primary links", primary: true, want: []string{public + "/Shared link"}},
		{name: "primary link of a room without one", primary: true, cfg: map[string]string{"room_id": custom}},
		{name: "unreadable room ends the list", status: http.StatusForbidden,
			want: []string{custom + "/Join", custom + "/Auditors", public + "/Press AUDIT kit"}, diags: []string{"Error: Could Not List Room Links"}},
		{name: "unknown room", cfg: map[string]string{"room_id": "999999"}, diags: []string{"Error: Could Not Read Room"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv.ResetRequests()
			lr := NewRoomLinkListResource()
			var target resource.ResourceWithIdentity = &linkResource{kind: roomLinks}
			if tc.primary {
				lr, target = NewRoomPrimaryLinkListResource(), &primaryLinkResource{}
			}
			got := runList(t, lr, target, portal(tc.status), tc.cfg, tc.limit)
			sortByRoom(got.names)
			sortByRoom(tc.want)
			if !slices.Equal(got.names, tc.want) || !slices.Equal(got.diags, tc.diags) {
				t.Errorf("listed %q with %q; want %q with %q", got.names, got.diags, tc.want, tc.diags)
			}
			if n := srv.Requests("GET", "/api/2.0/files/rooms/{id}/link"); n != 0 {
				t.Errorf("listing asked for a primary link %d times, which makes one in a Custom room", n)
			}
		})
	}
}

// sortByRoom orders "<room>/<title>" names by room, keeping each room's
// links in the order DocSpace listed them.
func sortByRoom(names []string) {
	slices.SortStableFunc(names, func(a, b string) int {
		return strings.Compare(strings.SplitN(a, "/", 2)[0], strings.SplitN(b, "/", 2)[0])
	})
}

// TestRoomLinkListSharedSession: list blocks of one query share the
// provider's Session, and one that stops early (its limit reached, its call
// over, its context cancelled with its reads ahead still on their way)
// leaves another complete, without errors: the other block, waiting for
// those reads, asks again instead of taking their cancellation as its own.
// The first room answers sooner than the others, so the first block always
// ends while its reads ahead are in flight and the second waits for them.
func TestRoomLinkListSharedSession(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t)
	const rooms = 12
	for range rooms {
		srv.CreateRoom("Showcase", docspacetest.RoomPublic)
	}
	var quick atomic.Value // the path of the first room's links
	quick.Store("")
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/links") {
			delay := 300 * time.Millisecond
			if r.URL.Path == quick.Load().(string) {
				delay = 50 * time.Millisecond
			}
			select {
			case <-time.After(delay):
			case <-r.Context().Done():
				return
			}
		}
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(slow.Close)
	data := testProviderData(t, slow.URL)
	listedRooms, err := data.api.ListRooms(context.Background(), "")
	if err != nil || len(listedRooms) != rooms {
		t.Fatalf("rooms: %d, %v", len(listedRooms), err)
	}
	quick.Store("/api/2.0/files/rooms/" + listedRooms[0].ID + "/links")
	// Two blocks run at once, as Terraform runs a query's list blocks: the
	// second starts while the first's reads ahead are on their way, and
	// waits for them.
	done := make(chan listed)
	go func() {
		first, endFirst := context.WithCancel(context.Background())
		result := listWith(t, first, data, NewRoomPrimaryLinkListResource(), &primaryLinkResource{}, nil, 1)
		endFirst() // the call is over: its reads ahead are cancelled
		done <- result
	}()
	time.Sleep(10 * time.Millisecond)
	second := listWith(t, context.Background(), data, NewRoomPrimaryLinkListResource(), &primaryLinkResource{}, nil, 0)
	if first := <-done; len(first.names) != 1 || len(first.diags) != 0 {
		t.Errorf("first block: %q %q", first.names, first.diags)
	}
	if len(second.names) != rooms || len(second.diags) != 0 {
		t.Errorf("second block listed %d links with %q, want %d and no diagnostics", len(second.names), second.diags, rooms)
	}
}

// stringAttributes is an object's string attributes: the given values,
// null where none is given.
func stringAttributes(names iter.Seq[string], values map[string]string) map[string]tftypes.Value {
	attrs := map[string]tftypes.Value{}
	for name := range names {
		var v any
		if s, ok := values[name]; ok {
			v = s
		}
		attrs[name] = tftypes.NewValue(tftypes.String, v)
	}
	return attrs
}

// TestListedLinksCarryNoPassword: a listed link's password may be a
// write-only one of some configuration, so the resource a list result
// carries holds none (generated configuration needs it added anyway).
func TestListedLinksCarryNoPassword(t *testing.T) {
	t.Parallel()
	l := docspace.Link{ID: "a6f1c0de-0000-4000-8000-000000000001", LinkType: docspace.LinkTypeExternal,
		Access: docspace.AccessRead, Title: "Listed", Password: "Write-only-Pa55word-9", ShareLink: "https://x/s/1"}
	if m := importedLink(context.Background(), roomLinks, types.StringValue("4711"), l); !m.Password.IsNull() {
		t.Errorf("docspace_room_link result holds password %q", m.Password.ValueString())
	}
	l.Primary = true
	if m := importedLink(context.Background(), roomPrimaryLinks, types.StringValue("4711"), l); !m.Password.IsNull() {
		t.Errorf("docspace_room_primary_link result holds password %q", m.Password.ValueString())
	}
}

// TestRoomLinkListSkipsUnmanageableRooms: listing every room skips the rooms
// whose links the token's user may not manage (DocSpace lists none of their
// links to a plain member), names them in one warning, and lists the rest.
// One room asked for by room_id is still an error.
func TestRoomLinkListSkipsUnmanageableRooms(t *testing.T) {
	t.Parallel()
	srv := docspacetest.NewTestServer(t)
	c := emulatorClient(t, srv)
	custom := fmt.Sprint(srv.CreateRoom("Managed", docspacetest.RoomCustom).ID)
	hidden := []string{fmt.Sprint(srv.CreateRoom("Member only", docspacetest.RoomPublic).ID)}
	public := fmt.Sprint(srv.CreateRoom("Managed showcase", docspacetest.RoomPublic).ID)
	hidden = append(hidden, fmt.Sprint(srv.CreateRoom("Member only too", docspacetest.RoomPublic).ID))
	if _, err := c.SetLink(context.Background(), docspace.RoomTarget(custom), docspace.LinkRequest{LinkType: docspace.LinkTypeExternal,
		Access: docspace.AccessRead, Title: "Auditors"}); err != nil {
		t.Fatal(err)
	}
	// A plain member of the hidden rooms: DocSpace answers their listings
	// with no links at all (API.md §7.3), though a Public room always has
	// its primary link.
	portal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, id := range hidden {
			if r.URL.Path == "/api/2.0/files/rooms/"+id+"/links" {
				w.Header().Set("Content-Type", "application/json")
				fmt.Fprint(w, `{"count":0,"response":[],"status":0,"statusCode":200}`)
				return
			}
		}
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(portal.Close)
	const warning = "Warning: Rooms Skipped: Links Not Manageable"
	for _, tc := range []struct {
		name   string
		lr     list.ListResource
		target resource.ResourceWithIdentity
		cfg    map[string]string
		want   []string
		diags  []string
	}{
		{"links", NewRoomLinkListResource(), &linkResource{kind: roomLinks}, nil, []string{custom + "/Auditors"}, []string{warning}},
		{"primary links", NewRoomPrimaryLinkListResource(), &primaryLinkResource{}, nil, []string{public + "/Shared link"}, []string{warning}},
		{"one hidden room", NewRoomLinkListResource(), &linkResource{kind: roomLinks}, map[string]string{"room_id": hidden[0]}, nil,
			[]string{"Error: Could Not List Room Links"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := runList(t, tc.lr, tc.target, portal.URL, tc.cfg, 0)
			if !slices.Equal(got.names, tc.want) || !slices.Equal(got.diags, tc.diags) {
				t.Fatalf("listed %q with %q; want %q with %q", got.names, got.diags, tc.want, tc.diags)
			}
			if tc.cfg == nil && !strings.Contains(got.details[0], "2 rooms") || !strings.Contains(got.details[0], hidden[0]) ||
				tc.cfg == nil && !strings.Contains(got.details[0], hidden[1]) {
				t.Errorf("the diagnostic does not name the skipped rooms %v: %s", hidden, got.details[0])
			}
		})
	}
}
