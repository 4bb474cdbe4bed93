package docspace

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// ErrTwoFactor is returned by SignIn for an account that must confirm its
// sign-in with a second factor, which an unattended run cannot do.
var ErrTwoFactor = errors.New("the account requires two-factor confirmation")

type signInBody struct {
	UserName string `json:"userName"`
	Password string `json:"password"`
}

type signInResult struct {
	Token      string `json:"token"`
	TFA        bool   `json:"tfa"`
	SMS        bool   `json:"sms"`
	ConfirmURL string `json:"confirmUrl"`
}

// SignIn exchanges a user name and password for a personal access token
// (POST /api/2.0/authentication, API.md §9), with cfg's transport settings. Neither
// credential appears in an error.
func SignIn(ctx context.Context, cfg Config, userName, password string) (string, error) {
	if strings.TrimSpace(userName) == "" || password == "" {
		return "", errors.New("signing in needs both a user name and a password")
	}
	cfg.Token = ""
	c, err := newClient(cfg)
	if err != nil {
		return "", err
	}
	var result signInResult
	const path = "/api/2.0/authentication"
	present, err := c.do(ctx, http.MethodPost, path, nil, signInBody{UserName: userName, Password: password}, &result)
	if err != nil {
		return "", c.redact(err, password)
	}
	switch {
	case result.TFA || result.SMS:
		return "", fmt.Errorf("signing in as the configured user: %w; use an API key (token) for this account instead", ErrTwoFactor)
	case !present || strings.TrimSpace(result.Token) == "":
		return "", &Error{Method: http.MethodPost, Path: path, StatusCode: http.StatusOK, Message: "DocSpace returned no token"}
	}
	return result.Token, nil
}
