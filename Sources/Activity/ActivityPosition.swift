import Foundation
import Web

/// Where an item stands in its recipient's feed, ordered by `(at, id)`, newest first; the feed
/// pages by it (keyset), so new items never shift a page.
struct ActivityPosition: Sendable, Equatable {
    let atMicros: Int64
    let id: UUID

    /// Before every item: where a first page starts (2^53 µs is in the year 2255).
    static let start = ActivityPosition(
        atMicros: 1 << 53,
        id: UUID(uuid: (0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)))
}

extension ActivityPosition: KeysetPosition {
    init(micros: Int64, id: UUID) { self.init(atMicros: micros, id: id) }
    var micros: Int64 { atMicros }
}
