import HTTPServer

/// An error answered as an RFC 9457 `application/problem+json` document:
/// `{"status", "code", "title", "detail"?, "errors"?}`.
///
/// Throw it from a handler (or map a domain error to it with `HTTPErrorConvertible`).
/// The constructors in `HTTPError+Constructors.swift` cover every answer of the API.
public struct HTTPError: Error, HTTPErrorConvertible, Sendable {
    public var status: HTTPStatus
    /// A stable machine-readable code, e.g. `not_found`, `validation_failed`.
    public var code: String
    /// A short summary that is the same for every occurrence of `code`.
    public var title: String
    /// An explanation of this occurrence; never internals, never submitted secrets.
    public var detail: String?
    /// Field problems; rendered only when not empty.
    public var errors: [FieldError]
    /// Headers the answer must carry, e.g. `WWW-Authenticate`, `Retry-After`, `Allow`.
    public var headers: HTTPHeaders

    public init(
        status: HTTPStatus, code: String, title: String, detail: String? = nil,
        errors: [FieldError] = [], headers: HTTPHeaders = [:]
    ) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.errors = errors
        self.headers = headers
    }

    /// A problem named after the status alone: `413 Content Too Large` has code
    /// `content_too_large` and title `Content Too Large`. For the transport's own answers.
    public init(status: HTTPStatus) {
        let code = status.reason.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "_")
        self.init(status: status, code: code, title: status.reason)
    }

    public var httpError: HTTPError { self }
}
