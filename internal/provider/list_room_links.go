package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// List resources (Terraform 1.14 and later) let `terraform query` find the
// links a portal already has and write their import blocks and
// configuration. docspace_room_link lists the links that resource manages:
// every link but a room's primary one, which docspace_room_primary_link
// lists instead.

var (
	_ provider.ProviderWithListResources = (*docspaceProvider)(nil)
	_ list.ListResourceWithConfigure     = (*roomLinkListResource)(nil)
	_ list.ListResourceWithConfigure     = (*primaryLinkListResource)(nil)
)

// NewRoomLinkListResource lists docspace_room_link instances.
func NewRoomLinkListResource() list.ListResource { return &roomLinkListResource{} }

// NewRoomPrimaryLinkListResource lists docspace_room_primary_link instances.
func NewRoomPrimaryLinkListResource() list.ListResource { return &primaryLinkListResource{} }

type roomLinkListResource struct{ data *providerData }

type primaryLinkListResource struct{ data *providerData }

type roomLinkListConfig struct {
	RoomID        types.String `tfsdk:"room_id"`
	LinkType      types.String `tfsdk:"link_type"`
	TitleContains types.String `tfsdk:"title_contains"`
}

type primaryLinkListConfig struct {
	RoomID        types.String `tfsdk:"room_id"`
	TitleContains types.String `tfsdk:"title_contains"`
}

func (r *roomLinkListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_link"
}

func (r *primaryLinkListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_primary_link"
}

