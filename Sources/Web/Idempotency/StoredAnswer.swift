import HTTPServer
import Postgres

/// A successful answer as kept for its idempotency key: status, the headers a client relies
/// on, and the body, byte for byte.
struct StoredAnswer: Sendable {
    /// The headers replayed; the rest (request id, security headers) the router adds anew.
    static let replayedHeaders = ["Content-Type", "Location", "ETag"]

    let status: HTTPStatus
    let headers: HTTPHeaders
    let body: [UInt8]

    init(_ response: HTTPResponse) {
        status = response.status
        headers = HTTPHeaders(Self.replayedHeaders.compactMap { name in response.headers[name].map { (name, $0) } })
        body = response.body
    }

    init(row: PostgresRow, body: [UInt8]) throws(PostgresError) {
        status = HTTPStatus(code: try row.decode("status"), reason: try row.decode("reason"))
        // Header values hold no line breaks (the server refuses them), so lines separate them.
        let lines = (try row.decode("headers", as: String.self)).split(separator: "\n")
        headers = HTTPHeaders(lines.compactMap { line in
            line.firstIndex(of: ":").map { (String(line[..<$0]), String(line[line.index($0, offsetBy: 2)...])) }
        })
        self.body = body
    }

    /// The headers as stored: one `Name: value` per line.
    var headerLines: String {
        headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
    }

    var response: HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: body)
    }
}
