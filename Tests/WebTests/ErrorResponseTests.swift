import HTTPServer
import Testing
@testable import Web

/// A domain error that maps itself.
private enum ShelfError: Error, HTTPErrorConvertible {
    case taken
    case poolExhausted
    var httpError: HTTPError {
        switch self {
        case .taken: .conflict(code: "email_taken", detail: "That email is registered.")
        case .poolExhausted: .serviceUnavailable(retryAfter: 1)
        }
    }
}

/// An error with internals that must never reach a client.
private struct SecretFailure: Error, CustomDebugStringConvertible {
    var debugDescription: String { "SecretFailure(connection=postgres://stepwork:hunter2@db)" }
}

@Suite struct ErrorResponseTests {
    @Test func problemDocumentShape() throws {
        let response = HTTPError.validationFailed([FieldError(field: "password", code: "too_short", message: "is too short")]).response
        #expect(response.status == .unprocessableContent)
        #expect(response.headers["Content-Type"] == "application/problem+json; charset=utf-8")
        let body = try jsonObject(response)
        #expect(Set(body.keys) == ["status", "code", "title", "errors"])
        #expect(body["status"] as? Int == 422)
        #expect(body["code"] as? String == "validation_failed")
        #expect(body["title"] as? String == "Validation failed")
        let errors = try #require(body["errors"] as? [[String: String]])
        #expect(errors == [["field": "password", "code": "too_short", "message": "is too short"]])

        let conflict = try jsonObject(HTTPError.conflict(code: "email_taken", detail: "Taken.").response)
        #expect(Set(conflict.keys) == ["status", "code", "title", "detail"])
        #expect(conflict["detail"] as? String == "Taken.")
    }

    @Test func constructorsCarryStatusCodeAndHeaders() {
        let cases: [(HTTPError, Int, String)] = [
            (.badRequest(code: "invalid_cursor"), 400, "invalid_cursor"), (.unauthenticated(), 401, "unauthenticated"),
            (.invalidCredentials(), 401, "invalid_credentials"), (.forbidden(), 403, "forbidden"),
            (.forbidden(code: "invalid_credentials"), 403, "invalid_credentials"), (.notFound(), 404, "not_found"),
            (.notFound(code: "invite_not_found"), 404, "invite_not_found"),
            (.conflict(code: "already_sponsoring"), 409, "already_sponsoring"), (.versionConflict(), 412, "version_conflict"),
            (.unprocessable(code: "self_invite"), 422, "self_invite"), (.preconditionRequired(), 428, "precondition_required"),
            (.tooManyRequests(retryAfter: 30), 429, "too_many_requests"), (.internalError(), 500, "internal_error"),
            (.serviceUnavailable(), 503, "service_unavailable"), (HTTPError(status: .contentTooLarge), 413, "content_too_large"),
            (HTTPError(status: .requestHeaderFieldsTooLarge), 431, "request_header_fields_too_large"),
        ]
        for (error, status, code) in cases {
            #expect(error.status.code == status)
            #expect(error.code == code)
        }
        #expect(HTTPError.unauthenticated().response.headers["WWW-Authenticate"] == "Bearer")
        #expect(HTTPError.invalidCredentials().response.headers["WWW-Authenticate"] == "Bearer")
        #expect(HTTPError.tooManyRequests(retryAfter: 30).response.headers["Retry-After"] == "30")
        #expect(HTTPError.serviceUnavailable(retryAfter: 5).response.headers["Retry-After"] == "5")
        #expect(HTTPError.serviceUnavailable().response.headers["Retry-After"] == nil)
    }

    @Test func notFoundIsTheSameWhateverTheCause() {
        #expect(HTTPError.notFound().response.body == HTTPError.notFound().response.body)
        let router = TestRoutes(logger: .silent)
        router.get("/v1/entries/{id}") { _ in throw HTTPError.notFound() }
        let hidden = router.respond(to: httpRequest(.get, "/v1/entries/1"))
        let missing = router.respond(to: httpRequest(.get, "/v1/nothing"))
        #expect(hidden.body == missing.body)
    }

    @Test func domainErrorsMapThemselves() throws {
        let logs = LogCapture()
        let router = TestRoutes(logger: logs.logger)
        router.post("/taken") { _ in throw ShelfError.taken }
        router.get("/busy") { _ in throw ShelfError.poolExhausted }
        let taken = router.respond(to: httpRequest(.post, "/taken"))
        #expect(taken.status == .conflict)
        #expect(try problemCode(taken) == "email_taken")
        let busy = router.respond(to: httpRequest(.get, "/busy"))
        #expect(busy.status == .serviceUnavailable)
        #expect(busy.headers["Retry-After"] == "1")
        #expect(logs.lines.contains { $0.contains("event=request_failed") && $0.contains("error=ShelfError") })
        #expect(!logs.lines.contains { $0.contains("event=request_failed") && $0.contains("taken") })
    }

    /// The log names the error's type, never its contents: an error can quote a row or a secret.
    @Test func unknownErrorIsAGeneric500AndLoggedWithoutItsContents() throws {
        let logs = LogCapture()
        let router = TestRoutes(logger: logs.logger)
        router.get("/boom") { _ in throw SecretFailure() }
        let response = router.respond(to: httpRequest(.get, "/boom", headers: ["X-Request-Id": "req-42"]))
        #expect(response.status == .internalServerError)
        let body = try jsonObject(response)
        #expect(Set(body.keys) == ["status", "code", "title"])
        #expect(body["code"] as? String == "internal_error")
        #expect(!String(decoding: response.body, as: UTF8.self).contains("hunter2"))
        #expect(!String(decoding: response.body, as: UTF8.self).contains("Secret"))
        let logged = try #require(logs.lines.first { $0.contains("event=unhandled_error") })
        #expect(logged.contains("request_id=req-42"))
        #expect(logged.contains("route=/boom"))
        #expect(logged.contains("error=SecretFailure"))
        #expect(!logs.lines.contains { $0.contains("hunter2") })
    }

    @Test func transportErrorsAreProblemsWithTheCommonHeaders() throws {
        let head = HTTPRequestHead(method: .post, target: "/x", version: .http1_1, headers: ["X-Request-Id": "abc.1"])
        let response = HTTPError.transportResponse(status: .contentTooLarge, head: head)
        #expect(response.status == .contentTooLarge)
        #expect(try problemCode(response) == "content_too_large")
        #expect(response.headers["X-Request-Id"] == "abc.1")
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        #expect(response.headers["Cache-Control"] == "no-store")
        let early = HTTPError.transportResponse(status: .badRequest, head: nil)
        #expect(early.headers["X-Request-Id"]?.count == 32)
        #expect(try problemCode(early) == "bad_request")
    }
}
