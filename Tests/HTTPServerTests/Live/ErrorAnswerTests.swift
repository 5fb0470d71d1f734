import HTTPServer
import Testing
import TestSupport

@Suite("Live: error answers and closing")
struct ErrorAnswerTests {
    @Test func badRequestIsAnsweredThenClosedWithoutParsingTheRest() throws {
        try LiveServer.with { live in
            let client = try live.client()
            try client.send(raw: "GET /hello HTTP/1.1\r\n\r\nGET /inline/hello?after HTTP/1.1\r\nHost: a\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 400 && response.header("connection") == "close")
            #expect(response.header("content-type") == "application/problem+json; charset=utf-8")
            let problem = try response.json()
            #expect(problem["status"] as? Int == 400 && problem["code"] as? String == "bad_request")
            #expect(client.isClosedByPeer())
            #expect(throws: TestHTTPError.self) { try client.readResponse() }
            #expect(live.responder.count("/inline/hello?after") == 0)
        }
    }

    @Test func goodRequestsBeforeAnErrorAreAnswered() throws {
        try LiveServer.with { live in
            let client = try live.client()
            try client.send(raw: "GET /hello?1 HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/2.0\r\nHost: a\r\n\r\nGET /hello?3 HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().bodyString == "hello /hello?1")
            #expect(try client.readResponse().status == 505)
            #expect(client.isClosedByPeer())
            #expect(live.responder.count("/hello?3") == 0)
        }
    }

    @Test func declaredBodyOverTheLimitIs413BeforeTheBodyIsSent() throws {
        try LiveServer.with({ $0.limits.maxBodyBytes = 1000 }) { live in
            let client = try live.client()
            try client.send(raw: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10000000\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(client.isClosedByPeer())
            #expect(live.responder.count("/echo") == 0)
        }
    }

    @Test func refusedBodyGetsNoContinue() throws {
        try LiveServer.with({ $0.limits.maxBodyBytes = 1000 }) { live in
            let client = try live.client()
            try client.send(raw: "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 1001\r\n\r\n")
            #expect(try client.readResponse().status == 413)
        }
    }

    @Test func clientStillSendingItsBodyReadsThe413() throws {
        // Lingering close: the server drains what follows instead of resetting the connection.
        try LiveServer.with({ $0.limits.maxBodyBytes = 1000 }) { live in
            let client = try live.client()
            let body = [UInt8](repeating: UInt8(ascii: "b"), count: 64 * 1024)
            try client.send(raw: Array("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body)
            #expect(try client.readResponse().status == 413)
        }
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
        ("BREW / HTTP/1.1\r\nHost: a\r\n\r\n", 501),
        ("GET / HTTP/1.1\r\nHost: a\r\nExpect: 200-ok\r\n\r\n", 417),
        ("GET /" + String(repeating: "a", count: 20_000) + " HTTP/1.1\r\n\r\n", 414),
        ("GET / HTTP/1.1\r\n" + String(repeating: "X-Filler: 0123456789\r\n", count: 1000) + "\r\n", 431),
        ("GET / HTTP/1.1\r\nHost: a\nX: y\r\n\r\n", 400),
    ])
    func framingErrorsAreAnsweredAndClosed(_ request: String, _ status: Int) throws {
        try LiveServer.with { live in
            let client = try live.client()
            try client.send(raw: request)
            let response = try client.readResponse()
            #expect(response.status == status && response.header("connection") == "close")
            #expect(client.isClosedByPeer())
        }
    }

    @Test func chunkExtensionsAndTrailersAreBoundedPerRequest() throws {
        try LiveServer.with({ $0.limits.maxChunkMetadataBytes = 100 }) { live in
            let head = "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            let extensionBytes = ";" + String(repeating: "e", count: 30)
            // Each line is short; four of them together pass the cap.
            let extensions = try live.client()
            try extensions.send(raw: head + String(repeating: "1\(extensionBytes)\r\nx\r\n", count: 4) + "0\r\n\r\n")
            let tooMany = try extensions.readResponse()
            #expect(tooMany.status == 400 && tooMany.header("connection") == "close")
            #expect(extensions.isClosedByPeer())
            let trailers = try live.client()
            try trailers.send(raw: head + "1\r\nx\r\n0\r\n" + String(repeating: "X-T: 0123456789012345678901234567\r\n", count: 4) + "\r\n")
            #expect(try trailers.readResponse().status == 431)
            #expect(trailers.isClosedByPeer())
            let within = try live.client()
            try within.send(raw: head + "1\(extensionBytes)\r\nx\r\n0\r\nX-T: 1\r\n\r\n")
            #expect(try within.readResponse().bodyString == "x")
            #expect(live.responder.count("/echo") == 1)
        }
    }
}
