import Foundation
import Postgres

/// The SQL of comments. Every method runs on the caller's connection, inside its transaction;
/// who may do what is decided before, by `EntryAccessPolicy` and `CommentService`.
struct CommentStore: Sendable {
    /// The foreign key that keeps a reply on its parent's entry.
    private static let parentConstraint = "comments_parent_same_entry_fkey"

    /// Writes a comment on `entryId` at the entry's current version. Throws
    /// `CommentError.invalidParent` when `parentId` is not a comment of the same entry.
    func insert(
        on entryId: UUID, parentId: UUID?, author: UUID, body: CommentBody, on connection: PostgresConnection
    ) throws -> CommentRecord {
        let rows: PostgresRows
        do {
            rows = try connection.query("""
                INSERT INTO stepwork.comments (entry_id, parent_id, author_id, entry_version, body)
                SELECT e.id, \(parentId), \(author), e.version, \(body.text)
                FROM stepwork.entries e WHERE e.id = \(entryId)
                RETURNING id
                """)
        } catch {
            guard error.isForeignKeyViolation && error.constraint == Self.parentConstraint else { throw error }
            throw CommentError.invalidParent
        }
        return try reread(rows, on: connection)
    }

    /// The comment, or nil when there is none.
    func find(_ id: UUID, on connection: PostgresConnection) throws -> CommentRecord? {
        try connection.query("SELECT * FROM stepwork.comment_rows WHERE id = \(id)").first.map(CommentRecord.init(row:))
    }

    /// The comment, locked until the transaction ends so that concurrent edits and deletions
    /// of it take turns; nil when there is none. Lock the entry first (the policy does).
    func lock(_ id: UUID, on connection: PostgresConnection) throws -> CommentRecord? {
        let locked = try connection.query("SELECT id FROM stepwork.comments WHERE id = \(id) FOR NO KEY UPDATE")
        return locked.isEmpty ? nil : try find(id, on: connection)
    }

    /// Replaces the text and marks the comment edited.
    func edit(_ id: UUID, body: CommentBody, on connection: PostgresConnection) throws -> CommentRecord {
        let rows = try connection.query("""
            UPDATE stepwork.comments SET body = \(body.text), edited_at = now()
            WHERE id = \(id)
            RETURNING id
            """)
        return try reread(rows, on: connection)
    }

    /// Turns the comment into a tombstone: no text, still in its place, its replies kept.
    func delete(_ id: UUID, on connection: PostgresConnection) throws {
        try connection.execute("""
            UPDATE stepwork.comments SET body = '', deleted_at = now()
            WHERE id = \(id) AND deleted_at IS NULL
            """)
    }

    /// Up to `limit` comments of `entryId` after `position`, oldest first.
    func thread(
        of entryId: UUID, after position: CommentPosition, limit: Int, on connection: PostgresConnection
    ) throws -> [CommentRecord] {
        try connection.query("""
            SELECT * FROM stepwork.comment_rows
            WHERE entry_id = \(entryId)
              AND (created_at, id)
                  > (timestamptz 'epoch' + \(position.createdAtMicros) * interval '1 microsecond', \(position.id))
            ORDER BY created_at, id
            LIMIT \(limit)
            """).map(CommentRecord.init(row:))
    }

    /// Reads back the comment whose id `rows` (from `RETURNING id`) holds, in the same transaction.
    private func reread(_ rows: PostgresRows, on connection: PostgresConnection) throws -> CommentRecord {
        guard let row = rows.first else { throw CommentStoreError.notWritten }
        let id: UUID = try row.decode("id")
        guard let record = try find(id, on: connection) else { throw CommentStoreError.unreadable(id) }
        return record
    }
}
