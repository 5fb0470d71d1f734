import App
import Foundation
import Testing
import TestSupport
import Web

/// `POST /v1/auth/login` over HTTP: answers, throttling, hash upgrades, logs.
@Suite struct LoginTests {
    @Test func eachLoginIssuesANewWorkingToken() throws {
        let app = try TestApp.start()
        let registered = try app.register(email: "ann@example.org")
        let first = try app.login("ann@example.org")
        #expect(first.status == 200)
        #expect(Set(try first.json().keys) == ["user", "token", "expiresAt"])
        let tokens = [registered.token, try app.token("ann@example.org"), try app.token(" Ann@Example.org ")]
        #expect(Set(tokens).count == 3)
        for token in tokens {
            #expect(try app.request("GET", "/v1/me", token: token).status == 200)
        }
    }

    @Test func unknownEmailAndWrongPasswordGetTheSameAnswer() throws {
        let app = try TestApp.start()
        try app.register(email: "ann@example.org")
        let wrongPassword = try app.login("ann@example.org", "not the right password")
        let unknownEmail = try app.login("nobody@example.org", "not the right password")
        for response in [wrongPassword, unknownEmail] {
            #expect(response.status == 401)
            #expect(response.string("code") == "invalid_credentials")
            #expect(response.header("WWW-Authenticate") == "Bearer")
        }
        #expect(wrongPassword.body == unknownEmail.body)
    }

    @Test func anUnknownEmailStillCostsAHash() throws {
        let app = try TestApp.start()
        app.application.passwordHashing.shutdown()  // every hash attempt now answers 503
        let response = try app.login("nobody@example.org", "not the right password")
        #expect(response.status == 503)
        #expect(response.header("Retry-After") == "1")
    }

    @Test func failedLoginsAreThrottledPerAccountAndAddressBeforeAnyHash() throws {
        let app = try TestApp.start { $0.loginMaxFailuresPerAccount = 3 }
        try app.register(email: "ann@example.org")
        for _ in 1...3 {
            #expect(try app.login("ann@example.org", "not the right password").status == 401)
        }
        // A hash attempted now would be answered 503: a 429 shows none was.
        app.application.passwordHashing.shutdown()
        let refused = try app.login("ann@example.org")
        #expect(refused.status == 429)
        #expect(refused.string("code") == "too_many_requests")
        #expect(refused.header("Retry-After") == "1")  // the back-off's first step
        #expect(app.logs.events("login").contains {
            $0.contains("result=throttled") && $0.contains("scope=login_account_address")
        })
    }

    @Test func failedLoginsAreThrottledPerClientAddress() throws {
        let app = try TestApp.start { $0.loginMaxFailuresPerAddress = 3 }
        for index in 1...3 {
            #expect(try app.login("nobody\(index)@example.org", "not the right password").status == 401)
        }
        let refused = try app.login("someone-else@example.org", "not the right password")
        #expect(refused.status == 429)
        #expect((refused.header("Retry-After").flatMap { Int($0) } ?? 0) > 0)
        // X-Forwarded-For from a peer that is not a trusted proxy changes nothing.
        let forged = try app.login("someone-else@example.org", headers: [("X-Forwarded-For", "192.0.2.9")])
        #expect(forged.status == 429)
    }

    @Test func aTrustedProxyNamesTheClient() throws {
        let app = try TestApp.start {
            $0.loginMaxFailuresPerAddress = 1
            $0.trustedProxies = [IPNetwork("127.0.0.1")!]
        }
        let behind = { (client: String) in [("X-Forwarded-For", client)] }
        #expect(try app.login("a@example.org", "not the right password", headers: behind("192.0.2.1")).status == 401)
        #expect(try app.login("b@example.org", "not the right password", headers: behind("192.0.2.1")).status == 429)
        #expect(try app.login("c@example.org", "not the right password", headers: behind("192.0.2.2")).status == 401)
    }

    @Test func successClearsTheAccountsFailuresAtTheAddressButNotTheAddresss() throws {
        let app = try TestApp.start {
            $0.loginMaxFailuresPerAccount = 3
            $0.loginMaxFailuresPerAddress = 5
        }
        try app.register(email: "ann@example.org")
        let fail = { try app.login("ann@example.org", "not the right password").status }
        #expect(try [fail(), fail()] == [401, 401])
        #expect(try app.login("ann@example.org").status == 200)
        #expect(try [fail(), fail()] == [401, 401])  // without the reset the second would be the pair's 4th
        #expect(try app.login("other@example.org", "not the right password").status == 401)  // the address's 5th
        #expect(try app.login("ann@example.org").status == 429)  // the address's failures survived the success
    }

    @Test func aWeakerStoredHashIsUpgradedAtLogin() throws {
        let app = try TestApp.start()  // cost 10
        let user = try app.register(email: "ann@example.org")
        #expect(try storedHash(app, user.userId).hasPrefix("$scrypt$ln=10,r=8,p=1$"))

        var stronger = app.configuration
        stronger.port = 0
        stronger.passwordHashCost = 11
        let upgraded = try Application(configuration: stronger, logger: .silent)
        try upgraded.start()
        defer { upgraded.shutdown() }
        let response = try TestHTTPClient(port: upgraded.port).request(
            "POST", "/v1/auth/login", json: #"{"email":"ann@example.org","password":"\#(TestApp.password)"}"#)
        #expect(response.status == 200)
        #expect(try storedHash(app, user.userId).hasPrefix("$scrypt$ln=11,r=8,p=1$"))
        #expect(try app.login("ann@example.org").status == 200)  // the new hash verifies
    }

    @Test func theDefaultCostWorksEndToEnd() throws {
        let app = try TestApp.start { $0.passwordHashCost = AppConfiguration().passwordHashCost }
        let user = try app.register(email: "ann@example.org")
        #expect(try storedHash(app, user.userId).hasPrefix("$scrypt$ln=17,r=8,p=1$"))
        #expect(try app.login("ann@example.org").status == 200)
    }

    @Test func everyAttemptIsLoggedWithoutSecrets() throws {
        let app = try TestApp.start()
        let user = try app.register(email: "ann@example.org")
        let token = try app.token("ann@example.org")
        _ = try app.login("ann@example.org", "not the right password")
        _ = try app.login("nobody@example.org", "not the right password")

        let logins = app.logs.events("login")
        let count = { (result: String, user: String) in
            logins.filter { $0.contains(" result=\(result)") && $0.contains(" user=\(user) ") }.count
        }
        #expect(logins.count == 3)
        #expect(count("success", user.userId.uuidString) == 1)
        #expect(count("invalid_credentials", user.userId.uuidString) == 1)
        #expect(count("invalid_credentials", "-") == 1)
        #expect(logins.allSatisfy { $0.contains("request_id=") && $0.contains("client=127.0.0.1") })
        let everything = app.logs.all.joined()
        for secret in ["ann@example.org", "nobody@example.org", TestApp.password, "not the right password", user.token, token] {
            #expect(!everything.contains(secret))
        }
    }

    private func storedHash(_ app: TestApp, _ id: UUID) throws -> String {
        try app.pool.query("SELECT password_hash FROM users WHERE id = \(id)")[0].decode("password_hash")
    }
}
