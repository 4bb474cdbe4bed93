package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSourceWithConfigure        = (*entryDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*entryDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig   = (*entryDataSource)(nil)
)

// entryDataSource finds a file or a folder by its exact title among the
// entries of one room, folder or My Documents: one type for both, told
// apart by kind (TargetFile or TargetFolder).
type entryDataSource struct {
	kind docspace.TargetKind
	data *providerData
	// unknown names the provider's settings not known yet, while data is nil.
	unknown []string
}

// NewFileDataSource is the docspace_file data source.
func NewFileDataSource() datasource.DataSource { return &entryDataSource{kind: docspace.TargetFile} }

// NewFolderDataSource is the docspace_folder data source.
func NewFolderDataSource() datasource.DataSource {
	return &entryDataSource{kind: docspace.TargetFolder}
}

// locationMyDocuments and locationOther are the values of location besides
// the room types.
const (
	locationMyDocuments = "my_documents"
	locationOther       = "other"
)

// maxSimilarEntries bounds the files or folders a failed lookup names.
const maxSimilarEntries = 10

func (d *entryDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.kind.Noun()
}

func (d *entryDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	noun := d.kind.Noun()
	titleDoc := "The " + noun + "'s title, matched exactly (case and spaces count)"
	if d.kind == docspace.TargetFile {
		titleDoc += ", extension included (`Policy.docx`)"
	}
	linkAccess := "docspace_" + noun + "_link"
	attrs := map[string]schema.Attribute{
		"title": schema.StringAttribute{
			MarkdownDescription: titleDoc + ". No " + noun + ", or several, with that title is an error that names the " +
				noun + "s whose titles contain it.",
			Required:   true,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"parent_id": schema.StringAttribute{
			MarkdownDescription: "Id of the room or folder that holds the " + noun + " directly (subfolders are not " +
				"searched): the number in its address (`/rooms/shared/4711`, `folder=9002`). Exactly one of `parent_id` " +
				"and `in_my_documents` must be set.",
			Optional:   true,
			Validators: []validator.String{parentIDValidator{kind: docspace.TargetFolder}},
		},
		"in_my_documents": schema.BoolAttribute{
			MarkdownDescription: "Set to `true` to look in the token's user's My Documents (its top level). Exactly one " +
				"of `parent_id` and `in_my_documents` must be set.",
			Optional: true,
		},
		"id": schema.StringAttribute{
			MarkdownDescription: "The " + noun + "'s id, for `" + linkAccess + "`'s `" + noun + "_id`.",
			Computed:            true,
		},
		"location": schema.StringAttribute{
			MarkdownDescription: "Where the " + noun + " is, which decides what its links may be: `" + locationMyDocuments +
				"`, or the type of the room that holds it (" + quotedList(docspace.RoomTypeNames()) + "), or `" +
				locationOther + "` (the archive, say), where it takes no links.",
			Computed: true,
		},
		"link_access": schema.ListAttribute{
			MarkdownDescription: "The `access` values a `" + linkAccess + "` of this " + noun + " may have where it is" +
				map[bool]string{true: ", by its format", false: ""}[d.kind == docspace.TargetFile] +
				"; empty where it takes no links" +
				map[bool]string{true: " (and for a PDF form in a Form filling room, which is shared through the room's own link)", false: ""}[d.kind == docspace.TargetFile] +
				".",
			ElementType: types.StringType,
			Computed:    true,
		},
	}
	description := "A DocSpace " + noun + ", found by its exact title in a room, a folder or My Documents, so that " +
		"configurations need not hard-code its id. It tells where the " + noun + " is and which `access` values its " +
		"links may have."
	if d.kind == docspace.TargetFile {
		attrs["extension"] = schema.StringAttribute{
			MarkdownDescription: "The file's extension as DocSpace reports it, with its dot (`.docx`).",
			Computed:            true,
		}
		attrs["is_form"] = schema.BoolAttribute{
			MarkdownDescription: "Whether the file is a PDF form.",
			Computed:            true,
		}
	}
	resp.Schema = schema.Schema{MarkdownDescription: description, Attributes: attrs}
}

func (d *entryDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("parent_id"), path.MatchRoot("in_my_documents")),
	}
}

// ValidateConfig refuses in_my_documents = false, which would name no place
// to look.
func (d *entryDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var mine types.Bool
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("in_my_documents"), &mine)...)
	if !mine.IsNull() && !mine.IsUnknown() && !mine.ValueBool() {
		addInMyDocumentsFalse(&resp.Diagnostics)
	}
}

func (d *entryDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
	d.unknown = unknownSettingsFrom(req.ProviderData)
}

