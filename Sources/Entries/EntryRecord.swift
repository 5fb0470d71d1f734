import Auth
import Encryption
import Foundation
import Permissions
import Postgres

/// An entry as the store reads it from `stepwork.entry_rows`, with its exact list position;
/// its texts opened with the owner's data key, which the row carries wrapped.
struct EntryRecord: Sendable {
    let id: UUID
    let owner: UserSummary
    let kind: EntryKind
    let content: EntryContent
    let version: Int
    let createdAt: Date
    let updatedAt: Date
    let position: EntryPosition

    init(row: PostgresRow, keys: DataKeys) throws {
        id = try row.decode("id")
        owner = UserSummary(id: try row.decode("owner_id"), displayName: try row.decode("owner_name"))
        kind = try row.decode("kind")
        let texts = RowTexts(table: "entries", id: id, cipher: try keys.cipher(in: row, owner: owner.id))
        content = EntryContent(
            title: try texts.text("title", in: row),
            body: try texts.text("body", in: row),
            step: try row.decode("step"),
            fields: try EntryFields(
                stored: try row.decode("fields"),
                texts: try row.decode("fields_sealed", as: [UInt8]?.self).map { try texts.open($0, column: "fields") },
                kind: kind))
        version = try row.decode("version")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        position = EntryPosition(updatedAtMicros: try row.decode("updated_micros"), id: id)
    }
}
