import Foundation
import Postgres

/// A row of `users`, as the services need it. Never encoded: answers use `UserOutput`.
struct UserRecord: Sendable {
    let id: UUID
    let email: String
    let displayName: String
    let passwordHash: String
    let sobrietyDate: CalendarDate?
    let createdAt: Date

    /// The columns `init(row:)` reads, for `SELECT` and `RETURNING` lists.
    static let columns: PostgresFragment = "id, email, display_name, password_hash, sobriety_date, created_at"

    init(row: PostgresRow) throws(PostgresError) {
        id = try row.decode("id")
        email = try row.decode("email")
        displayName = try row.decode("display_name")
        passwordHash = try row.decode("password_hash")
        sobrietyDate = try row.decode("sobriety_date")
        createdAt = try row.decode("created_at")
    }
}