// entryFound is the file or folder a lookup found.
type entryFound struct {
	id, ext string
	isForm  bool
}

func (d *entryDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if d.data == nil {
		if req.ClientCapabilities.DeferralAllowed {
			resp.Deferred = &datasource.Deferred{Reason: datasource.DeferredReasonProviderConfigUnknown}
			return
		}
		providerNotConfigured(d.unknown, &resp.Diagnostics)
		return
	}
	var title, parentID types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("title"), &title)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("parent_id"), &parentID)...)
	if resp.Diagnostics.HasError() {
		return
	}
	parent, parentAttr := docspace.MyDocuments, path.Root("in_my_documents")
	if !parentID.IsNull() {
		parent, parentAttr = parentID.ValueString(), path.Root("parent_id")
	}
	found, diags := d.byTitle(ctx, parent, title.ValueString())
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	loc := docspace.Location{Kind: docspace.LocationMyDocuments}
	if parent != docspace.MyDocuments {
		// The entry is where its parent is; the parent's details are
		// shared with every other lookup and link in the same folder.
		parentLoc, err := d.data.api.Location(ctx, docspace.FolderTarget(parent))
		if err != nil {
			addCouldNotReadEntry(&resp.Diagnostics, parentAttr, err, docspace.FolderTarget(parent), d.data.api.Host())
			return
		}
		loc = parentLoc
		loc.IsRoom = false
	}
	location := locationOther
	switch loc.Kind {
	case docspace.LocationMyDocuments:
		location = locationMyDocuments
	case docspace.LocationRoom:
		location = loc.RoomType.Name()
	}
	var allowed []docspace.Access
	if d.kind == docspace.TargetFile {
		if !docspace.FormLinkIsRoomLink(loc, found.isForm) {
			allowed = docspace.AllowedFileAccess(loc, found.ext, found.isForm)
		}
	} else {
		allowed = docspace.AllowedFolderAccess(loc)
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = a.Name()
	}
	access, diags := types.ListValueFrom(ctx, types.StringType, names)
	resp.Diagnostics.Append(diags...)

	// The state is the configuration with the computed values added.
	resp.State.Raw = req.Config.Raw.Copy()
	set := func(name string, v any) {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), v)...)
	}
	set("id", types.StringValue(found.id))
	set("location", types.StringValue(location))
	set("link_access", access)
	if d.kind == docspace.TargetFile {
		set("extension", types.StringValue(found.ext))
		set("is_form", types.BoolValue(found.isForm))
	}
}

// byTitle finds the one file or folder titled exactly title directly in
// parent (a folder or room id, or docspace.MyDocuments). DocSpace filters by
// substring without regard to case, and may match file contents too; the
// matches are made here.
func (d *entryDataSource) byTitle(ctx context.Context, parent, title string) (entryFound, diag.Diagnostics) {
	var diags diag.Diagnostics
	host := d.data.api.Host()
	parentAttr := path.Root("parent_id")
	if parent == docspace.MyDocuments {
		parentAttr = path.Root("in_my_documents")
	}
	contents, err := d.data.api.ListFolder(ctx, parent, title)
	if err != nil {
		target := docspace.FolderTarget(parent)
		detail := describeAPIError(err, target, host)
		if parent == docspace.MyDocuments && docspace.IsNotFound(err) {
			detail = noMyDocumentsDetail(err, host)
		}
		addCouldNotListFolder(&diags, parentAttr, detail)
		return entryFound{}, diags
	}
	var entries, others []named
	var forms = map[string]bool{}
	for _, f := range contents.Files {
		n := named{f.ID, f.Title, f.Ext}
		forms[f.ID] = f.IsForm
		if d.kind == docspace.TargetFile {
			entries = append(entries, n)
		} else {
			others = append(others, n)
		}
	}
	for _, f := range contents.Folders {
		n := named{id: f.ID, title: f.Title}
		if d.kind == docspace.TargetFolder {
			entries = append(entries, n)
		} else {
			others = append(others, n)
		}
	}
	var exact, similar []named
	lower := strings.ToLower(title)
	for _, e := range entries {
		switch {
		case e.title == title:
			exact = append(exact, e)
		case strings.Contains(strings.ToLower(e.title), lower):
			similar = append(similar, e)
		}
	}
	where := placeName(parent, contents.Current)
	switch len(exact) {
	case 1:
		return entryFound{id: exact[0].id, ext: exact[0].ext, isForm: d.kind == docspace.TargetFile && forms[exact[0].id]}, diags
	case 0:
		addNoEntryTitled(&diags, d.kind, where, host, title, similar, others)
	default:
		addSeveralEntriesTitled(&diags, d.kind, where, host, title, exact)
	}
	return entryFound{}, diags
}
