import Foundation

/// The store found the database in a state its own transaction rules out: a bug, answered
/// `500` and logged by the router.
enum ReviewStoreError: Error {
    /// A write the caller's locks guarantee changed no row (the entry or review vanished).
    case notWritten
    /// A review written a moment ago in the same transaction could not be read back.
    case unreadable(UUID)
}
