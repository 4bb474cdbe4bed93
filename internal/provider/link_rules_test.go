package provider

import (
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestRenewalDue(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	at := func(d time.Duration) Timestamp { return newTimestampPointer(new(now.Add(d))) }
	s := types.StringValue
	for _, tc := range []struct {
		name               string
		renewBefore, expIn types.String
		expiry             Timestamp
		want               bool
	}{
		{"outside the window", s("48h"), s("240h"), at(49 * time.Hour), false},
		{"inside the window", s("48h"), s("240h"), at(47 * time.Hour), true},
		{"expired", s("48h"), s("240h"), at(-time.Hour), true},
		{"no renew_before", types.StringNull(), s("240h"), at(time.Hour), false},
		{"no expires_in", s("48h"), types.StringNull(), at(time.Hour), false},
		{"no expiry", s("48h"), s("240h"), newTimestampNull(), false},
		{"expiry unknown", s("48h"), s("240h"), newTimestampUnknown(), false},
		{"renew_before unknown", types.StringUnknown(), s("240h"), at(time.Hour), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := renewalDue(tc.renewBefore, tc.expIn, tc.expiry, now); got != tc.want {
				t.Errorf("renewalDue = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestValidateRenewBefore(t *testing.T) {
	s := types.StringValue
	for _, tc := range []struct {
		renewBefore, expiresIn types.String
		wantError              bool
	}{
		{s("48h"), s("240h"), false},
		{s("240h"), s("240h"), true},
		{s("300h"), s("240h"), true},
		{s("48h"), types.StringUnknown(), false},
		{types.StringNull(), s("240h"), false},
	} {
		if got := validateRenewBefore(tc.renewBefore, tc.expiresIn).HasError(); got != tc.wantError {
			t.Errorf("validateRenewBefore(%s, %s) error = %v, want %v", tc.renewBefore, tc.expiresIn, got, tc.wantError)
		}
	}
}

func TestShareSecrets(t *testing.T) {
	for _, tc := range []struct {
		store    types.Bool
		wantNull bool
	}{
		{types.BoolValue(true), false},
		{types.BoolNull(), false}, // a state from before the setting stored them
		{types.BoolValue(false), true},
	} {
		link, token := shareSecrets(tc.store, "https://portal/s/abc", "abc")
		if link.IsNull() != tc.wantNull || token.IsNull() != tc.wantNull {
			t.Errorf("store %s: share link %s, token %s", tc.store, link, token)
		}
		planLink, planToken := types.StringValue("https://portal/s/abc"), types.StringValue("abc")
		planShareSecrets(tc.store, &planLink, &planToken)
		if planLink.IsNull() != tc.wantNull || planToken.IsNull() != tc.wantNull {
			t.Errorf("store %s: planned share link %s, token %s", tc.store, planLink, planToken)
		}
	}
}
