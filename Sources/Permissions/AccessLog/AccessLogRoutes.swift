import Foundation
import HTTPServer
import Postgres
import Web

/// The access log endpoints of API.md 1.1, keyset paged, newest first:
///
/// - `GET /v1/entries/{id}/access-log?limit=&cursor=` — the log of one entry, for its owner
///   (a sponsor who sees the entry: `403`; anyone else: `404`);
/// - `GET /v1/me/access-log?limit=&cursor=` — the log of all the caller's entries, with `entryId`.
public struct AccessLogRoutes: Sendable {
    private let policy: EntryAccessPolicy

    public init(policy: EntryAccessPolicy) {
        self.policy = policy
    }

    public func register(on routes: RouterGroup) {
        routes.get("/entries/{id}/access-log") { request, context in
            let caller = try context.caller
            let entryId = try request.parameters.uuid("id")
            let paging = try PageRequest<AccessLogPosition>(query: request.query)
            let items = try context.database.withTransaction(isolation: .repeatableRead) { connection in
                try policy.require(.owner, of: caller.userId, to: entryId, on: connection, locking: false)
                return try AccessLog.entries(
                    of: entryId, ownedBy: caller.userId, after: paging.after, limit: paging.fetchLimit, on: connection)
            }
            return try .json(paging.page(items.map { ($0, $0.position) }))
        }
        routes.get("/me/access-log") { request, context in
            let caller = try context.caller
            let paging = try PageRequest<AccessLogPosition>(query: request.query)
            let items = try AccessLog.entries(
                ownedBy: caller.userId, after: paging.after, limit: paging.fetchLimit, on: try context.database.connection())
            return try .json(paging.page(items.map { ($0, $0.position) }))
        }
    }
}
