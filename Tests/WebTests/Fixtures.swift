import Foundation
import HTTPServer
import Logging
import Postgres
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
    let router = TestRoutes()
    router.post("/echo") { request in try .json(request.decode(T.self)) }
    return router.respond(to: httpRequest(.post, "/echo", headers: ["Content-Type": contentType], body: body))
}

/// A pool that is never used: routing tests borrow no connection.
let unusedPool = PostgresPool(configuration: PostgresConfiguration(connectionString: "host=/nonexistent"))

/// Accepts every request as one fixed caller; for tests of routing, not of authentication.
struct AcceptingAuthenticator: RequestAuthenticator {
    static let caller = Caller(userId: UUID(), sessionId: UUID())
    func authenticate(_ request: Request, context: RequestContext) throws -> Caller { Self.caller }
}

/// Routes declared the short way for routing tests (public, handlers that ignore the
/// context), served by a router built on first use.
final class TestRoutes: @unchecked Sendable {
    private let builder: RouterBuilder
    private lazy var router = builder.build()

    init(logger: Logger = .silent, clientAddress: ClientAddress = ClientAddress()) {
        builder = RouterBuilder(
            logger: logger, pool: unusedPool, authenticator: AcceptingAuthenticator(), clientAddress: clientAddress)
    }

    func use(_ middleware: any Middleware) { builder.add(middleware: middleware) }

    func on(_ method: HTTPMethod, _ path: String, inline: Bool = false, _ handler: @escaping @Sendable (Request) throws -> HTTPResponse) {
        builder.group().on(method, path, access: .public, inline: inline) { request, _ in try handler(request) }
    }

    func get(_ path: String, inline: Bool = false, _ handler: @escaping @Sendable (Request) throws -> HTTPResponse) {
        on(.get, path, inline: inline, handler)
    }
    func post(_ path: String, _ handler: @escaping @Sendable (Request) throws -> HTTPResponse) { on(.post, path, handler) }
    func put(_ path: String, _ handler: @escaping @Sendable (Request) throws -> HTTPResponse) { on(.put, path, handler) }
    func patch(_ path: String, _ handler: @escaping @Sendable (Request) throws -> HTTPResponse) { on(.patch, path, handler) }
    func delete(_ path: String, _ handler: @escaping @Sendable (Request) throws -> HTTPResponse) { on(.delete, path, handler) }

    func respond(to request: HTTPRequest) -> HTTPResponse { router.respond(to: request) }
    func canRespondInline(to head: HTTPRequestHead) -> Bool { router.canRespondInline(to: head) }
    var routes: [Route] { router.routes }
}
