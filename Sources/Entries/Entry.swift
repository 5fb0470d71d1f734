import Auth
import Encryption
import Foundation
import Permissions
import Postgres
import Web

/// An entry as the API shows it, with the caller's own `access`.
public struct Entry: Encodable, Sendable {
    public let id: UUID
    public let owner: UserSummary
    public let kind: EntryKind
    public let title: String
    public let body: String
    @Nullable public var step: Int?
    public let fields: EntryFields
    public let version: Int
    public let createdAt: Date
    public let updatedAt: Date
    public let access: Access

    /// An entry from a row of `stepwork.entry_rows` (the export reads them so), its texts
    /// opened with `keys`.
    public init(row: PostgresRow, access: Access, keys: DataKeys) throws {
        self.init(try EntryRecord(row: row, keys: keys), access: access)
    }

    init(_ record: EntryRecord, access: Access) {
        id = record.id
        owner = record.owner
        kind = record.kind
        title = record.content.title
        body = record.content.body
        step = record.content.step
        fields = record.content.fields
        version = record.version
        createdAt = record.createdAt
        updatedAt = record.updatedAt
        self.access = access
    }
}

extension Entry: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("access")
            writer.value(access)
            writer.key("body")
            writer.value(body)
            writer.key("createdAt")
            writer.value(createdAt)
            writer.key("fields")
            writer.value(fields)
            writer.key("id")
            writer.value(id)
            writer.key("kind")
            writer.value(kind)
            writer.key("owner")
            writer.value(owner)
            writer.key("step")
            writer.value(step)
            writer.key("title")
            writer.value(title)
            writer.key("updatedAt")
            writer.value(updatedAt)
            writer.key("version")
            writer.value(version)
        }
    }
}
