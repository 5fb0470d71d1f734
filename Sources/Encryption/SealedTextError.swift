import Foundation
import Logging

/// A stored text, or the data key of its owner, that could not be opened: where, and why (never
/// what). Logged as it is; the request that met it answers `500` and nothing more.
public struct SealedTextError: LoggableError, CustomStringConvertible {
    /// `table.column`, e.g. `entries.title`; `data_keys.wrapped` for an owner's data key.
    public let place: String
    public let row: UUID
    public let cause: EncryptionError

    public init(place: String, row: UUID, cause: EncryptionError) {
        self.place = place
        self.row = row
        self.cause = cause
    }

    public var description: String { "\(place) of \(row.uuidString): \(cause)" }

    public var logFields: KeyValuePairs<String, String> {
        ["sealed_text": place, "row_id": row.uuidString, "encryption_error": cause.description]
    }
}
