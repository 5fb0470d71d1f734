import Foundation
import Testing
import TestSupport
@testable import HTTPServer

/// A body from an `HTTPBodySource` is pulled chunk by chunk as the client takes it, framed by
/// its `Content-Length`, and nothing after it is answered before it is through.
@Suite struct StreamedBodyTests {
    @Test func aFileBodyArrivesWhole() throws {
        try LiveServer.with { server in
            let response = try server.client().request("GET", "/file?bytes=3000000")
            #expect(response.status == 200)
            #expect(response.header("Content-Length") == "3000000")
            #expect(response.body == TestResponder.fileBytes(3_000_000))
        }
    }

    @Test func pipelinedRequestsAreAnsweredAfterTheStreamedBody() throws {
        try LiveServer.with { server in
            let client = try server.client()
            try client.send(raw: "GET /file?bytes=700000 HTTP/1.1\r\nHost: a\r\n\r\nGET /hello HTTP/1.1\r\nHost: a\r\n\r\n"
                + "HEAD /file?bytes=5 HTTP/1.1\r\nHost: a\r\n\r\nGET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().body == TestResponder.fileBytes(700_000))
            #expect(try client.readResponse().bodyString == "hello /hello")
            let head = try client.readResponse(forHead: true)
            #expect(head.status == 200 && head.header("Content-Length") == "5")
            #expect(try client.readResponse().bodyString == "hello /hello")
        }
    }

    @Test func aSourceThatEndsEarlyClosesTheConnection() throws {
        try LiveServer.with { server in
            let client = try server.client()
            try client.send(raw: "GET /short-file?bytes=100000 HTTP/1.1\r\nHost: a\r\n\r\n")
            var received: [UInt8] = []
            #expect(throws: TestHTTPError.self) {
                _ = try client.readResponse { received += $0 }
            }
            #expect(received == TestResponder.fileBytes(100_000))
        }
    }
}
