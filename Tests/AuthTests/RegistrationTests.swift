import Foundation
import Testing
import TestSupport

/// `POST /v1/auth/register` over HTTP.
@Suite struct RegistrationTests {
    let app: TestApp

    init() throws {
        app = try TestApp.start()
    }

    @Test func createsTheAccountAndSignsIn() throws {
        let response = try app.send("POST", "/v1/auth/register", [
            "email": "  Ann.Smith@Example.ORG ", "password": TestApp.password, "displayName": "  Ann S. ",
        ])
        #expect(response.status == 201)
        #expect(response.header("Location") == "/v1/me")
        let body = try response.json()
        #expect(Set(body.keys) == ["user", "token", "expiresAt"])
        let user = try #require(body["user"] as? [String: Any])
        #expect(Set(user.keys) == ["id", "email", "displayName", "sobrietyDate", "createdAt"])
        #expect(user["email"] as? String == "ann.smith@example.org")
        #expect(user["displayName"] as? String == "Ann S.")
        #expect(user["sobrietyDate"] is NSNull)
        let timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
        #expect(try timestamp.wholeMatch(in: #require(user["createdAt"] as? String)) != nil)
        #expect(try timestamp.wholeMatch(in: #require(body["expiresAt"] as? String)) != nil)
        let token = try #require(body["token"] as? String)
        #expect(token.count == 43)  // 32 bytes, unpadded base64url

        let me = try app.request("GET", "/v1/me", token: token)
        #expect(me.status == 200)
        #expect(try me.json()["id"] as? String == user["id"] as? String)
    }

    @Test func anEmailHasOneAccount() throws {
        try app.register(email: "ann@example.org")
        let again = try app.send("POST", "/v1/auth/register", [
            "email": " ANN@example.org", "password": "another long password", "displayName": "Other",
        ])
        #expect(again.status == 409)
        #expect(again.string("code") == "email_taken")
    }

    @Test func racingRegistrationsCreateOneAccount() throws {
        // Room for every racer at the hashing executor: on a loaded machine the hashes overlap,
        // and this test is about the accounts, not about shedding load (503).
        let app = try TestApp.start { $0.hashingQueueLimit = 16 }
        let statuses = concurrently(8) { index in
            (try? app.send("POST", "/v1/auth/register", [
                "email": "race@example.org", "password": TestApp.password, "displayName": "Racer \(index)",
            ]))?.status ?? 0
        }
        #expect(statuses.filter { $0 == 201 }.count == 1)
        #expect(statuses.filter { $0 == 409 }.count == 7)
    }

    @Test func everyBadFieldIsListed() throws {
        let response = try app.send("POST", "/v1/auth/register", [
            "email": "not-an-email", "password": "too short", "displayName": "Ann\u{7}",
        ])
        #expect(response.status == 422)
        #expect(response.string("code") == "validation_failed")
        #expect(try fieldCodes(response) == ["email": "invalid", "password": "too_short", "displayName": "invalid_characters"])

        let empty = try app.send("POST", "/v1/auth/register", [:])
        #expect(empty.status == 422)
        #expect(try fieldCodes(empty) == ["email": "required", "password": "required", "displayName": "required"])
    }

    @Test func unknownFieldsAreRejected() throws {
        let response = try app.send("POST", "/v1/auth/register", [
            "email": "ann@example.org", "password": TestApp.password, "displayName": "Ann", "id": UUID().uuidString,
        ])
        #expect(response.status == 400)
        #expect(response.string("code") == "unknown_field")
    }

    @Test func passwordsOf12To1024UnicodeCharactersAreTakenAsSent() throws {
        let emoji = "\u{1F510}"  // beyond the BMP: one character, two UTF-16 units, four UTF-8 bytes
        let longest = String(repeating: emoji, count: 1024)
        try app.register(email: "long@example.org", password: longest)
        #expect(try app.login("long@example.org", longest).status == 200)
        #expect(try app.login("long@example.org", String(repeating: emoji, count: 1023)).status == 401)

        let tooLong = try app.send("POST", "/v1/auth/register", [
            "email": "longer@example.org", "password": longest + emoji, "displayName": "Ann",
        ])
        #expect(tooLong.status == 422)
        #expect(try fieldCodes(tooLong) == ["password": "too_long"])

        let spaced = "  twelve chars  "
        try app.register(email: "spaces@example.org", password: spaced)
        #expect(try app.login("spaces@example.org", spaced).status == 200)
        #expect(try app.login("spaces@example.org", "twelve chars").status == 401)  // never trimmed
    }

    @Test func registrationsAreThrottledPerAddress() throws {
        let app = try TestApp.start { $0.registerMaxPerAddress = 2 }
        try app.register()
        try app.register()
        let refused = try app.send("POST", "/v1/auth/register", [
            "email": "third@example.org", "password": TestApp.password, "displayName": "Third",
        ])
        #expect(refused.status == 429)
        #expect(refused.string("code") == "too_many_requests")
        let retryAfter = try #require(refused.header("Retry-After").flatMap { Int($0) })
        #expect((1...3600).contains(retryAfter))
    }

    private func fieldCodes(_ response: TestHTTPResponse) throws -> [String: String] {
        let errors = try #require(try response.json()["errors"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: errors.map { ($0["field"] as! String, $0["code"] as! String) })
    }
}
