import Foundation
import Postgres

/// A throttle kept in PostgreSQL (`throttle_events`), shared by every server process: a
/// subject's attempts within `rule.memory` decide whether it may try again now — a sliding
/// window (`ThrottleWindow`) or exponential back-off (`ThrottleBackoff`).
///
/// An attempt is counted *before* the expensive work it guards (`consume`), so concurrent
/// attempts cannot slip past the limit together; an attempt that turns out not to count is
/// handed back (`ThrottleTicket.refund`). There is no lock-out: waiting always frees the
/// subject again, and `Throttled.retryAfter` says when. Subjects are stored only as keyed
/// hashes (`ThrottleKey`).
///
///     let throttle = Throttle(scope: .inviteAddress, window: ThrottleWindow(limit: 10, length: .seconds(900)), key: key)
///     let ticket = try pool.withTransaction {  // throws Throttled: 429 with Retry-After
///         try throttle.consume(ThrottleSubject(address: request.clientAddress), on: $0)
///     }
///     // … the guarded work; if the attempt should not count after all:
///     try pool.withTransaction { try ticket.refund(on: $0) }
public struct Throttle: Sendable {
    public let scope: ThrottleScope
    public let rule: any ThrottleRule
    private let key: ThrottleKey
    /// Expired events of the scope deleted per `consume`, so the table stays small.
    static let purgeBatch = 100

    public init(scope: ThrottleScope, window: ThrottleWindow, key: ThrottleKey) {
        self.init(scope: scope, rule: window, key: key)
    }

    public init(scope: ThrottleScope, backoff: ThrottleBackoff, key: ThrottleKey) {
        self.init(scope: scope, rule: backoff, key: key)
    }

    private init(scope: ThrottleScope, rule: any ThrottleRule, key: ThrottleKey) {
        self.scope = scope
        self.rule = rule
        self.key = key
    }

    /// What `throttle_events.subject` holds for `subject` in this throttle's scope.
    func digest(_ subject: ThrottleSubject) -> String {
        key.digest(scope.rawValue + "\n" + subject.identity)
    }

    /// Counts one attempt by `subject`, or throws `Throttled` (counting nothing) when the
    /// rule does not allow one now.
    ///
    /// Call it inside `withTransaction`: a transaction-scoped advisory lock serialises the
    /// attempts of one subject until commit. Times are `statement_timestamp()`, taken after
    /// the lock, so events are stamped in the order they were counted.
    public func consume(_ subject: ThrottleSubject, on connection: PostgresConnection) throws -> ThrottleTicket {
        let seconds = rule.memory.seconds
        let digest = self.digest(subject)
        try connection.execute("""
            SELECT pg_advisory_xact_lock(hashtextextended(\(scope.rawValue)::text || ':' || \(digest)::text, 0))
            """)
        let ages = try connection.query("""
            SELECT extract(epoch FROM statement_timestamp() - occurred_at)::float8 AS age
            FROM throttle_events
            WHERE scope = \(scope.rawValue) AND subject = \(digest)
              AND occurred_at > statement_timestamp() - make_interval(secs => \(seconds))
            ORDER BY occurred_at DESC
            LIMIT \(rule.lookback)
            """).map { row throws(PostgresError) in try row.decode("age", as: Double.self) }
        if let retryAfter = rule.retryAfter(ages: ages) {
            throw Throttled(scope: scope, retryAfter: retryAfter)
        }
        let occurredAt = try connection.query("""
            INSERT INTO throttle_events (scope, subject, occurred_at)
            VALUES (\(scope.rawValue), \(digest), statement_timestamp())
            RETURNING occurred_at
            """)[0].decode("occurred_at", as: Date.self)
        try connection.execute("""
            DELETE FROM throttle_events WHERE ctid IN (
                SELECT ctid FROM throttle_events
                WHERE scope = \(scope.rawValue) AND occurred_at <= statement_timestamp() - make_interval(secs => \(seconds))
                LIMIT \(Self.purgeBatch))
            """)
        return ThrottleTicket(scope: scope, digest: digest, occurredAt: occurredAt)
    }

    /// Forgets every attempt of `subject`, e.g. an account's failed logins after a success.
    public func clear(_ subject: ThrottleSubject, on connection: PostgresConnection) throws {
        let digest = self.digest(subject)
        try connection.execute("DELETE FROM throttle_events WHERE scope = \(scope.rawValue) AND subject = \(digest)")
    }
}
