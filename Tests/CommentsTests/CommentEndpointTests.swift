import Foundation
import Testing
import TestSupport

/// Every status and error code of the comment endpoints (API.md, "Comments").
@Suite struct CommentEndpointTests {
    // MARK: POST /v1/entries/{id}/comments

    @Test func postingAnswers201WithTheCommentAndItsLocation() throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        let reply = try pair.api.post("  Have you talked it over?\n", on: pair.entryId, as: pair.sponsor).expect(201)
        let comment = try reply.decode(CommentJSON.self)
        #expect(reply.keys == [
            "id", "entryId", "entryVersion", "parentId", "author", "body", "createdAt", "editedAt", "deleted",
        ])
        #expect(reply.header("Location") == "/v1/comments/\(comment.id)")
        #expect(comment.entryId == pair.entryId)
        #expect(comment.entryVersion == 1)
        #expect(comment.parentId == nil)
        #expect(comment.author == .init(id: pair.sponsor.id, displayName: "Robin"))
        #expect(comment.body == "Have you talked it over?")
        #expect(comment.editedAt == nil)
        #expect(!comment.deleted)
        #expect(comment.createdAt.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
        #expect(try pair.api.show(comment.id, as: pair.owner).expect(200).decode(CommentJSON.self) == comment)
    }

    @Test func entryVersionIsTheEntrysVersionWhenTheCommentWasWritten() throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        let early = try pair.api.comment("On the first draft", on: pair.entryId, as: pair.sponsor)
        try pair.api.touch(pair.entryId, at: 1, by: pair.owner)
        let late = try pair.api.comment("On the second draft", on: pair.entryId, as: pair.owner)
        #expect(early.entryVersion == 1)
        #expect(late.entryVersion == 2)
        #expect(try pair.api.show(early.id, as: pair.owner).decode(CommentJSON.self).entryVersion == 1)
    }

    @Test func postingNeedsAValidSession() throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        let anonymous = try pair.api.post("Hi", on: pair.entryId, as: nil)
        #expect(anonymous.status == 401 && anonymous.code == "unauthenticated")
        #expect(anonymous.header("WWW-Authenticate") == "Bearer")
        let forged = User(token: "not-a-token", id: UUID().uuidString)
        #expect(try pair.api.post("Hi", on: pair.entryId, as: forged).status == 401)
    }

    @Test(arguments: ["not-a-uuid", UUID().uuidString])
    func postingOnAMissingEntryIs404(_ entryId: String) throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        let reply = try pair.api.post("Hi", on: entryId, as: pair.owner)
        #expect(reply.status == 404 && reply.code == "not_found")
    }

    @Test func postingARequestThatIsNotAJSONObjectIs400Or415() throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        let path = "/v1/entries/\(pair.entryId)/comments"
        let untyped = try pair.api.send(
            "POST", path, as: pair.owner, json: #"{"body":"Hi"}"#, headers: [("Content-Type", "text/plain")])
        #expect(untyped.status == 415 && untyped.code == "unsupported_media_type")
        for text in [#"{"body":"Hi""#, "[]", #""Hi""#] {
            let reply = try pair.api.send("POST", path, as: pair.owner, json: text)
            #expect(reply.status == 400 && reply.code == "invalid_json", "\(text)")
        }
    }

    @Test(arguments: [
        #"{"body":"Hi","id":"8b0c3e1a-0000-4000-8000-000000000000"}"#,
        #"{"body":"Hi","authorId":"8b0c3e1a-0000-4000-8000-000000000000"}"#,
        #"{"body":"Hi","createdAt":"2026-01-01T00:00:00.000Z"}"#,
        #"{"body":"Hi","entryVersion":7}"#,
        #"{"body":"Hi","deleted":true}"#,
    ])
    func postingAFieldTheClientMayNotSetIs400(_ json: String) throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        let reply = try pair.api.send("POST", "/v1/entries/\(pair.entryId)/comments", as: pair.owner, json: json)
        #expect(reply.status == 400 && reply.code == "unknown_field")
        #expect(try pair.api.wholeThread(of: pair.entryId, as: pair.owner).isEmpty)
    }

    @Test func bodyIsRequiredTrimmedAndAtMost10000Characters() throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        let path = "/v1/entries/\(pair.entryId)/comments"
        let refusals: [(json: String, code: String)] = [
            ("{}", "required"),
            (#"{"body":null}"#, "required"),
            (#"{"body":42}"#, "invalid_type"),
            (#"{"body":" \n\t "}"#, "too_short"),
            (#"{"body":"Hi\u0000there"}"#, "invalid_characters"),
            (CommentsAPI.json(["body": String(repeating: "x", count: 10_001)]), "too_long"),
            (CommentsAPI.json(["body": String(repeating: "🙏", count: 10_001)]), "too_long"),
        ]
        for (json, code) in refusals {
            let reply = try pair.api.send("POST", path, as: pair.owner, json: json)
            #expect(reply.status == 422 && reply.code == "validation_failed", "\(code)")
            #expect(try reply.decode(FieldProblems.self).errors.map(\.field) == ["body"], "\(code)")
            #expect(try reply.decode(FieldProblems.self).errors.map(\.code) == [code])
        }
        let longest = String(repeating: "🙏", count: 10_000)
        let accepted = try pair.api.comment("\n  " + longest + "  \n", on: pair.entryId, as: pair.owner)
        #expect(accepted.body == longest)
        #expect(try pair.api.wholeThread(of: pair.entryId, as: pair.owner).map(\.id) == [accepted.id])
    }

    @Test func aReplyNamesACommentOfTheSameEntry() throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        let api = pair.api
        let question = try api.comment("Should I write the letter?", on: pair.entryId, as: pair.owner)
        let answer = try api.comment("Let's talk first.", on: pair.entryId, replyingTo: question.id, as: pair.sponsor)
        #expect(answer.parentId == question.id)

        let elsewhere = try api.comment("On another entry", on: try api.entry(of: pair.owner), as: pair.owner)
        for parent in [elsewhere.id, UUID().uuidString, "not-a-uuid", ""] {
            let reply = try api.post("TestHTTPResponse", on: pair.entryId, replyingTo: parent, as: pair.sponsor)
            #expect(reply.status == 422 && reply.code == "invalid_parent", "parent \(parent)")
        }
        let typed = try api.send(
            "POST", "/v1/entries/\(pair.entryId)/comments", as: pair.owner, json: #"{"body":"Hi","parentId":7}"#)
        #expect(typed.status == 422 && typed.code == "validation_failed")
        let explicitNull = try api.send(
            "POST", "/v1/entries/\(pair.entryId)/comments", as: pair.owner, json: #"{"body":"Hi","parentId":null}"#)
        #expect(try explicitNull.expect(201).decode(CommentJSON.self).parentId == nil)
        #expect(try api.wholeThread(of: pair.entryId, as: pair.owner).count == 3)
    }

    /// A deleted comment may still be answered: the conversation keeps its shape.
    @Test func aDeletedCommentMayStillBeRepliedTo() throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        let question = try pair.api.comment("Should I call her?", on: pair.entryId, as: pair.owner)
        try pair.api.delete(question.id, as: pair.owner).expect(204)
        let reply = try pair.api.comment("Yes, but not yet.", on: pair.entryId, replyingTo: question.id, as: pair.sponsor)
        #expect(reply.parentId == question.id)
    }

    // MARK: GET /v1/entries/{id}/comments

    @Test func aBadLimitOrCursorIs400() throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        for _ in 0..<3 { _ = try pair.api.comment("Note", on: pair.entryId, as: pair.owner) }
        for query in ["limit=0", "limit=101", "limit=abc", "limit=-1", "limit=1.5", "limit="] {
            let reply = try pair.api.thread(of: pair.entryId, as: pair.owner, query: query)
            #expect(reply.status == 400 && reply.code == "invalid_query", "\(query)")
        }
        let cursor = try #require(
            try pair.api.thread(of: pair.entryId, as: pair.owner, query: "limit=1").decode(ThreadPageJSON.self).nextCursor)
        let truncated = String(cursor.dropLast(4))
        for bad in ["", "garbage!", "bm90OmEtY3Vyc29y", truncated, cursor + "=", String(repeating: "A", count: 200)] {
            let reply = try pair.api.thread(of: pair.entryId, as: pair.owner, query: "cursor=\(bad)")
            #expect(reply.status == 400 && reply.code == "invalid_cursor", "cursor \(bad)")
        }
        #expect(try pair.api.thread(of: pair.entryId, as: pair.owner, query: "limit=100&cursor=\(cursor)").status == 200)
        #expect(try pair.api.thread(of: pair.entryId, as: pair.owner, query: "limit=1").status == 200)
    }

    @Test func theThreadOfAMissingEntryIs404() throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        for entryId in ["not-a-uuid", UUID().uuidString] {
            let reply = try pair.api.thread(of: entryId, as: pair.owner)
            #expect(reply.status == 404 && reply.code == "not_found")
        }
        #expect(try pair.api.thread(of: pair.entryId, as: nil).status == 401)
    }

    // MARK: GET, PATCH, DELETE /v1/comments/{id}

    @Test func aMissingCommentIs404OnEveryEndpoint() throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        for id in ["not-a-uuid", UUID().uuidString] {
            for reply in [
                try pair.api.show(id, as: pair.owner), try pair.api.edit(id, body: "x", as: pair.owner),
                try pair.api.delete(id, as: pair.owner),
            ] {
                #expect(reply.status == 404 && reply.code == "not_found", "\(id)")
            }
        }
    }

    @Test func editingReplacesTheTextAndSetsEditedAt() throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        let original = try pair.api.comment("Draft", on: pair.entryId, as: pair.sponsor)
        let edited = try pair.api.edit(original.id, body: "  Final words ", as: pair.sponsor).expect(200)
            .decode(CommentJSON.self)
        #expect(edited.body == "Final words")
        #expect(edited.editedAt != nil)
        #expect(edited.createdAt == original.createdAt)
        #expect(edited.id == original.id && edited.entryVersion == original.entryVersion)
        #expect(try pair.api.show(original.id, as: pair.owner).decode(CommentJSON.self) == edited)
    }

    @Test func editingChecksTheBodyLikePosting() throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        let comment = try pair.api.comment("Draft", on: pair.entryId, as: pair.owner)
        let path = "/v1/comments/\(comment.id)"
        let cases: [(json: String, status: Int, code: String)] = [
            ("{}", 422, "validation_failed"),
            (#"{"body":"   "}"#, 422, "validation_failed"),
            (#"{"body":"a\u0000b"}"#, 422, "validation_failed"),
            (CommentsAPI.json(["body": String(repeating: "x", count: 10_001)]), 422, "validation_failed"),
            (#"{"body":"New","parentId":null}"#, 400, "unknown_field"),
            (#"{"body":"New","deleted":false}"#, 400, "unknown_field"),
            ("[]", 400, "invalid_json"),
        ]
        for (json, status, code) in cases {
            let reply = try pair.api.send("PATCH", path, as: pair.owner, json: json)
            #expect(reply.status == status && reply.code == code, "\(json.prefix(40))")
        }
        #expect(try pair.api.show(comment.id, as: pair.owner).decode(CommentJSON.self) == comment)
    }

    @Test func onlyTheAuthorEdits() throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        let sponsors = try pair.api.comment("Mine", on: pair.entryId, as: pair.sponsor)
        let reply = try pair.api.edit(sponsors.id, body: "Theirs", as: pair.owner)
        #expect(reply.status == 403 && reply.code == "forbidden")
        #expect(try pair.api.edit(sponsors.id, body: "Theirs", as: nil).status == 401)
    }

    @Test func deletingLeavesATombstoneThatCannotBeEditedAndDeletesAgainQuietly() throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        let comment = try pair.api.comment("Regrettable", on: pair.entryId, as: pair.sponsor)
        let deleted = try pair.api.delete(comment.id, as: pair.sponsor).expect(204)
        #expect(deleted.body.isEmpty)
        let tombstone = try pair.api.show(comment.id, as: pair.owner).expect(200).decode(CommentJSON.self)
        #expect(tombstone.deleted && tombstone.body.isEmpty)
        #expect(tombstone.id == comment.id && tombstone.createdAt == comment.createdAt)

        let edit = try pair.api.edit(comment.id, body: "Back again", as: pair.sponsor)
        #expect(edit.status == 409 && edit.code == "comment_deleted")
        #expect(try pair.api.delete(comment.id, as: pair.sponsor).status == 204)
        #expect(try pair.api.delete(comment.id, as: pair.owner).status == 204)
        #expect(try pair.api.delete(comment.id, as: nil).status == 401)
        #expect(try pair.api.show(comment.id, as: pair.owner).decode(CommentJSON.self) == tombstone)
    }

    /// `{"errors":[{"field","code"}]}` of a `422`.
    private struct FieldProblems: Decodable {
        struct Problem: Decodable {
            let field: String
            let code: String
        }

        let errors: [Problem]
    }
}
