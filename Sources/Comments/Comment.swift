import Auth
import Encryption
import Foundation
import Postgres
import Web

/// A comment as the API shows it. A deleted comment keeps its place in the thread as a
/// tombstone: `deleted` is true and `body` is empty.
public struct Comment: Encodable, Sendable, Equatable {
    public let id: UUID
    public let entryId: UUID
    /// The entry's version when the comment was written.
    public let entryVersion: Int
    @Nullable public var parentId: UUID?
    /// `null` once the author's account is deleted.
    @Nullable public var author: UserSummary?
    public let body: String
    public let createdAt: Date
    @Nullable public var editedAt: Date?
    public let deleted: Bool

    /// A comment from a row of `stepwork.comment_rows` (the export reads them so), its body
    /// opened with `keys`.
    public init(row: PostgresRow, keys: DataKeys) throws {
        self.init(try CommentRecord(row: row, keys: keys))
    }

    init(_ record: CommentRecord) {
        id = record.id
        entryId = record.entryId
        entryVersion = record.entryVersion
        parentId = record.parentId
        author = record.author
        body = record.body
        createdAt = record.createdAt
        editedAt = record.editedAt
        deleted = record.isDeleted
    }
}

extension Comment: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("author")
            writer.value(author)
            writer.key("body")
            writer.value(body)
            writer.key("createdAt")
            writer.value(createdAt)
            writer.key("deleted")
            writer.value(deleted)
            writer.key("editedAt")
            writer.value(editedAt)
            writer.key("entryId")
            writer.value(entryId)
            writer.key("entryVersion")
            writer.value(entryVersion)
            writer.key("id")
            writer.value(id)
            writer.key("parentId")
            writer.value(parentId)
        }
    }
}
