import TestSupport

extension TestHTTPResponse {
    /// The `code` of a problem answer.
    var code: String? { string("code") }
}
