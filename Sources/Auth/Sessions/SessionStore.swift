import Foundation
import Postgres
import Web

/// The SQL of `sessions`. A session is live while it is younger than the absolute lifetime
/// (`expires_at`) and was used within the idle lifetime; revoking one deletes its row.
struct SessionStore: Sendable {
    let settings: SessionSettings

    /// Why a digest leads to no live session; for the log only.
    enum Miss: String, Error {
        case unknown, expired
    }

    func create(userId: UUID, tokenDigest: String, userAgent: String?, on connection: PostgresConnection) throws -> SessionRecord {
        let rows = try connection.query("""
            INSERT INTO sessions (user_id, token_hash, user_agent, expires_at)
            VALUES (\(userId), \(tokenDigest), \(userAgent), now() + make_interval(secs => \(absoluteSeconds)))
            RETURNING \(literal: SessionRecord.columns)
            """)
        return try SessionRecord(row: rows[0])
    }

    /// The caller of a token digest's live session. The same statement sets `actingUserSetting` (for
    /// row-level security) to the session's user, or to `""` when there is none, so the
    /// request's later statements run on the caller's behalf without another round trip. When
    /// `last_used_at` is older than `touchInterval`, a second statement marks the session used
    /// now (unless another request just did): at most once a minute per session, so the lookup
    /// every request makes stays a plain read.
    func find(tokenDigest: String, actingUserSetting: String, on connection: PostgresConnection) throws -> Caller? {
        let row = try connection.query("""
            SELECT live.id, live.user_id, live.stale,
                   set_config(\(actingUserSetting), coalesce(live.user_id::text, ''), false) AS acting
            FROM (VALUES (1)) AS one LEFT JOIN (
                SELECT id, user_id, last_used_at < now() - make_interval(secs => \(touchSeconds)) AS stale
                FROM sessions
                WHERE token_hash = \(tokenDigest) AND expires_at > now()
                  AND last_used_at > now() - make_interval(secs => \(idleSeconds))
            ) AS live ON true
            """)[0]
        connection.noteActing(as: try row.decode("acting"))
        guard let id: UUID = try row.decode("id") else { return nil }
        if try row.decode("stale", as: Bool.self) {
            try connection.execute("""
                UPDATE sessions SET last_used_at = now()
                WHERE id = \(id) AND last_used_at < now() - make_interval(secs => \(touchSeconds))
                """)
        }
        return Caller(userId: try row.decode("user_id"), sessionId: id)
    }

    /// Why `find` found nothing for a digest: an expired session, or none at all.
    func miss(tokenDigest: String, on connection: PostgresConnection) throws -> Miss {
        try connection.query("SELECT 1 FROM sessions WHERE token_hash = \(tokenDigest)").isEmpty ? .unknown : .expired
    }

    /// The user's live sessions, newest first (at most 100).
    func list(userId: UUID, on connection: PostgresConnection) throws -> [SessionRecord] {
        try connection.query("""
            SELECT \(literal: SessionRecord.columns)
            FROM sessions
            WHERE user_id = \(userId) AND expires_at > now()
              AND last_used_at > now() - make_interval(secs => \(idleSeconds))
            ORDER BY created_at DESC, id
            LIMIT 100
            """).map(SessionRecord.init)
    }

    /// Ends one session of the user; false when the user has no session with that id.
    func delete(id: UUID, userId: UUID, on connection: PostgresConnection) throws -> Bool {
        try connection.execute("DELETE FROM sessions WHERE id = \(id) AND user_id = \(userId)") == 1
    }

    /// Ends every session of the user but `kept`; returns how many ended.
    @discardableResult
    func deleteAll(userId: UUID, except kept: UUID, on connection: PostgresConnection) throws -> Int {
        try connection.execute("DELETE FROM sessions WHERE user_id = \(userId) AND id <> \(kept)")
    }

    /// Deletes the user's sessions that can no longer be used, so the table does not grow.
    func purgeExpired(userId: UUID, on connection: PostgresConnection) throws {
        try connection.execute("""
            DELETE FROM sessions
            WHERE user_id = \(userId)
              AND (expires_at <= now() OR last_used_at <= now() - make_interval(secs => \(idleSeconds)))
            """)
    }

    private var absoluteSeconds: Double { settings.absoluteLifetime.seconds }
    private var idleSeconds: Double { settings.idleLifetime.seconds }
    private var touchSeconds: Double { settings.touchInterval.seconds }
}
