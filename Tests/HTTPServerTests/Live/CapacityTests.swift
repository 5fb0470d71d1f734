import Foundation
import Glibc
import Testing
import TestSupport
@testable import HTTPServer

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

    @Test func aClientOverTheConnectionCapReadsThe503NotAReset() throws {
        try LiveServer.with({ $0.maxConnections = 1 }) { live in
            let first = try live.client()
            #expect(try first.request("GET", "/inline/hello").status == 200)
            // A client still sending its request when the 503 comes can finish sending: the
            // server drains it (lingering close) instead of resetting the connection under it.
            let refused = try live.client()
            let part = String(repeating: "b", count: 32 * 1024)
            try refused.send(raw: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: \(5 * part.utf8.count)\r\n\r\n" + part)
            let response = try refused.readResponse()
            #expect(response.status == 503 && response.header("retry-after") == "1")
            for _ in 0..<4 { try refused.send(raw: part) }
            #expect(refused.isClosedByPeer())
            #expect(try first.request("GET", "/inline/hello").status == 200)
        }
    }

    @Test func uploadsInProgressPerClientAddressAreCapped() throws {
        try LiveServer.with({ $0.maxUploadsPerClient = 2 }) { live in
            let head = "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n"
            let uploads = try (0..<2).map { _ in try live.client() }
            for upload in uploads { try upload.send(raw: head + "0123456789") }
            // A third from the same address, still sending its body, reads the 503.
            let third = try live.client()
            try third.send(raw: head + String(repeating: "b", count: 64 * 1024))
            let refused = try third.readResponse()
            #expect(refused.status == 503 && refused.header("retry-after") == "1" && refused.header("connection") == "close")
            #expect(third.isClosedByPeer())
            // One waiting for 100-continue is refused before the 100: it sends no body in vain.
            let waiting = try live.client()
            try waiting.send(raw: "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 100000\r\n\r\n")
            #expect(try waiting.readResponse().status == 503)
            // A body that comes whole with its head is never an upload in progress, nor is a
            // small one (bounded like a head) that comes after it.
            let login = try live.client()
            #expect(try login.request("POST", "/echo", body: Array(repeating: 1, count: 100)).status == 200)
            try login.send(raw: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\n")
            try login.send(raw: String(repeating: "l", count: 100))
            #expect(try login.readResponse().status == 200)
            // A finished upload frees its place.
            try uploads[0].send(raw: String(repeating: "b", count: 100_000 - 10))
            #expect(try uploads[0].readResponse().status == 200)
            let next = try live.client()
            try next.send(raw: head + "0123456789")
            try next.send(raw: String(repeating: "b", count: 100_000 - 10))
            #expect(try next.readResponse().status == 200)
        }
    }

    @Test func anIPv6ClientIsItsSlash64() throws {
        #expect(ClientUploads.client(of: "2001:db8:1:2:3:4:5:6") == "2001:db8:1:2::/64")
        #expect(ClientUploads.client(of: "2001:db8:1:2::9") == ClientUploads.client(of: "2001:db8:1:2:ffff::1"))
        #expect(ClientUploads.client(of: "2001:db8:1:3::1") != ClientUploads.client(of: "2001:db8:1:2::1"))
        #expect(ClientUploads.client(of: "::ffff:192.0.2.7") == "::ffff:192.0.2.7")
        #expect(ClientUploads.client(of: "192.0.2.7") == "192.0.2.7")
        // Over a dual-stack socket: ::1 and 127.0.0.1 are two clients, each with its own place.
        try LiveServer.with({ $0.host = "::"; $0.maxUploadsPerClient = 1 }) { live in
            let head = "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 20000\r\n\r\n0123456789"
            let six = try TestHTTPClient(port: live.port, host: "::1"), four = try TestHTTPClient(port: live.port)
            try six.send(raw: head)
            try four.send(raw: head)
            let again = try TestHTTPClient(port: live.port, host: "::1")
            try again.send(raw: head)
            #expect(try again.readResponse().status == 503)
            for client in [six, four] {
                try client.send(raw: String(repeating: "b", count: 20_000 - 10))
                #expect(try client.readResponse().status == 200)
            }
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
