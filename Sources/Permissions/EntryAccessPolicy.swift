import Foundation
import Logging
import Postgres

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
    /// `AccessDenied.notVisible` when the entry is not visible to them at all (`404`),
    /// `.forbidden` when it is (`403`). Every refusal is logged.
    @discardableResult
    public func require(
        _ minimum: Access, of userId: UUID, to entryId: UUID, on connection: PostgresConnection, locking: Bool
    ) throws -> Access {
        try check(try access(of: userId, to: entryId, on: connection, locking: locking), minimum, userId, entryId)
    }

    /// `require(_:of:to:on:locking:)` answering the grant, with the sponsorship behind it.
    public func requireGrant(
        _ minimum: Access, of userId: UUID, to entryId: UUID, on connection: PostgresConnection, locking: Bool
    ) throws -> EntryGrant {
        let grant = try grant(of: userId, to: entryId, on: connection, locking: locking)
        try check(grant.access, minimum, userId, entryId)
        return grant
    }

    /// The entry's row from `stepwork.entry_rows` with the access `userId` has to it, if they
    /// may read it, in one statement: one snapshot decides and reads, no transaction needed.
    /// The same statement records the read in the access log when the reader is not the
    /// owner (a read that is not logged did not happen). Refusals as in `require`.
    public func readable(
        _ entryId: UUID, by userId: UUID, on connection: PostgresConnection
    ) throws -> (access: Access, row: PostgresRow) {
        let rows = try connection.query("""
            WITH r AS (
                SELECT r.*, CASE WHEN r.owner_id = \(userId) THEN 'owner' ELSE coalesce(granted.access, 'none') END AS access
                FROM stepwork.entry_rows r
                LEFT JOIN LATERAL (
                    SELECT s.access FROM stepwork.shares s
                    JOIN stepwork.sponsorships sp ON sp.id = s.sponsorship_id
                    WHERE s.entry_id = r.id AND sp.sponsor_id = \(userId) AND sp.sponsee_id = r.owner_id
                      AND sp.status = 'active'
                ) granted ON true
                WHERE r.id = \(entryId)
            ), logged AS (
                INSERT INTO stepwork.access_log (entry_id, owner_id, viewer_id, what)
                SELECT r.id, r.owner_id, \(userId), \(ReadTarget.entry.rawValue) FROM r WHERE r.access IN ('read', 'comment')
            )
            SELECT * FROM r
            """)
        let access = try rows.first.map { try $0.decode("access", as: Access.self) } ?? .none
        try check(access, .read, userId, entryId)
        return (access, rows[0])
    }

    @discardableResult
    private func check(_ access: Access, _ minimum: Access, _ userId: UUID, _ entryId: UUID) throws(AccessDenied) -> Access {
        guard access >= minimum else {
            let refusal: AccessDenied = access == .none ? .notVisible : .forbidden
            logger.info("entry_access_denied", [
                "user_id": userId.uuidString, "entry_id": entryId.uuidString,
                "access": access.rawValue, "needed": minimum.rawValue, "refusal": refusal.rawValue,
            ])
            throw refusal
        }
        return access
    }

    /// The policy's rule as a SQL condition for statements that list rows about entries:
    /// true when the user in `subject.viewer_id` can see the entry in `subject.entry_id` now
    /// (they own it, or it is shared with them through an active sponsorship of theirs), or
    /// when `subject.entry_id` is null. The statement names its row `subject` with those columns.
    public static let visibleSubject: PostgresFragment = """
        (subject.entry_id IS NULL OR EXISTS (
            SELECT 1 FROM stepwork.entries e
            WHERE e.id = subject.entry_id
              AND (e.owner_id = subject.viewer_id OR EXISTS (
                  SELECT 1 FROM stepwork.shares s
                  JOIN stepwork.sponsorships sp ON sp.id = s.sponsorship_id
                  WHERE s.entry_id = e.id AND sp.sponsor_id = subject.viewer_id AND sp.sponsee_id = e.owner_id
                    AND sp.status = 'active'))))
        """

    /// Who can see `entryId` now (see `EntryAudience`); nil for an entry that does not exist.
    /// Read it in the transaction of the write it is for, after the check that locked the entry.
    public func audience(of entryId: UUID, on connection: PostgresConnection) throws -> EntryAudience? {
        let rows = try connection.query("""
            SELECT e.owner_id, sp.sponsor_id
            FROM stepwork.entries e
            LEFT JOIN stepwork.shares s ON s.entry_id = e.id
            LEFT JOIN stepwork.sponsorships sp
                ON sp.id = s.sponsorship_id AND sp.sponsee_id = e.owner_id AND sp.status = 'active'
            WHERE e.id = \(entryId)
            """)
        guard let first = rows.first else { return nil }
        return EntryAudience(
            ownerId: try first.decode("owner_id"),
            sponsorIds: try rows.compactMap { try $0.decode("sponsor_id", as: UUID?.self) })
    }

    /// The entries shared with `sponsorId` through their active sponsorships (only those
    /// with `sponseeId`, if given) after `position`, newest update first, at most `limit`,
    /// each with its row from `stepwork.entry_rows`: one statement, one snapshot, one range
    /// of `shares_sponsor_feed_idx` (shares of ended sponsorships are skipped as it goes).
    ///
    /// The first `shown` of them (the page; the rest only tell whether another page follows)
    /// are recorded in the access log (`list`) by the same statement, all rows at once.
    public func sharedEntries(
        with sponsorId: UUID, sponseeId: UUID?, after position: EntryPosition, limit: Int, shown: Int,
        on connection: PostgresConnection
    ) throws -> [(grant: SharedEntry, row: PostgresRow)] {
        try connection.query("""
            WITH r AS (
                SELECT r.*, s.access AS share_access, s.entry_updated_at AS feed_updated_at
                FROM stepwork.shares s
                JOIN stepwork.sponsorships sp ON sp.id = s.sponsorship_id AND sp.status = 'active'
                JOIN stepwork.entry_rows r ON r.id = s.entry_id
                WHERE s.sponsor_id = \(sponsorId)
                  AND (\(sponseeId)::uuid IS NULL OR s.owner_id = \(sponseeId))
                  AND (s.entry_updated_at, s.entry_id)
                      < (timestamptz 'epoch' + \(position.updatedAtMicros) * interval '1 microsecond', \(position.id))
                ORDER BY s.entry_updated_at DESC, s.entry_id DESC
                LIMIT \(limit)
            ), logged AS (
                INSERT INTO stepwork.access_log (entry_id, owner_id, viewer_id, what)
                SELECT page.id, page.owner_id, \(sponsorId), \(ReadTarget.list.rawValue)
                FROM (SELECT id, owner_id FROM r ORDER BY feed_updated_at DESC, id DESC LIMIT \(shown)) page
            )
            SELECT * FROM r ORDER BY feed_updated_at DESC, id DESC
            """).map { row in
            let id: UUID = try row.decode("id")
            let grant = SharedEntry(
                entryId: id,
                access: try row.decode("share_access", as: ShareAccess.self).access,
                position: EntryPosition(updatedAtMicros: try row.decode("updated_micros"), id: id))
            return (grant, row)
        }
    }
}
