import HTTPServer
import Testing
import TestSupport

@Suite("Live: connections, keep-alive, pipelining")
struct ConnectionTests {
    @Test func portZeroBindsARealPort() throws {
        try LiveServer.with { live in
            #expect(live.port > 0 && live.port != 8080)
            let response = try live.client().request("GET", "/inline/hello")
            #expect(response.status == 200 && response.bodyString == "hello /inline/hello")
            #expect(response.header("content-type") == "text/plain; charset=utf-8")
            #expect(response.header("connection") == nil)
            let date = try #require(response.header("date"))
            #expect(date.wholeMatch(of: #/(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT/#) != nil, "\(date)")
        }
    }

    @Test(arguments: ["127.0.0.1", "::1"])
    func listensOnIPv4AndIPv6AndSeesThePeer(_ host: String) throws {
        try LiveServer.with({ $0.host = host }) { live in
            let client = try TestHTTPClient(port: live.port, host: host)
            #expect(try client.request("GET", "/inline/peer").bodyString == host)
            #expect(try client.request("GET", "/peer").bodyString == host)
        }
    }

    @Test func keepAliveServesManyRequestsOnOneConnection() throws {
        try LiveServer.with { live in
            let client = try live.client()
            for index in 0..<5 {
                let path = index.isMultiple(of: 2) ? "/inline/hello?\(index)" : "/hello?\(index)"
                let response = try client.request("GET", path)
                #expect(response.status == 200 && response.bodyString == "hello \(path)")
            }
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try LiveServer.with { live in
            let client = try live.client()
            try client.send(raw: """
                GET /hello?1 HTTP/1.1\r\nHost: a\r\n\r\n\
                GET /inline/hello?2 HTTP/1.1\r\nHost: a\r\n\r\n\
                POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nthree\
                GET /sleep?ms=50 HTTP/1.1\r\nHost: a\r\n\r\n\
                PUT /inline/echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nfive\r\n0\r\n\r\n\
                HEAD /hello?6 HTTP/1.1\r\nHost: a\r\n\r\n\
                GET /inline/hello?7 HTTP/1.1\r\nHost: a\r\n\r\n
                """)
            #expect(try client.readResponse().bodyString == "hello /hello?1")
            #expect(try client.readResponse().bodyString == "hello /inline/hello?2")
            #expect(try client.readResponse().bodyString == "three")
            #expect(try client.readResponse().bodyString == "slept")
            let echoed = try client.readResponse()
            #expect(echoed.bodyString == "five" && echoed.header("x-method") == "PUT")
            let head = try client.readResponse(forHead: true)
            #expect(head.status == 200 && head.header("content-length") == String("hello /hello?6".utf8.count))
            #expect(try client.readResponse().bodyString == "hello /inline/hello?7")
            #expect(live.responder.count("/hello?6") == 1)
        }
    }

    @Test func chunkedRequestBodyArrivingInPieces() throws {
        try LiveServer.with { live in
            let client = try live.client()
            try client.send(raw: "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")
            for piece in ["5\r\nhel", "lo\r\n", "6;ext=1\r\n wor", "ld\r\n0\r\nX-Trailer: t\r\n", "\r\n"] {
                try client.send(raw: piece)
            }
            let response = try client.readResponse()
            #expect(response.status == 200 && response.bodyString == "hello world")
            #expect(response.header("x-body-count") == "11")
        }
    }

    @Test func largeBodyIsReceivedWhole() throws {
        try LiveServer.with { live in
            let body = (0..<(512 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let response = try live.client().request("POST", "/echo", body: body)
            #expect(response.status == 200 && response.body == body)
        }
    }

    @Test func http10ClosesUnlessAskedToKeepAlive() throws {
        try LiveServer.with { live in
            let closing = try live.client()
            try closing.send(raw: "GET /inline/hello HTTP/1.0\r\n\r\n")
            let first = try closing.readResponse()
            #expect(first.status == 200 && first.header("connection") == "close")
            #expect(closing.isClosedByPeer())

            let kept = try live.client()
            try kept.send(raw: "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try kept.readResponse().header("connection") == "keep-alive")
            try kept.send(raw: "GET /inline/hello HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")
            #expect(try kept.readResponse().status == 200)
        }
    }

    @Test func connectionCloseIsHonoured() throws {
        try LiveServer.with { live in
            let client = try live.client()
            let response = try client.request("GET", "/hello", headers: [("Connection", "foo, close")])
            #expect(response.status == 200 && response.header("connection") == "close")
            #expect(client.isClosedByPeer())
        }
    }

    @Test func headHasTheLengthOfGetButNoBody() throws {
        try LiveServer.with { live in
            let client = try live.client()
            let get = try client.request("GET", "/inline/big")
            // HEAD then GET pipelined: a stray body after HEAD would corrupt the second answer.
            try client.send(raw: "HEAD /inline/big HTTP/1.1\r\nHost: a\r\n\r\nGET /inline/hello HTTP/1.1\r\nHost: a\r\n\r\n")
            let head = try client.readResponse(forHead: true)
            #expect(head.status == 200 && head.body.isEmpty)
            #expect(head.header("content-length") == get.header("content-length") && get.body.count == 64 * 1024)
            #expect(try client.readResponse().bodyString == "hello /inline/hello")
        }
    }

    @Test func continueArrivesBeforeTheBodyIsSent() throws {
        try LiveServer.with { live in
            let client = try live.client()
            try client.send(raw: "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
            let interim = try client.readResponse()
            #expect(interim.status == 100 && interim.body.isEmpty)
            try client.send(raw: "body")
            let response = try client.readResponse()
            #expect(response.status == 200 && response.bodyString == "body")
        }
    }

    @Test func unsafeResponseFieldsAreDropped() throws {
        try LiveServer.with { live in
            let client = try live.client()
            let response = try client.request("GET", "/inline/unsafe-headers")
            #expect(response.status == 200 && response.bodyString == "body")
            #expect(response.header("x-good") == "ok" && response.header("x-tab") == "a\tb")
            #expect(response.header("injected") == nil && response.header("x-split") == nil && response.header("x-nul") == nil)
            #expect(response.headers.map(\.0) == ["X-Good", "X-Tab", "Content-Length", "Date"])
            #expect(response.header("content-length") == "4" && response.header("date") != "x")
            #expect(try client.request("GET", "/inline/hello").status == 200)
        }
    }

    @Test(arguments: [204, 304])
    func bodilessStatusesSendNoBody(_ code: Int) throws {
        try LiveServer.with { live in
            let client = try live.client()
            // A stray body would be read as the start of the second answer.
            try client.send(raw: "GET /inline/status?code=\(code) HTTP/1.1\r\nHost: a\r\n\r\nGET /status?code=\(code) HTTP/1.1\r\nHost: a\r\n\r\nGET /inline/hello HTTP/1.1\r\nHost: a\r\n\r\n")
            for _ in 0..<2 {
                let response = try client.readResponse()
                #expect(response.status == code && response.body.isEmpty && response.header("content-length") == nil)
            }
            #expect(try client.readResponse().bodyString == "hello /inline/hello")
        }
    }

    @Test func halfClosedClientGetsItsAnswerThenTheClose() throws {
        try LiveServer.with({ $0.idleTimeout = .seconds(60) }) { live in
            for path in ["/inline/hello", "/sleep?ms=100"] {
                let client = try live.client()
                try client.send(raw: "GET \(path) HTTP/1.1\r\nHost: a\r\n\r\n")
                client.shutdownWrite()
                #expect(try client.readResponse().status == 200)
                // Nothing more can come from this client: the server closes at once, not after the idle time.
                #expect(client.isClosedByPeer(), "\(path)")
            }
        }
    }
}
