import HTTPServer
import Testing
@testable import Web

private struct Login: Codable, Sendable {
    var email: String
    var password: String
}

@Suite struct RequestDecodingTests {
    @Test(arguments: [
        "application/json", "application/json; charset=utf-8", "Application/JSON;charset=\"UTF-8\"",
        "application/json ; charset=utf-8",
    ])
    func acceptsJSON(contentType: String) throws {
        let response = decodeThroughRouter(Login.self, body: #"{"email":"a@b","password":"p"}"#, contentType: contentType)
        #expect(response.status == .ok)
    }

    @Test(arguments: [
        "text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "application/jsonx",
        "application/merge-patch+json", "", "application/json; garbage",
    ])
    func refusesOtherMediaTypes(contentType: String) throws {
        let response = decodeThroughRouter(Login.self, body: #"{"email":"a@b","password":"p"}"#, contentType: contentType)
        #expect(response.status == .unsupportedMediaType)
        #expect(try problemCode(response) == "unsupported_media_type")
    }

    @Test func refusesMissingOrRepeatedContentTypeAndContentCodings() throws {
        let router = TestRoutes(logger: .silent)
        router.post("/echo") { request in try .json(request.decode(Login.self)) }
        let body = #"{"email":"a@b","password":"p"}"#
        var bare = httpRequest(.post, "/echo", body: body)
        bare.head.headers.remove("Content-Type")
        #expect(router.respond(to: bare).status == .unsupportedMediaType)
        let gzip = httpRequest(.post, "/echo", headers: ["Content-Type": "application/json", "Content-Encoding": "gzip"], body: body)
        #expect(router.respond(to: gzip).status == .unsupportedMediaType)
        let twice = httpRequest(.post, "/echo", headers: HTTPHeaders([("Content-Type", "application/json"), ("Content-Type", "text/plain")]), body: body)
        #expect(router.respond(to: twice).status == .unsupportedMediaType)
    }

    @Test(arguments: ["", "{", "[]", "\"text\"", "null", "{\"email\":\"a\",}", "{\"email\":\"a\",\"email\":\"b\"}"])
    func invalidJSONOrNotAnObjectIsBadRequest(body: String) throws {
        let response = decodeThroughRouter(Login.self, body: body)
        #expect(response.status == .badRequest)
        #expect(try problemCode(response) == "invalid_json")
        #expect(try jsonObject(response)["errors"] == nil)
    }

    @Test func deepNestingIsBadRequest() throws {
        let body = #"{"email":"a","password":"p","x":"# + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}"
        let response = decodeThroughRouter(Login.self, body: body)
        #expect(response.status == .badRequest)
        #expect(try problemCode(response) == "invalid_json")
    }

    @Test func unknownFieldIsBadRequestNamingIt() throws {
        let response = decodeThroughRouter(Login.self, body: #"{"email":"a@b","password":"p","admin":true}"#)
        #expect(response.status == .badRequest)
        #expect(try problemCode(response) == "unknown_field")
        #expect(try fieldErrors(response) == [["admin", "unknown_field"]])
    }

    @Test func wrongTypeAndMissingFieldAreUnprocessable() throws {
        let wrong = decodeThroughRouter(Login.self, body: #"{"email":7,"password":"p"}"#)
        #expect(wrong.status == .unprocessableContent)
        #expect(try problemCode(wrong) == "validation_failed")
        #expect(try fieldErrors(wrong) == [["email", "invalid_type"]])
        let missing = decodeThroughRouter(Login.self, body: #"{"email":"a@b"}"#)
        #expect(try fieldErrors(missing) == [["password", "required"]])
    }

    @Test func nulIsUnprocessable() throws {
        let response = decodeThroughRouter(Login.self, body: #"{"email":"a@b","password":"p\u0000"}"#)
        #expect(response.status == .unprocessableContent)
        #expect(try fieldErrors(response) == [["password", "invalid_characters"]])
    }
}
