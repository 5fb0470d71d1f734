import Foundation
import Postgres

/// One attempt a throttle counted. Refund it when the attempt turned out not to count
/// (a successful login, a request refused for another reason before any real work).
public struct ThrottleTicket: Sendable {
    let scope: ThrottleScope
    /// The keyed hash of the subject, as stored.
    let digest: String
    let occurredAt: Date

    /// Takes back this one attempt (not others of the same subject).
    public func refund(on connection: PostgresConnection) throws {
        try connection.execute("""
            DELETE FROM throttle_events WHERE ctid = (
                SELECT ctid FROM throttle_events
                WHERE scope = \(scope.rawValue) AND subject = \(digest) AND occurred_at = \(occurredAt)
                LIMIT 1)
            """)
    }
}
