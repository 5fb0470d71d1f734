import Foundation
import Logging
import Postgres
import Web

/// The one place that decides who may see an entry and what they may do with it.
///
/// Deny by default: the owner has `owner` access; a sponsor has the access of the entry's
/// share through an *active* sponsorship in which they are the sponsor; everyone else has
/// none, and for them the entry does not exist (`404`, the answer for a random id).
/// Decisions are read from the database inside the caller's transaction, so a revoke or an
/// ended sponsorship that commits first always wins.
public struct EntryAccessPolicy: Sendable {
    private let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    /// The access `userId` has to `entryId`; `none` for an entry that does not exist.
    ///
    /// With `locking`, the rows the decision rests on are locked until the transaction ends:
    /// the entry `FOR KEY SHARE` (it cannot be deleted; its owner never changes, and the
    /// owner's own updates are not blocked), the share and the sponsorship `FOR SHARE` (a
    /// concurrent revoke, access change or end of the sponsorship waits for the guarded write
    /// to commit). Use it in every write transaction; reads need no locks.
    public func access(
        of userId: UUID, to entryId: UUID, on connection: PostgresConnection, locking: Bool
    ) throws -> Access {
        try grant(of: userId, to: entryId, on: connection, locking: locking).access
    }

    /// The access `userId` has to `entryId` with the sponsorship that grants it (see
    /// `access(of:to:on:locking:)`, which locks the same rows).
    public func grant(
        of userId: UUID, to entryId: UUID, on connection: PostgresConnection, locking: Bool
    ) throws -> EntryGrant {
        // One statement whether or not the entry exists or is shared: no timing shortcut.
        let lockGrant: PostgresFragment = locking ? "FOR SHARE OF s, sp" : ""
        let lockEntry: PostgresFragment = locking ? "FOR KEY SHARE OF e" : ""
        let rows = try connection.query("""
            SELECT e.owner_id, granted.access, granted.sponsorship_id
            FROM stepwork.entries e
            LEFT JOIN LATERAL (
                SELECT s.access, s.sponsorship_id FROM stepwork.shares s
                JOIN stepwork.sponsorships sp ON sp.id = s.sponsorship_id
                WHERE s.entry_id = e.id AND sp.sponsor_id = \(userId) AND sp.sponsee_id = e.owner_id
                  AND sp.status = 'active'
                \(literal: lockGrant)
            ) granted ON true
            WHERE e.id = \(entryId)
            \(literal: lockEntry)
            """)
        guard let row = rows.first else { return .none }
        if try row.decode("owner_id", as: UUID.self) == userId { return EntryGrant(access: .owner, sponsorshipId: nil) }
        guard let access = try row.decode("access", as: ShareAccess?.self) else { return .none }
        return EntryGrant(access: access.access, sponsorshipId: try row.decode("sponsorship_id"))
    }

    /// The access `userId` has to `entryId` if it is at least `minimum`; otherwise throws
    /// `404 not_found` when the entry is not visible to them at all, `403 forbidden` when it
    /// is. Every refusal is logged.
    @discardableResult
    public func require(
        _ minimum: Access, of userId: UUID, to entryId: UUID, on connection: PostgresConnection, locking: Bool
    ) throws -> Access {
        try requireGrant(minimum, of: userId, to: entryId, on: connection, locking: locking).access
    }

    /// `require(_:of:to:on:locking:)` answering the grant, with the sponsorship behind it.
    public func requireGrant(
        _ minimum: Access, of userId: UUID, to entryId: UUID, on connection: PostgresConnection, locking: Bool
    ) throws -> EntryGrant {
        let grant = try grant(of: userId, to: entryId, on: connection, locking: locking)
        guard grant.access >= minimum else {
            let refusal: HTTPError = grant.access == .none ? .notFound() : .forbidden()
            logger.info("entry_access_denied", [
                "user_id": userId.uuidString, "entry_id": entryId.uuidString,
                "access": grant.access.rawValue, "needed": minimum.rawValue, "status": String(refusal.status.code),
            ])
            throw refusal
        }
        return grant
    }

    /// The entries shared with `sponsorId` through their active sponsorships (only those
    /// with `sponseeId`, if given) after `position`, newest update first, at most `limit`.
    public func sharedEntries(
        with sponsorId: UUID, sponseeId: UUID?, after position: EntryPosition, limit: Int,
        on connection: PostgresConnection
    ) throws -> [SharedEntry] {
        try connection.query("""
            SELECT e.id, s.access, (extract(epoch FROM e.updated_at) * 1000000)::bigint AS updated_micros
            FROM stepwork.sponsorships sp
            JOIN stepwork.shares s ON s.sponsorship_id = sp.id
            JOIN stepwork.entries e ON e.id = s.entry_id
            WHERE sp.sponsor_id = \(sponsorId) AND sp.status = 'active'
              AND (\(sponseeId)::uuid IS NULL OR sp.sponsee_id = \(sponseeId))
              AND (e.updated_at, e.id)
                  < (timestamptz 'epoch' + \(position.updatedAtMicros) * interval '1 microsecond', \(position.id))
            ORDER BY e.updated_at DESC, e.id DESC
            LIMIT \(limit)
            """).map { row in
            let id: UUID = try row.decode("id")
            return SharedEntry(
                entryId: id,
                access: try row.decode("access", as: ShareAccess.self).access,
                position: EntryPosition(updatedAtMicros: try row.decode("updated_micros"), id: id))
        }
    }
}
