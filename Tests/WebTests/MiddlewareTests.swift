import HTTPServer
import Synchronization
import Testing
@testable import Web

/// Records the order in which middleware ran, and can refuse a request.
private struct Tag: Middleware {
    let name: String
    let trail: Trail
    var refuse = false

    func handle(
        _ request: Request, context: RequestContext, next: (Request, RequestContext) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        trail.append("\(name)>")
        if refuse { throw HTTPError.unauthenticated() }
        var response = try next(request, context)
        trail.append("<\(name):\(response.status.code)")
        response.headers.add("X-Tag", name)
        return response
    }
}

private final class Trail: Sendable {
    private let steps = Mutex<[String]>([])
    func append(_ step: String) { steps.withLock { $0.append(step) } }
    var all: [String] { steps.withLock { $0 } }
}

@Suite struct MiddlewareTests {
    @Test(arguments: ["/ok", "/fails", "/missing"])
    func everyAnswerCarriesTheCommonHeaders(target: String) {
        let router = TestRoutes(logger: .silent)
        router.get("/ok") { _ in try .json(["a": 1]) }
        router.get("/fails") { _ in throw HTTPError.forbidden() }
        let response = router.respond(to: httpRequest(.get, target))
        #expect(response.headers["Cache-Control"] == "no-store")
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        #expect(response.headers["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'none'")
        #expect(response.headers["Referrer-Policy"] == "no-referrer")
        #expect(response.headers["Content-Type"]?.hasSuffix("; charset=utf-8") == true)
        #expect(response.headers.values(for: "X-Request-Id").count == 1)
    }

    @Test func handlerChosenCacheControlIsKept() {
        let router = TestRoutes(logger: .silent)
        router.get("/cached") { _ in HTTPResponse(status: .ok, headers: ["Cache-Control": "max-age=60"]) }
        #expect(router.respond(to: httpRequest(.get, "/cached")).headers.values(for: "Cache-Control") == ["max-age=60"])
    }

    @Test(arguments: ["abc", "A-b_c.9", String(repeating: "x", count: 128)])
    func saneRequestIdIsEchoed(id: String) {
        let router = TestRoutes(logger: .silent)
        router.get("/id") { request in try .json(["id": request.requestId]) }
        let response = router.respond(to: httpRequest(.get, "/id", headers: ["X-Request-Id": id]))
        #expect(response.headers["X-Request-Id"] == id)
        #expect(router.respond(to: httpRequest(.get, "/missing", headers: ["X-Request-Id": id])).headers["X-Request-Id"] == id)
    }

    @Test(arguments: ["", "has space", "new\nline", "semi;colon", "é", String(repeating: "x", count: 129)])
    func otherRequestIdsAreReplaced(id: String) throws {
        let router = TestRoutes(logger: .silent)
        router.get("/id") { request in try .json(["id": request.requestId]) }
        let response = router.respond(to: httpRequest(.get, "/id", headers: ["X-Request-Id": id]))
        let generated = try #require(response.headers["X-Request-Id"])
        #expect(generated != id)
        #expect(generated.count == 32 && generated.allSatisfy(\.isHexDigit))
        #expect(try jsonObject(response)["id"] as? String == generated)
    }

    @Test func generatedIdsDiffer() {
        let router = TestRoutes(logger: .silent)
        let ids = (0..<50).compactMap { _ in router.respond(to: httpRequest(.get, "/")).headers["X-Request-Id"] }
        #expect(Set(ids).count == 50)
    }

    @Test func accessLogWritesOneLinePerRequestWithTheTemplate() throws {
        let logs = LogCapture()
        let router = TestRoutes(logger: logs.logger, clientAddress: ClientAddress(trustedProxies: [IPNetwork("10.0.0.1")!]))
        router.get("/v1/entries/{id}") { _ in .noContent }
        _ = router.respond(to: httpRequest(
            .get, "/v1/entries/secret-id?kind=amend", headers: ["X-Request-Id": "r1", "X-Forwarded-For": "203.0.113.9"],
            remoteAddress: "10.0.0.1"))
        _ = router.respond(to: httpRequest(.delete, "/v1/entries/x"))
        _ = router.respond(to: httpRequest(.get, "/nowhere/secret"))
        let lines = logs.lines.filter { $0.contains("event=request ") }
        #expect(lines.count == 3)
        let first = lines[0]
        #expect(first.contains("level=info"))
        #expect(first.contains("method=GET route=/v1/entries/{id} status=204 duration_ms="))
        #expect(first.contains("request_id=r1 client=203.0.113.9"))
        #expect(!first.contains("secret-id") && !first.contains("kind=amend"))
        #expect(lines[1].contains("method=DELETE route=- status=405"))
        #expect(lines[2].contains("route=- status=404"))
        #expect(!lines[2].contains("secret"))
    }

    @Test func customMiddlewareRunsInOrderAndSeesErrorAnswers() {
        let trail = Trail()
        let router = TestRoutes(logger: .silent)
        router.use(Tag(name: "a", trail: trail))
        router.use(Tag(name: "b", trail: trail))
        router.get("/fails") { _ in throw HTTPError.notFound() }
        let response = router.respond(to: httpRequest(.get, "/fails"))
        #expect(trail.all == ["a>", "b>", "<b:404", "<a:404"])
        #expect(response.headers.values(for: "X-Tag") == ["b", "a"])
        #expect(response.headers["X-Request-Id"] != nil)
    }

    @Test func middlewareMayRefuseARequest() throws {
        let trail = Trail()
        let router = TestRoutes(logger: .silent)
        router.use(Tag(name: "auth", trail: trail, refuse: true))
        router.get("/private") { _ in Issue.record("handler ran"); return .noContent }
        let response = router.respond(to: httpRequest(.get, "/private"))
        #expect(response.status == .unauthorized)
        #expect(response.headers["WWW-Authenticate"] == "Bearer")
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
    }

    @Test(arguments: [(0, "0.000"), (7, "0.007"), (12_345, "12.345"), (1_000_000, "1000.000")])
    func requestDurationsHaveThreeDecimals(micros: Int, text: String) {
        #expect(AccessLogMiddleware.milliseconds(micros) == text)
    }
}
