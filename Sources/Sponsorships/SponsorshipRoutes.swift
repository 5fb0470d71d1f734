import Auth
import Logging
import Postgres
import Web

/// `POST /v1/invites`, `POST /v1/invites/accept`, `GET /v1/sponsorships`,
/// `DELETE /v1/sponsorships/{id}`.
public struct SponsorshipRoutes: Sendable {
    private let authenticator: Authenticator
    private let service: SponsorshipService
    private let logger: Logger

    /// - Parameters:
    ///   - inviteLifetime: how long a new invite code stays valid.
    ///   - acceptThrottle: counts failed acceptances per client address.
    public init(
        pool: PostgresPool, authenticator: Authenticator, inviteLifetime: Duration, acceptThrottle: Throttle,
        logger: Logger
    ) {
        self.authenticator = authenticator
        self.service = SponsorshipService(
            pool: pool, inviteLifetime: inviteLifetime, acceptThrottle: acceptThrottle)
        self.logger = logger
    }

    public func register(on router: Router) {
        router.post("/v1/invites") { request in
            let caller = try authenticator.authenticate(request)
            let input = try request.decode(InviteInput.self)
            let invite = try service.invite(as: input.role, by: caller.userId, logger: logger(for: request))
            return try .json(invite, status: .created)
        }
        router.post("/v1/invites/accept") { request in
            let caller = try authenticator.authenticate(request)
            let input = try request.decode(AcceptInviteInput.self)
            let sponsorship = try service.accept(
                input.code, by: caller.userId, from: request.clientAddress, logger: logger(for: request))
            return try .json(sponsorship, status: .created)
        }
        router.get("/v1/sponsorships") { request in
            let caller = try authenticator.authenticate(request)
            return try .json(Page(items: try service.sponsorships(of: caller.userId), nextCursor: nil))
        }
        router.delete("/v1/sponsorships/{id}") { request in
            let caller = try authenticator.authenticate(request)
            try service.end(try request.parameters.uuid("id"), by: caller.userId, logger: logger(for: request))
            return .noContent
        }
    }

    private func logger(for request: Request) -> Logger {
        logger.with(["request_id": request.requestId])
    }
}
