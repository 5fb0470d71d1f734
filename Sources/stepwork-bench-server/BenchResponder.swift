import Foundation
import HTTPServer
import Postgres

/// Answers the benchmark endpoints: `/plaintext` and `/json` inline on the event loop, the
/// database ones on the worker pool through our PostgreSQL pool.
struct BenchResponder: HTTPResponder {
    private struct Message: Encodable { let message: String }

    let pool: PostgresPool

    func canRespondInline(to head: HTTPRequestHead) -> Bool {
        head.path == "/plaintext" || head.path == "/json"
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        do {
            switch request.head.path {
            case "/plaintext":
                return answer(contentType: "text/plain", body: Array("Hello, World!".utf8))
            case "/json":
                return answer(contentType: "application/json", body: try encode(Message(message: "Hello, World!")))
            case "/db":
                let world = try pool.withConnection(World.random)
                return answer(contentType: "application/json", body: try encode(world))
            case "/queries":
                let count = Self.queryCount(request.head.query)
                let worlds = try pool.withConnection { connection in
                    try (0..<count).map { _ in try World.random(on: connection) }
                }
                return answer(contentType: "application/json", body: try encode(worlds))
            default:
                return HTTPResponse(status: .notFound, headers: ["Server": "stepwork"])
            }
        } catch {
            return HTTPResponse(status: .internalServerError, headers: ["Server": "stepwork"])
        }
    }

    /// `queries=N` clamped to 1...500; missing or not an integer: 1.
    static func queryCount(_ query: Substring?) -> Int {
        let value = query?.split(separator: "&").first { $0.hasPrefix("queries=") }
            .flatMap { Int($0.dropFirst("queries=".count)) } ?? 1
        return min(500, max(1, value))
    }

    private func encode(_ value: some Encodable) throws -> [UInt8] {
        Array(try JSONEncoder().encode(value))
    }

    private func answer(contentType: String, body: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: .ok, headers: ["Server": "stepwork", "Content-Type": contentType], body: body)
    }
}
