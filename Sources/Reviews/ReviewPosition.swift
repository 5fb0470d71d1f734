import Foundation
import Web

/// Where a review stands in a list ordered by `(requested_at, id)`, newest first; the
/// reviewer's list pages by it (keyset), so new requests never shift a page.
struct ReviewPosition: Sendable, Equatable {
    let requestedAtMicros: Int64
    let id: UUID

    /// Before every review: where a first page starts.
    static let start = ReviewPosition.newestFirstStart
}

extension ReviewPosition: KeysetPosition {
    init(micros: Int64, id: UUID) { self.init(requestedAtMicros: micros, id: id) }
    var micros: Int64 { requestedAtMicros }
}
