import Encryption
import Foundation
import Permissions
import Postgres

/// The SQL of entries. Every method runs on the caller's connection, inside its transaction;
/// who may do what is decided before, by `EntryAccessPolicy`. Texts are written sealed under
/// the owner's data key (`StoredEntryContent`) and read in either form.
struct EntryStore: Sendable {
    let keys: DataKeys

    func insert(owner: UUID, kind: EntryKind, content: EntryContent, on connection: PostgresConnection) throws
        -> EntryRecord
    {
        let id = UUID()
        let stored = try StoredEntryContent(content, kind: kind, texts: try texts(of: id, owner: owner, on: connection))
        let rows = try connection.query("""
            INSERT INTO stepwork.entries
                (id, owner_id, kind, title, body, title_sealed, body_sealed, step, fields, fields_sealed)
            VALUES (\(id), \(owner), \(kind), '', '', \(stored.titleSealed), \(stored.bodySealed), \(content.step),
                    \(stored.fields)::jsonb, \(stored.fieldsSealed))
            RETURNING id
            """)
        return try reread(rows, on: connection)
    }

    func find(_ id: UUID, on connection: PostgresConnection) throws -> EntryRecord? {
        try connection.query("SELECT * FROM stepwork.entry_rows WHERE id = \(id)").first.map(record)
    }

    /// Replaces the content if the entry is still at `version`; nil when it is not (or is gone).
    func update(
        _ current: EntryRecord, to content: EntryContent, on connection: PostgresConnection
    ) throws -> EntryRecord? {
        let stored = try StoredEntryContent(
            content, kind: current.kind, texts: try texts(of: current.id, owner: current.owner.id, on: connection))
        let rows = try connection.query("""
            UPDATE stepwork.entries
            SET title = '', body = '', title_sealed = \(stored.titleSealed), body_sealed = \(stored.bodySealed),
                step = \(content.step), fields = \(stored.fields)::jsonb, fields_sealed = \(stored.fieldsSealed),
                version = version + 1, updated_at = now()
            WHERE id = \(current.id) AND version = \(current.version)
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
        return try rows.map(record)
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

    /// Seals up to `limit` entries still in the clear after `position`, skipping rows others
    /// hold. Their content, version and update time stay as they are. Each owner's key is
    /// looked up once a batch, and the batch is written back by one statement: the table's
    /// checks are prepared once for it, not once a row.
    func sealClearRows(limit: Int, after position: ClearTextSealer.Position, on connection: PostgresConnection) throws
        -> ClearTextSealer.Batch
    {
        let rows = try connection.query("""
            SELECT id, owner_id, kind, title, body, step, fields FROM stepwork.entries
            WHERE title_sealed IS NULL
              AND (owner_id, id) > (\(position.owner), \(position.id))
            ORDER BY owner_id, id LIMIT \(limit) FOR UPDATE SKIP LOCKED
            """)
        var ciphers: [UUID: FieldCipher] = [:]
        var sealed: [SealedEntryRow] = []
        for row in rows {
            let id: UUID = try row.decode("id"), owner: UUID = try row.decode("owner_id"), kind: EntryKind = try row.decode("kind")
            let content = EntryContent(
                title: try row.decode("title"), body: try row.decode("body"), step: try row.decode("step"),
                fields: try EntryFields(stored: try row.decode("fields"), kind: kind))
            let cipher = try ciphers[owner] ?? keys.cipher(forWriting: owner, on: connection)
            ciphers[owner] = cipher
            let stored = try StoredEntryContent(content, kind: kind, texts: RowTexts(table: "entries", id: id, cipher: cipher))
            sealed.append(SealedEntryRow(id: id, stored: stored))
        }
        guard let last = rows.last else { return ClearTextSealer.Batch(count: 0, last: nil) }
        let batch = String(decoding: try JSONEncoder().encode(sealed), as: UTF8.self)
        try connection.execute("""
            UPDATE stepwork.entries e
            SET title = '', body = '', title_sealed = decode(x.title, 'base64'), body_sealed = decode(x.body, 'base64'),
                fields = x.fields::jsonb, fields_sealed = decode(x."fieldsSealed", 'base64')
            FROM jsonb_to_recordset(\(batch)::jsonb) AS x(id uuid, title text, body text, fields text, "fieldsSealed" text)
            WHERE e.id = x.id
            """)
        return ClearTextSealer.Batch(
            count: rows.count, last: ClearTextSealer.Position(owner: try last.decode("owner_id"), id: try last.decode("id")))
    }

    func countClearRows(on connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT count(*) AS n FROM stepwork.entries WHERE title_sealed IS NULL")[0].decode("n")
    }

    /// An entry from a row of `stepwork.entry_rows`, its texts opened.
    func record(_ row: PostgresRow) throws -> EntryRecord {
        try EntryRecord(row: row, keys: keys)
    }

    /// The texts of entry `id`, sealed under `owner`'s data key (created at the first write).
    private func texts(of id: UUID, owner: UUID, on connection: PostgresConnection) throws -> RowTexts {
        RowTexts(table: "entries", id: id, cipher: try keys.cipher(forWriting: owner, on: connection))
    }
}

/// One sealed entry of a `sealClearRows` batch, as `jsonb_to_recordset` reads it: the sealed
/// columns in base64, the clear members of `fields` as JSON text.
private struct SealedEntryRow: Encodable {
    let id: UUID
    let title: String
    let body: String
    let fields: String
    let fieldsSealed: String?

    init(id: UUID, stored: StoredEntryContent) {
        self.id = id
        title = Data(stored.titleSealed).base64EncodedString()
        body = Data(stored.bodySealed).base64EncodedString()
        fields = stored.fields
        fieldsSealed = stored.fieldsSealed.map { Data($0).base64EncodedString() }
    }
}
