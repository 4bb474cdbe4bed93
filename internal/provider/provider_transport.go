package provider

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// Environment variables of the retry settings.
const (
	envMaxRetries     = "DOCSPACE_MAX_RETRIES"
	envRequestTimeout = "DOCSPACE_REQUEST_TIMEOUT"
)

// Bounds of the retry settings.
const (
	maxMaxRetries     = 100
	minRequestTimeout = time.Second
	maxRequestTimeout = time.Hour
)

// transportAttributes are the provider settings for retries and transport
// security.
func transportAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"max_retries": schema.Int64Attribute{
			MarkdownDescription: fmt.Sprintf("How often a request is sent again after DocSpace answered `429 Too Many Requests` "+
				"or a `5xx` error, after a network error or timeout, or after an answer that did not arrive whole. Waits grow "+
				"exponentially (with jitter) between attempts, and `Retry-After` is honoured. Every request is safe to repeat: "+
				"a new link carries an id chosen by the provider, so a repeated create never makes a second link. "+
				"`0` to `%d`; default `%d`. Falls back to the `%s` environment variable. A rejected token (`401`) is never retried.",
				maxMaxRetries, docspace.DefaultMaxRetries, envMaxRetries),
			Optional:   true,
			Validators: []validator.Int64{int64validator.Between(0, maxMaxRetries)},
		},
		"request_timeout": schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("How long one attempt of a request may take, as a duration such as `30s` or `2m`; "+
				"an attempt that takes longer is abandoned and retried. From `1s` to `1h`; default `%s`. Falls back to the `%s` "+
				"environment variable.", "30s", envRequestTimeout),
			Optional:   true,
			Validators: []validator.String{timeoutValidator{min: minRequestTimeout, max: maxRequestTimeout}},
		},
		"insecure_http": schema.BoolAttribute{
			MarkdownDescription: "Allow a plain `http://` host that is not this machine. **For test portals only**: the token, " +
				"link passwords and share links then cross the network unencrypted. `http://localhost`, `http://127.0.0.1` " +
				"and `http://[::1]` are always allowed. Default `false`.",
			Optional: true,
		},
		"insecure_skip_verify": schema.BoolAttribute{
			MarkdownDescription: "Do not verify the portal's TLS certificate. **For test portals only**: anyone between " +
				"Terraform and the portal could read the token. Prefer `ca_certificate` for a portal behind a private CA. " +
				"Default `false`.",
			Optional: true,
		},
		"ca_certificate": schema.StringAttribute{
			MarkdownDescription: "PEM-encoded certificate of a private certificate authority to trust in addition to the " +
				"system's, for a portal whose certificate it issued. For example `file(\"corp-ca.pem\")`.",
			Optional:   true,
			Validators: []validator.String{pemCertificateValidator{}},
		},
	}
}

// clientSettings reads the retry and transport settings into a client
// configuration (without host, token and user agent).
func clientSettings(cfg providerModel) (docspace.Config, diag.Diagnostics) {
	var diags diag.Diagnostics
	var out docspace.Config
	for name, v := range map[string]interface{ IsUnknown() bool }{
		"max_retries": cfg.MaxRetries, "request_timeout": cfg.RequestTimeout, "insecure_http": cfg.InsecureHTTP,
		"insecure_skip_verify": cfg.InsecureSkipVerify, "ca_certificate": cfg.CACertificate,
	} {
		if v.IsUnknown() {
			addUnknownProviderSetting(&diags, name)
		}
	}
	if diags.HasError() {
		return out, diags
	}

	retries := int64(docspace.DefaultMaxRetries)
	switch {
	case !cfg.MaxRetries.IsNull():
		retries = cfg.MaxRetries.ValueInt64()
	case os.Getenv(envMaxRetries) != "":
		n, err := strconv.ParseInt(strings.TrimSpace(os.Getenv(envMaxRetries)), 10, 64)
		if err != nil || n < 0 || n > maxMaxRetries {
			addInvalidMaxRetriesEnv(&diags)
		}
		retries = n
	}
	out.MaxRetries = int(retries)
	if retries == 0 {
		out.MaxRetries = docspace.NoRetries
	}

	out.RequestTimeout = docspace.DefaultRequestTimeout
	timeout, source := cfg.RequestTimeout.ValueString(), "request_timeout"
	if cfg.RequestTimeout.IsNull() {
		timeout, source = os.Getenv(envRequestTimeout), "The "+envRequestTimeout+" environment variable"
	}
	if timeout != "" {
		d, err := parseDuration(timeout, minRequestTimeout, maxRequestTimeout)
		if err != nil {
			addInvalidRequestTimeout(&diags, source, err)
		}
		out.RequestTimeout = d
	}

	out.AllowInsecureHTTP = cfg.InsecureHTTP.ValueBool()
	out.InsecureSkipVerify = cfg.InsecureSkipVerify.ValueBool()
	out.CACertificatePEM = cfg.CACertificate.ValueString()
	if out.InsecureSkipVerify {
		addSkipVerifyWarning(&diags)
	}
	return out, diags
}

// parseDuration reads a Go duration ("30s", "2m") within bounds.
func parseDuration(s string, lo, hi time.Duration) (time.Duration, error) {
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		return 0, durationSyntaxError(s)
	}
	if d < lo || d > hi {
		return 0, durationRangeError(s, lo, hi)
	}
	return d, nil
}

// timeoutValidator checks a bounded duration string at validation time.
type timeoutValidator struct{ min, max time.Duration }

func (v timeoutValidator) Description(context.Context) string {
	return fmt.Sprintf("must be a duration such as \"30s\", from %s to %s", v.min, v.max)
}

func (v timeoutValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v timeoutValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := parseDuration(req.ConfigValue.ValueString(), v.min, v.max); err != nil {
		addInvalidRequestTimeoutValue(&resp.Diagnostics, req.Path, err)
	}
}

// pemCertificateValidator checks that a value holds a PEM certificate.
type pemCertificateValidator struct{}

func (pemCertificateValidator) Description(context.Context) string {
	return "must hold a PEM-encoded X.509 certificate"
}

func (v pemCertificateValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (pemCertificateValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	rest := []byte(req.ConfigValue.ValueString())
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		if _, err := x509.ParseCertificate(block.Bytes); err == nil {
			return
		}
	}
	addInvalidCACertificate(&resp.Diagnostics, req.Path)
}
