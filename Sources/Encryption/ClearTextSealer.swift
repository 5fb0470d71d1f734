import Postgres

/// Seals one table's texts written before encryption at rest (`stepwork encrypt`), a batch at
/// a time, while the server runs and reads both forms. Each module that stores texts makes one
/// (`ClearTextSealer.entries`, `.comments`, `.reviews`).
public struct ClearTextSealer: Sendable {
    /// The table, for the progress line.
    public let table: String
    /// Rows of `table` with a text still in the clear.
    public let countClearRows: @Sendable (PostgresConnection) throws -> Int
    /// Seals up to `limit` such rows, skipping rows others hold locked; returns how many.
    public let sealClearRows: @Sendable (_ limit: Int, PostgresConnection) throws -> Int

    public init(
        table: String, countClearRows: @escaping @Sendable (PostgresConnection) throws -> Int,
        sealClearRows: @escaping @Sendable (_ limit: Int, PostgresConnection) throws -> Int
    ) {
        self.table = table
        self.countClearRows = countClearRows
        self.sealClearRows = sealClearRows
    }
}
