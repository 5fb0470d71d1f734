import Foundation
import Postgres
import Web

/// The rules of the activity feed: each user reads only their own items, and only those about
/// things they can see now.
struct ActivityService: Sendable {
    let store: ActivityStore

    /// A page of the caller's feed, newest first, with `unread`: one snapshot for both.
    func feed(of userId: UUID, paging: PageRequest<ActivityPosition>, on database: PostgresLease) throws -> ActivityFeed {
        try database.withTransaction(isolation: .repeatableRead) { connection in
            let rows = try store.feed(of: userId, after: paging.after, limit: paging.fetchLimit, on: connection)
            return ActivityFeed(page: paging.page(rows), unread: try store.unread(of: userId, on: connection))
        }
    }

    /// Marks the caller's items up to `upTo` seen. An id that does not parse, or names no
    /// item of theirs that they can see, is `404`.
    func markSeen(upTo text: String, by userId: UUID, on database: PostgresLease) throws {
        guard let id = UUID(uuidString: text) else { throw ActivityError.notFound }
        try database.withTransaction { connection in
            guard try store.markSeen(upTo: id, by: userId, on: connection) else { throw ActivityError.notFound }
        }
    }
}
