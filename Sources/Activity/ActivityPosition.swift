import Foundation
import Web

/// Where an item stands in its recipient's feed, ordered by `(at, id)`, newest first; the feed
/// pages by it (keyset), so new items never shift a page.
struct ActivityPosition: Sendable, Equatable {
    let atMicros: Int64
    let id: UUID

    /// Before every item: where a first page starts.
    static let start = ActivityPosition.newestFirstStart
}

extension ActivityPosition: KeysetPosition {
    init(micros: Int64, id: UUID) { self.init(atMicros: micros, id: id) }
    var micros: Int64 { atMicros }
}
