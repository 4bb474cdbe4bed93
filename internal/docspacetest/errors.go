package docspacetest

import "fmt"

// apiError is an exception as the server's global handler reports it: HTTP
// status, message, .NET exception type and HRESULT (API.md §8.1, §8.2).
type apiError struct {
	status        int
	message       string
	exceptionType string // empty: "type" and "stack" are null
	hresult       int
	ace           bool // raised inside the ACE helper (API.md §13.5)
}

// aceError marks an error of the ACE helper, which v3.6 re-throws as an
// InvalidOperationException: 403 with the original text, and its own text for
// a missing permission (API.md §13.5).
func aceError(err *apiError) *apiError {
	err.ace = true
	return err
}

// v36ACE is the v3.6 mapping of an ACE helper's error.
func v36ACE(err *apiError) *apiError {
	if !err.ace {
		return err
	}
	if err.exceptionType == "System.Security.SecurityException" {
		return errInvalidOperation("You don't have enough permission to perform the operation")
	}
	return errInvalidOperation(err.message)
}

func (e *apiError) Error() string { return fmt.Sprintf("%d %s", e.status, e.message) }

// HRESULTs of the .NET exceptions involved.
const (
	hresultException        = -2146233088 // COR_E_EXCEPTION
	hresultInvalidOperation = -2146233079 // COR_E_INVALIDOPERATION
	hresultSecurity         = -2146233078 // COR_E_SECURITY
	hresultArgument         = -2147024809 // E_INVALIDARG
	hresultAuthentication   = -2146233087 // COR_E_SYSTEM
)

// errItemNotFound: unknown room (API.md §8.2).
func errItemNotFound() *apiError {
	return &apiError{404, "Item not found", "ASC.Common.Web.ItemNotFoundException", hresultException, false}
}

// errAccessDenied: SecurityException; the handler overwrites its text (API.md §8.2).
func errAccessDenied() *apiError {
	return &apiError{403, "Access denied", "System.Security.SecurityException", hresultSecurity, false}
}

// errInvalidOperation is InvalidOperationException, which maps to 403 (API.md §8.2).
func errInvalidOperation(message string) *apiError {
	return &apiError{403, message, "System.InvalidOperationException", hresultInvalidOperation, false}
}

// errBadLinkType: linkType outside {0,1} (API.md §5.7) – the default text of InvalidOperationException.
func errBadLinkType() *apiError {
	return errInvalidOperation("Operation is not valid due to the current state of the object.")
}

// errRoleNotAvailable: access not allowed for the room type and link kind (API.md §4.5).
func errRoleNotAvailable() *apiError {
	return errInvalidOperation("The role is not available for this user type")
}

// errMaxLinks: link count limit reached on create (API.md §4.6).
func errMaxLinks(limit int) *apiError {
	return errInvalidOperation(fmt.Sprintf("The maximum number of links may not exceed %d", limit))
}

// errArgumentOutOfRange is `new ArgumentException(null, param)` (API.md §8.2).
func errArgumentOutOfRange(param string) *apiError {
	return &apiError{400, fmt.Sprintf("Value does not fall within the expected range. (Parameter '%s')", param),
		"System.ArgumentException", hresultArgument, false}
}

// errArgument is an ArgumentException with its own text (API.md §8.2).
func errArgument(message string) *apiError {
	return &apiError{400, message, "System.ArgumentException", hresultArgument, false}
}

// errPasswordPolicy: link password violates the portal policy (API.md §5.3).
func errPasswordPolicy(minLength int) *apiError {
	return errArgument(passwordPolicyMessage(minLength))
}

// errAuthenticationFailed: wrong credentials at POST /api/2.0/authentication (API.md §9).
func errAuthenticationFailed() *apiError {
	return &apiError{401, "User authentication failed", "System.Security.Authentication.AuthenticationException", hresultAuthentication, false}
}
