import Auth
import Foundation
import Postgres

/// The SQL of shares. Every method runs on the caller's connection, inside its transaction.
struct ShareStore: Sendable {
    /// The sponsor of `sponsorshipId` if it is active and `sponseeId` is its sponsee, locking
    /// it `FOR SHARE` so it cannot end before the transaction does.
    func activeSponsor(of sponsorshipId: UUID, sponsee sponseeId: UUID, on connection: PostgresConnection) throws
        -> UserSummary?
    {
        try connection.query("""
            SELECT u.id, u.display_name
            FROM stepwork.sponsorships sp JOIN stepwork.users u ON u.id = sp.sponsor_id
            WHERE sp.id = \(sponsorshipId) AND sp.sponsee_id = \(sponseeId) AND sp.status = 'active'
            FOR SHARE OF sp
            """).first.map { row in
            UserSummary(id: try row.decode("id"), displayName: try row.decode("display_name"))
        }
    }

    /// Creates the share or changes its access; `grantedAt` moves only when the access changes.
    /// Answers whether the share is new.
    func put(
        entryId: UUID, sponsorshipId: UUID, owner: UUID, sponsor: UserSummary, access: ShareAccess,
        on connection: PostgresConnection
    ) throws -> (share: Share, created: Bool) {
        // `xmax = 0` holds for a row this statement inserted, not for one it updated.
        let rows = try connection.query("""
            INSERT INTO stepwork.shares AS s (entry_id, sponsorship_id, owner_id, access)
            VALUES (\(entryId), \(sponsorshipId), \(owner), \(access))
            ON CONFLICT (entry_id, sponsorship_id) DO UPDATE
            SET access = excluded.access,
                granted_at = CASE WHEN s.access = excluded.access THEN s.granted_at ELSE now() END
            RETURNING granted_at, s.xmax = 0 AS created
            """)
        let share = Share(
            entryId: entryId, sponsorshipId: sponsorshipId, sponsor: sponsor, access: access,
            grantedAt: try rows[0].decode("granted_at"))
        return (share, try rows[0].decode("created"))
    }

    func delete(entryId: UUID, sponsorshipId: UUID, on connection: PostgresConnection) throws {
        try connection.execute(
            "DELETE FROM stepwork.shares WHERE entry_id = \(entryId) AND sponsorship_id = \(sponsorshipId)")
    }

    /// The entry's shares that grant access (through active sponsorships), oldest first.
    func list(entryId: UUID, on connection: PostgresConnection) throws -> [Share] {
        try connection.query("""
            SELECT s.entry_id, s.sponsorship_id, s.access, s.granted_at, u.id AS sponsor_id, u.display_name AS sponsor_name
            FROM stepwork.shares s
            JOIN stepwork.sponsorships sp ON sp.id = s.sponsorship_id
            JOIN stepwork.users u ON u.id = sp.sponsor_id
            WHERE s.entry_id = \(entryId) AND sp.status = 'active'
            ORDER BY s.granted_at, s.sponsorship_id
            """).map(Share.init(row:))
    }
}
