import Auth
import Postgres
import Web

/// `GET /v1/entries/{id}/shares`, `PUT` and `DELETE /v1/entries/{id}/shares/{sponsorshipId}`.
///
/// Only the entry's owner may use them; a sponsor who can see the entry gets `403`, everyone
/// else `404`.
public struct ShareRoutes: Sendable {
    private let authenticator: Authenticator
    private let service: ShareService

    public init(pool: PostgresPool, policy: EntryAccessPolicy, authenticator: Authenticator) {
        self.authenticator = authenticator
        self.service = ShareService(pool: pool, policy: policy)
    }

    public func register(on router: Router) {
        router.get("/v1/entries/{id}/shares") { request in
            let caller = try authenticator.authenticate(request)
            let shares = try service.shares(of: try request.parameters.uuid("id"), for: caller.userId)
            return try .json(Page(items: shares, nextCursor: nil))
        }
        router.put("/v1/entries/{id}/shares/{sponsorshipId}") { request in
            let caller = try authenticator.authenticate(request)
            let entryId = try request.parameters.uuid("id")
            let input = try request.decode(ShareInput.self)
            let share = try service.put(
                input.access, on: entryId, through: try request.parameters.require("sponsorshipId"), by: caller.userId)
            return try .json(share)
        }
        router.delete("/v1/entries/{id}/shares/{sponsorshipId}") { request in
            let caller = try authenticator.authenticate(request)
            try service.revoke(
                on: try request.parameters.uuid("id"), through: try request.parameters.require("sponsorshipId"),
                by: caller.userId)
            return .noContent
        }
    }
}
