import Auth
import Foundation
import Permissions
import Postgres

/// An entry as the store reads it from `stepwork.entry_rows`, with its exact list position.
struct EntryRecord: Sendable {
    let id: UUID
    let owner: UserSummary
    let kind: EntryKind
    let content: EntryContent
    let version: Int
    let createdAt: Date
    let updatedAt: Date
    let position: EntryPosition

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        owner = UserSummary(id: try row.decode("owner_id"), displayName: try row.decode("owner_name"))
        kind = try row.decode("kind")
        content = EntryContent(
            title: try row.decode("title"),
            body: try row.decode("body"),
            step: try row.decode("step"),
            fields: try EntryFields(stored: try row.decode("fields"), kind: kind))
        version = try row.decode("version")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        position = EntryPosition(updatedAtMicros: try row.decode("updated_micros"), id: id)
    }
}
