// Package provider maps Terraform's view of DocSpace room links onto the
// docspace client. It holds no API knowledge of its own beyond what a plan
// needs to be checked early.
package provider

import (
	"context"
	"fmt"
	"maps"
	"os"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// Environment variables read when the provider block leaves a setting out.
const (
	envHost     = "DOCSPACE_HOST"
	envToken    = "DOCSPACE_TOKEN"
	envUsername = "DOCSPACE_USERNAME"
	envPassword = "DOCSPACE_PASSWORD"
)

var _ provider.Provider = (*docspaceProvider)(nil)

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
					"`portal.example.com` (then `https://` is assumed). Falls back to the `" + envHost + "` environment variable.",
				Optional: true,
			},
			"token": schema.StringAttribute{
				MarkdownDescription: "API key (`sk-…`) or personal access token of a user who is a room manager of " +
					"the rooms whose links are managed. Sensitive. Falls back to the `" + envToken + "` environment variable.",
				Optional:  true,
				Sensitive: true,
			},
			"username": schema.StringAttribute{
				MarkdownDescription: "Instead of a token: the e-mail address of a DocSpace user to sign in as, once per run " +
					"(`POST /api/2.0/authentication`). Needs `password`; accounts with two-factor confirmation cannot sign in " +
					"this way. Falls back to the `" + envUsername + "` environment variable.",
				Optional: true,
			},
			"password": schema.StringAttribute{
				MarkdownDescription: "The password for `username`. Sensitive. Falls back to the `" + envPassword + "` environment variable.",
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

	host := settingValue(cfg.Host, envHost)
	if cfg.Host.IsUnknown() {
		resp.Diagnostics.AddAttributeError(path.Root("host"), "Unknown DocSpace Host",
			"The provider's host depends on a value that is not known until apply. Set it to a literal, a variable, "+
				"or the "+envHost+" environment variable.")
	}
	for _, attr := range []struct {
		name  string
		value types.String
	}{{"token", cfg.Token}, {"username", cfg.Username}, {"password", cfg.Password}} {
		if attr.value.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root(attr.name), "Unknown DocSpace Credentials",
				"The provider's "+attr.name+" depends on a value that is not known until apply. Set it from a variable or its environment variable.")
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if host == "" {
		resp.Diagnostics.AddAttributeError(path.Root("host"), "Missing DocSpace Host",
			"Set host in the provider block (for example host = \"https://portal.example.com\") or the "+envHost+" environment variable.")
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
		resp.Diagnostics.AddAttributeWarning(path.Root("host"), "DocSpace Host Contains an API Path",
			fmt.Sprintf("host ends in the API path %q, which the provider adds to every request itself. It uses %s, "+
				"the portal's root address; set host to that to remove this warning.", apiPath, client.Host()))
	}
	data := &providerData{api: docspace.NewSession(client), now: p.now}
	resp.ResourceData = data
	resp.DataSourceData = data
}

// providerDataFrom is what Configure of every resource and data source
// does with what the provider handed over; nil before the provider is
// configured.
func providerDataFrom(v any, diags *diag.Diagnostics) *providerData {
	if v == nil {
		return nil
	}
	data, ok := v.(*providerData)
	if !ok {
		diags.AddError("Unexpected Provider Data", fmt.Sprintf("Expected *providerData, got %T. This is a provider bug.", v))
	}
	return data
}

// settingValue prefers the provider block over the environment.
func settingValue(v types.String, env string) string {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueString()
	}
	return os.Getenv(env)
}

func (p *docspaceProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{NewRoomLinkResource, NewRoomPrimaryLinkResource}
}

func (p *docspaceProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{NewRoomLinksDataSource, NewRoomLinkDataSource, NewRoomDataSource}
}
