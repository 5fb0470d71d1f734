import Foundation
import Postgres

/// A row of `sessions` (without its token hash).
struct SessionRecord: Sendable {
    let id: UUID
    let userId: UUID
    let userAgent: String?
    let createdAt: Date
    let lastUsedAt: Date
    let expiresAt: Date

    /// The columns `init(row:)` reads, for `SELECT` and `RETURNING` lists.
    static let columns: PostgresFragment = "id, user_id, user_agent, created_at, last_used_at, expires_at"

    init(row: PostgresRow) throws(PostgresError) {
        id = try row.decode("id")
        userId = try row.decode("user_id")
        userAgent = try row.decode("user_agent")
        createdAt = try row.decode("created_at")
        lastUsedAt = try row.decode("last_used_at")
        expiresAt = try row.decode("expires_at")
    }
}
