package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// The list resources of docspace_file_link and docspace_folder_link: the
// links of the files (or subfolders) directly inside one room, folder or My
// Documents, one type for both kinds, on the engine of the room links'
// lists (listLinks, list_room_links.go).

var _ list.ListResourceWithConfigure = (*entryLinkListResource)(nil)

// NewFileLinkListResource lists docspace_file_link instances.
func NewFileLinkListResource() list.ListResource { return &entryLinkListResource{kind: fileLinks} }

// NewFolderLinkListResource lists docspace_folder_link instances.
func NewFolderLinkListResource() list.ListResource { return &entryLinkListResource{kind: folderLinks} }

type entryLinkListResource struct {
	kind *linkKind
	data *providerData
}

// titleFilter names the config attribute that filters by the title of the
// file or folder: file_title_contains, folder_title_contains.
func (r *entryLinkListResource) titleFilter() string { return r.kind.target.Noun() + "_title_contains" }

func (r *entryLinkListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.kind.name
}

func (r *entryLinkListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *entryLinkListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	noun := r.kind.target.Noun()
	resp.Schema = listschema.Schema{
		MarkdownDescription: fmt.Sprintf("Finds the links of the %[1]ss directly inside one room, folder or My Documents "+
			"(subfolders are not searched), for `terraform query` (Terraform 1.14 or later): each result carries the link's "+
			"identity (`%[2]s` and `id`), and with `include_resource = true` its settings, so `terraform query "+
			"-generate-config-out=links.tf` writes an `import` block and a `docspace_%[3]s` block for each. Primary links "+
			"are among them (`primary = true`).", noun, r.kind.parentAttr, r.kind.name),
		Attributes: map[string]listschema.Attribute{
			"parent_id": listschema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Id of the room or folder whose %ss' links are listed: the number in its "+
					"address. Exactly one of `parent_id` and `in_my_documents` must be set.", noun),
				Optional:   true,
				Validators: []validator.String{parentIDValidator{kind: docspace.TargetFolder}},
			},
			"in_my_documents": listschema.BoolAttribute{
				MarkdownDescription: fmt.Sprintf("Set to `true` to list the links of the %ss at the top of the token's "+
					"user's My Documents. Exactly one of `parent_id` and `in_my_documents` must be set.", noun),
				Optional: true,
			},
			r.titleFilter(): listschema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Only the links of %ss whose title contains this text, without regard to case.", noun),
				Optional:            true,
				Validators:          listTitleAttribute().Validators,
			},
			"title_contains": listTitleAttribute(),
		},
	}
}

func (r *entryLinkListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var parentID, entryTitle, linkTitle types.String
	var mine types.Bool
	var diags diag.Diagnostics
	diags.Append(req.Config.GetAttribute(ctx, path.Root("parent_id"), &parentID)...)
	diags.Append(req.Config.GetAttribute(ctx, path.Root("in_my_documents"), &mine)...)
	diags.Append(req.Config.GetAttribute(ctx, path.Root(r.titleFilter()), &entryTitle)...)
	diags.Append(req.Config.GetAttribute(ctx, path.Root("title_contains"), &linkTitle)...)
	if !diags.HasError() && parentID.IsNull() == (mine.IsNull() || !mine.ValueBool()) {
		addInvalidEntryListConfig(&diags)
	}
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	parent := docspace.MyDocuments
	if !parentID.IsNull() {
		parent = parentID.ValueString()
	}
	title := strings.ToLower(linkTitle.ValueString())
	wanted := func(l docspace.Link) bool {
		// A PDF form in a Form filling room lists its room's link, which
		// docspace_room_primary_link manages.
		return !l.RoomLink && strings.Contains(strings.ToLower(l.Title), title)
	}
	owners := r.owners(parent, strings.ToLower(entryTitle.ValueString()))
	stream.Results = listLinks(ctx, r.data, req, owners, true, linkResults{kind: r.kind, wanted: wanted})
}

// owners lists the files or folders directly in parent whose titles contain
// entryTitle (lower case; all when empty). DocSpace's filter may match file
// contents as well as titles, so titles are compared here too.
func (r *entryLinkListResource) owners(parent, entryTitle string) func(context.Context, *providerData) ([]linkOwner, diag.Diagnostics) {
	return func(ctx context.Context, data *providerData) ([]linkOwner, diag.Diagnostics) {
		var diags diag.Diagnostics
		contents, err := data.api.ListFolder(ctx, parent, entryTitle)
		if err != nil {
			attr := path.Root("parent_id")
			if parent == docspace.MyDocuments {
				attr = path.Root("in_my_documents")
			}
			addCouldNotListFolder(&diags, attr, describeAPIError(err, docspace.FolderTarget(parent), data.api.Host()))
			return nil, diags
		}
		var owners []linkOwner
		add := func(id, title string) {
			if strings.Contains(strings.ToLower(title), entryTitle) {
				owners = append(owners, linkOwner{target: docspace.Target{Kind: r.kind.target, ID: id}, title: title})
			}
		}
		if r.kind.target == docspace.TargetFile {
			for _, f := range contents.Files {
				add(f.ID, f.Title)
			}
		} else {
			for _, f := range contents.Folders {
				add(f.ID, f.Title)
			}
		}
		return owners, diags
	}
}
