import HTTPServer

/// The answers of the API (see `API.md`), one constructor each.
extension HTTPError {
    /// `400`: a malformed request; `code` names what is wrong, e.g. `invalid_cursor`.
    public static func badRequest(code: String = "bad_request", detail: String? = nil) -> HTTPError {
        HTTPError(status: .badRequest, code: code, title: "Bad request", detail: detail)
    }

    /// `400 invalid_json`: the body is not valid JSON, or not the JSON value expected.
    public static func invalidJSON(detail: String) -> HTTPError {
        HTTPError(status: .badRequest, code: "invalid_json", title: "Invalid JSON", detail: detail)
    }

    /// `400 invalid_query`: a query parameter is malformed or out of range.
    public static func invalidQuery(detail: String) -> HTTPError {
        HTTPError(status: .badRequest, code: "invalid_query", title: "Invalid query", detail: detail)
    }

    /// `400 unknown_field`: the body sets fields the endpoint does not accept.
    public static func unknownFields(_ fields: [String]) -> HTTPError {
        HTTPError(
            status: .badRequest, code: "unknown_field", title: "Unknown field",
            detail: "The body contains fields this endpoint does not accept.",
            errors: fields.map { FieldError(field: $0, code: "unknown_field", message: "is not a known field") })
    }

    /// `401 unauthenticated` with `WWW-Authenticate: Bearer`: no valid token.
    public static func unauthenticated() -> HTTPError {
        HTTPError(
            status: .unauthorized, code: "unauthenticated", title: "Authentication required",
            headers: ["WWW-Authenticate": "Bearer"])
    }

    /// `401 invalid_credentials` with `WWW-Authenticate: Bearer`: the login failed. One answer
    /// for an unknown email and a wrong password.
    public static func invalidCredentials() -> HTTPError {
        HTTPError(
            status: .unauthorized, code: "invalid_credentials", title: "Invalid credentials",
            headers: ["WWW-Authenticate": "Bearer"])
    }

    /// `403`: the caller can see the resource but may not do this. A wrong current password
    /// is `forbidden(code: "invalid_credentials")`.
    public static func forbidden(code: String = "forbidden", detail: String? = nil) -> HTTPError {
        HTTPError(status: .forbidden, code: code, title: "Forbidden", detail: detail)
    }

    /// `404`: missing or not visible; the default body is the same for both, by design.
    public static func notFound(code: String = "not_found", detail: String? = nil) -> HTTPError {
        HTTPError(status: .notFound, code: code, title: "Not found", detail: detail)
    }

    /// `405` with `Allow`: the path exists, the method does not.
    public static func methodNotAllowed(allowed: [HTTPMethod]) -> HTTPError {
        HTTPError(
            status: .methodNotAllowed, code: "method_not_allowed", title: "Method not allowed",
            headers: ["Allow": allowed.map(\.rawValue).joined(separator: ", ")])
    }

    /// `409`: the request clashes with the current state, e.g. `email_taken`.
    public static func conflict(code: String, detail: String? = nil) -> HTTPError {
        HTTPError(status: .conflict, code: code, title: "Conflict", detail: detail)
    }

    /// `412 version_conflict`: `If-Match` names a version that is no longer current.
    public static func versionConflict() -> HTTPError {
        HTTPError(
            status: .preconditionFailed, code: "version_conflict", title: "Version conflict",
            detail: "The resource has changed since it was read; nothing was changed.")
    }

    /// `415 unsupported_media_type`: the body is not `application/json`.
    public static func unsupportedMediaType(detail: String) -> HTTPError {
        HTTPError(
            status: .unsupportedMediaType, code: "unsupported_media_type", title: "Unsupported media type",
            detail: detail)
    }

    /// `422`: a well-formed request that the rules refuse, e.g. `self_invite`.
    public static func unprocessable(code: String, detail: String? = nil) -> HTTPError {
        HTTPError(status: .unprocessableContent, code: code, title: "Unprocessable request", detail: detail)
    }

    /// `422 validation_failed` listing each field's problem.
    public static func validationFailed(_ errors: [FieldError]) -> HTTPError {
        HTTPError(
            status: .unprocessableContent, code: "validation_failed", title: "Validation failed",
            errors: errors)
    }

    /// `428 precondition_required`: the update must send `If-Match`.
    public static func preconditionRequired() -> HTTPError {
        HTTPError(
            status: .preconditionRequired, code: "precondition_required", title: "Precondition required",
            detail: "Send If-Match with the version you last read.")
    }

    /// `429 too_many_requests` with `Retry-After` in whole seconds.
    public static func tooManyRequests(retryAfter seconds: Int) -> HTTPError {
        HTTPError(
            status: .tooManyRequests, code: "too_many_requests", title: "Too many requests",
            headers: ["Retry-After": String(max(0, seconds))])
    }

    /// `500 internal_error`: generic on purpose; the cause goes to the log only.
    public static func internalError() -> HTTPError {
        HTTPError(status: .internalServerError, code: "internal_error", title: "Internal error")
    }

    /// `501 not_implemented`: a request method this server does not know.
    public static func notImplemented() -> HTTPError {
        HTTPError(status: .notImplemented, code: "not_implemented", title: "Not implemented")
    }

    /// `503 service_unavailable`, with `Retry-After` when a retry time is known.
    public static func serviceUnavailable(retryAfter seconds: Int? = nil, detail: String? = nil) -> HTTPError {
        HTTPError(
            status: .serviceUnavailable, code: "service_unavailable", title: "Service unavailable", detail: detail,
            headers: seconds.map { ["Retry-After": String(max(0, $0))] } ?? [:])
    }

    /// `409 idempotency_key_in_use`: a request with this `Idempotency-Key` is still being
    /// processed; retrying later gets its answer.
    public static func idempotencyKeyInUse() -> HTTPError {
        HTTPError(
            status: .conflict, code: "idempotency_key_in_use", title: "Idempotency key in use",
            detail: "A request with this Idempotency-Key is still being processed; retry later.")
    }

    /// `422 idempotency_key_reused`: the `Idempotency-Key` came with another request before.
    public static func idempotencyKeyReused() -> HTTPError {
        HTTPError(
            status: .unprocessableContent, code: "idempotency_key_reused", title: "Idempotency key reused",
            detail: "This Idempotency-Key was used with a different request; use a new key.")
    }
}
