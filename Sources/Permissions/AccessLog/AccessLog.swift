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

    /// A page of the log of one entry, newest first (the caller checks ownership).
    static func entries(
        of entryId: UUID, after position: AccessLogPosition, limit: Int, on connection: PostgresConnection
    ) throws -> [AccessLogItem] {
        try page(where: "l.entry_id", is: entryId, after: position, limit: limit, withEntryId: false, on: connection)
    }

    /// A page of the log of every entry `ownerId` owns, newest first.
    static func entries(
        ownedBy ownerId: UUID, after position: AccessLogPosition, limit: Int, on connection: PostgresConnection
    ) throws -> [AccessLogItem] {
        try page(where: "l.owner_id", is: ownerId, after: position, limit: limit, withEntryId: true, on: connection)
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

    private static func page(
        where column: PostgresFragment, is id: UUID, after position: AccessLogPosition, limit: Int, withEntryId: Bool,
        on connection: PostgresConnection
    ) throws -> [AccessLogItem] {
        try connection.query("""
            SELECT l.id, l.entry_id, l.viewer_id, u.display_name AS viewer_name, l.what, l.at,
                   (extract(epoch FROM l.at) * 1000000)::bigint AS at_micros
            FROM stepwork.access_log l
            JOIN stepwork.users u ON u.id = l.viewer_id
            WHERE \(literal: column) = \(id)
              AND (l.at, l.id) < (timestamptz 'epoch' + \(position.micros) * interval '1 microsecond', \(position.id))
            ORDER BY l.at DESC, l.id DESC
            LIMIT \(limit)
            """).map { try AccessLogItem(row: $0, withEntryId: withEntryId) }
    }
}
