import Foundation
import Postgres

extension EntryAccessPolicy {
    /// A row attached to an entry (a comment, a review) with the grant `userId` has to that
    /// entry, or nil when they may not see it. `find` reads the row; `admits` decides from the
    /// grant, which is asked even for a missing row (about an id no entry has), so that one
    /// costs what a hidden one does: no timing shortcut tells them apart.
    ///
    /// With `locking`, the policy locks what its decision rests on and then `lock` locks the
    /// row and reads it again (nil: it went meanwhile), so concurrent writes to it take turns.
    /// The entry is locked before the row, in the order an entry's deletion takes them, so the
    /// two cannot deadlock.
    public func attached<Row>(
        by userId: UUID, locking: Bool, on connection: PostgresConnection,
        find: () throws -> Row?, entryId: (Row) -> UUID, admits: (Row, EntryGrant) -> Bool,
        lock: () throws -> Row?
    ) throws -> (row: Row, grant: EntryGrant)? {
        let found = try find()
        let grant = try grant(of: userId, to: found.map(entryId) ?? UUID(), on: connection, locking: locking)
        guard let found, admits(found, grant) else { return nil }
        guard locking else { return (found, grant) }
        return try lock().map { ($0, grant) }
    }
}
