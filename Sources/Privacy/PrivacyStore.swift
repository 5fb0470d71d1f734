import Comments
import Encryption
import Entries
import Foundation
import Permissions
import Postgres
import Reviews
import Sponsorships

/// The SQL of the account's own data: what the export reads, what a lockdown closes, what an
/// account's deletion removes.
struct PrivacyStore: Sendable {
    let keys: DataKeys

    // MARK: Lockdown

    /// Revokes every share of `ownerId`'s entries; returns how many.
    func revokeShares(of ownerId: UUID, on connection: PostgresConnection) throws -> Int {
        try connection.execute("DELETE FROM stepwork.shares WHERE owner_id = \(ownerId)")
    }

    /// Ends every active sponsorship `userId` is part of, as sponsor or sponsee; returns how many.
    func endSponsorships(of userId: UUID, on connection: PostgresConnection) throws -> Int {
        try connection.execute("""
            UPDATE stepwork.sponsorships SET status = 'ended', ended_at = now()
            WHERE (sponsor_id = \(userId) OR sponsee_id = \(userId)) AND status = 'active'
            """)
    }

    // MARK: Deletion

    /// Locks the user's row until the transaction ends; false when it is gone.
    func lockUser(_ userId: UUID, on connection: PostgresConnection) throws -> Bool {
        try !connection.query("SELECT id FROM stepwork.users WHERE id = \(userId) FOR UPDATE").isEmpty
    }

    /// Turns the acting user's comments on other people's entries into tombstones without an
    /// author (their replies keep their place), also where they no longer see the entry (a
    /// function of the schema's owner, past row-level security); the comments on the user's
    /// own entries go with them.
    func tombstoneComments(on connection: PostgresConnection) throws {
        try connection.execute("SELECT stepwork.tombstone_comments_of_acting_user()")
    }

    /// Deletes the account and everything that is only its: its data key first (so its
    /// texts, and the threads on its entries, can no longer be opened, also from backups taken
    /// before), its entries (their shares, comments and access log with them), the access log
    /// of its reads, its invites, its sessions and its sponsorships (which `endSponsorships`
    /// ended first).
    func deleteAccount(_ userId: UUID, on connection: PostgresConnection) throws {
        try keys.shred(owner: userId, on: connection)
        try AccessLog.forget(userId, on: connection)
        try connection.execute("DELETE FROM stepwork.entries WHERE owner_id = \(userId)")
        try connection.execute("DELETE FROM stepwork.invites WHERE inviter_id = \(userId)")
        try connection.execute("DELETE FROM stepwork.sessions WHERE user_id = \(userId)")
        try connection.execute("DELETE FROM stepwork.users WHERE id = \(userId)")
    }

    // MARK: Export

    func sponsorships(of userId: UUID, on connection: PostgresConnection) throws -> [Sponsorship] {
        try connection.query("""
            SELECT * FROM stepwork.sponsorship_rows
            WHERE sponsor_id = \(userId) OR sponsee_id = \(userId)
            ORDER BY started_at, id
            """).map(Sponsorship.init(row:))
    }

    /// The next `limit` entries of `ownerId` after `after` in id order, with everything that
    /// hangs on them.
    func entries(of ownerId: UUID, after: UUID, limit: Int, on connection: PostgresConnection) throws -> [ExportedEntry] {
        let entries = try connection.query("""
            SELECT * FROM stepwork.entry_rows WHERE owner_id = \(ownerId) AND id > \(after) ORDER BY id LIMIT \(limit)
            """).map { try Entry(row: $0, access: .owner, keys: keys) }
        guard let last = entries.last?.id else { return [] }
        let shares = Dictionary(grouping: try connection.query("""
            SELECT s.entry_id, s.sponsorship_id, s.access, s.granted_at, sp.sponsor_id, u.display_name AS sponsor_name
            FROM stepwork.shares s
            JOIN stepwork.sponsorships sp ON sp.id = s.sponsorship_id
            JOIN stepwork.users u ON u.id = sp.sponsor_id
            WHERE s.owner_id = \(ownerId) AND s.entry_id > \(after) AND s.entry_id <= \(last)
            ORDER BY s.granted_at, s.sponsorship_id
            """).map(Share.init(row:)), by: \.entryId)
        let comments = Dictionary(grouping: try connection.query("""
            SELECT c.* FROM stepwork.comment_rows c
            JOIN stepwork.entries e ON e.id = c.entry_id
            WHERE e.owner_id = \(ownerId) AND e.id > \(after) AND e.id <= \(last)
            ORDER BY c.created_at, c.id
            """).map { try Comment(row: $0, keys: keys) }, by: \.entryId)
        let reviews = Dictionary(grouping: try connection.query("""
            SELECT r.* FROM stepwork.review_rows r
            WHERE r.owner_id = \(ownerId) AND r.entry_id > \(after) AND r.entry_id <= \(last)
            ORDER BY r.requested_at DESC, r.id DESC
            """).map { try Review(row: $0, keys: keys) }, by: \.entryId)
        let log = Dictionary(grouping: try connection.query("""
            SELECT l.id, l.entry_id, l.viewer_id, u.display_name AS viewer_name, l.what, l.at,
                   (extract(epoch FROM l.at) * 1000000)::bigint AS at_micros
            FROM stepwork.access_log l
            JOIN stepwork.users u ON u.id = l.viewer_id
            WHERE l.owner_id = \(ownerId) AND l.entry_id > \(after) AND l.entry_id <= \(last)
            ORDER BY l.at DESC, l.id DESC
            """).map { (entryId: try $0.decode("entry_id", as: UUID.self), item: try AccessLogItem(row: $0, withEntryId: false)) },
            by: \.entryId)
        return entries.map { entry in
            ExportedEntry(
                entry: entry, shares: shares[entry.id] ?? [], comments: comments[entry.id] ?? [],
                reviews: reviews[entry.id] ?? [],
                accessLog: (log[entry.id] ?? []).map(\.item))
        }
    }

    /// The next `limit` comments the acting user wrote on entries of other people, after
    /// `after` in id order, also on entries they no longer see.
    func commentsElsewhere(after: UUID, limit: Int, on connection: PostgresConnection) throws -> [Comment] {
        try connection.query("""
            SELECT * FROM stepwork.comments_elsewhere_of_acting_user(\(after), \(limit))
            """).map { try Comment(row: $0, keys: keys) }
    }
}
