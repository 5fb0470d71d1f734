import Foundation
import HTTPServer
import Logging
import Synchronization
import Testing
@testable import Web

/// Builds a request as the transport would hand it over.
func httpRequest(
    _ method: HTTPMethod, _ target: String, headers: HTTPHeaders = [:], body: String? = nil,
    remoteAddress: String = "127.0.0.1"
) -> HTTPRequest {
    var headers = headers
    if body != nil && !headers.contains("Content-Type") { headers.add("Content-Type", "application/json") }
    return HTTPRequest(
        head: HTTPRequestHead(method: method, target: target, version: .http1_1, headers: headers),
        body: Array((body ?? "").utf8), remoteAddress: remoteAddress)
}

/// Collects log lines so tests can read them.
final class LogCapture: Sendable {
    private let storage = Mutex<[String]>([])

    var logger: Logger {
        Logger(level: .debug) { [self] line in storage.withLock { $0.append(line) } }
    }

    var lines: [String] { storage.withLock { $0 } }
}

/// A response body parsed with Foundation, independently of the module under test.
func jsonObject(_ response: HTTPResponse) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
}

/// The `errors` of a problem body as (field, code) pairs.
func fieldErrors(_ response: HTTPResponse) throws -> [[String]] {
    let errors = try #require(try jsonObject(response)["errors"] as? [[String: Any]])
    return errors.map { [$0["field"] as? String ?? "?", $0["code"] as? String ?? "?"] }
}

/// The problem `code` of a response.
func problemCode(_ response: HTTPResponse) throws -> String? {
    try jsonObject(response)["code"] as? String
}

/// Decodes `body` through a router route, as a handler would, and answers the value back.
func decodeThroughRouter<T: Decodable & Encodable & Sendable>(
    _ type: T.Type, body: String, contentType: String = "application/json"
) -> HTTPResponse {
    let router = Router(logger: .silent)
    router.post("/echo") { request in try .json(request.decode(T.self)) }
    return router.respond(to: httpRequest(.post, "/echo", headers: ["Content-Type": contentType], body: body))
}
