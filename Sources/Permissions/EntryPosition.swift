import Foundation
import Web

/// Where an entry stands in a list ordered by `(updated_at, id)`, newest first; the lists
/// page by it (keyset), so concurrent inserts never shift a page.
///
/// `updatedAtMicros` is microseconds since the Unix epoch, the precision PostgreSQL keeps,
/// so entries updated within the same microsecond are neither skipped nor repeated.
public struct EntryPosition: Sendable, Equatable {
    public let updatedAtMicros: Int64
    public let id: UUID

    public init(updatedAtMicros: Int64, id: UUID) {
        self.updatedAtMicros = updatedAtMicros
        self.id = id
    }

    /// Before every entry: where a first page starts.
    public static let start = EntryPosition.newestFirstStart
}

extension EntryPosition: KeysetPosition {
    public init(micros: Int64, id: UUID) { self.init(updatedAtMicros: micros, id: id) }
    public var micros: Int64 { updatedAtMicros }
}
