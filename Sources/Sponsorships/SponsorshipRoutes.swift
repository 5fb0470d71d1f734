import Auth
import Logging
import Postgres
import Web

/// `POST /v1/invites`, `POST /v1/invites/accept`, `GET /v1/sponsorships`,
/// `DELETE /v1/sponsorships/{id}`.
public struct SponsorshipRoutes: Sendable {
    private let service: SponsorshipService

    /// - Parameters:
    ///   - inviteLifetime: how long a new invite code stays valid.
    ///   - acceptThrottle: counts failed acceptances per client address.
    public init(inviteLifetime: Duration, acceptThrottle: Throttle) {
        self.service = SponsorshipService(inviteLifetime: inviteLifetime, acceptThrottle: acceptThrottle)
    }

    public func register(on routes: RouterGroup) {
        routes.post("/invites", idempotent: true) { request, context in
            let caller = try context.caller
            let input = try request.decode(InviteInput.self)
            let invite = try service.invite(as: input.role, by: caller.userId, on: context.database, logger: context.logger)
            return try .json(invite, status: .created)
        }
        routes.post("/invites/accept") { request, context in
            let caller = try context.caller
            let input = try request.decode(AcceptInviteInput.self)
            let sponsorship = try service.accept(
                input.code, by: caller.userId, from: request.clientAddress, on: context.database,
                logger: context.logger)
            return try .json(sponsorship, status: .created)
        }
        routes.get("/sponsorships") { _, context in
            let caller = try context.caller
            return try .json(Page(items: try service.sponsorships(of: caller.userId, on: context.database), nextCursor: nil))
        }
        routes.delete("/sponsorships/{id}") { request, context in
            let caller = try context.caller
            try service.end(try request.parameters.uuid("id"), by: caller.userId, on: context.database, logger: context.logger)
            return .noContent
        }
    }
}
