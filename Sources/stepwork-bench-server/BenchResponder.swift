import Foundation
import HTTPServer

/// Answers the benchmark endpoints; `/plaintext` and `/json` inline on the event loop.
struct BenchResponder: HTTPResponder {
    private struct Message: Encodable { let message: String }

    func canRespondInline(to head: HTTPRequestHead) -> Bool {
        head.path == "/plaintext" || head.path == "/json"
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        switch request.head.path {
        case "/plaintext":
            return answer(contentType: "text/plain", body: Array("Hello, World!".utf8))
        case "/json":
            let body = (try? JSONEncoder().encode(Message(message: "Hello, World!"))).map(Array.init) ?? []
            return answer(contentType: "application/json", body: body)
        default:
            return HTTPResponse(status: .notFound, headers: ["Server": "stepwork"])
        }
    }

    private func answer(contentType: String, body: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: .ok, headers: ["Server": "stepwork", "Content-Type": contentType], body: body)
    }
}
