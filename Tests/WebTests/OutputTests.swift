import Foundation
import HTTPServer
import Testing
@testable import Web

private struct Session: Encodable, Sendable {
    var createdAt: Date
    @Nullable var endedAt: Date?
    var note: String?
}

@Suite struct OutputTests {
    @Test(arguments: [
        (1_795_608_000.123, "2026-11-25T12:00:00.123Z"), (1_795_608_000.999_9, "2026-11-25T12:00:00.999Z"),
        (0, "1970-01-01T00:00:00.000Z"), (-0.001, "1969-12-31T23:59:59.999Z"), (1_795_000_000.123, "2026-11-18T11:06:40.123Z"),
    ])
    func timesHaveMilliseconds(seconds: Double, text: String) {
        #expect(RFC3339Timestamp.string(from: Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test func storedMicrosecondsTruncateToMilliseconds() throws {
        let parsed = try #require(RFC3339Timestamp.date(from: "2026-11-25T12:00:00.123456Z"))
        #expect(RFC3339Timestamp.string(from: parsed) == "2026-11-25T12:00:00.123Z")
        #expect(RFC3339Timestamp.date(from: "2026-11-25T12:00:00Z") != nil)
        #expect(RFC3339Timestamp.date(from: "2026-11-25") == nil)
    }

    @Test func jsonAnswerUsesTheSharedEncoding() throws {
        let session = Session(createdAt: Date(timeIntervalSince1970: 1_795_608_000.5), endedAt: nil, note: nil)
        let response = try HTTPResponse.json(session, status: .created, headers: ["Location": "/v1/x"])
        #expect(response.status == .created)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(response.headers["Location"] == "/v1/x")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"createdAt":"2026-11-25T12:00:00.500Z","endedAt":null}"#)
    }

    @Test func pagesAlwaysCarryNextCursor() throws {
        let last = try HTTPResponse.json(Page(items: [1, 2], nextCursor: nil))
        #expect(String(decoding: last.body, as: UTF8.self) == #"{"items":[1,2],"nextCursor":null}"#)
        let more = try HTTPResponse.json(Page(items: ["a"], nextCursor: "c/1"))
        #expect(String(decoding: more.body, as: UTF8.self) == #"{"items":["a"],"nextCursor":"c/1"}"#)
    }

    @Test func noContentHasNoBody() {
        #expect(HTTPResponse.noContent.status == .noContent)
        #expect(HTTPResponse.noContent.body.isEmpty)
    }

    @Test func unencodableValueIsAServerError() {
        let router = TestRoutes(logger: .silent)
        router.get("/nan") { _ in try .json(["x": Double.nan]) }
        #expect(router.respond(to: httpRequest(.get, "/nan")).status == .internalServerError)
    }
}
