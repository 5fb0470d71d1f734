import Foundation
import Testing
import TestSupport

/// `GET`/`PATCH /v1/me` and `POST /v1/me/password` over HTTP.
@Suite struct AccountTests {
    let app: TestApp

    init() throws {
        app = try TestApp.start()
    }

    @Test func theProfileCanBeChangedAndCleared() throws {
        let token = try app.register(email: "ann@example.org", displayName: "Ann").token
        let changed = try app.send("PATCH", "/v1/me", ["displayName": "  Ann S. ", "sobrietyDate": "2019-03-14"], token: token)
        #expect(changed.status == 200)
        #expect(try changed.json()["displayName"] as? String == "Ann S.")
        #expect(try changed.json()["sobrietyDate"] as? String == "2019-03-14")

        let untouched = try app.send("PATCH", "/v1/me", [:], token: token)
        #expect(try untouched.json()["sobrietyDate"] as? String == "2019-03-14")

        let cleared = try app.send("PATCH", "/v1/me", ["sobrietyDate": NSNull()], token: token)
        #expect(cleared.status == 200)
        #expect(try cleared.json()["sobrietyDate"] is NSNull)
        #expect(try cleared.json()["displayName"] as? String == "Ann S.")

        let me = try app.request("GET", "/v1/me", token: token)
        #expect(try me.json()["sobrietyDate"] is NSNull)
        #expect(try me.json()["email"] as? String == "ann@example.org")
    }

    @Test func badProfileValuesAreRefused() throws {
        let token = try app.register().token
        let future = try app.send("PATCH", "/v1/me", ["sobrietyDate": "2999-01-01", "displayName": NSNull()], token: token)
        #expect(future.status == 422)
        let fields = try #require(try future.json()["errors"] as? [[String: Any]]).compactMap { $0["field"] as? String }
        #expect(Set(fields) == ["sobrietyDate", "displayName"])

        for body: [String: Any] in [["displayName": " \t "], ["displayName": 42], ["sobrietyDate": "2020-02-30"], ["sobrietyDate": "yesterday"]] {
            #expect(try app.send("PATCH", "/v1/me", body, token: token).status == 422)
        }
        for body: [String: Any] in [["email": "new@example.org"], ["id": UUID().uuidString], ["createdAt": "2020-01-01T00:00:00.000Z"]] {
            let response = try app.send("PATCH", "/v1/me", body, token: token)
            #expect(response.status == 400)
            #expect(response.string("code") == "unknown_field")
        }
    }

    @Test func aPasswordChangeEndsEveryOtherSession() throws {
        let current = try app.register(email: "ann@example.org").token
        let others = [try app.token("ann@example.org"), try app.token("ann@example.org")]
        let newPassword = "a brand new passphrase"
        let response = try app.send("POST", "/v1/me/password", [
            "currentPassword": TestApp.password, "newPassword": newPassword,
        ], token: current)
        #expect(response.status == 204)
        for token in others {
            #expect(try app.request("GET", "/v1/me", token: token).status == 401)
        }
        #expect(try app.request("GET", "/v1/me", token: current).status == 200)
        #expect(try app.login("ann@example.org").status == 401)
        #expect(try app.login("ann@example.org", newPassword).status == 200)
    }

    @Test func aWrongCurrentPasswordIsForbiddenAndChangesNothing() throws {
        let current = try app.register(email: "ann@example.org").token
        let other = try app.token("ann@example.org")
        let response = try app.send("POST", "/v1/me/password", [
            "currentPassword": "not the right password", "newPassword": "a brand new passphrase",
        ], token: current)
        #expect(response.status == 403)
        #expect(response.string("code") == "invalid_credentials")
        #expect(try app.request("GET", "/v1/me", token: other).status == 200)
        #expect(try app.login("ann@example.org").status == 200)
    }

    @Test func theNewPasswordIsValidated() throws {
        let token = try app.register().token
        let short = try app.send("POST", "/v1/me/password", ["currentPassword": TestApp.password, "newPassword": "short"], token: token)
        #expect(short.status == 422)
        let missing = try app.send("POST", "/v1/me/password", [:], token: token)
        #expect(missing.status == 422)
        let fields = try #require(try missing.json()["errors"] as? [[String: Any]]).compactMap { $0["field"] as? String }
        #expect(Set(fields) == ["currentPassword", "newPassword"])
    }

    @Test func wrongCurrentPasswordsBackOffOnACounterOfTheirOwn() throws {
        let app = try TestApp.start { $0.loginMaxFailuresPerAccount = 2 }
        let token = try app.register(email: "ann@example.org").token
        let change = { (current: String) in
            try app.send("POST", "/v1/me/password", ["currentPassword": current, "newPassword": "a brand new passphrase"], token: token)
        }
        #expect(try change("not the right password").status == 403)
        #expect(try change("still not the right one").status == 403)
        let refused = try change(TestApp.password)
        #expect(refused.status == 429)
        #expect(refused.header("Retry-After") == "1")
        #expect(app.logs.events("password_change").contains { $0.contains("result=throttled") })
        // Logins keep their own budget: a stolen session cannot lock the owner out of logging in.
        #expect(try app.login("ann@example.org").status == 200)
        // Nor do failed logins hold back the owner's password change.
        for _ in 1...3 { _ = try app.login("ann@example.org", "not the right password") }
        try app.pool.execute("UPDATE throttle_events SET occurred_at = occurred_at - interval '1 second' WHERE scope = 'password_change'")
        #expect(try change(TestApp.password).status == 204)
    }
}
