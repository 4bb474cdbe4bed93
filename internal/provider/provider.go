// Package provider maps Terraform's view of DocSpace room links onto the
// docspace client. It holds no API knowledge of its own beyond what a plan
// needs to be checked early.
package provider

import (
	"context"
	"maps"
	"os"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// Environment variables read when the provider block leaves a setting out.
const (
	envHost     = "DOCSPACE_HOST"
	envToken    = "DOCSPACE_TOKEN"
	envUsername = "DOCSPACE_USERNAME"
	envPassword = "DOCSPACE_PASSWORD"
)

var (
	_ provider.Provider                       = (*docspaceProvider)(nil)
	_ provider.ProviderWithEphemeralResources = (*docspaceProvider)(nil)
)

type docspaceProvider struct {
	version string
	// now is the clock plan checks use; tests replace it, as the time
	// provider does, to reach dates that have passed.
	now func() time.Time
	// clientConfig, when set, adjusts the client configuration: tests
	// shorten the waits between retries.
	clientConfig func(*docspace.Config)
}

// New returns a constructor of the provider, as providerserver expects.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &docspaceProvider{version: version, now: time.Now} }
}

type providerModel struct {
	Host               types.String `tfsdk:"host"`
	Token              types.String `tfsdk:"token"`
	Username           types.String `tfsdk:"username"`
	Password           types.String `tfsdk:"password"`
	MaxRetries         types.Int64  `tfsdk:"max_retries"`
	RequestTimeout     types.String `tfsdk:"request_timeout"`
	InsecureHTTP       types.Bool   `tfsdk:"insecure_http"`
	InsecureSkipVerify types.Bool   `tfsdk:"insecure_skip_verify"`
	CACertificate      types.String `tfsdk:"ca_certificate"`
}

// providerData is handed to every resource and data source.
type providerData struct {
	// api is shared by everything in one Terraform run, so that reads of
	// the same room cost one request.
	api *docspace.Session
	now func() time.Time
}

func (p *docspaceProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "docspace"
	resp.Version = p.version
}

func (p *docspaceProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages the links of ONLYOFFICE DocSpace rooms: external links that open a room's content, " +
			"and invitation links that let people join a room with a role.",
		Attributes: map[string]schema.Attribute{
			"host": schema.StringAttribute{
				MarkdownDescription: "Address of the DocSpace portal, such as `https://portal.example.com` or just " +
					"`portal.example.com` (then `https://` is assumed). Falls back to the `" + envHost + "` environment variable when unset or empty (`\"\"` counts as unset, as in providers built on the plugin SDK). " +
					"May come from a value known only at apply (a `terraform_data` output, say): the plan then skips the checks that need the portal.",
				Optional: true,
			},
			"token": schema.StringAttribute{
				MarkdownDescription: "API key (`sk-…`) or personal access token of a user who is a room manager of " +
					"the rooms whose links are managed. Sensitive. Falls back to the `" + envToken + "` environment variable when unset or empty (`\"\"` counts as unset). May come from a value known only at apply, like `host`.",
				Optional:  true,
				Sensitive: true,
			},
			"username": schema.StringAttribute{
				MarkdownDescription: "Instead of a token: the e-mail address of a DocSpace user to sign in as, once per run " +
					"(`POST /api/2.0/authentication`). Needs `password`; accounts with two-factor confirmation cannot sign in " +
					"this way. Falls back to the `" + envUsername + "` environment variable when unset or empty.",
				Optional: true,
			},
			"password": schema.StringAttribute{
				MarkdownDescription: "The password for `username`. Sensitive. Falls back to the `" + envPassword + "` environment variable when unset or empty.",
				Optional:            true,
				Sensitive:           true,
			},
		},
	}
	maps.Copy(resp.Schema.Attributes, transportAttributes())
}

