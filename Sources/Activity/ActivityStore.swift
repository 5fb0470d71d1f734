import Foundation
import Postgres

/// Reads of `stepwork.activity` for its recipient, each filtered in the same statement by the
/// entry visibility rule it is given, so an item about an entry the recipient can no longer
/// see is neither listed nor counted.
struct ActivityStore: Sendable {
    /// A boolean SQL condition, true when the user in `subject.viewer_id` may see the entry in
    /// `subject.entry_id` (or it is null): `EntryAccessPolicy.visibleSubject`, passed in by App
    /// so that this module needs no knowledge of shares.
    let visibleSubject: PostgresFragment

    /// Up to `limit` visible items of `userId` after `position`, newest first.
    func feed(of userId: UUID, after position: ActivityPosition, limit: Int, on connection: PostgresConnection) throws
        -> [(item: Activity, position: ActivityPosition)]
    {
        try connection.query("""
            SELECT subject.*, u.display_name AS actor_name, (extract(epoch FROM subject.at) * 1000000)::bigint AS at_micros
            FROM (SELECT a.*, a.recipient_id AS viewer_id FROM stepwork.activity a WHERE a.recipient_id = \(userId)) subject
            JOIN stepwork.users u ON u.id = subject.actor_id
            WHERE (subject.at, subject.id)
                  < (timestamptz 'epoch' + \(position.atMicros) * interval '1 microsecond', \(position.id))
              AND \(literal: visibleSubject)
            ORDER BY subject.at DESC, subject.id DESC
            LIMIT \(limit)
            """).map(Self.positioned)
    }

    /// How many visible items of `userId` are newer than the latest they marked seen.
    func unread(of userId: UUID, on connection: PostgresConnection) throws -> Int {
        try connection.query("""
            SELECT count(*) AS unread
            FROM (SELECT a.*, a.recipient_id AS viewer_id FROM stepwork.activity a WHERE a.recipient_id = \(userId)) subject
            LEFT JOIN stepwork.activity_seen seen ON seen.user_id = subject.viewer_id
            WHERE (seen.user_id IS NULL OR (subject.at, subject.id) > (seen.seen_at, seen.seen_id))
              AND \(literal: visibleSubject)
            """)[0].decode("unread")
    }

    /// Moves the seen mark of `userId` up to their visible item `id`, never back; false when
    /// there is no such item.
    func markSeen(upTo id: UUID, by userId: UUID, on connection: PostgresConnection) throws -> Bool {
        let found = try connection.query("""
            SELECT subject.at, subject.id
            FROM (SELECT a.*, a.recipient_id AS viewer_id FROM stepwork.activity a WHERE a.recipient_id = \(userId)) subject
            WHERE subject.id = \(id) AND \(literal: visibleSubject)
            """)
        guard !found.isEmpty else { return false }
        try connection.execute("""
            INSERT INTO stepwork.activity_seen AS seen (user_id, seen_at, seen_id)
            SELECT recipient_id, at, id FROM stepwork.activity WHERE id = \(id)
            ON CONFLICT (user_id) DO UPDATE SET seen_at = excluded.seen_at, seen_id = excluded.seen_id
            WHERE (seen.seen_at, seen.seen_id) < (excluded.seen_at, excluded.seen_id)
            """)
        return true
    }

    /// The item `id` of `userId`, if it exists and they can see it now: what a live stream
    /// sends of a new item announced to them.
    func item(_ id: UUID, of userId: UUID, on connection: PostgresConnection) throws
        -> (item: Activity, position: ActivityPosition)?
    {
        try connection.query("""
            SELECT subject.*, u.display_name AS actor_name, (extract(epoch FROM subject.at) * 1000000)::bigint AS at_micros
            FROM (SELECT a.*, a.recipient_id AS viewer_id FROM stepwork.activity a
                  WHERE a.recipient_id = \(userId) AND a.id = \(id)) subject
            JOIN stepwork.users u ON u.id = subject.actor_id
            WHERE \(literal: visibleSubject)
            """).first.map(Self.positioned)
    }

    /// Up to `limit` visible items of `userId` written after `atMicros` (the newest of them),
    /// oldest first: what a stream replays.
    func items(of userId: UUID, since atMicros: Int64, limit: Int, on connection: PostgresConnection) throws
        -> [(item: Activity, position: ActivityPosition)]
    {
        try connection.query("""
            SELECT subject.*, u.display_name AS actor_name, (extract(epoch FROM subject.at) * 1000000)::bigint AS at_micros
            FROM (SELECT a.*, a.recipient_id AS viewer_id FROM stepwork.activity a
                  WHERE a.recipient_id = \(userId)
                    AND a.at > timestamptz 'epoch' + \(atMicros) * interval '1 microsecond') subject
            JOIN stepwork.users u ON u.id = subject.actor_id
            WHERE \(literal: visibleSubject)
            ORDER BY subject.at DESC, subject.id DESC
            LIMIT \(limit)
            """).map(Self.positioned).reversed()
    }

    /// When the item `id` of `userId` was written, in microseconds since 1970; nil if they
    /// have no such item.
    func writtenAt(_ id: UUID, of userId: UUID, on connection: PostgresConnection) throws -> Int64? {
        try connection.query("""
            SELECT (extract(epoch FROM at) * 1000000)::bigint AS at_micros
            FROM stepwork.activity WHERE id = \(id) AND recipient_id = \(userId)
            """).first?.decode("at_micros")
    }

    /// The database's clock now, in microseconds since 1970: where a new stream's items start.
    func now(on connection: PostgresConnection) throws -> Int64 {
        try connection.query("SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint AS now")[0].decode("now")
    }

    private static func positioned(_ row: PostgresRow) throws -> (item: Activity, position: ActivityPosition) {
        let item = try Activity(row: row)
        return (item, ActivityPosition(atMicros: try row.decode("at_micros"), id: item.id))
    }
}
