import Foundation
import Glibc
import HTTPServer
import Testing
import TestSupport

@Suite("Live: capacity and overload")
struct CapacityTests {
    @Test func thousandConcurrentConnections() throws {
        try raiseOpenFileLimit(to: 4096)
        try LiveServer.with({ $0.eventLoops = 2 }) { live in
            let clients = try (0..<1000).map { _ in try live.client() }
            for (index, client) in clients.enumerated() {
                let path = index.isMultiple(of: 2) ? "/inline/hello?\(index)" : "/hello?\(index)"
                try client.send(raw: "GET \(path) HTTP/1.1\r\nHost: a\r\n\r\n")
            }
            for (index, client) in clients.enumerated() {
                let path = index.isMultiple(of: 2) ? "/inline/hello?\(index)" : "/hello?\(index)"
                let response = try client.readResponse()
                #expect(response.status == 200 && response.bodyString == "hello \(path)")
            }
        }
    }

    @Test func fullWorkerQueueAnswers503() throws {
        try LiveServer.with({ $0.workerThreads = 1; $0.workerQueueLimit = 1 }) { live in
            let running = try live.client(), queued = try live.client(), refused = try live.client()
            try running.send(raw: "GET /block HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(live.responder.gate.awaitWaiters(1))
            try queued.send(raw: "GET /block HTTP/1.1\r\nHost: a\r\n\r\n")
            // The queued request cannot be observed; an inline one on its heels shows it was read.
            let response = try refused.request("GET", "/block")
            #expect(response.status == 503 && response.header("retry-after") == "1")
            // Inline requests do not need a worker and are still answered.
            #expect(try refused.request("GET", "/inline/hello").status == 200)
            live.responder.gate.open()
            #expect(try running.readResponse().bodyString == "released")
            #expect(try queued.readResponse().bodyString == "released")
        }
    }

    @Test func connectionsOverTheCapGet503AndAClose() throws {
        try LiveServer.with({ $0.maxConnections = 2 }) { live in
            let first = try live.client(), second = try live.client()
            #expect(try first.request("GET", "/inline/hello").status == 200)
            #expect(try second.request("GET", "/inline/hello").status == 200)
            let third = try live.client()
            let refused = try third.readResponse()
            #expect(refused.status == 503 && refused.header("connection") == "close")
            #expect(third.isClosedByPeer())
            #expect(try first.request("GET", "/hello").status == 200)

            // Once one closes, a new connection is served (as soon as the server saw the close).
            first.close()
            var served = false
            for _ in 0..<50 where !served {
                served = (try? live.client().request("GET", "/inline/hello").status) == 200
                if !served { Thread.sleep(forTimeInterval: 0.1) }
            }
            #expect(served)
        }
    }

    @Test func aClientThatDoesNotReadStopsBeingRead() throws {
        try LiveServer.with { live in
            let client = try live.client()
            let count = 1000
            try client.send(raw: String(repeating: "GET /inline/big HTTP/1.1\r\nHost: a\r\n\r\n", count: count))
            // 64 MB of answers would be due; the socket buffers hold a few. Reading must stop
            // rather than the answers piling up in memory.
            Thread.sleep(forTimeInterval: 1)
            #expect(live.responder.count("/inline/big") < count)
            for _ in 0..<count {
                #expect(try client.readResponse().body.count == 64 * 1024)
            }
        }
    }

    private func raiseOpenFileLimit(to wanted: rlim_t) throws {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        guard limit.rlim_cur < wanted else { return }
        limit.rlim_cur = min(wanted, limit.rlim_max)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        try #require(limit.rlim_cur >= 2100, "need 2,100 descriptors for 1,000 connections, have \(limit.rlim_cur)")
    }
}
