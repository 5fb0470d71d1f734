import Foundation
import Postgres

/// The SQL of invites, which are known only by the SHA-256 of their code.
struct InviteStore: Sendable {
    /// Stores a new invite and returns when it expires.
    func insert(
        inviter: UUID, role: InviteRole, codeHash: String, lifetime: Duration, on connection: PostgresConnection
    ) throws -> Date {
        try connection.query("""
            INSERT INTO stepwork.invites (inviter_id, inviter_role, code_hash, expires_at)
            VALUES (\(inviter), \(role), \(codeHash), now() + \(lifetime.components.seconds) * interval '1 second')
            RETURNING expires_at
            """)[0].decode("expires_at")
    }

    /// Marks the unused, unexpired invite with this code as used. Of two transactions
    /// claiming the same code, the second waits for the first and then finds it used.
    func claim(codeHash: String, on connection: PostgresConnection) throws -> ClaimedInvite? {
        try connection.query("""
            UPDATE stepwork.invites SET accepted_at = now()
            WHERE code_hash = \(codeHash) AND accepted_at IS NULL AND expires_at > now()
            RETURNING id, inviter_id, inviter_role
            """).first.map { row in
            ClaimedInvite(
                id: try row.decode("id"), inviterId: try row.decode("inviter_id"),
                inviterRole: try row.decode("inviter_role"))
        }
    }

    /// Records which sponsorship the invite created.
    func link(_ inviteId: UUID, to sponsorshipId: UUID, on connection: PostgresConnection) throws {
        try connection.execute(
            "UPDATE stepwork.invites SET sponsorship_id = \(sponsorshipId) WHERE id = \(inviteId)")
    }
}
