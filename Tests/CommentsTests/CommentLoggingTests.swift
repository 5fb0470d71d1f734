import Testing
import TestSupport

/// Refusals are logged (who, what, result); comment text never is.
@Suite struct CommentLoggingTests {
    @Test func refusalsAreLoggedAndTextNeverIs() throws {
        let app = try TestApp.start()
        let pair = try Pair(api: CommentsAPI(app: app))
        let secret = "I took the money from the till in 2019"
        let comment = try pair.api.comment(secret, on: pair.entryId, as: pair.owner)
        try pair.api.edit(comment.id, body: secret + ", twice", as: pair.owner).expect(200)
        try pair.api.edit(comment.id, body: "Someone else's words", as: pair.sponsor).expect(403)
        let stranger = try pair.api.register("Stranger")
        try pair.api.delete(comment.id, as: stranger).expect(404)
        try pair.api.delete(comment.id, as: pair.owner).expect(204)

        let refusals = app.logs.events("comment_access_denied")
        #expect(refusals.count == 2)
        #expect(refusals.contains { $0.contains("user_id=\(pair.sponsor.id)") && $0.contains("refusal=forbidden") })
        #expect(refusals.contains { $0.contains("user_id=\(stranger.id)") && $0.contains("refusal=not_visible") })
        #expect(app.logs.events("comment_posted").count == 1)
        #expect(app.logs.events("comment_edited").count == 1)
        #expect(app.logs.events("comment_deleted").count == 1)
        #expect(!app.logs.all.contains { $0.contains("the till") || $0.contains("else's words") })
    }
}
