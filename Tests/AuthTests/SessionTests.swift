import Foundation
import Testing
import TestSupport

/// Bearer tokens and sessions over HTTP: authentication, logout, the session list, expiry.
@Suite struct SessionTests {
    let app: TestApp

    init() throws {
        app = try TestApp.start()
    }

    @Test func requestsWithoutAUsableTokenAreUnauthenticated() throws {
        let token = try app.register(email: "ann@example.org").token
        let unknown = String(token.dropLast()) + (token.last == "A" ? "E" : "A")  // well formed, never issued
        let refusals: [[(String, String)]] = [
            [],
            [("Authorization", "Basic YW5uOnNlY3JldA==")],
            [("Authorization", "Bearer")],
            [("Authorization", "Bearer not-a-token")],
            [("Authorization", "Bearer \(token)A")],
            [("Authorization", "Bearers \(token)")],
            [("Authorization", "Bearer \(token) \(token)")],
            [("Authorization", "Bearer \(unknown)")],
            [("Authorization", "Bearer \(token)"), ("Authorization", "Bearer \(token)")],
        ]
        for headers in refusals {
            let response = try app.request("GET", "/v1/me", headers: headers)
            #expect(response.status == 401)
            #expect(response.string("code") == "unauthenticated")
            #expect(response.header("WWW-Authenticate") == "Bearer")
        }
        let logged = app.logs.events("unauthenticated")
        #expect(logged.count == refusals.count)
        #expect(!logged.joined().contains(token))
    }

    @Test func theSchemeIsCaseInsensitive() throws {
        let token = try app.register().token
        #expect(try app.request("GET", "/v1/me", headers: [("Authorization", "bEaReR \(token)")]).status == 200)
    }

    @Test func everyAccountEndpointNeedsAToken() throws {
        for (method, path) in [
            ("POST", "/v1/auth/logout"), ("GET", "/v1/me"), ("PATCH", "/v1/me"), ("POST", "/v1/me/password"),
            ("GET", "/v1/me/sessions"), ("DELETE", "/v1/me/sessions/\(UUID())"),
        ] {
            let response = try app.send(method, path, [:])
            #expect(response.status == 401, "\(method) \(path)")
        }
    }

    @Test func logoutEndsTheTokenAtOnce() throws {
        let token = try app.register(email: "ann@example.org").token
        let other = try app.token("ann@example.org")
        #expect(try app.request("POST", "/v1/auth/logout", token: token).status == 204)
        #expect(try app.request("GET", "/v1/me", token: token).status == 401)
        #expect(try app.request("POST", "/v1/auth/logout", token: token).status == 401)
        #expect(try app.request("GET", "/v1/me", token: other).status == 200)  // only that session ended
    }

    @Test func theSessionListMarksTheCurrentOne() throws {
        try app.register(email: "ann@example.org")
        let agent = String(repeating: "é", count: 600)
        let second = try app.token("ann@example.org", headers: [("User-Agent", agent)])
        let response = try app.request("GET", "/v1/me/sessions", token: second)
        #expect(response.status == 200)
        let items = try #require(try response.json()["items"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items.allSatisfy { Set($0.keys) == ["id", "createdAt", "lastUsedAt", "userAgent", "current"] })
        let current = try #require(items.first { $0["current"] as? Bool == true })
        #expect(current["userAgent"] as? String == String(repeating: "é", count: 512))
        #expect(items.filter { $0["current"] as? Bool == false }.count == 1)
    }

    @Test func endingASessionEndsItsToken() throws {
        let kept = try app.register(email: "ann@example.org").token
        let ended = try app.token("ann@example.org")
        let endedId = try sessionIds(token: ended, current: true)[0]
        #expect(try app.request("DELETE", "/v1/me/sessions/\(endedId)", token: kept).status == 204)
        #expect(try app.request("GET", "/v1/me", token: ended).status == 401)
        #expect(try app.request("GET", "/v1/me", token: kept).status == 200)
        #expect(try app.request("DELETE", "/v1/me/sessions/\(endedId)", token: kept).status == 404)
    }

    @Test func someoneElsesOrAnUnknownSessionIsNotFound() throws {
        let ann = try app.register(email: "ann@example.org").token
        let bob = try app.register(email: "bob@example.org").token
        let bobsSession = try sessionIds(token: bob, current: true)[0]
        for id in [bobsSession.uuidString, UUID().uuidString, "not-a-uuid"] {
            let response = try app.request("DELETE", "/v1/me/sessions/\(id)", token: ann)
            #expect(response.status == 404)
            #expect(response.string("code") == "not_found")
        }
        #expect(try app.request("GET", "/v1/me", token: bob).status == 200)
    }

    @Test func aSessionEndsAtItsAbsoluteLifetime() throws {
        let app = try TestApp.start { $0.sessionAbsoluteLifetime = .seconds(1) }
        let token = try app.register().token
        #expect(try app.request("GET", "/v1/me", token: token).status == 200)
        Thread.sleep(forTimeInterval: 1.2)
        #expect(try app.request("GET", "/v1/me", token: token).status == 401)
        #expect(app.logs.events("unauthenticated").contains { $0.contains("reason=expired") })
    }

    @Test func anIdleSessionEnds() throws {
        let token = try app.register().token
        let idle = app.configuration.sessionIdleLifetime.components.seconds
        try app.pool.execute("UPDATE sessions SET last_used_at = now() - make_interval(secs => \(Double(idle + 1)))")
        #expect(try app.request("GET", "/v1/me", token: token).status == 401)
    }

    @Test func lastUsedIsWrittenAtMostOncePerMinute() throws {
        let token = try app.register().token
        for _ in 1...3 { _ = try app.request("GET", "/v1/me", token: token) }
        #expect(try sessionTouched() == false)

        try app.pool.execute("UPDATE sessions SET last_used_at = created_at - interval '2 minutes'")
        _ = try app.request("GET", "/v1/me", token: token)
        #expect(try sessionTouched())
    }

    /// Whether `last_used_at` moved past `created_at`.
    private func sessionTouched() throws -> Bool {
        try app.pool.query("SELECT last_used_at > created_at AS touched FROM sessions")[0].decode("touched")
    }

    private func sessionIds(token: String, current: Bool) throws -> [UUID] {
        let items = try #require(try app.request("GET", "/v1/me/sessions", token: token).json()["items"] as? [[String: Any]])
        return items.filter { $0["current"] as? Bool == current }.compactMap { ($0["id"] as? String).flatMap(UUID.init(uuidString:)) }
    }
}
