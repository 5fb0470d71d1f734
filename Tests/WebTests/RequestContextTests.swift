import Foundation
import HTTPServer
import Postgres
import Synchronization
import Testing
@testable import Web

/// Refuses every request, counting how often it was asked.
private final class RefusingAuthenticator: RequestAuthenticator {
    let calls = Atomic<Int>(0)
    func authenticate(_ request: Request, context: RequestContext) throws -> Caller {
        calls.add(1, ordering: .relaxed)
        throw HTTPError.unauthenticated()
    }
}

/// Routes are authenticated unless declared public; handlers find the caller in the context.
@Suite struct RequestContextTests {
    @Test func aRouteIsAuthenticatedUnlessDeclaredPublic() throws {
        let authenticator = RefusingAuthenticator()
        let builder = RouterBuilder(logger: .silent, pool: unusedPool, authenticator: authenticator)
        let ran = Atomic<Int>(0)
        builder.group("/v1").get("/private") { _, _ in ran.add(1, ordering: .relaxed); return .noContent }
        builder.group("/v1").post("/open", access: .public) { _, _ in ran.add(1, ordering: .relaxed); return .noContent }
        let router = builder.build()

        let refused = router.respond(to: httpRequest(.get, "/v1/private"))
        #expect(refused.status == .unauthorized)
        #expect(try problemCode(refused) == "unauthenticated")
        #expect(authenticator.calls.load(ordering: .relaxed) == 1)
        #expect(router.respond(to: httpRequest(.post, "/v1/open")).status == .noContent)
        #expect(authenticator.calls.load(ordering: .relaxed) == 1)
        #expect(ran.load(ordering: .relaxed) == 1)
        #expect(router.routes.map(\.access) == [.authenticated, .public])
        #expect(router.routes.map(\.template) == ["/v1/private", "/v1/open"])
    }

    @Test func theHandlerFindsTheAuthenticatedCaller() throws {
        let builder = RouterBuilder(logger: .silent, pool: unusedPool, authenticator: AcceptingAuthenticator())
        builder.group("/v1").get("/me") { _, context in try .json(["user": try context.caller.userId.uuidString]) }
        let response = builder.build().respond(to: httpRequest(.get, "/v1/me"))
        #expect(try jsonObject(response)["user"] as? String == AcceptingAuthenticator.caller.userId.uuidString)
    }

    @Test func aPublicHandlerHasNoCaller() throws {
        let builder = RouterBuilder(logger: .silent, pool: unusedPool, authenticator: AcceptingAuthenticator())
        builder.group().get("/open", access: .public) { _, context in try .json(["user": try context.caller.userId.uuidString]) }
        #expect(builder.build().respond(to: httpRequest(.get, "/open")).status == .unauthorized)
    }

    @Test func groupMiddlewareWrapsOnlyItsGroup() throws {
        struct Stamp: Middleware {
            func handle(
                _ request: Request, context: RequestContext, next: (Request, RequestContext) throws -> HTTPResponse
            ) throws -> HTTPResponse {
                var response = try next(request, context)
                response.headers.set("X-Stamp", "yes")
                return response
            }
        }
        let builder = RouterBuilder(logger: .silent, pool: unusedPool, authenticator: AcceptingAuthenticator())
        builder.group("/a", middleware: [Stamp()]).get("/x", access: .public) { _, _ in .noContent }
        builder.group("/b").get("/x", access: .public) { _, _ in .noContent }
        let router = builder.build()
        #expect(router.respond(to: httpRequest(.get, "/a/x")).headers["X-Stamp"] == "yes")
        #expect(router.respond(to: httpRequest(.get, "/b/x")).headers["X-Stamp"] == nil)
    }

    @Test func onlyLiteralInlineRoutesAreAnsweredOnTheLoop() {
        let router = TestRoutes()
        router.get("/healthz", inline: true) { _ in .noContent }
        router.get("/slow") { _ in .noContent }
        #expect(router.canRespondInline(to: HTTPRequestHead(method: .get, target: "/healthz", version: .http1_1, headers: [:])))
        #expect(router.canRespondInline(to: HTTPRequestHead(method: .head, target: "/healthz", version: .http1_1, headers: [:])))
        #expect(!router.canRespondInline(to: HTTPRequestHead(method: .post, target: "/healthz", version: .http1_1, headers: [:])))
        #expect(!router.canRespondInline(to: HTTPRequestHead(method: .get, target: "/slow", version: .http1_1, headers: [:])))
    }

    /// A database error's log line has its code, constraint and table, never PostgreSQL's
    /// message or `DETAIL`, which quote the row ("Failing row contains …").
    @Test func databaseErrorsAreLoggedWithoutRowData() throws {
        let logs = LogCapture()
        let router = TestRoutes(logger: logs.logger)
        router.get("/fails") { _ in
            throw PostgresError.server(
                sqlState: "23514", message: "new row for relation \"entries\" violates check constraint",
                detail: "Failing row contains (my fourth step inventory).", constraint: "entries_title_check",
                table: "entries")
        }
        #expect(router.respond(to: httpRequest(.get, "/fails")).status == .internalServerError)
        let line = try #require(logs.lines.first { $0.contains("level=error") })
        #expect(line.contains("sqlstate=23514") && line.contains("constraint=entries_title_check") && line.contains("table=entries"))
        #expect(!logs.lines.contains { $0.contains("fourth step") || $0.contains("Failing row") })
    }
}
