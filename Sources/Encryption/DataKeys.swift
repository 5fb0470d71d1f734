import Foundation
import Postgres

/// The users' data keys: stored wrapped in `stepwork.data_keys` under the key ring's newest
/// key-encryption key, created at a user's first sealed write. Reads unwrap the key that comes
/// in the same row as the texts it opens (the views join it): one AES-GCM open of 32 bytes, no
/// cache, so deleting the wrapped key (`shred`) ends every process's ability to read that
/// user's texts at once. Writes keep the keys they read a short while (`DataKeyCache`), which
/// saves a statement per write. Copies share one cache.
public struct DataKeys: Sendable {
    public let ring: KeyRing
    private let store = DataKeyStore()
    private let cache = DataKeyCache()

    public init(ring: KeyRing) {
        self.ring = ring
    }

    /// The cipher for `owner`'s texts, creating their data key (in the caller's transaction)
    /// when they have none yet. A concurrent first write of the same owner that commits first
    /// wins; this one then waits for it and uses its key.
    public func cipher(forWriting owner: UUID, on connection: PostgresConnection) throws -> FieldCipher {
        if let key = cache.key(of: owner) { return FieldCipher(dataKey: key) }
        if let (wrapped, ownWrite) = try store.find(owner, on: connection) {
            let cipher = try cipher(wrapped, owner: owner)
            if !ownWrite { cache.remember(cipher.dataKey, of: owner) }
            return cipher
        }
        try store.insertIfAbsent(try ring.wrap(try DataKey.generate(), owner: owner), of: owner, on: connection)
        guard let (wrapped, _) = try store.find(owner, on: connection) else {
            throw SealedTextError(place: "data_keys.wrapped", row: owner, cause: .malformed("data key not stored"))
        }
        return try cipher(wrapped, owner: owner)
    }

    /// The cipher of `owner`, whose wrapped key `row` carries in `owner_data_key_version`,
    /// `owner_key_version` and `owner_wrapped` (the `*_rows` views); nil when they have none.
    public func cipher(in row: PostgresRow, owner: UUID) throws -> FieldCipher? {
        try DataKeyStore.wrapped(in: row, prefix: "owner_").map { try cipher($0, owner: owner) }
    }

    /// Deletes `owner`'s data key, in the caller's transaction: every text sealed under it, also
    /// in backups taken before, can no longer be opened (crypto-shredding).
    public func shred(owner: UUID, on connection: PostgresConnection) throws {
        cache.forget(owner)
        try store.delete(owner, on: connection)
    }

    /// Seals the clear text in `column` of each of `rows` (which hold `id`, `owner_id` and
    /// `column`, in `id` order) under its owner's key, as a text of `table`; `store` writes each
    /// back. Returns the batch, positioned at the last row's id.
    public func sealClear(
        _ rows: PostgresRows, table: String, column: String, on connection: PostgresConnection,
        store: (UUID, [UInt8]) throws -> Void
    ) throws -> ClearTextSealer.Batch {
        for row in rows {
            let id: UUID = try row.decode("id")
            let texts = RowTexts(table: table, id: id, cipher: try cipher(forWriting: try row.decode("owner_id"), on: connection))
            try store(id, try texts.seal(try row.decode(column), column: column))
        }
        return ClearTextSealer.Batch(count: rows.count, last: try rows.last.map { ClearTextSealer.Position(id: try $0.decode("id")) })
    }

    /// Checks that the key ring opens the stored data keys: one of each key-encryption key
    /// version in use. Throws the first that does not open (a wrong or incomplete key file).
    public func check(on connection: PostgresConnection) throws {
        for (owner, wrapped) in try store.samplePerKeyVersion(on: connection) {
            _ = try cipher(wrapped, owner: owner)
        }
    }

    /// Data keys still wrapped under a key-encryption key older than the ring's newest.
    public func countToRewrap(on connection: PostgresConnection) throws -> Int {
        try store.countOlderThan(ring.newestVersion, on: connection)
    }

    /// Re-wraps up to `limit` of them under the newest key, skipping keys others hold locked;
    /// returns how many. The data keys themselves, and so every sealed text, stay as they are.
    public func rewrap(limit: Int, on connection: PostgresConnection) throws -> Int {
        let batch = try store.olderThan(ring.newestVersion, limit: limit, on: connection)
        for (owner, wrapped) in batch {
            do {
                try store.replace(owner, with: try ring.rewrap(wrapped, owner: owner), on: connection)
            } catch let error as EncryptionError {
                throw SealedTextError(place: "data_keys.wrapped", row: owner, cause: error)
            }
        }
        return batch.count
    }

    private func cipher(_ wrapped: WrappedDataKey, owner: UUID) throws(SealedTextError) -> FieldCipher {
        do {
            return FieldCipher(dataKey: try ring.unwrap(wrapped, owner: owner))
        } catch {
            throw SealedTextError(place: "data_keys.wrapped", row: owner, cause: error)
        }
    }
}