func (p *docspaceProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}

	if unknown := cfg.unknownSettings(); len(unknown) > 0 {
		// A setting that comes from a resource not yet created (a
		// terraform_data output, say) is unknown while planning. Like
		// providers whose endpoint comes from elsewhere, plan anyway: the
		// resources plan their computed values as unknown and skip the
		// checks that need the portal; apply configures the provider again
		// with the known values.
		tflog.Info(ctx, "DocSpace provider settings are not known until apply: planning without the portal",
			map[string]any{"settings": unknown})
		pending := &unconfigured{settings: unknown}
		resp.ResourceData, resp.DataSourceData, resp.ListResourceData, resp.EphemeralResourceData = pending, pending, pending, pending
		return
	}
	host := settingValue(cfg.Host, envHost)
	if host == "" {
		addMissingHost(&resp.Diagnostics)
	}
	creds, diags := resolveCredentials(cfg)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	settings, diags := clientSettings(cfg)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	settings.Host, settings.Token, settings.UserAgent = host, creds.token, "terraform-provider-docspace/"+p.version
	if p.clientConfig != nil {
		p.clientConfig(&settings)
	}
	if creds.userName != "" {
		// One sign-in per run: the token lives as long as this provider.
		token, err := docspace.SignIn(ctx, settings, creds.userName, creds.password)
		if err != nil {
			resp.Diagnostics.Append(signInError(err, host)...)
			return
		}
		settings.Token = token
	}
	client, err := docspace.NewClient(settings)
	if err != nil {
		resp.Diagnostics.Append(clientConfigError(err, host)...)
		return
	}
	if apiPath := docspace.HostAPIPath(host); apiPath != "" {
		addHostWithAPIPath(&resp.Diagnostics, apiPath, client.Host())
	}
	data := &providerData{api: docspace.NewSession(client), now: p.now}
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.ListResourceData = data
	resp.EphemeralResourceData = data
}

// unknownSettings names the provider block's settings that are not known
// yet.
func (m providerModel) unknownSettings() []string {
	var names []string
	for _, s := range []struct {
		name  string
		value interface{ IsUnknown() bool }
	}{
		{"host", m.Host}, {"token", m.Token}, {"username", m.Username}, {"password", m.Password},
		{"max_retries", m.MaxRetries}, {"request_timeout", m.RequestTimeout}, {"insecure_http", m.InsecureHTTP},
		{"insecure_skip_verify", m.InsecureSkipVerify}, {"ca_certificate", m.CACertificate},
	} {
		if s.value.IsUnknown() {
			names = append(names, s.name)
		}
	}
	return names
}

// providerDataFrom is what Configure of every resource and data source
// does with what the provider handed over; nil before the provider is
// configured.
func providerDataFrom(v any, diags *diag.Diagnostics) *providerData {
	if _, pending := v.(*unconfigured); v == nil || pending {
		return nil
	}
	data, ok := v.(*providerData)
	if !ok {
		addUnexpectedProviderData(diags, v)
	}
	return data
}

// settingValue prefers the provider block over the environment. An empty
// string in the block counts as unset, as in providers built on the plugin
// SDK (which cannot tell the two apart): `token = var.token` with an empty
// variable falls back to DOCSPACE_TOKEN instead of failing.
func settingValue(v types.String, env string) string {
	if isSet(v) {
		return v.ValueString()
	}
	return os.Getenv(env)
}

// isSet reports whether the provider block gives a setting a value; an
// empty string counts as unset.
func isSet(v types.String) bool {
	return !v.IsNull() && !v.IsUnknown() && v.ValueString() != ""
}

func (p *docspaceProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{NewRoomLinkResource, NewRoomPrimaryLinkResource, NewFileLinkResource, NewFolderLinkResource}
}

func (p *docspaceProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewRoomLinksDataSource, NewRoomLinkDataSource, NewRoomDataSource,
		NewFileLinksDataSource, NewFolderLinksDataSource, NewFileDataSource, NewFolderDataSource,
	}
}

func (p *docspaceProvider) ListResources(context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		NewRoomLinkListResource, NewRoomPrimaryLinkListResource, NewFileLinkListResource, NewFolderLinkListResource,
	}
}

func (p *docspaceProvider) EphemeralResources(context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{NewRoomLinkEphemeralResource}
}
