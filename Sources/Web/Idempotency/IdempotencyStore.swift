import Foundation
import Postgres

/// The SQL of idempotency keys. Every method runs inside the transaction of the request the
/// key came with.
struct IdempotencyStore: Sendable {
    /// How long a key answers with its stored answer; older ones count as never sent.
    static let lifetime = "24 hours"
    /// Expired keys deleted with each new one: more than arrive, so they cannot pile up.
    static let purgeBatch = 16

    /// Takes the key's transaction-scoped advisory lock without waiting; false while another
    /// request with the same key holds it (it is still being processed).
    func lock(_ key: IdempotencyKey, of userId: UUID, on connection: PostgresConnection) throws -> Bool {
        try connection.query("""
            SELECT pg_try_advisory_xact_lock(hashtextextended('idempotency:' || \(userId)::text || ':' || \(key.value), 0)) AS locked
            """)[0].decode("locked")
    }

    /// The answer stored for the key within its lifetime, with the hash of its request.
    func find(
        _ key: IdempotencyKey, of userId: UUID, on connection: PostgresConnection
    ) throws -> (requestHash: [UInt8], answer: StoredAnswer)? {
        try connection.query("""
            SELECT request_hash, status, reason, headers, body FROM stepwork.idempotency_keys
            WHERE user_id = \(userId) AND key = \(key.value) AND created_at > now() - \(Self.lifetime)::interval
            """).first.map { row in (try row.decode("request_hash"), try StoredAnswer(row: row)) }
    }

    /// Stores the answer (replacing an expired one under the same key) and deletes a batch of
    /// expired keys of anyone, skipping those another transaction holds.
    func save(
        _ answer: StoredAnswer, for key: IdempotencyKey, of userId: UUID, requestHash: [UInt8],
        on connection: PostgresConnection
    ) throws {
        try connection.execute("""
            WITH purged AS (
                DELETE FROM stepwork.idempotency_keys WHERE (user_id, key) IN (
                    SELECT user_id, key FROM stepwork.idempotency_keys
                    WHERE created_at < now() - \(Self.lifetime)::interval AND NOT (user_id = \(userId) AND key = \(key.value))
                    ORDER BY created_at LIMIT \(Self.purgeBatch) FOR UPDATE SKIP LOCKED))
            INSERT INTO stepwork.idempotency_keys (user_id, key, request_hash, status, reason, headers, body)
            VALUES (\(userId), \(key.value), \(requestHash), \(answer.status.code), \(answer.status.reason),
                    \(answer.headerLines), \(answer.body))
            ON CONFLICT (user_id, key) DO UPDATE SET
                request_hash = EXCLUDED.request_hash, status = EXCLUDED.status, reason = EXCLUDED.reason,
                headers = EXCLUDED.headers, body = EXCLUDED.body, created_at = now()
            """)
    }
}
