import App
import Crypto
import Foundation
import Testing
import TestSupport
import Web
@testable import Auth

/// Logins under attack, over HTTP: nobody can lock a victim out, rotating IPv6 addresses buys
/// no fresh budget, and failed logins cannot keep the hashing slots busy.
@Suite struct LoginAbuseTests {
    static let wrong = "not the right password"

    /// An app behind a trusted proxy on 127.0.0.1, so each request can name its client.
    private func app(_ configure: (inout AppConfiguration) -> Void = { _ in }) throws -> TestApp {
        try TestApp.start {
            $0.trustedProxies = [IPNetwork("127.0.0.1")!]
            configure(&$0)
        }
    }

    private func from(_ address: String) -> [(String, String)] { [("X-Forwarded-For", address)] }

    /// The `key=value` fields of a log line.
    private static func fields(_ line: String) -> Set<String> {
        Set(line.split(whereSeparator: \.isWhitespace).map(String.init))
    }

    @Test func anAttackerAtOneAddressCannotLockTheOwnerOutAtAnother() throws {
        let app = try app()  // 5 free failures per account and address
        try app.register(email: "sam@example.org")
        for _ in 1...5 {
            #expect(try app.login("sam@example.org", Self.wrong, headers: from("192.0.2.66")).status == 401)
        }
        let attacker = try app.login("sam@example.org", Self.wrong, headers: from("192.0.2.66"))
        #expect(attacker.status == 429)
        #expect(attacker.header("Retry-After") == "1")
        // Sam, at an address never used before, is not held back by the attacker's failures.
        #expect(try app.login("sam@example.org", headers: from("198.51.100.7")).status == 200)
    }

    @Test func theBackOffDoublesPerAccountAndAddress() throws {
        let app = try app { $0.loginMaxFailuresPerAccount = 2 }
        try app.register(email: "sam@example.org")
        let attempt = { try app.login("sam@example.org", Self.wrong, headers: self.from("192.0.2.66")) }
        #expect(try [attempt().status, attempt().status] == [401, 401])
        #expect(try attempt().header("Retry-After") == "1")
        // The newest failure a second older: one more try, then twice the wait.
        try app.pool.execute("UPDATE throttle_events SET occurred_at = occurred_at - interval '1 second'")
        #expect(try attempt().status == 401)
        let refused = try attempt()
        #expect(refused.status == 429)
        #expect(refused.header("Retry-After") == "2")
    }

    @Test func theAccountsCeilingSparesAddressesItLoggedInFrom() throws {
        let app = try app { $0.loginAccountCeiling = 3 }
        try app.register(email: "sam@example.org")
        #expect(try app.login("sam@example.org", headers: from("198.51.100.7")).status == 200)  // Sam's usual address
        // An attacker rotating through addresses reaches the account's ceiling…
        for index in 1...3 {
            #expect(try app.login("sam@example.org", Self.wrong, headers: from("192.0.2.\(index)")).status == 401)
        }
        let rotated = try app.login("sam@example.org", Self.wrong, headers: from("192.0.2.4"))
        #expect(rotated.status == 429)
        #expect(app.logs.events("login").contains { Self.fields($0).isSuperset(of: ["result=throttled", "scope=login_account"]) })
        // …which holds back new addresses, even with the right password, but not Sam's.
        #expect(try app.login("sam@example.org", headers: from("192.0.2.5")).status == 429)
        #expect(try app.login("sam@example.org", headers: from("198.51.100.7")).status == 200)
    }

    @Test func anIPv6ClientCountsByItsSlash64() throws {
        let app = try app { $0.loginMaxFailuresPerAddress = 3 }
        for index in 1...3 {
            let response = try app.login("user\(index)@example.org", Self.wrong, headers: from("2001:db8:5:6::\(index)"))
            #expect(response.status == 401)
        }
        // A fresh address in the same /64 finds its budget spent; the next /64 does not.
        let rotated = try app.login("user4@example.org", Self.wrong, headers: from("2001:db8:5:6:abcd::99"))
        #expect(rotated.status == 429)
        #expect(app.logs.events("login").contains { Self.fields($0).isSuperset(of: ["result=throttled", "scope=login_address"]) })
        #expect(try app.login("user4@example.org", Self.wrong, headers: from("2001:db8:5:7::1")).status == 401)
    }

    @Test func failedLoginsHaveAHashBudgetThatSparesKnownAddressesAndTheRestOfTheService() throws {
        let app = try app { $0.loginFailedHashesPerSecond = 0.001 }  // one token, then one per 1000 s
        let sam = try app.register(email: "sam@example.org")  // from 127.0.0.1: a known address for Sam
        #expect(try app.login("a@example.org", Self.wrong, headers: from("2001:db8:1::1")).status == 401)
        // The budget is spent: further failures from anywhere new are refused before any hash.
        app.application.passwordHashing.shutdown()  // a hash attempted now would be answered 503 with Retry-After 1
        for address in ["2001:db8:2::1", "2001:db8:3::1", "192.0.2.9"] {
            let refused = try app.login("b@example.org", Self.wrong, headers: from(address))
            #expect(refused.status == 503)
            #expect(refused.string("code") == "service_unavailable")
            #expect(Int(refused.header("Retry-After") ?? "") ?? 0 > 900)
        }
        #expect(app.logs.events("login").filter { $0.contains("result=hash_budget_exhausted") }.count == 3)
        // The rest of the service answers as usual.
        #expect(try app.request("GET", "/healthz").status == 200)
        #expect(try app.request("GET", "/v1/me", token: sam.token).status == 200)
    }

    @Test func theOwnerAtAKnownAddressStillLogsInWhenTheBudgetIsSpent() throws {
        let app = try app { $0.loginFailedHashesPerSecond = 0.001 }
        try app.register(email: "sam@example.org")  // from 127.0.0.1
        #expect(try app.login("a@example.org", Self.wrong, headers: from("2001:db8:1::1")).status == 401)
        #expect(try app.login("sam@example.org", headers: from("2001:db8:2::1")).status == 503)
        #expect(try app.login("sam@example.org").status == 200)
    }

    @Test func throttleSubjectsAreKeyedWithTheServerSecret() throws {
        let app = try app()
        #expect(try app.login("sam@example.org", Self.wrong, headers: from("192.0.2.1")).status == 401)
        let stored = Set(try app.pool.query("SELECT subject FROM throttle_events").map { row in try row.decode("subject", as: String.self) })
        let key = ThrottleKey(secret: try #require(app.configuration.serverSecret).bytes)
        let address = Throttle(scope: .loginAddress, backoff: ThrottleBackoff(free: 1), key: key)
        #expect(stored.contains(address.digest(ThrottleSubject(address: "192.0.2.1"))))
        #expect(stored.count == 3)  // the address, the account at the address, the account
        for unkeyed in ["sam@example.org", "192.0.2.1"] {
            #expect(!stored.contains(Hex.encode(SHA256.hash(Array(unkeyed.utf8)))))
        }
    }
}
