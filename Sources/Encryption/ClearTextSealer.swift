import Foundation
import Postgres

/// Seals one table's texts written before encryption at rest (`stepwork encrypt`), a batch at
/// a time, while the server runs and reads both forms. Each module that stores texts makes one
/// (`ClearTextSealer.entries`, `.comments`, `.reviews`).
public struct ClearTextSealer: Sendable {
    /// Where a pass over the table has got to: the sort key of the last row a batch sealed, so
    /// the next batch starts after it instead of walking again past the index entries of the
    /// rows already sealed (they stay in the index until a vacuum).
    public struct Position: Sendable, Equatable {
        /// Before every row.
        public static let start = Position(id: nilUUID)
        /// The nil UUID, which neither PostgreSQL nor this server gives a row.
        public static let nilUUID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

        /// The owner, for a table sealed in owner order (entries); the nil UUID otherwise.
        public let owner: UUID
        public let id: UUID

        public init(owner: UUID = nilUUID, id: UUID) {
            self.owner = owner
            self.id = id
        }
    }

    /// What one batch did: how many rows it sealed, and the position of the last of them
    /// (nil when it sealed none).
    public struct Batch: Sendable {
        public let count: Int
        public let last: Position?

        public init(count: Int, last: Position?) {
            self.count = count
            self.last = last
        }
    }

    /// The table, for the progress line.
    public let table: String
    /// Rows of `table` with a text still in the clear.
    public let countClearRows: @Sendable (PostgresConnection) throws -> Int
    /// Seals up to `limit` such rows after the position, skipping rows others hold locked.
    public let sealClearRows: @Sendable (_ limit: Int, _ after: Position, PostgresConnection) throws -> Batch

    public init(
        table: String, countClearRows: @escaping @Sendable (PostgresConnection) throws -> Int,
        sealClearRows: @escaping @Sendable (_ limit: Int, _ after: Position, PostgresConnection) throws -> Batch
    ) {
        self.table = table
        self.countClearRows = countClearRows
        self.sealClearRows = sealClearRows
    }
}
