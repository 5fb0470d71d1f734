import Auth
import Encryption
import Foundation
import Postgres

/// A comment as the store reads it from `stepwork.comment_rows`, with its exact thread position.
struct CommentRecord: Sendable {
    let id: UUID
    let entryId: UUID
    let entryVersion: Int
    /// The entry's owner, whose data key seals the body.
    let entryOwnerId: UUID
    let parentId: UUID?
    /// `nil` once the author's account is deleted (the comment is a tombstone then).
    let author: UserSummary?
    let body: String
    let createdAt: Date
    let editedAt: Date?
    let isDeleted: Bool
    let position: CommentPosition

    init(row: PostgresRow, keys: DataKeys) throws {
        id = try row.decode("id")
        entryId = try row.decode("entry_id")
        entryOwnerId = try row.decode("entry_owner_id")
        entryVersion = try row.decode("entry_version")
        parentId = try row.decode("parent_id")
        let authorId: UUID? = try row.decode("author_id")
        author = try authorId.map { UserSummary(id: $0, displayName: try row.decode("author_name")) }
        body = try RowTexts(table: "comments", id: id, cipher: try keys.cipher(in: row, owner: entryOwnerId))
            .text("body", in: row)
        createdAt = try row.decode("created_at")
        editedAt = try row.decode("edited_at")
        isDeleted = try row.decode("deleted")
        position = CommentPosition(createdAtMicros: try row.decode("created_micros"), id: id)
    }
}
