/// The body of an `application/problem+json` answer (RFC 9457, with the API's `code`).
struct ProblemDocument: Encodable {
    var status: Int
    var code: String
    var title: String
    var detail: String?
    var errors: [FieldError]?

    init(_ error: HTTPError) {
        status = error.status.code
        code = error.code
        title = error.title
        detail = error.detail
        errors = error.errors.isEmpty ? nil : error.errors
    }
}
