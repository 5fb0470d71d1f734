import Crypto
import Foundation
import Postgres

/// The SQL of idempotency keys. Every method runs inside the transaction of the request the
/// key came with. Rows hold the key's digest and the body sealed (see `IdempotencyKey`); the
/// seal is bound to its user and key, so a body cannot be moved to another row.
struct IdempotencyStore: Sendable {
    /// How long a key answers with its stored answer; older ones count as never sent.
    static let lifetime = "24 hours"
    /// Expired keys deleted with each new one: more than arrive, so they cannot pile up.
    static let purgeBatch = 16

    /// Takes the key's transaction-scoped advisory lock without waiting; false while another
    /// request with the same key holds it (it is still being processed).
    func lock(_ key: IdempotencyKey, of userId: UUID, on connection: PostgresConnection) throws -> Bool {
        try connection.query("""
            SELECT pg_try_advisory_xact_lock(hashtextextended('idempotency:' || \(userId)::text || ':' || encode(\(key.digest), 'hex'), 0)) AS locked
            """)[0].decode("locked")
    }

    /// The answer stored for the key within its lifetime, with the hash of its request.
    func find(
        _ key: IdempotencyKey, of userId: UUID, on connection: PostgresConnection
    ) throws -> (requestHash: [UInt8], answer: StoredAnswer)? {
        guard let row = try connection.query("""
            SELECT request_hash, status, reason, headers, sealed_body FROM stepwork.idempotency_keys
            WHERE user_id = \(userId) AND key_hash = \(key.digest) AND created_at > now() - \(Self.lifetime)::interval
            """).first else { return nil }
        guard let sealed = SealedBox(combined: try row.decode("sealed_body", as: [UInt8].self)) else {
            throw CryptoError.authenticationFailed
        }
        let body = try AESGCM.open(sealed, using: key.sealingKey, authenticating: Self.associatedData(userId, key.digest))
        return (try row.decode("request_hash"), try StoredAnswer(row: row, body: body))
    }

    /// Stores the answer (replacing an expired one under the same key) and deletes a batch of
    /// expired keys of anyone, skipping those another transaction holds.
    func save(
        _ answer: StoredAnswer, for key: IdempotencyKey, of userId: UUID, requestHash: [UInt8],
        on connection: PostgresConnection
    ) throws {
        let sealed = try AESGCM.seal(answer.body, using: key.sealingKey, authenticating: Self.associatedData(userId, key.digest))
        try connection.execute("""
            WITH purged AS (
                DELETE FROM stepwork.idempotency_keys WHERE (user_id, key_hash) IN (
                    SELECT user_id, key_hash FROM stepwork.idempotency_keys
                    WHERE created_at < now() - \(Self.lifetime)::interval AND NOT (user_id = \(userId) AND key_hash = \(key.digest))
                    ORDER BY created_at LIMIT \(Self.purgeBatch) FOR UPDATE SKIP LOCKED))
            INSERT INTO stepwork.idempotency_keys (user_id, key_hash, request_hash, status, reason, headers, sealed_body)
            VALUES (\(userId), \(key.digest), \(requestHash), \(answer.status.code), \(answer.status.reason),
                    \(answer.headerLines), \(sealed.combined))
            ON CONFLICT (user_id, key_hash) DO UPDATE SET
                request_hash = EXCLUDED.request_hash, status = EXCLUDED.status, reason = EXCLUDED.reason,
                headers = EXCLUDED.headers, sealed_body = EXCLUDED.sealed_body, created_at = now()
            """)
    }

    /// What the seal of a body is bound to: its user and key.
    private static func associatedData(_ userId: UUID, _ digest: [UInt8]) -> [UInt8] {
        Array(userId.uuidString.utf8) + digest
    }
}
