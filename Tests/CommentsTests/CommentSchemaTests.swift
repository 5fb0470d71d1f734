import Foundation
import Postgres
import Testing
import TestSupport

/// What the schema itself guarantees, checked directly in SQL.
@Suite struct CommentSchemaTests {
    /// The composite foreign key refuses a reply whose parent is on another entry, whatever
    /// the code above it does.
    @Test func theSchemaRefusesAReplyToACommentOfAnotherEntry() throws {
        let app = try TestApp.start()
        let pair = try Pair(api: CommentsAPI(app: app))
        let elsewhere = try pair.api.entry(of: pair.owner)
        let parent = try pair.api.comment("On the other entry", on: elsewhere, as: pair.owner)
        let error = #expect(throws: PostgresError.self) {
            try app.ownerPool.execute("""
                INSERT INTO stepwork.comments (entry_id, parent_id, author_id, entry_version, body)
                VALUES (\(pair.entryId)::uuid, \(parent.id)::uuid, \(pair.owner.id)::uuid, 1, 'Misplaced')
                """)
        }
        #expect(error?.isForeignKeyViolation == true)
        #expect(error?.constraint == "comments_parent_same_entry_fkey")
        // The same reply on the parent's own entry is fine.
        try app.ownerPool.execute("""
            INSERT INTO stepwork.comments (entry_id, parent_id, author_id, entry_version, body)
            VALUES (\(elsewhere)::uuid, \(parent.id)::uuid, \(pair.owner.id)::uuid, 1, 'In place')
            """)
    }

    /// A tombstone keeps no text, and a live comment has some.
    @Test func theSchemaRefusesATombstoneWithTextAndAnEmptyComment() throws {
        let app = try TestApp.start()
        let pair = try Pair(api: CommentsAPI(app: app))
        let comment = try pair.api.comment("Kept", on: pair.entryId, as: pair.owner)
        #expect(throws: PostgresError.self) {
            try app.ownerPool.execute("UPDATE stepwork.comments SET deleted_at = now() WHERE id = \(comment.id)::uuid")
        }
        #expect(throws: PostgresError.self) {
            try app.ownerPool.execute("UPDATE stepwork.comments SET body = '  ' WHERE id = \(comment.id)::uuid")
        }
    }

    /// Deleting an entry deletes its whole thread, replies and tombstones included.
    @Test func deletingTheEntryDeletesItsThread() throws {
        let app = try TestApp.start()
        let pair = try Pair(api: CommentsAPI(app: app))
        let question = try pair.api.comment("Question", on: pair.entryId, as: pair.owner)
        let answer = try pair.api.comment("Answer", on: pair.entryId, replyingTo: question.id, as: pair.sponsor)
        try pair.api.delete(question.id, as: pair.owner).expect(204)
        let kept = try pair.api.entry(of: pair.owner)
        let survivor = try pair.api.comment("On another entry", on: kept, as: pair.owner)

        try pair.api.send("DELETE", "/v1/entries/\(pair.entryId)", as: pair.owner).expect(204)

        let left = try app.ownerPool.query("SELECT id FROM stepwork.comments").map { try $0.decode("id", as: UUID.self) }
        #expect(left == [UUID(uuidString: survivor.id)])
        for id in [question.id, answer.id] {
            #expect(try pair.api.show(id, as: pair.owner).status == 404)
            #expect(try pair.api.delete(id, as: pair.sponsor).status == 404)
        }
        #expect(try pair.api.thread(of: pair.entryId, as: pair.owner).status == 404)
    }
}
