import Foundation
import Glibc
import Testing
import TestSupport
@testable import HTTPServer

/// Deadlines, overload and shutdown: a slow or greedy client never holds up anyone else.
@Suite struct DeadlineAndLimitTests {
    @Test func aSlowHeadIsCutOffWhileOthersAreServed() throws {
        let server = try LiveServer { $0.headTimeout = .milliseconds(600) }
        let slow = try TestHTTPClient(port: server.port)
        try slow.send(raw: "GET / HTTP/1.1\r\nHo")
        // Meanwhile another client is served at once.
        let other = try TestHTTPClient(port: server.port)
        #expect(try other.request("GET", "/inline").status == 200)
        // The slow one trickles a byte, which buys it nothing: the deadline is for the whole head.
        usleep(300_000)
        try slow.send(raw: "s")
        let response = try slow.readResponse()
        #expect(response.status == 408)
        #expect(slow.isClosedByPeer())
    }

    @Test func anIdleKeepAliveConnectionIsClosed() throws {
        let server = try LiveServer { $0.idleTimeout = .milliseconds(300) }
        let client = try TestHTTPClient(port: server.port)
        #expect(try client.request("GET", "/inline").status == 200)
        #expect(client.isClosedByPeer())
    }

    @Test func aBodyBelowTheMinimumRateIsCutOff() throws {
        let server = try LiveServer {
            $0.headTimeout = .milliseconds(400)
            $0.bodyMinimumBytesPerSecond = 10
        }
        let client = try TestHTTPClient(port: server.port)
        try client.send(raw: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nab")
        #expect(try client.readResponse().status == 408)
        #expect(client.isClosedByPeer())
    }

    @Test func aFullWorkerQueueAnswers503AtOnce() throws {
        let server = try LiveServer {
            $0.workerThreads = 1
            $0.workerQueueLimit = 1
        }
        let busy = try TestHTTPClient(port: server.port)
        try busy.send(raw: "GET /sleep?ms=800 HTTP/1.1\r\nHost: a\r\n\r\n")
        usleep(100_000)
        let queued = try TestHTTPClient(port: server.port)
        try queued.send(raw: "GET /sleep?ms=10 HTTP/1.1\r\nHost: a\r\n\r\n")
        usleep(100_000)
        let refused = try TestHTTPClient(port: server.port).request("GET", "/x")
        #expect(refused.status == 503)
        #expect(refused.header("retry-after") == "1")
        #expect(try busy.readResponse().status == 200)
        #expect(try queued.readResponse().status == 200)
        // Cheap requests never wait for workers.
        #expect(try TestHTTPClient(port: server.port).request("GET", "/inline").status == 200)
    }

    @Test func connectionsBeyondTheCapAreRefused() throws {
        let server = try LiveServer {
            $0.maxConnections = 2
            $0.eventLoops = 1
        }
        let first = try TestHTTPClient(port: server.port)
        let second = try TestHTTPClient(port: server.port)
        #expect(try first.request("GET", "/inline").status == 200)
        #expect(try second.request("GET", "/inline").status == 200)
        let third = try TestHTTPClient(port: server.port)
        try? third.send(raw: "GET /inline HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try third.readResponse().status == 503)
        #expect(third.isClosedByPeer())
        // The first two stay served.
        #expect(try first.request("GET", "/inline").status == 200)
    }

    @Test func bodiesBeyondTheSharedBudgetAreRefused() throws {
        let server = try LiveServer {
            $0.maxBufferedBodyBytes = 100
            $0.limits.maxBodyBytes = 1000
        }
        let holder = try TestHTTPClient(port: server.port)
        try holder.send(raw: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 80\r\n\r\npartial")
        usleep(100_000)
        let refused = try TestHTTPClient(port: server.port)
        try refused.send(raw: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 50\r\n\r\n")
        #expect(try refused.readResponse().status == 503)
        #expect(refused.isClosedByPeer())
        // Once the first body is answered, its bytes are free again.
        try holder.send(raw: String(repeating: "x", count: 73))
        #expect(try holder.readResponse().status == 200)
        let later = try TestHTTPClient(port: server.port)
        #expect(try later.request("POST", "/echo", body: Array(repeating: 1, count: 50)).status == 200)
    }

    @Test func shutdownFinishesTheRequestInFlight() throws {
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configuration.drainTimeout = .seconds(5)
        let server = HTTPServer(configuration: configuration, responder: TestResponder(), logger: .silent)
        try server.start()
        let port = server.port
        let client = try TestHTTPClient(port: port)
        try client.send(raw: "GET /sleep?ms=500 HTTP/1.1\r\nHost: a\r\n\r\n")
        let idle = try TestHTTPClient(port: port)
        #expect(try idle.request("GET", "/inline").status == 200)
        usleep(100_000)
        let stopped = Thread { server.shutdown() }
        stopped.start()
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.bodyString == "slept")
        #expect(response.header("connection") == "close")
        #expect(idle.isClosedByPeer())
        usleep(200_000)
        #expect(throws: (any Error).self) { _ = try TestHTTPClient(port: port).request("GET", "/inline") }
    }

    @Test func portZeroPicksAFreePort() throws {
        let first = try LiveServer()
        let second = try LiveServer()
        #expect(first.port > 0 && second.port > 0 && first.port != second.port)
    }
}
