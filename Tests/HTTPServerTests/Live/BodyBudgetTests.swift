import Testing
import TestSupport
@testable import HTTPServer

/// Request bodies are held in memory: all connections together may hold only so much, counted
/// as the bytes arrive; each connection's first few body bytes are its own.
@Suite struct BodyBudgetTests {
    @Test func bodiesBeyondTheSharedBudgetAreRefused() throws {
        try Self.withBudget(shared: 100, perConnection: 0, maxBody: 1000) { server in
            let holder = try server.client()
            try holder.send(raw: Self.post(declaring: 80) + String(repeating: "h", count: 70))
            let refused = try server.client()
            try refused.send(raw: Self.post(declaring: 50) + String(repeating: "r", count: 50))
            #expect(try refused.readResponse().status == 503)
            #expect(refused.isClosedByPeer())
            // Once the first body is answered, its bytes are free again.
            try holder.send(raw: String(repeating: "x", count: 10))
            #expect(try holder.readResponse().status == 200)
            let later = try server.client()
            #expect(try later.request("POST", "/echo", body: Array(repeating: 1, count: 50)).status == 200)
        }
    }

    @Test func bodyBytesAreChargedAsTheyArriveNotAsDeclared() throws {
        try Self.withBudget(shared: 10_000, perConnection: 0, maxBody: 9_000) { server in
            let head = Self.post(declaring: 9_000)
            let first = try server.client(), second = try server.client()
            // Together they declare 18,000 bytes, more than the budget; what has arrived always fits.
            try first.send(raw: head + String(repeating: "1", count: 1000))
            try second.send(raw: head + String(repeating: "2", count: 1000))
            try first.send(raw: String(repeating: "1", count: 8000))
            let answer = try first.readResponse()
            #expect(answer.status == 200 && answer.header("x-body-count") == "9000")
            try second.send(raw: String(repeating: "2", count: 8000))
            #expect(try second.readResponse().status == 200)
        }
    }

    @Test func aSmallRequestIsReadWhileUploadsHoldTheWholeBudget() throws {
        try Self.withBudget(shared: 20_000, perConnection: 1000, maxBody: 20_000) { server in
            let head = Self.post(declaring: 20_000)
            let holder = try server.client(), other = try server.client()
            try holder.send(raw: head + String(repeating: "h", count: 15_000))
            try other.send(raw: head + String(repeating: "o", count: 15_000))
            #expect(try other.readResponse().status == 503, "the shared budget is spent")
            // A login-sized body needs no share of it.
            let login = try server.client()
            let response = try login.request("POST", "/echo", body: Array(repeating: UInt8(ascii: "l"), count: 100))
            #expect(response.status == 200 && response.body.count == 100)
            try holder.send(raw: String(repeating: "h", count: 5_000))
            #expect(try holder.readResponse().status == 200)
        }
    }

    /// A server whose connections share `shared` body bytes, each with `perConnection` of its own.
    private static func withBudget(
        shared: Int, perConnection: Int, maxBody: Int, _ body: (LiveServer) throws -> Void
    ) throws {
        try LiveServer.with({
            $0.maxBufferedBodyBytes = shared
            $0.perConnectionBodyBytes = perConnection
            $0.limits.maxBodyBytes = maxBody
        }, body)
    }

    /// The head of a `POST /echo` whose body has `length` bytes.
    private static func post(declaring length: Int) -> String {
        "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: \(length)\r\n\r\n"
    }
}
