import Foundation
import HTTPServer
import Testing
import TestSupport

/// Streams over real sockets: fed from a test thread, heartbeats on their own, dropped when the
/// client does not read, ended cleanly by a shutdown.
@Suite("Live: streams")
struct StreamTests {
    @Test func whatIsSentArrivesAndTheHeartbeatKeepsGoing() throws {
        try LiveServer.with({ $0.idleTimeout = .seconds(1) }) { live in
            let client = try live.client()
            try client.send(raw: "GET /stream?ms=200 HTTP/1.1\r\nHost: a\r\n\r\n")
            let head = try client.readStreamHead()
            #expect(head.status == 200 && head.header("content-length") == nil && head.header("connection") == "close")
            let stream = try #require(live.responder.stream(0))
            #expect(stream.send(Array("data: one\n\n".utf8)))
            var text = ""
            // Heartbeats may come first; a few hundred blocks at most before the event.
            for _ in 0..<500 where !text.contains("data: one\n\n") { text += try client.readStream(through: "\n\n") }
            #expect(text.contains("data: one\n\n"))
            // Heartbeats keep arriving well past the idle time: ten of them at 200 ms.
            for _ in 0..<10 { #expect(try client.readStream(through: "\n\n") == ": beat\n\n") }
            #expect(stream.send(Array("data: two\n\n".utf8)))
            text = ""
            for _ in 0..<500 where !text.contains("data: two\n\n") { text += try client.readStream(through: "\n\n") }
            #expect(text.contains("data: two\n\n"))
            stream.finish()
            #expect(client.isClosedByPeer())
        }
    }

    @Test func aClientThatDoesNotReadIsDroppedAndItsProducerTold() throws {
        try LiveServer.with { live in
            let client = try live.client()
            try client.send(raw: "GET /stream HTTP/1.1\r\nHost: a\r\n\r\n")
            let stream = try #require(live.responder.stream(0))
            let closed = ClosedFlag(watching: stream)
            // 64 KiB of buffer on our side, and the socket's: far less than 64 MiB.
            let chunk = Array(repeating: UInt8(ascii: "x"), count: 16 * 1024)
            var sends = 0
            while sends < 4096 && stream.send(chunk) { sends += 1 }
            #expect(sends < 4096)
            for _ in 0..<1000 where !closed.isSet { Thread.sleep(forTimeInterval: 0.01) }
            #expect(closed.isSet)
        }
    }

    @Test func aClientLeavingClosesItsStream() throws {
        try LiveServer.with { live in
            let client = try live.client()
            try client.send(raw: "GET /stream HTTP/1.1\r\nHost: a\r\n\r\n")
            _ = try client.readStreamHead()
            let stream = try #require(live.responder.stream(0))
            let closed = ClosedFlag(watching: stream)
            client.close()
            for _ in 0..<1000 where !closed.isSet { Thread.sleep(forTimeInterval: 0.01) }
            #expect(closed.isSet && !stream.send([1]))
        }
    }

    @Test func shutdownEndsEveryStreamAfterWhatWasSentToIt() throws {
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        let responder = TestResponder()
        let server = HTTPServer(configuration: configuration, responder: responder, logger: .silent)
        try server.start()
        let clients = try (0..<3).map { _ in try TestHTTPClient(port: server.port) }
        for client in clients {
            try client.send(raw: "GET /stream HTTP/1.1\r\nHost: a\r\n\r\n")
            _ = try client.readStreamHead()
        }
        let streams = try (0..<3).map { try #require(responder.stream($0)) }
        for stream in streams { stream.send(Array("data: bye\n\n".utf8)) }
        server.shutdown()
        for client in clients {
            #expect(try client.readStream(through: "\n\n") == "data: bye\n\n")
            #expect(client.isClosedByPeer())
        }
        #expect(streams.allSatisfy { $0.isOver })
    }
}
