import Foundation
import Testing
import TestSupport

/// A browser's session: an `HttpOnly; SameSite=Strict` cookie, and writes only from the
/// server's own origin (API.md, "The browser").
@Suite struct CookieSessionTests {
    let app: TestApp
    let origin: String

    init() throws {
        app = try TestApp.start()
        origin = "http://127.0.0.1:\(app.port)"
    }

    private func signIn(_ path: String, _ json: String) throws -> (response: TestHTTPResponse, cookie: String) {
        let response = try app.request("POST", path, json: json)
        let setCookie = try #require(response.header("set-cookie"))
        let pair = try #require(setCookie.split(separator: ";").first)
        return (response, String(pair))
    }

    @Test func registrationAndLoginSetTheCookieAndSendNoToken() throws {
        let registered = try signIn("/v1/auth/register", #"""
            {"email":"cookie@example.org","password":"correct horse battery","displayName":"C","session":"cookie"}
            """#)
        #expect(registered.response.status == 201)
        #expect(try registered.response.json()["token"] == nil)
        let attributes = try #require(registered.response.header("set-cookie"))
        #expect(attributes.contains("HttpOnly") && attributes.contains("SameSite=Strict") && attributes.contains("Path=/"))
        #expect(!attributes.contains("Secure"))
        #expect(registered.cookie.hasPrefix("stepwork_session="))

        let login = try signIn("/v1/auth/login", #"{"email":"cookie@example.org","password":"correct horse battery","session":"cookie"}"#)
        #expect(login.response.status == 200)
        #expect(try login.response.json()["token"] == nil)
        let me = try app.request("GET", "/v1/me", headers: [("Cookie", "theme=dark; \(login.cookie)")])
        #expect(me.status == 200)
        #expect(me.string("email") == "cookie@example.org")
    }

    @Test func cookieWritesNeedTheServersOwnOrigin() throws {
        let session = try signIn("/v1/auth/register", #"""
            {"email":"writer@example.org","password":"correct horse battery","displayName":"W","session":"cookie"}
            """#)
        let entry = #"{"kind":"journal","title":"Today","body":""}"#
        let noOrigin = try app.request("POST", "/v1/entries", json: entry, headers: [("Cookie", session.cookie)])
        #expect(noOrigin.status == 403)
        #expect(noOrigin.string("code") == "cross_origin")
        let foreign = try app.request(
            "POST", "/v1/entries", json: entry, headers: [("Cookie", session.cookie), ("Origin", "http://evil.example")])
        #expect(foreign.status == 403)
        #expect(foreign.string("code") == "cross_origin")
        let own = try app.request(
            "POST", "/v1/entries", json: entry, headers: [("Cookie", session.cookie), ("Origin", origin)])
        #expect(own.status == 201)
        // Reads need no Origin.
        #expect(try app.request("GET", "/v1/entries", headers: [("Cookie", session.cookie)]).status == 200)
    }

    @Test func logoutClearsTheCookieAndEndsTheSession() throws {
        let session = try signIn("/v1/auth/register", #"""
            {"email":"leaver@example.org","password":"correct horse battery","displayName":"L","session":"cookie"}
            """#)
        let logout = try app.request("POST", "/v1/auth/logout", headers: [("Cookie", session.cookie), ("Origin", origin)])
        #expect(logout.status == 204)
        #expect(logout.header("set-cookie")?.contains("Max-Age=0") == true)
        #expect(try app.request("GET", "/v1/me", headers: [("Cookie", session.cookie)]).status == 401)
    }

    @Test func bearerClientsAreUnaffected() throws {
        let user = try app.register()
        let created = try app.request(
            "POST", "/v1/entries", json: #"{"kind":"journal","title":"Today","body":""}"#, token: user.token)
        #expect(created.status == 201)
        let login = try app.request("POST", "/v1/auth/login", json: #"{"email":"nobody@example.org","password":"x","session":"jar"}"#)
        #expect(login.status == 422)
    }

    @Test func aSecureOriginMakesTheCookieSecure() throws {
        let app = try TestApp.start { $0.publicOrigin = "https://stepwork.example" }
        let response = try app.request("POST", "/v1/auth/register", json: #"""
            {"email":"secure@example.org","password":"correct horse battery","displayName":"S","session":"cookie"}
            """#)
        #expect(response.header("set-cookie")?.contains("; Secure") == true)
    }
}
