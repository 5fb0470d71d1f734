import Foundation
import HTTPServer
import Testing
import TestSupport

/// Deadlines are short here (about a second); the client waits up to five before failing.
@Suite("Live: deadlines")
struct DeadlineTests {
    @Test func slowHeadGets408WhileOthersAreServed() throws {
        try LiveServer.with({ $0.headTimeout = .seconds(1) }) { live in
            let slow = try live.client()
            try slow.send(raw: "GET /hello HTTP/1.1\r\nHo")
            let other = try live.client()
            for _ in 0..<3 { #expect(try other.request("GET", "/hello").status == 200) }
            let response = try slow.readResponse()
            #expect(response.status == 408 && response.header("connection") == "close")
            #expect(slow.isClosedByPeer())
        }
    }

    @Test func tricklingTheHeadDoesNotExtendItsDeadline() throws {
        try LiveServer.with({ $0.headTimeout = .seconds(1); $0.idleTimeout = .seconds(60) }) { live in
            let slow = try live.client()
            // A byte every 50 ms for 2 s: each is progress, but the head is still late.
            for byte in "GET /hello HTTP/1.1\r\nX-Slow: 0123456789012345678" {
                _ = try? slow.send(raw: String(byte))
                Thread.sleep(forTimeInterval: 0.05)
            }
            #expect(try slow.readResponse().status == 408)
        }
    }

    @Test func idleKeepAliveConnectionIsClosedSilently() throws {
        try LiveServer.with({ $0.idleTimeout = .seconds(1) }) { live in
            let client = try live.client()
            #expect(try client.request("GET", "/inline/hello").status == 200)
            #expect(client.isClosedByPeer())
            // Closed without a 408: nothing was pending.
            #expect(throws: TestHTTPError.self) { try client.readResponse() }
        }
    }

    @Test func emptyLinesDoNotKeepAnIdleConnectionOpen() throws {
        try LiveServer.with({ $0.idleTimeout = .seconds(1); $0.headTimeout = .seconds(60) }) { live in
            let client = try live.client()
            // An empty line every 200 ms for 4 s: the server must close while they still come.
            var closedWhileSending = false
            for _ in 0..<20 where !closedWhileSending {
                closedWhileSending = (try? client.send(raw: "\r\n")) == nil
                Thread.sleep(forTimeInterval: 0.2)
            }
            #expect(closedWhileSending)
        }
    }

    @Test func bodyBelowTheMinimumRateGets408() throws {
        try LiveServer.with({ $0.headTimeout = .seconds(1); $0.bodyMinimumBytesPerSecond = 1000 }) { live in
            let client = try live.client()
            try client.send(raw: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n0123456789")
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(client.isClosedByPeer())
            #expect(live.responder.count("/echo") == 0)
        }
    }

    @Test func chunkExtensionsDoNotBuyTime() throws {
        try LiveServer.with({
            $0.headTimeout = .seconds(1)
            $0.bodyMinimumBytesPerSecond = 100
            $0.limits.maxChunkMetadataBytes = 1 << 20
        }) { live in
            let client = try live.client()
            try client.send(raw: "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")
            // Every 50 ms a one-byte chunk with 40 bytes of extension: 940 bytes a second, but
            // only 20 of payload, a fifth of the minimum rate.
            let chunk = "1;" + String(repeating: "e", count: 40) + "\r\nx\r\n"
            for _ in 0..<100 {
                guard (try? client.send(raw: chunk)) != nil else { break }
                Thread.sleep(forTimeInterval: 0.05)
            }
            #expect(try client.readResponse().status == 408)
            #expect(live.responder.count("/echo") == 0)
        }
    }

    @Test func theBodyDeadlineHasAHardCapHoweverSteadyTheUpload() throws {
        try LiveServer.with({
            $0.headTimeout = .seconds(1)
            $0.bodyTimeout = .seconds(2)
            $0.bodyMinimumBytesPerSecond = 1
        }) { live in
            let client = try live.client()
            try client.send(raw: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 1000000\r\n\r\n")
            // 10 KB a second, ten thousand times the minimum rate, but 1 MB would take 100 s.
            for _ in 0..<60 {
                guard (try? client.send(raw: String(repeating: "b", count: 1000))) != nil else { break }
                Thread.sleep(forTimeInterval: 0.1)
            }
            #expect(try client.readResponse().status == 408)
            #expect(live.responder.count("/echo") == 0)
        }
    }
}
