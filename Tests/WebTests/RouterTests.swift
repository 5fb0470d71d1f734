import HTTPServer
import Testing
@testable import Web

@Suite struct RouterTests {
    let router: TestRoutes

    init() {
        router = TestRoutes(logger: .silent)
        router.get("/healthz", inline: true) { _ in try .json(["status": "ok"]) }
        router.get("/v1/entries/{id}") { request in try .json(["id": request.parameters.require("id")]) }
        router.patch("/v1/entries/{entryId}") { request in try .json(["patched": request.parameters.require("entryId")]) }
        router.delete("/v1/entries/{id}") { _ in .noContent }
        router.put("/v1/entries/{id}/shares/{sponsorshipId}") { request in
            try .json(["entry": request.parameters.require("id"), "sponsorship": request.parameters.require("sponsorshipId")])
        }
        router.get("/v1/entries/shared") { _ in try .json(["literal": "yes"]) }
        router.post("/v1/invites") { _ in try .json(["invite": "made"], status: .created) }
    }

    @Test func matchesPathParameters() throws {
        let response = router.respond(to: httpRequest(.put, "/v1/entries/e1/shares/s%2F2", body: "{}"))
        #expect(response.status == .ok)
        #expect(try jsonObject(response) as? [String: String] == ["entry": "e1", "sponsorship": "s/2"])
    }

    @Test func eachRouteNamesItsOwnParameters() throws {
        let response = router.respond(to: httpRequest(.patch, "/v1/entries/abc"))
        #expect(try jsonObject(response) as? [String: String] == ["patched": "abc"])
    }

    @Test func literalSegmentBeatsParameter() throws {
        #expect(try jsonObject(router.respond(to: httpRequest(.get, "/v1/entries/shared"))) as? [String: String] == ["literal": "yes"])
        #expect(try jsonObject(router.respond(to: httpRequest(.get, "/v1/entries/other"))) as? [String: String] == ["id": "other"])
    }

    @Test(arguments: [
        "/v1/nothing", "/v1/entries/", "/v1/entries//shares/x", "/v1//entries/1", "/v1/entries/1/", "v1/entries/1",
        "/v1/entries/%zz", "/v1/entries/%00", "/v1/entries/%C3%28", "", "*",
    ])
    func unknownPathsAreNotFound(target: String) throws {
        let response = router.respond(to: httpRequest(.get, target))
        #expect(response.status == .notFound)
        #expect(try problemCode(response) == "not_found")
        #expect(response.headers["Content-Type"] == "application/problem+json; charset=utf-8")
    }

    @Test func otherMethodOnKnownPathIsNotAllowedWithAllow() throws {
        let response = router.respond(to: httpRequest(.post, "/v1/entries/1"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, HEAD, PATCH, DELETE")
        #expect(try problemCode(response) == "method_not_allowed")
        #expect(router.respond(to: httpRequest(.options, "/v1/invites")).headers["Allow"] == "POST")
    }

    @Test func queryIsAKnownMethodThatNoRouteHas() throws {
        let response = router.respond(to: httpRequest(.query, "/v1/entries/1"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, HEAD, PATCH, DELETE")
        #expect(try problemCode(response) == "method_not_allowed")
    }

    @Test func headIsAnsweredByGet() throws {
        let response = router.respond(to: httpRequest(.head, "/v1/entries/7"))
        #expect(response.status == .ok)
        #expect(try jsonObject(response) as? [String: String] == ["id": "7"])
        #expect(router.respond(to: httpRequest(.head, "/v1/invites")).status == .methodNotAllowed)
    }

    @Test func unknownMethodIsNotImplemented() throws {
        let response = router.respond(to: httpRequest(HTTPMethod(rawValue: "BREW"), "/v1/entries/1"))
        #expect(response.status == .notImplemented)
        #expect(try problemCode(response) == "not_implemented")
    }

    @Test func inlineOnlyForInlineRoutes() {
        func head(_ method: HTTPMethod, _ target: String) -> HTTPRequestHead {
            HTTPRequestHead(method: method, target: target, version: .http1_1, headers: [:])
        }
        #expect(router.canRespondInline(to: head(.get, "/healthz")))
        #expect(router.canRespondInline(to: head(.head, "/healthz")))
        #expect(!router.canRespondInline(to: head(.get, "/v1/entries/1")))
        #expect(!router.canRespondInline(to: head(.get, "/missing")))
        #expect(!router.canRespondInline(to: head(.post, "/healthz")))
    }

    @Test func listsRoutes() {
        let routes = router.routes.map { "\($0.method) \($0.template)" }
        #expect(routes.contains("PUT /v1/entries/{id}/shares/{sponsorshipId}"))
        #expect(routes.contains("PATCH /v1/entries/{entryId}"))
        #expect(routes.count == 7)
    }

    @Test func uuidParameterThatDoesNotParseIsNotFound() throws {
        let router = TestRoutes(logger: .silent)
        router.get("/v1/things/{id}") { request in try .json(["id": request.parameters.uuid("id").uuidString]) }
        let missing = router.respond(to: httpRequest(.get, "/v1/things/not-a-uuid"))
        #expect(missing.status == .notFound)
        let found = router.respond(to: httpRequest(.get, "/v1/things/6f1c1a0e-3c1b-4b5e-9a51-2a9a3f0b8c11"))
        #expect(try jsonObject(found) as? [String: String] == ["id": "6F1C1A0E-3C1B-4B5E-9A51-2A9A3F0B8C11"])
    }

    @Test func undeclaredParameterIsAServerError() {
        let router = TestRoutes(logger: .silent)
        router.get("/v1/things/{id}") { request in try .json(["x": request.parameters.require("thingId")]) }
        #expect(router.respond(to: httpRequest(.get, "/v1/things/1")).status == .internalServerError)
    }

    @Test func queryIsDecoded() throws {
        let router = TestRoutes(logger: .silent)
        router.get("/q") { request in
            try .json([
                "kind": request.query["kind"] ?? "-", "text": request.query["text"] ?? "-",
                "all": request.query.values(for: "kind").joined(separator: ","),
                "flag": request.query["flag"] ?? "-",
            ])
        }
        let response = router.respond(to: httpRequest(.get, "/q?kind=amend&text=a+b%2Bc%C3%A9&kind=journal&flag"))
        #expect(try jsonObject(response) as? [String: String] == ["kind": "amend", "text": "a b+cé", "all": "amend,journal", "flag": ""])
        let bad = router.respond(to: httpRequest(.get, "/q?kind=%0A"))
        #expect(bad.status == .badRequest)
        #expect(try problemCode(bad) == "invalid_query")
    }

    @Test(arguments: [("", 50), ("?limit=1", 1), ("?limit=100", 100)])
    func limitInRange(query: String, expected: Int) throws {
        let router = TestRoutes(logger: .silent)
        router.get("/list") { request in try .json(["limit": request.query.integer("limit", in: 1...100, default: 50)]) }
        #expect(try jsonObject(router.respond(to: httpRequest(.get, "/list" + query))) as? [String: Int] == ["limit": expected])
    }

    @Test(arguments: ["0", "101", "-1", "+5", "5.0", "", "x", "99999999999999999999"])
    func limitOutOfRangeIsBadRequest(value: String) throws {
        let router = TestRoutes(logger: .silent)
        router.get("/list") { request in try .json(["limit": request.query.integer("limit", in: 1...100, default: 50)]) }
        let response = router.respond(to: httpRequest(.get, "/list?limit=" + value))
        #expect(response.status == .badRequest)
        #expect(try problemCode(response) == "invalid_query")
    }
}
