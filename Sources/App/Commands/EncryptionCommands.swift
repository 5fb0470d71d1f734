import Comments
import Encryption
import Entries
import Postgres
import Reviews

/// `stepwork encrypt` and `stepwork keys rotate`: online, in batches of short transactions
/// (each row locked only while its batch runs, rows the server holds skipped until the next
/// pass), resumable (each picks up what is left), one progress line per batch.
enum EncryptionCommands {
    /// Rows or keys per transaction.
    static let batch = 200

    /// Seals every text still in the clear (rows written before encryption at rest) under its
    /// owner's data key, `batch` rows a transaction; the server reads both forms meanwhile.
    /// Returns the rows sealed.
    @discardableResult
    static func sealClearTexts(
        keys: DataKeys, on pool: PostgresPool, batch: Int = batch, progress: (String) -> Void
    ) throws -> Int {
        let sealers: [ClearTextSealer] = [.entries(keys: keys), .comments(keys: keys), .reviews(keys: keys)]
        var sealed = 0
        for sealer in sealers {
            let total = try pool.withConnection { try sealer.countClearRows($0) }
            var done = 0
            var position = ClearTextSealer.Position.start
            while true {
                let sealed = try pool.withTransaction { try sealer.sealClearRows(batch, position, $0) }
                guard let last = sealed.last else { break }
                position = last
                done += sealed.count
                progress("sealed \(done)/\(total) \(sealer.table)")
            }
            sealed += done
            let left = try pool.withConnection { try sealer.countClearRows($0) }
            if left > 0 { progress("\(left) \(sealer.table) still in the clear (written meanwhile or locked): run again") }
        }
        return sealed
    }

    /// Re-wraps every data key wrapped under an older key-encryption key than the newest in
    /// the key file. Returns the keys re-wrapped.
    @discardableResult
    static func rotate(keys: DataKeys, on pool: PostgresPool, progress: (String) -> Void) throws -> Int {
        let total = try pool.withConnection { try keys.countToRewrap(on: $0) }
        var done = 0
        while true {
            let count = try pool.withTransaction { try keys.rewrap(limit: batch, on: $0) }
            guard count > 0 else { break }
            done += count
            progress("rewrapped \(done)/\(total) data keys under v\(keys.ring.newestVersion)")
        }
        let left = try pool.withConnection { try keys.countToRewrap(on: $0) }
        progress(left == 0
            ? "every data key is wrapped under v\(keys.ring.newestVersion): older key lines may go"
            : "\(left) data keys still under older versions (locked): run again")
        return done
    }
}
