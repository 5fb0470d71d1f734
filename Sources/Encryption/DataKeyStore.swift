import Foundation
import Postgres

/// The SQL of `stepwork.data_keys`: each user's data key, wrapped. Runs on the caller's
/// connection, inside its transaction.
struct DataKeyStore: Sendable {
    /// `owner`'s wrapped key, and whether the caller's own transaction wrote it (so it is not
    /// committed yet).
    func find(_ owner: UUID, on connection: PostgresConnection) throws -> (key: WrappedDataKey, ownWrite: Bool)? {
        guard let row = try connection.query("""
            SELECT data_key_version, key_version, wrapped,
                   (xmin::text::bigint = pg_current_xact_id_if_assigned()::text::bigint % 4294967296) IS TRUE AS own_write
            FROM stepwork.data_keys WHERE user_id = \(owner)
            """).first, let key = try Self.wrapped(in: row, prefix: "")
        else { return nil }
        return (key, try row.decode("own_write"))
    }

    /// Stores `wrapped` unless `owner` has a key already (a concurrent first write won).
    func insertIfAbsent(_ wrapped: WrappedDataKey, of owner: UUID, on connection: PostgresConnection) throws {
        try connection.execute("""
            INSERT INTO stepwork.data_keys (user_id, data_key_version, key_version, wrapped)
            VALUES (\(owner), \(wrapped.dataKeyVersion), \(wrapped.keyVersion), \(wrapped.bytes))
            ON CONFLICT (user_id) DO NOTHING
            """)
    }

    func delete(_ owner: UUID, on connection: PostgresConnection) throws {
        try connection.execute("DELETE FROM stepwork.data_keys WHERE user_id = \(owner)")
    }

    /// Up to `limit` keys wrapped under a key-encryption key older than `version`, locked
    /// (skipping those another rotation holds), by user id.
    func olderThan(_ version: Int, limit: Int, on connection: PostgresConnection) throws -> [(UUID, WrappedDataKey)] {
        try connection.query("""
            SELECT user_id, data_key_version, key_version, wrapped FROM stepwork.data_keys
            WHERE key_version < \(version) ORDER BY user_id LIMIT \(limit) FOR UPDATE SKIP LOCKED
            """).compactMap { row in try Self.wrapped(in: row, prefix: "").map { (try row.decode("user_id"), $0) } }
    }

    /// One wrapped key per key-encryption key version in use, by version.
    func samplePerKeyVersion(on connection: PostgresConnection) throws -> [(UUID, WrappedDataKey)] {
        try connection.query("""
            SELECT DISTINCT ON (key_version) user_id, data_key_version, key_version, wrapped FROM stepwork.data_keys
            ORDER BY key_version, user_id
            """).compactMap { row in try Self.wrapped(in: row, prefix: "").map { (try row.decode("user_id"), $0) } }
    }

    func countOlderThan(_ version: Int, on connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT count(*) AS n FROM stepwork.data_keys WHERE key_version < \(version)")[0].decode("n")
    }

    func replace(_ owner: UUID, with wrapped: WrappedDataKey, on connection: PostgresConnection) throws {
        try connection.execute("""
            UPDATE stepwork.data_keys SET key_version = \(wrapped.keyVersion), wrapped = \(wrapped.bytes)
            WHERE user_id = \(owner)
            """)
    }

    /// The wrapped key in `row`'s columns `<prefix>data_key_version`, `<prefix>key_version` and
    /// `<prefix>wrapped`; nil when they are NULL (the owner has no key).
    static func wrapped(in row: PostgresRow, prefix: String) throws -> WrappedDataKey? {
        guard let bytes = try row.decode("\(prefix)wrapped", as: [UInt8]?.self) else { return nil }
        return try WrappedDataKey(
            dataKeyVersion: try row.decode("\(prefix)data_key_version"), keyVersion: try row.decode("\(prefix)key_version"),
            bytes: bytes)
    }
}
