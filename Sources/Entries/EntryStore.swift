import Foundation
import Permissions
import Postgres

/// The SQL of entries. Every method runs on the caller's connection, inside its transaction;
/// who may do what is decided before, by `EntryAccessPolicy`.
struct EntryStore: Sendable {
    func insert(owner: UUID, kind: EntryKind, content: EntryContent, on connection: PostgresConnection) throws
        -> EntryRecord
    {
        let rows = try connection.query("""
            INSERT INTO stepwork.entries (owner_id, kind, title, body, step, fields)
            VALUES (\(owner), \(kind), \(content.title), \(content.body), \(content.step), \(try Self.json(content.fields))::jsonb)
            RETURNING id
            """)
        return try reread(rows, on: connection)
    }

    func find(_ id: UUID, on connection: PostgresConnection) throws -> EntryRecord? {
        try connection.query("SELECT * FROM stepwork.entry_rows WHERE id = \(id)").first.map(EntryRecord.init(row:))
    }

    /// Replaces the content if the entry is still at `version`; nil when it is not (or is gone).
    func update(
        _ id: UUID, from version: Int, to content: EntryContent, on connection: PostgresConnection
    ) throws -> EntryRecord? {
        let rows = try connection.query("""
            UPDATE stepwork.entries
            SET title = \(content.title), body = \(content.body), step = \(content.step),
                fields = \(try Self.json(content.fields))::jsonb, version = version + 1, updated_at = now()
            WHERE id = \(id) AND version = \(version)
            RETURNING id
            """)
        return rows.isEmpty ? nil : try reread(rows, on: connection)
    }

    func delete(_ id: UUID, on connection: PostgresConnection) throws {
        try connection.execute("DELETE FROM stepwork.entries WHERE id = \(id)")
    }

    /// A page of `owner`'s entries after `position`, newest update first. Each filter has its
    /// own statement, so each can use its own index (a generic plan could not).
    func list(
        owner: UUID, filter: EntryFilter, after position: EntryPosition, limit: Int, on connection: PostgresConnection
    ) throws -> [EntryRecord] {
        let micros = position.updatedAtMicros, id = position.id
        let rows: PostgresRows
        switch (filter.kind, filter.step) {
        case (nil, nil):
            rows = try connection.query("""
                SELECT * FROM stepwork.entry_rows
                WHERE owner_id = \(owner)
                  AND (updated_at, id) < (timestamptz 'epoch' + \(micros) * interval '1 microsecond', \(id))
                ORDER BY updated_at DESC, id DESC LIMIT \(limit)
                """)
        case (let kind?, let step):
            rows = try connection.query("""
                SELECT * FROM stepwork.entry_rows
                WHERE owner_id = \(owner) AND kind = \(kind) AND (\(step)::smallint IS NULL OR step = \(step))
                  AND (updated_at, id) < (timestamptz 'epoch' + \(micros) * interval '1 microsecond', \(id))
                ORDER BY updated_at DESC, id DESC LIMIT \(limit)
                """)
        case (nil, let step?):
            rows = try connection.query("""
                SELECT * FROM stepwork.entry_rows
                WHERE owner_id = \(owner) AND step = \(step)
                  AND (updated_at, id) < (timestamptz 'epoch' + \(micros) * interval '1 microsecond', \(id))
                ORDER BY updated_at DESC, id DESC LIMIT \(limit)
                """)
        }
        return try rows.map(EntryRecord.init(row:))
    }

    /// `owner`'s amends counted by status, risk, revisit date and pending review, in one
    /// statement (one snapshot). "Today" is the database's current date in UTC.
    func amendSummary(owner: UUID, on connection: PostgresConnection) throws -> AmendSummary {
        let rows = try connection.query("""
            SELECT count(*) AS total,
                   count(*) FILTER (WHERE fields ->> 'status' = 'not_yet_willing') AS not_yet_willing,
                   count(*) FILTER (WHERE fields ->> 'status' = 'planned') AS planned,
                   count(*) FILTER (WHERE fields ->> 'status' = 'ready') AS ready,
                   count(*) FILTER (WHERE fields ->> 'status' = 'made') AS made,
                   count(*) FILTER (WHERE fields ->> 'status' = 'deferred') AS deferred,
                   count(*) FILTER (WHERE fields ->> 'status' = 'not_advisable') AS not_advisable,
                   count(*) FILTER (WHERE fields ->> 'status' <> 'made' AND fields ->> 'riskToOthers' IS NULL)
                       AS risk_unconsidered,
                   count(*) FILTER (WHERE fields ->> 'status' <> 'made'
                       AND (fields ->> 'revisitOn')::date <= (now() AT TIME ZONE 'UTC')::date) AS revisit_due,
                   (SELECT count(*) FROM stepwork.reviews r WHERE r.owner_id = \(owner) AND r.verdict IS NULL)
                       AS awaiting_review
            FROM stepwork.entries
            WHERE owner_id = \(owner) AND kind = 'amend'
            """)
        return try AmendSummary(row: rows[0])
    }

    /// Reads back the entry whose id `rows` (from `RETURNING id`) holds, in the same transaction.
    private func reread(_ rows: PostgresRows, on connection: PostgresConnection) throws -> EntryRecord {
        let id: UUID = try rows[0].decode("id")
        guard let record = try find(id, on: connection) else { throw EntryStoreError.unreadable(id) }
        return record
    }

    private static func json(_ fields: EntryFields) throws -> String {
        String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
    }
}
