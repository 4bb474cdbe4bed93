package server

import (
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// LeanServer wraps the framework's server for runs without logs. The
// framework (v1.19) keeps the context of every request until Terraform stops
// the provider, which it does not do in an ordinary run; each of those
// contexts carries the request's loggers, so memory grows with every
// resource (about 70 MiB for 300 links). With logs off nothing needs those
// values, so the busy per-resource calls get a context with the request's
// deadline and cancellation and nothing else.
//
// Every other call goes to the framework's server unchanged, including the
// ones tf6server finds by type assertion (list resources, actions, state
// stores): leanServer embeds the framework server's full set of interfaces,
// so no capability is hidden behind the wrapper. Those optional calls keep
// their context, because their answers are streams that are read after the
// call returns. A server without all of them is served as it is.
func LeanServer(s tfprotov6.ProviderServer) tfprotov6.ProviderServer {
	full, ok := s.(frameworkServer)
	if !ok {
		return s
	}
	return leanServer{full}
}

// frameworkServer is everything terraform-plugin-framework's protocol 6
// server serves: the ProviderServer interface and the optional ones.
type frameworkServer interface {
	tfprotov6.ProviderServer
	tfprotov6.ListResourceServer
	tfprotov6.ActionServer
	tfprotov6.StateStoreServer
}

type leanServer struct{ frameworkServer }

// detached carries ctx's deadline and cancellation, none of its values.
func detached(ctx context.Context) (context.Context, context.CancelFunc) {
	light, cancel := context.WithCancel(context.Background())
	if deadline, ok := ctx.Deadline(); ok {
		var cancelDeadline context.CancelFunc
		light, cancelDeadline = context.WithDeadline(light, deadline)
		parent := cancel
		cancel = func() { cancelDeadline(); parent() }
	}
	stop := context.AfterFunc(ctx, cancel)
	return light, func() { stop(); cancel() }
}

func lean[Req, Resp any](ctx context.Context, req Req, call func(context.Context, Req) (Resp, error)) (Resp, error) {
	ctx, done := detached(ctx)
	defer done()
	return call(ctx, req)
}

func (s leanServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return lean(ctx, req, s.frameworkServer.ValidateResourceConfig)
}

func (s leanServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return lean(ctx, req, s.frameworkServer.UpgradeResourceState)
}

func (s leanServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return lean(ctx, req, s.frameworkServer.ReadResource)
}

func (s leanServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return lean(ctx, req, s.frameworkServer.PlanResourceChange)
}

func (s leanServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return lean(ctx, req, s.frameworkServer.ApplyResourceChange)
}

func (s leanServer) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return lean(ctx, req, s.frameworkServer.ImportResourceState)
}

func (s leanServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return lean(ctx, req, s.frameworkServer.ValidateDataResourceConfig)
}

func (s leanServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return lean(ctx, req, s.frameworkServer.ReadDataSource)
}
