import App
import Foundation
import Testing
import TestSupport
import Web

/// Deny by default: every route is authenticated unless it is on this short list.
@Suite struct RouteAccessTests {
    /// The only routes anyone may call without a session.
    static let publicRoutes: Set<String> = [
        "GET /healthz", "GET /readyz", "POST /v1/auth/register", "POST /v1/auth/login", "GET /",
    ]

    @Test func onlyTheListedRoutesArePublic() throws {
        let app = try TestApp.start()
        let routes = app.application.router.routes
        // The browser app's files, one route each under a fingerprint, are public and GET only.
        let assets = routes.filter { $0.template.hasPrefix("/assets/") }
        #expect(!assets.isEmpty)
        #expect(assets.allSatisfy { $0.access == .public && $0.method == .get })
        let open = Set(routes.filter { $0.access == .public && !$0.template.hasPrefix("/assets/") }
            .map { "\($0.method.rawValue) \($0.template)" })
        #expect(open == Self.publicRoutes)
    }

    /// Every authenticated route answers `401` without a session, before it looks at anything.
    @Test func everyOtherRouteRefusesAnonymousCallers() throws {
        let app = try TestApp.start()
        for route in app.application.router.routes where route.access == .authenticated {
            let path = route.template.replacingOccurrences(
                of: #"\{[^}]+\}"#, with: UUID().uuidString, options: .regularExpression)
            let response = try app.request(route.method.rawValue, path, json: route.method.rawValue == "GET" ? nil : "{}")
            #expect(response.status == 401, "\(route.method.rawValue) \(route.template)")
            #expect(response.header("www-authenticate") == "Bearer")
        }
    }

    /// The session lookup and the handler share one borrowed connection, and it goes back:
    /// a pool of one serves many authenticated requests in a row.
    @Test func aRequestBorrowsOneConnectionAndGivesItBack() throws {
        let app = try TestApp.start { $0.databasePoolSize = 1 }
        let user = try app.register()
        for _ in 0..<20 {
            #expect(try app.request("GET", "/v1/entries", token: user.token).status == 200)
            let created = try app.request(
                "POST", "/v1/entries", json: #"{"kind":"journal","title":"Day","body":""}"#, token: user.token)
            #expect(created.status == 201)
        }
        #expect(try app.request("GET", "/v1/me", token: user.token).status == 200)
    }
}
