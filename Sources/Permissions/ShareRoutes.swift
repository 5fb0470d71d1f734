import Postgres
import Web

/// `GET /v1/entries/{id}/shares`, `PUT` and `DELETE /v1/entries/{id}/shares/{sponsorshipId}`.
///
/// Only the entry's owner may use them; a sponsor who can see the entry gets `403`, everyone
/// else `404`.
public struct ShareRoutes: Sendable {
    private let service: ShareService

    public init(policy: EntryAccessPolicy) {
        self.service = ShareService(policy: policy)
    }

    public func register(on routes: RouterGroup) {
        routes.get("/entries/{id}/shares") { request, context in
            let shares = try service.shares(
                of: try request.parameters.uuid("id"), for: try context.caller.userId, on: context.database)
            return try .json(Page(items: shares, nextCursor: nil))
        }
        routes.put("/entries/{id}/shares/{sponsorshipId}") { request, context in
            let entryId = try request.parameters.uuid("id")
            let input = try request.decode(ShareInput.self)
            let share = try service.put(
                input.access, on: entryId, through: try request.parameters.require("sponsorshipId"),
                by: try context.caller.userId, on: context.database)
            return try .json(share)
        }
        routes.delete("/entries/{id}/shares/{sponsorshipId}") { request, context in
            try service.revoke(
                on: try request.parameters.uuid("id"), through: try request.parameters.require("sponsorshipId"),
                by: try context.caller.userId, on: context.database)
            return .noContent
        }
    }
}
