import Foundation
import HTTPServer
import Logging

/// A responder for the live tests: `/inline` on the event loop; `/echo` (the body back),
/// `/sleep?ms=N` and everything else on the workers.
struct TestResponder: HTTPResponder {
    func canRespondInline(to head: HTTPRequestHead) -> Bool { head.path == "/inline" }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        switch request.head.path {
        case "/echo":
            return HTTPResponse(status: .ok, headers: ["Content-Type": "application/octet-stream"], body: request.body)
        case "/sleep":
            let milliseconds = request.head.query.flatMap { Int($0.dropFirst("ms=".count)) } ?? 100
            usleep(UInt32(milliseconds * 1000))
            return HTTPResponse(status: .ok, body: Array("slept".utf8))
        default:
            return HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: Array("path \(request.head.target)".utf8))
        }
    }
}

/// An `HTTPServer` on a free port with the test responder, shut down when released.
final class LiveServer {
    let server: HTTPServer

    init(_ configure: (inout HTTPServerConfiguration) -> Void = { _ in }) throws {
        var configuration = HTTPServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.eventLoops = 2
        configuration.workerThreads = 4
        configure(&configuration)
        server = HTTPServer(configuration: configuration, responder: TestResponder(), logger: .silent)
        try server.start()
    }

    deinit { server.shutdown() }

    var port: Int { server.port }
}