func (r *roomLinkListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *primaryLinkListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func listRoomIDAttribute() listschema.StringAttribute {
	return listschema.StringAttribute{
		MarkdownDescription: "Id of the room whose links are listed: the number in the room's address. When omitted, " +
			"every room the token can see is listed (archived rooms are not); rooms whose links the token may not manage are skipped, and one warning names them.",
		Optional:   true,
		Validators: []validator.String{parentIDValidator{kind: docspace.TargetRoom}},
	}
}

func listTitleAttribute() listschema.StringAttribute {
	return listschema.StringAttribute{
		MarkdownDescription: "Only links whose title contains this text, without regard to case.",
		Optional:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

func (r *roomLinkListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the links of one room, or of every room, for `terraform query` (Terraform 1.14 or later): " +
			"each result carries the link's identity (`room_id` and `id`), and with `include_resource = true` its settings, so " +
			"`terraform query -generate-config-out=links.tf` writes an `import` block and a `docspace_room_link` block for each. " +
			"Primary links are left out: list them with the `docspace_room_primary_link` list resource.",
		Attributes: map[string]listschema.Attribute{
			"room_id": listRoomIDAttribute(),
			"link_type": listschema.StringAttribute{
				MarkdownDescription: "Only `external` or only `invitation` links.",
				Optional:            true,
				Validators: []validator.String{stringvalidator.OneOf(
					docspace.LinkTypeExternal.Name(), docspace.LinkTypeInvitation.Name())},
			},
			"title_contains": listTitleAttribute(),
		},
	}
}

func (r *primaryLinkListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Finds the primary external links of one room, or of every room, for `terraform query` " +
			"(Terraform 1.14 or later). Each result carries the identity (`room_id`), and with `include_resource = true` the " +
			"link's settings. Rooms without a primary link are left out: listing never makes one.",
		Attributes: map[string]listschema.Attribute{
			"room_id":        listRoomIDAttribute(),
			"title_contains": listTitleAttribute(),
		},
	}
}

func (r *roomLinkListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg roomLinkListConfig
	if diags := req.Config.Get(ctx, &cfg); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	kind, filterKind := docspace.ParseLinkType(cfg.LinkType.ValueString())
	title := strings.ToLower(cfg.TitleContains.ValueString())
	wanted := func(l docspace.Link) bool {
		return !l.Primary && (!filterKind || l.LinkType == kind) && strings.Contains(strings.ToLower(l.Title), title)
	}
	stream.Results = listLinks(ctx, r.data, req, roomOwners(cfg.RoomID), cfg.RoomID.IsNull(), linkResults{kind: roomLinks, wanted: wanted})
}

func (r *primaryLinkListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg primaryLinkListConfig
	if diags := req.Config.Get(ctx, &cfg); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	title := strings.ToLower(cfg.TitleContains.ValueString())
	wanted := func(l docspace.Link) bool {
		return l.Primary && strings.Contains(strings.ToLower(l.Title), title)
	}
	stream.Results = listLinks(ctx, r.data, req, roomOwners(cfg.RoomID), cfg.RoomID.IsNull(), linkResults{kind: roomPrimaryLinks, wanted: wanted})
}

// linkOwner is a room, file or folder whose links a listing reads, with
// its title for display names.
type linkOwner struct {
	target docspace.Target
	title  string
}

// displayName names a link for people reading `terraform query`'s output:
// titles, kinds and the names of rooms, files and folders only, never an
// address or a password. It says when a link has a password, because
// generated configuration cannot hold it (Terraform writes sensitive values
// as null) and needs it added.
func displayName(owner linkOwner, l docspace.Link) string {
	where := owner.target.String()
	if owner.title != "" {
		where += fmt.Sprintf(" %q", owner.title)
	}
	traits := []string{l.LinkType.Name(), l.Access.Name()}
	if l.Primary {
		traits[0] = "primary"
	}
	if l.Password != "" {
		traits = append(traits, "password")
	}
	if l.IsExpired {
		traits = append(traits, "expired")
	}
	return fmt.Sprintf("%q (%s) in %s", l.Title, strings.Join(traits, ", "), where)
}

// listReadAhead is how many rooms' links a listing of every room reads
// ahead of the room it streams: well below the 50 concurrent reads DocSpace
// allows a user (API.md §9).
const listReadAhead = 8

// linkResults is how a list resource picks links, and the kind of resource
// each result is.
type linkResults struct {
	kind   *linkKind
	wanted func(docspace.Link) bool
}

func (k linkResults) result(ctx context.Context, req list.ListRequest, owner linkOwner, l docspace.Link) list.ListResult {
	result := req.NewListResult(ctx)
	result.DisplayName = displayName(owner, l)
	parentID := types.StringValue(owner.target.ID)
	result.Diagnostics.Append(k.kind.identity(parentID, types.StringValue(l.ID)).set(ctx, result.Identity)...)
	if req.IncludeResource {
		m := importedLink(ctx, k.kind, parentID, l)
		raw, diags := m.value(ctx, k.kind, result.Resource.Schema.Type().TerraformType(ctx))
		result.Resource.Raw = raw
		result.Diagnostics.Append(diags...)
	}
	return result
}

// listLinks streams a result for every wanted link of the owners (one room,
// every room the token sees, the files of a folder), owner by owner in
// DocSpace's order, until the request's limit (0: no limit). A failure to
// read an owner's links ends the stream with an error: a partial listing
// must not pass for a complete one. When every is set (a listing of more
// than the one owner asked for), owners deleted since they were listed are
// skipped, and those whose links the token's user may not manage are
// skipped and named in one warning.
func listLinks(ctx context.Context, data *providerData, req list.ListRequest, owners func(context.Context, *providerData) ([]linkOwner, diag.Diagnostics), every bool, kind linkResults) func(func(list.ListResult) bool) {
	limit := req.Limit
	return func(push func(list.ListResult) bool) {
		if data == nil {
			push(list.ListResult{Diagnostics: diag.Diagnostics{listProviderNotConfigured()}})
			return
		}
		rooms, diags := owners(ctx, data)
		if diags.HasError() {
			push(list.ListResult{Diagnostics: diags})
			return
		}
		// Rooms are read a few ahead of the one being streamed, in
		// parallel, so that a portal with many rooms is not read one round
		// trip at a time; the Session hands each listing to the loop below.
		// Should this query end early, another list block waiting for one of
		// these reads in the Session asks again.
		started := 0
		readAhead := func(upTo int) {
			for ; started < len(rooms) && started <= upTo; started++ {
				go data.api.Links(ctx, rooms[started].target, nil) //nolint:errcheck // the loop reads the result
			}
		}
		var pushed int64
		// Rooms whose links the token's user may not manage (a plain member
		// of the room) hide their links: a listing of every room skips them
		// and says so once, at the end.
		var skipped []docspace.Target
		defer func() { warnSkipped(push, skipped) }()
		for i, room := range rooms {
			if every {
				readAhead(i + listReadAhead)
			}
			links, err := data.api.Links(ctx, room.target, nil)
			switch {
			case docspace.IsNotFound(err) && every:
				continue // deleted since the rooms were listed: nothing to adopt
			case docspace.IsNoLinkRights(err) && every:
				skipped = append(skipped, room.target)
				continue
			case err != nil:
				push(list.ListResult{Diagnostics: diag.Diagnostics{listCouldNotListLinks(err, room.target, data.api.Host())}})
				return
			}
			for _, l := range links {
				if !kind.wanted(l) {
					continue
				}
				if !push(kind.result(ctx, req, room, l)) {
					return
				}
				if pushed++; limit > 0 && pushed >= limit {
					return
				}
			}
		}
	}
}

// roomOwners lists the one room asked for, or every room the token sees.
func roomOwners(roomID types.String) func(context.Context, *providerData) ([]linkOwner, diag.Diagnostics) {
	return func(ctx context.Context, data *providerData) ([]linkOwner, diag.Diagnostics) {
		rooms, diags := listedRooms(ctx, data, roomID)
		owners := make([]linkOwner, len(rooms))
		for i, r := range rooms {
			owners[i] = linkOwner{target: docspace.RoomTarget(r.ID), title: r.Title}
		}
		return owners, diags
	}
}

// listedRooms is the one room asked for, or every room the token sees.
func listedRooms(ctx context.Context, data *providerData, roomID types.String) ([]docspace.Room, diag.Diagnostics) {
	var diags diag.Diagnostics
	if !roomID.IsNull() {
		id := roomID.ValueString()
		room, err := data.api.Room(ctx, id)
		if err != nil {
			addCouldNotReadRoom(&diags, path.Root("room_id"), err, id, data.api.Host())
			return nil, diags
		}
		room.ID = id
		return []docspace.Room{room}, diags
	}
	rooms, err := data.api.ListRooms(ctx, "")
	if err != nil {
		addCouldNotListAllRooms(&diags, describeAPIError(err, docspace.RoomTarget("(any)"), data.api.Host()))
	}
	return rooms, diags
}
