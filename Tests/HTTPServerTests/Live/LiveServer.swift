import HTTPServer
import Logging
import Testing
import TestSupport

/// An `HTTPServer` on a free loopback port in front of a `TestResponder`.
struct LiveServer {
    let server: HTTPServer
    let responder: TestResponder

    var port: Int { server.port }

    func client() throws -> TestHTTPClient { try TestHTTPClient(port: port) }

    /// Runs `body` against a started server, then opens the responder's gate and shuts down.
    static func with<Result>(
        _ configure: (inout HTTPServerConfiguration) -> Void = { _ in },
        _ body: (LiveServer) throws -> Result
    ) throws -> Result {
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configuration.workerThreads = 4
        configure(&configuration)
        let responder = TestResponder()
        let server = HTTPServer(configuration: configuration, responder: responder, logger: .silent)
        try server.start()
        defer {
            responder.gate.open()
            server.shutdown()
        }
        return try body(LiveServer(server: server, responder: responder))
    }
}
