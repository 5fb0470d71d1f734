import Foundation

/// Where a sealed text is stored: table, row and column. It is part of the associated data,
/// so a ciphertext moved to another row or column no longer opens.
public struct FieldIdentity: Sendable, Hashable {
    public let table: String
    public let row: UUID
    public let column: String

    /// E.g. `FieldIdentity(table: "entries", row: entry.id, column: "body")`; a text inside a
    /// JSON column names its member too (`"fields.situation"`).
    public init(table: String, row: UUID, column: String) {
        self.table = table
        self.row = row
        self.column = column
    }
}
