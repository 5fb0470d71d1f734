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

    /// Before every entry: where a first page starts (2^53 µs is in the year 2255).
    public static let start = EntryPosition(
        updatedAtMicros: 1 << 53,
        id: UUID(uuid: (0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)))
}

extension EntryPosition: KeysetPosition {
    public init(micros: Int64, id: UUID) { self.init(updatedAtMicros: micros, id: id) }
    public var micros: Int64 { updatedAtMicros }
}
