import Foundation

/// A place in a keyset-paged list ordered by `(timestamp, id)`: the timestamp in microseconds
/// since the epoch (PostgreSQL's precision, so rows within one millisecond are neither skipped
/// nor repeated) and the id that breaks ties.
public protocol KeysetPosition: Sendable {
    init(micros: Int64, id: UUID)
    var micros: Int64 { get }
    var id: UUID { get }
    /// Where a first page starts: before every item in the list's order.
    static var start: Self { get }
}

extension KeysetPosition {
    /// Where the first page of a newest-first list starts: after the latest time a cursor can
    /// carry (2^53 µs, in the year 2255) and the greatest id.
    public static var newestFirstStart: Self {
        Self(
            micros: KeysetCursor.validMicros.upperBound,
            id: UUID(uuid: (0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)))
    }
}
