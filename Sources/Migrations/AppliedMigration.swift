import Foundation

/// A migration recorded as applied in `stepwork.schema_migrations`.
public struct AppliedMigration: Sendable, Equatable {
    public let version: Int
    public let name: String
    /// SHA-256 of the file's text when it was applied, in hex.
    public let checksum: String
    public let appliedAt: Date

    /// `0001_schema`, as the file was named.
    public var id: String { Migration.id(version: version, name: name) }
}
