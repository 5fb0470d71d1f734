import Foundation
import Web

/// Where a comment stands in its thread, ordered by `(created_at, id)`, oldest first; the
/// thread pages by it (keyset), so concurrent posts never shift a page.
///
/// `createdAtMicros` is microseconds since the Unix epoch, the precision PostgreSQL keeps,
/// so comments written within the same millisecond are neither skipped nor repeated.
struct CommentPosition: Sendable, Equatable {
    let createdAtMicros: Int64
    let id: UUID

    /// Before every comment: where a first page starts.
    static let start = CommentPosition(
        createdAtMicros: 0, id: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
}

extension CommentPosition: KeysetPosition {
    init(micros: Int64, id: UUID) { self.init(createdAtMicros: micros, id: id) }
    var micros: Int64 { createdAtMicros }
}
