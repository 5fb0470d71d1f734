import Auth
import Foundation
import Postgres

/// The SQL of sponsorships.
struct SponsorshipStore: Sendable {
    /// Starts an active sponsorship; nil when the pair already has one (the partial unique
    /// index `sponsorships_active_pair_key` decides, also between concurrent transactions).
    func insert(sponsor: UUID, sponsee: UUID, on connection: PostgresConnection) throws -> UUID? {
        try connection.query("""
            INSERT INTO stepwork.sponsorships (sponsor_id, sponsee_id)
            VALUES (\(sponsor), \(sponsee))
            ON CONFLICT (sponsor_id, sponsee_id) WHERE status = 'active' DO NOTHING
            RETURNING id
            """).first.map { try $0.decode("id") }
    }

    func find(_ id: UUID, on connection: PostgresConnection) throws -> Sponsorship? {
        try connection.query("SELECT * FROM stepwork.sponsorship_rows WHERE id = \(id)").first
            .map(Sponsorship.init(row:))
    }

    /// Every sponsorship `userId` is a party to: active first, then the newest.
    func list(for userId: UUID, on connection: PostgresConnection) throws -> [Sponsorship] {
        try connection.query("""
            SELECT * FROM stepwork.sponsorship_rows
            WHERE sponsor_id = \(userId) OR sponsee_id = \(userId)
            ORDER BY status = 'active' DESC, started_at DESC, id DESC
            """).map(Sponsorship.init(row:))
    }

    /// Ends the sponsorship if `userId` is a party to it, locking it first so that two ends
    /// take turns: nil when they are not a party; else the other party, and whether this call
    /// ended it (false when it had already ended).
    func end(_ id: UUID, by userId: UUID, on connection: PostgresConnection) throws -> (otherParty: UUID, ended: Bool)? {
        guard let row = try connection.query("""
            SELECT sponsor_id, sponsee_id, status = 'active' AS active FROM stepwork.sponsorships
            WHERE id = \(id) AND (sponsor_id = \(userId) OR sponsee_id = \(userId))
            FOR UPDATE
            """).first
        else { return nil }
        let sponsor: UUID = try row.decode("sponsor_id")
        let otherParty: UUID = sponsor == userId ? try row.decode("sponsee_id") : sponsor
        guard try row.decode("active", as: Bool.self) else { return (otherParty, false) }
        try connection.execute("UPDATE stepwork.sponsorships SET status = 'ended', ended_at = now() WHERE id = \(id)")
        return (otherParty, true)
    }
}
