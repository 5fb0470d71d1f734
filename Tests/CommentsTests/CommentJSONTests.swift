import Encryption
import Foundation
import Postgres
import Testing
import TestSupport
@testable import Comments
@testable import Web

/// Comments write their own JSON on the read path (`JSONWritable`); it must be byte for byte
/// what the shared encoder writes for them: replies, edits, tombstones with and without author.
@Suite struct CommentJSONTests {
    @Test func commentsWriteWhatTheEncoderWrites() throws {
        let app = try TestApp.start()
        let pair = try Pair(api: CommentsAPI(app: app))
        let first = try pair.api.comment("A \"first\" thought\n\twith a/slash and é 😀", on: pair.entryId, as: pair.owner)
        let reply = try pair.api.comment("A reply", on: pair.entryId, replyingTo: first.id, as: pair.owner)
        let gone = try pair.api.comment("Gone", on: pair.entryId, as: pair.owner)
        try app.ownerPool.execute("UPDATE stepwork.comments SET edited_at = now() WHERE id = \(reply.id)::uuid")
        try app.ownerPool.execute("""
            UPDATE stepwork.comments SET author_id = NULL, body = '', body_sealed = NULL, deleted_at = now() WHERE id = \(gone.id)::uuid
            """)
        let keys = DataKeys(ring: try #require(app.configuration.keyRing))
        let comments = try app.ownerPool.query("""
            SELECT * FROM stepwork.comment_rows WHERE entry_id = \(pair.entryId)::uuid ORDER BY created_at, id
            """).map { try Comment(row: $0, keys: keys) }
        #expect(comments.count == 3)
        for comment in comments {
            #expect(JSONOutput.written(comment) == (try JSONOutput.encoded(comment)))
        }
        let page = Page(items: comments, nextCursor: nil)
        #expect(JSONOutput.written(page) == (try JSONOutput.encoded(page)))
    }
}
