import Foundation
import HTTPServer
import Testing
import TestSupport

@Suite("Live: graceful shutdown")
struct ShutdownTests {
    @Test func inFlightRequestFinishesThenNewConnectionsAreRefused() throws {
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configuration.drainTimeout = .seconds(10)
        let responder = TestResponder()
        let server = HTTPServer(configuration: configuration, responder: responder, logger: .silent)
        try server.start()
        defer { responder.gate.open() }  // never leave a worker blocked, whatever fails
        let port = server.port

        let client = try TestHTTPClient(port: port)
        try client.send(raw: "GET /block HTTP/1.1\r\nHost: a\r\n\r\n")
        let idle = try TestHTTPClient(port: port)
        #expect(try idle.request("GET", "/inline/hello").status == 200)
        try #require(responder.gate.awaitWaiters(1))

        let stopped = DispatchSemaphore(value: 0)
        Thread { server.shutdown(); stopped.signal() }.start()
        // The drain has begun once it closed the idle connection; only then may the handler finish.
        #expect(idle.isClosedByPeer())
        responder.gate.open()

        let response = try client.readResponse()
        #expect(response.status == 200 && response.bodyString == "released")
        #expect(response.header("connection") == "close")
        #expect(client.isClosedByPeer())
        #expect(stopped.wait(timeout: .now() + 10) == .success)
        #expect(throws: TestHTTPError.self) { try TestHTTPClient(port: port) }
    }
}
