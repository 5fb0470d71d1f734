import Foundation
import Postgres
import Web

/// The SQL of `users`.
struct UserStore: Sendable {

    /// Inserts a user. Throws `AccountError.emailTaken` when the email is registered already,
    /// also when a concurrent registration won the race.
    func insert(email: String, displayName: String, passwordHash: String, on connection: PostgresConnection) throws -> UserRecord {
        do {
            let rows = try connection.query("""
                INSERT INTO users (email, display_name, password_hash)
                VALUES (\(email), \(displayName), \(passwordHash))
                RETURNING \(literal: UserRecord.columns)
                """)
            return try UserRecord(row: rows[0])
        } catch {
            guard error.isUniqueViolation && error.constraint == "users_email_key" else { throw error }
            throw AccountError.emailTaken
        }
    }

    func find(email: String, on connection: PostgresConnection) throws -> UserRecord? {
        try connection.query("""
            SELECT \(literal: UserRecord.columns)
            FROM users WHERE email = \(email)
            """).first.map(UserRecord.init)
    }

    func find(id: UUID, on connection: PostgresConnection) throws -> UserRecord? {
        try connection.query("""
            SELECT \(literal: UserRecord.columns)
            FROM users WHERE id = \(id)
            """).first.map(UserRecord.init)
    }

    /// Sets the display name when given, and the sobriety date as `sobrietyDate` says.
    func updateProfile(
        id: UUID, displayName: String?, sobrietyDate: PatchField<CalendarDate>, on connection: PostgresConnection
    ) throws -> UserRecord? {
        let changesDate: Bool
        let date: CalendarDate?
        switch sobrietyDate {
        case .absent: (changesDate, date) = (false, nil)
        case .null: (changesDate, date) = (true, nil)
        case .value(let value): (changesDate, date) = (true, value)
        }
        return try connection.query("""
            UPDATE users
            SET display_name = coalesce(\(displayName)::text, display_name),
                sobriety_date = CASE WHEN \(changesDate) THEN \(date) ELSE sobriety_date END
            WHERE id = \(id)
            RETURNING \(literal: UserRecord.columns)
            """).first.map(UserRecord.init)
    }

    /// The user's current password hash, the row locked (`FOR NO KEY UPDATE`) until the
    /// transaction ends: a password change cannot commit in between.
    func lockPasswordHash(of id: UUID, on connection: PostgresConnection) throws -> String? {
        try connection.query("SELECT password_hash FROM users WHERE id = \(id) FOR NO KEY UPDATE")
            .first.map { row throws(PostgresError) in try row.decode("password_hash") }
    }

    /// Replaces the password hash, but only if it is still `current`: a concurrent password
    /// change is never overwritten. Returns whether the row changed.
    @discardableResult
    func replacePasswordHash(
        of id: UUID, current: String, with new: String, on connection: PostgresConnection
    ) throws -> Bool {
        try connection.execute("""
            UPDATE users SET password_hash = \(new) WHERE id = \(id) AND password_hash = \(current)
            """) == 1
    }
}
