import Postgres

/// Seals one table's texts written before encryption at rest (`stepwork encrypt`), a batch at
/// a time, while the server runs and reads both forms.
public protocol ClearTextSealer: Sendable {
    /// The table, for the progress line.
    var table: String { get }
    /// Rows of `table` with a text still in the clear.
    func countClearRows(on connection: PostgresConnection) throws -> Int
    /// Seals up to `limit` such rows, skipping rows others hold locked; returns how many.
    func sealClearRows(limit: Int, on connection: PostgresConnection) throws -> Int
}
