import Encryption
import Foundation
import Postgres

/// The SQL of comments. Every method runs on the caller's connection, inside its transaction;
/// who may do what is decided before, by `EntryAccessPolicy` and `CommentService`. A body is
/// written sealed under the data key of the entry's owner (so deleting that key erases the
/// whole thread) and read in either form.
struct CommentStore: Sendable {
    let keys: DataKeys

    /// The foreign key that keeps a reply on its parent's entry.
    private static let parentConstraint = "comments_parent_same_entry_fkey"

    /// Writes a comment on `entryId` at the entry's current version. Throws
    /// `CommentError.invalidParent` when `parentId` is not a comment of the same entry.
    func insert(
        on entryId: UUID, parentId: UUID?, author: UUID, body: CommentBody, on connection: PostgresConnection
    ) throws -> CommentRecord {
        let id = UUID()
        guard let owner = try connection.query("SELECT owner_id FROM stepwork.entries WHERE id = \(entryId)").first
        else { throw CommentStoreError.notWritten }
        let sealed = try texts(of: id, owner: try owner.decode("owner_id"), on: connection).seal(body.text, column: "body")
        let rows: PostgresRows
        do {
            rows = try connection.query("""
                INSERT INTO stepwork.comments (id, entry_id, parent_id, author_id, entry_version, body, body_sealed)
                SELECT \(id), e.id, \(parentId), \(author), e.version, '', \(sealed)
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
        try connection.query("SELECT * FROM stepwork.comment_rows WHERE id = \(id)").first.map(record)
    }

    /// The comment, locked until the transaction ends so that concurrent edits and deletions
    /// of it take turns; nil when there is none. Lock the entry first (the policy does).
    func lock(_ id: UUID, on connection: PostgresConnection) throws -> CommentRecord? {
        let locked = try connection.query("SELECT id FROM stepwork.comments WHERE id = \(id) FOR NO KEY UPDATE")
        return locked.isEmpty ? nil : try find(id, on: connection)
    }

    /// Replaces the text and marks the comment edited.
    func edit(_ comment: CommentRecord, body: CommentBody, on connection: PostgresConnection) throws -> CommentRecord {
        let sealed = try texts(of: comment.id, owner: comment.entryOwnerId, on: connection).seal(body.text, column: "body")
        let rows = try connection.query("""
            UPDATE stepwork.comments SET body = '', body_sealed = \(sealed), edited_at = now()
            WHERE id = \(comment.id)
            RETURNING id
            """)
        return try reread(rows, on: connection)
    }

    /// Turns the comment into a tombstone: no text, still in its place, its replies kept.
    func delete(_ id: UUID, on connection: PostgresConnection) throws {
        try connection.execute("""
            UPDATE stepwork.comments SET body = '', body_sealed = NULL, deleted_at = now()
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
            """).map(record)
    }

    /// Seals up to `limit` comments still in the clear after `position`, skipping rows others hold.
    func sealClearRows(limit: Int, after position: ClearTextSealer.Position, on connection: PostgresConnection) throws
        -> ClearTextSealer.Batch
    {
        let rows = try connection.query("""
            SELECT c.id, c.body, e.owner_id FROM stepwork.comments c JOIN stepwork.entries e ON e.id = c.entry_id
            WHERE c.body_sealed IS NULL AND c.body <> '' AND c.id > \(position.id)
            ORDER BY c.id LIMIT \(limit) FOR UPDATE OF c SKIP LOCKED
            """)
        return try keys.sealClear(rows, table: "comments", column: "body", on: connection) { id, sealed in
            _ = try connection.execute("UPDATE stepwork.comments SET body = '', body_sealed = \(sealed) WHERE id = \(id)")
        }
    }

    func countClearRows(on connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT count(*) AS n FROM stepwork.comments WHERE body_sealed IS NULL AND body <> ''")[0]
            .decode("n")
    }

    /// A comment from a row of `stepwork.comment_rows`, its body opened.
    func record(_ row: PostgresRow) throws -> CommentRecord {
        try CommentRecord(row: row, keys: keys)
    }

    private func texts(of id: UUID, owner: UUID, on connection: PostgresConnection) throws -> RowTexts {
        RowTexts(table: "comments", id: id, cipher: try keys.cipher(forWriting: owner, on: connection))
    }

    /// Reads back the comment whose id `rows` (from `RETURNING id`) holds, in the same transaction.
    private func reread(_ rows: PostgresRows, on connection: PostgresConnection) throws -> CommentRecord {
        guard let row = rows.first else { throw CommentStoreError.notWritten }
        let id: UUID = try row.decode("id")
        guard let record = try find(id, on: connection) else { throw CommentStoreError.unreadable(id) }
        return record
    }
}
