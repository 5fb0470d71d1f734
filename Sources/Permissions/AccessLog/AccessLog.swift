import Foundation
import Postgres

/// Who, other than its owner, read which entry, its thread or its reviews, and when.
///
/// The entry read and `GET /v1/shared` write their rows in the statement that reads
/// (`EntryAccessPolicy`); the other reads call `record` in the transaction of the read, after
/// the policy allowed it. Owners' own reads are never recorded.
public enum AccessLog {
    /// Records that `viewer` read `what` of `entryId`, unless `viewer` owns the entry: call it
    /// inside the transaction that reads, after `EntryAccessPolicy` allowed the read.
    public static func record(
        _ what: ReadTarget, entry entryId: UUID, viewer: UUID, on connection: PostgresConnection
    ) throws {
        try connection.execute("""
            INSERT INTO stepwork.access_log (entry_id, owner_id, viewer_id, what)
            SELECT e.id, e.owner_id, \(viewer), \(what.rawValue)
            FROM stepwork.entries e WHERE e.id = \(entryId) AND e.owner_id <> \(viewer)
            """)
    }

    /// A page of the log of one entry of `ownerId`, newest first (the caller checks ownership):
    /// a range of `access_log_owner_entry_idx`.
    static func entries(
        of entryId: UUID, ownedBy ownerId: UUID, after position: AccessLogPosition, limit: Int,
        on connection: PostgresConnection
    ) throws -> [AccessLogItem] {
        try connection.query("""
            SELECT \(literal: itemColumns)
            FROM stepwork.access_log l
            JOIN stepwork.users u ON u.id = l.viewer_id
            WHERE l.owner_id = \(ownerId) AND l.entry_id = \(entryId)
              AND (l.at, l.id) < (timestamptz 'epoch' + \(position.micros) * interval '1 microsecond', \(position.id))
            ORDER BY l.at DESC, l.id DESC
            LIMIT \(limit)
            """).map { try AccessLogItem(row: $0, withEntryId: false) }
    }

    /// A page of the log of every entry `ownerId` owns, newest first: the owner's range of
    /// `access_log_owner_entry_idx`, sorted (a page of an owner's whole log is a rare read; the
    /// log's one index is for the reads that write it).
    static func entries(
        ownedBy ownerId: UUID, after position: AccessLogPosition, limit: Int, on connection: PostgresConnection
    ) throws -> [AccessLogItem] {
        try connection.query("""
            SELECT \(literal: itemColumns)
            FROM stepwork.access_log l
            JOIN stepwork.users u ON u.id = l.viewer_id
            WHERE l.owner_id = \(ownerId)
              AND (l.at, l.id) < (timestamptz 'epoch' + \(position.micros) * interval '1 microsecond', \(position.id))
            ORDER BY l.at DESC, l.id DESC
            LIMIT \(limit)
            """).map { try AccessLogItem(row: $0, withEntryId: true) }
    }

    /// Deletes every row about `userId`'s entries and every row of their reads, in the caller's
    /// transaction (account deletion). They read only entries of the people they sponsored, and
    /// a sponsorship goes only with one of its two accounts (whose rows go then): so the rows of
    /// their reads are in those owners' ranges of the index.
    public static func forget(_ userId: UUID, on connection: PostgresConnection) throws {
        try connection.execute("DELETE FROM stepwork.access_log WHERE owner_id = \(userId)")
        try connection.execute("""
            DELETE FROM stepwork.access_log l USING stepwork.sponsorships sp
            WHERE sp.sponsor_id = \(userId) AND l.owner_id = sp.sponsee_id AND l.viewer_id = \(userId)
            """)
    }

    /// Deletes up to `batch` rows older than `retention`; returns how many went.
    static func purge(olderThan retention: Duration, batch: Int, on connection: PostgresConnection) throws -> Int {
        try connection.execute("""
            DELETE FROM stepwork.access_log WHERE ctid IN (
                SELECT ctid FROM stepwork.access_log
                WHERE at < statement_timestamp() - make_interval(secs => \(Double(retention.components.seconds)))
                LIMIT \(batch))
            """)
    }

    private static let itemColumns: PostgresFragment = """
        l.id, l.entry_id, l.viewer_id, u.display_name AS viewer_name, l.what, l.at,
        (extract(epoch FROM l.at) * 1000000)::bigint AS at_micros
        """
}
