import Encryption
import Foundation
import Postgres

/// The SQL of reviews. Every method runs on the caller's connection, inside its transaction;
/// who may do what is decided before, by `EntryAccessPolicy` and `ReviewService`. A note is
/// written sealed under the data key of the entry's owner and read in either form.
struct ReviewStore: Sendable {
    let keys: DataKeys

    /// The partial unique index that allows one undecided review per entry and sponsorship.
    private static let pendingConstraint = "reviews_pending_key"

    /// Whether the entry is an amend; nil when there is no such entry.
    func isAmend(_ entryId: UUID, on connection: PostgresConnection) throws -> Bool? {
        try connection.query("SELECT kind = 'amend' AS amend FROM stepwork.entries WHERE id = \(entryId)")
            .first.map { try $0.decode("amend") }
    }

    /// Whether the entry is shared with `comment` access through `sponsorshipId`, an active
    /// sponsorship of `ownerId`; the share and the sponsorship are locked `FOR SHARE`, so the
    /// request commits before a revoke or an end that comes after this check.
    func isSharedForComment(
        _ entryId: UUID, through sponsorshipId: UUID, owner ownerId: UUID, on connection: PostgresConnection
    ) throws -> Bool {
        try !connection.query("""
            SELECT 1 FROM stepwork.shares s
            JOIN stepwork.sponsorships sp ON sp.id = s.sponsorship_id
            WHERE s.entry_id = \(entryId) AND s.sponsorship_id = \(sponsorshipId) AND s.access = 'comment'
              AND sp.sponsee_id = \(ownerId) AND sp.status = 'active'
            FOR SHARE OF s, sp
            """).isEmpty
    }

    /// Asks for a review of the entry at its current version. Throws `ReviewError.pending`
    /// when that sponsorship has an undecided review of it already.
    func insert(
        on entryId: UUID, through sponsorshipId: UUID, owner ownerId: UUID, on connection: PostgresConnection
    ) throws -> ReviewRecord {
        let rows: PostgresRows
        do {
            rows = try connection.query("""
                INSERT INTO stepwork.reviews (entry_id, sponsorship_id, owner_id, requested_on_version)
                SELECT e.id, \(sponsorshipId), e.owner_id, e.version
                FROM stepwork.entries e WHERE e.id = \(entryId) AND e.owner_id = \(ownerId)
                RETURNING id
                """)
        } catch {
            guard error.isUniqueViolation && error.constraint == Self.pendingConstraint else { throw error }
            throw ReviewError.pending
        }
        return try reread(rows, on: connection)
    }

    /// The review, or nil when there is none.
    func find(_ id: UUID, on connection: PostgresConnection) throws -> ReviewRecord? {
        try connection.query("SELECT * FROM stepwork.review_rows WHERE id = \(id)").first.map(record)
    }

    /// The review, locked until the transaction ends so that verdicts and withdrawals of it
    /// take turns; nil when there is none. Lock the entry first (the policy does).
    func lock(_ id: UUID, on connection: PostgresConnection) throws -> ReviewRecord? {
        let locked = try connection.query("SELECT id FROM stepwork.reviews WHERE id = \(id) FOR NO KEY UPDATE")
        return locked.isEmpty ? nil : try find(id, on: connection)
    }

    /// Records the verdict on the entry's current version; a verdict given again replaces it.
    func decide(_ review: ReviewRecord, verdict: ReviewVerdict, note: String?, on connection: PostgresConnection) throws
        -> ReviewRecord
    {
        let sealed = try note.map { try texts(of: review.id, owner: review.ownerId, on: connection).seal($0, column: "note") }
        let rows = try connection.query("""
            UPDATE stepwork.reviews r
            SET verdict = \(verdict), note = NULL, note_sealed = \(sealed), decided_at = now(),
                decided_on_version = e.version
            FROM stepwork.entries e
            WHERE r.id = \(review.id) AND e.id = r.entry_id
            RETURNING r.id
            """)
        return try reread(rows, on: connection)
    }

    func delete(_ id: UUID, on connection: PostgresConnection) throws {
        try connection.execute("DELETE FROM stepwork.reviews WHERE id = \(id)")
    }

    /// The entry's reviews, newest first: all of them, or only those of `sponsorshipId`.
    func list(of entryId: UUID, sponsorship sponsorshipId: UUID?, on connection: PostgresConnection) throws
        -> [ReviewRecord]
    {
        try connection.query("""
            SELECT * FROM stepwork.review_rows
            WHERE entry_id = \(entryId) AND (\(sponsorshipId)::uuid IS NULL OR sponsorship_id = \(sponsorshipId))
            ORDER BY requested_at DESC, id DESC
            """).map(record)
    }

    /// Up to `limit` reviews after `position`, newest first, that `reviewerId` is asked for
    /// through an active sponsorship whose share of the entry still stands (any access): the
    /// policy's rule for a sponsor's access, applied to a whole list in one statement.
    func assigned(
        to reviewerId: UUID, state: ReviewState, after position: ReviewPosition, limit: Int,
        on connection: PostgresConnection
    ) throws -> [ReviewRecord] {
        try connection.query("""
            SELECT r.* FROM stepwork.review_rows r
            JOIN stepwork.sponsorships sp ON sp.id = r.sponsorship_id
            JOIN stepwork.shares s ON s.entry_id = r.entry_id AND s.sponsorship_id = r.sponsorship_id
            WHERE sp.sponsor_id = \(reviewerId) AND sp.status = 'active'
              AND (\(state.rawValue) = 'all' OR (r.verdict IS NULL) = (\(state.rawValue) = 'open'))
              AND (r.requested_at, r.id)
                  < (timestamptz 'epoch' + \(position.requestedAtMicros) * interval '1 microsecond', \(position.id))
            ORDER BY r.requested_at DESC, r.id DESC
            LIMIT \(limit)
            """).map(record)
    }

    /// Seals up to `limit` notes still in the clear after `position`, skipping rows others hold.
    func sealClearRows(limit: Int, after position: ClearTextSealer.Position, on connection: PostgresConnection) throws
        -> ClearTextSealer.Batch
    {
        let rows = try connection.query("""
            SELECT id, owner_id, note FROM stepwork.reviews
            WHERE note IS NOT NULL AND id > \(position.id)
            ORDER BY id LIMIT \(limit) FOR UPDATE SKIP LOCKED
            """)
        return try keys.sealClear(rows, table: "reviews", column: "note", on: connection) { id, sealed in
            _ = try connection.execute("UPDATE stepwork.reviews SET note = NULL, note_sealed = \(sealed) WHERE id = \(id)")
        }
    }

    func countClearRows(on connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT count(*) AS n FROM stepwork.reviews WHERE note IS NOT NULL")[0].decode("n")
    }

    /// A review from a row of `stepwork.review_rows`, its note opened.
    func record(_ row: PostgresRow) throws -> ReviewRecord {
        try ReviewRecord(row: row, keys: keys)
    }

    private func texts(of id: UUID, owner: UUID, on connection: PostgresConnection) throws -> RowTexts {
        RowTexts(table: "reviews", id: id, cipher: try keys.cipher(forWriting: owner, on: connection))
    }

    /// Reads back the review whose id `rows` (from `RETURNING id`) holds, in the same transaction.
    private func reread(_ rows: PostgresRows, on connection: PostgresConnection) throws -> ReviewRecord {
        guard let row = rows.first else { throw ReviewStoreError.notWritten }
        let id: UUID = try row.decode("id")
        guard let record = try find(id, on: connection) else { throw ReviewStoreError.unreadable(id) }
        return record
    }
}
