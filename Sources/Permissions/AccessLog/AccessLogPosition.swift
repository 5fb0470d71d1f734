import Foundation
import Web

/// Where a row stands in an access log, newest first: `(at, id)`, `at` in microseconds since
/// the Unix epoch, the precision PostgreSQL keeps.
public struct AccessLogPosition: KeysetPosition, Equatable {
    public let micros: Int64
    public let id: UUID

    public init(micros: Int64, id: UUID) {
        self.micros = micros
        self.id = id
    }

    /// Before every row: where the entry lists start too.
    public static let start = AccessLogPosition(micros: EntryPosition.start.micros, id: EntryPosition.start.id)
}
