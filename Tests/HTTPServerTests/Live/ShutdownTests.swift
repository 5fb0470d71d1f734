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
        let port = server.port

        let client = try TestHTTPClient(port: port)
        try client.send(raw: "GET /sleep?ms=700 HTTP/1.1\r\nHost: a\r\n\r\n")
        let idle = try TestHTTPClient(port: port)
        #expect(try idle.request("GET", "/inline/hello").status == 200)
        while responder.count("/sleep?ms=700") == 0 { Thread.sleep(forTimeInterval: 0.01) }

        let stopped = DispatchSemaphore(value: 0)
        Thread { server.shutdown(); stopped.signal() }.start()

        let response = try client.readResponse()
        #expect(response.status == 200 && response.bodyString == "slept")
        #expect(response.header("connection") == "close")
        #expect(client.isClosedByPeer())
        #expect(idle.isClosedByPeer())
        #expect(stopped.wait(timeout: .now() + 10) == .success)
        #expect(throws: TestHTTPError.self) { try TestHTTPClient(port: port) }
    }
}
