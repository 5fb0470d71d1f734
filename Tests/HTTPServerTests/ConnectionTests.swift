import Foundation
import Glibc
import Testing
import TestSupport
@testable import HTTPServer

/// The server over real sockets: persistence, pipelining, bodies, versions, expectations.
@Suite struct ConnectionTests {
    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        let server = try LiveServer()
        let client = try TestHTTPClient(port: server.port)
        for path in ["/inline", "/a", "/inline", "/b"] {
            let response = try client.request("GET", path)
            #expect(response.status == 200)
            #expect(response.header("connection") == nil)
            #expect(response.header("date") != nil)
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let server = try LiveServer()
        let client = try TestHTTPClient(port: server.port)
        let paths = ["/1", "/inline", "/sleep?ms=50", "/2", "/inline", "/3"]
        try client.send(raw: paths.map { "GET \($0) HTTP/1.1\r\nHost: a\r\n\r\n" }.joined()
            + "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello")
        let bodies = try paths.map { _ in try client.readResponse().bodyString }
        #expect(bodies == ["path /1", "path /inline", "slept", "path /2", "path /inline", "path /3"])
        #expect(try client.readResponse().bodyString == "hello")
    }

    @Test func aChunkedBodyArrivesWhole() throws {
        let server = try LiveServer()
        let client = try TestHTTPClient(port: server.port)
        try client.send(raw: "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.bodyString == "Wikipedia")
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() throws {
        let server = try LiveServer()
        let plain = try TestHTTPClient(port: server.port)
        try plain.send(raw: "GET /a HTTP/1.0\r\n\r\n")
        #expect(try plain.readResponse().header("connection") == "close")
        #expect(plain.isClosedByPeer())

        let kept = try TestHTTPClient(port: server.port)
        try kept.send(raw: "GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try kept.readResponse().header("connection") == "keep-alive")
        try kept.send(raw: "GET /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try kept.readResponse().bodyString == "path /b")
    }

    @Test func connectionCloseIsAListToken() throws {
        let server = try LiveServer()
        let client = try TestHTTPClient(port: server.port)
        try client.send(raw: "GET /a HTTP/1.1\r\nHost: a\r\nConnection: TE, Close\r\n\r\n")
        #expect(try client.readResponse().header("connection") == "close")
        #expect(client.isClosedByPeer())
    }

    @Test func headHasTheLengthButNoBody() throws {
        let server = try LiveServer()
        let client = try TestHTTPClient(port: server.port)
        let get = try client.request("GET", "/x")
        let head = try client.request("HEAD", "/x")
        #expect(head.status == 200)
        #expect(head.header("content-length") == get.header("content-length"))
        #expect(head.body.isEmpty)
        // The connection is still in step: the next answer is whole.
        #expect(try client.request("GET", "/y").bodyString == "path /y")
    }

    @Test func continueComesBeforeTheBodyIsSent() throws {
        let server = try LiveServer()
        let client = try TestHTTPClient(port: server.port)
        try client.send(raw: "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
        #expect(try client.readResponse().status == 100)
        try client.send(raw: "body")
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.bodyString == "body")
    }

    @Test func anOversizedBodyIsRefusedBeforeItIsSent() throws {
        let server = try LiveServer { $0.limits.maxBodyBytes = 1024 }
        let client = try TestHTTPClient(port: server.port)
        try client.send(raw: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 1000000\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 413)
        #expect(response.header("connection") == "close")
        #expect(response.header("content-type") == "application/problem+json; charset=utf-8")
        #expect(client.isClosedByPeer())
    }

    @Test func aFramingErrorIsAnsweredThenTheConnectionCloses() throws {
        let server = try LiveServer()
        let client = try TestHTTPClient(port: server.port)
        try client.send(raw: "GET /a HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxxGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try client.readResponse().status == 400)
        #expect(client.isClosedByPeer())
    }

    @Test func aResponderCanCloseTheConnection() throws {
        struct Closing: HTTPResponder {
            func respond(to request: HTTPRequest) -> HTTPResponse { HTTPResponse(status: .ok, headers: ["Connection": "close"]) }
        }
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        let server = HTTPServer(configuration: configuration, responder: Closing(), logger: .silent)
        try server.start()
        defer { server.shutdown() }
        let client = try TestHTTPClient(port: server.port)
        #expect(try client.request("GET", "/").header("connection") == "close")
        #expect(client.isClosedByPeer())
    }

    @Test func aThousandConcurrentConnectionsAreServed() throws {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        if limit.rlim_cur < 4096 {
            limit.rlim_cur = min(4096, limit.rlim_max)
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        let server = try LiveServer()
        let clients = try (0..<1000).map { _ in try TestHTTPClient(port: server.port) }
        for (index, client) in clients.enumerated() {
            try client.send(raw: "GET /\(index) HTTP/1.1\r\nHost: a\r\n\r\n")
        }
        for (index, client) in clients.enumerated() {
            #expect(try client.readResponse().bodyString == "path /\(index)")
        }
    }
}
