import Foundation
import Glibc
import Testing
import TestSupport
@testable import HTTPServer

/// Request bodies are held in memory: all connections together may hold only so much.
@Suite struct BodyBudgetTests {
    @Test func bodiesBeyondTheSharedBudgetAreRefused() throws {
        try LiveServer.with({
            $0.maxBufferedBodyBytes = 100
            $0.limits.maxBodyBytes = 1000
        }) { server in
            let holder = try server.client()
            try holder.send(raw: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 80\r\n\r\npartial")
            usleep(100_000)
            let refused = try server.client()
            try refused.send(raw: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 50\r\n\r\n")
            #expect(try refused.readResponse().status == 503)
            #expect(refused.isClosedByPeer())
            // Once the first body is answered, its bytes are free again.
            try holder.send(raw: String(repeating: "x", count: 73))
            #expect(try holder.readResponse().status == 200)
            let later = try server.client()
            #expect(try later.request("POST", "/echo", body: Array(repeating: 1, count: 50)).status == 200)
        }
    }
}
