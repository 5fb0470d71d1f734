import App
import Foundation
import Testing
import TestSupport

/// What a load balancer sees of a rolling restart: once shutdown is announced `/readyz` fails
/// while every other request is still served (each answer closing its connection), then the
/// listener closes.
@Suite struct GracefulShutdownTests {
    @Test func announcedShutdownFailsReadinessServesOnThenStopsAccepting() throws {
        let app = try TestApp.start()
        let keptAlive = try app.client()
        let before = try keptAlive.request("GET", "/healthz")
        #expect(before.status == 200 && before.header("connection") != "close")

        app.application.announceShutdown()

        let ready = try app.request("GET", "/readyz")
        #expect(ready.status == 503)
        #expect(ready.header("retry-after") == "1")
        #expect(try ready.json()["code"] as? String == "shutting_down")
        // Still served, database work included; a kept-alive client is told to move on.
        let user = try app.register()
        #expect(try app.request("GET", "/v1/entries", token: user.token).status == 200)
        let after = try keptAlive.request("GET", "/v1/entries", token: user.token)
        #expect(after.status == 200)
        #expect(after.header("connection") == "close")
        #expect(keptAlive.isClosedByPeer())

        app.application.shutdown()
        #expect(throws: TestHTTPError.self) { try TestHTTPClient(port: app.port) }
    }
}
