import Auth
import Foundation
import HTTPServer
import Logging
import Permissions
import Postgres
import Web

/// The review endpoints of API.md 1.1, plus `GET /v1/reviews/{id}` (where `Location` points):
///
/// - `POST /v1/entries/{id}/reviews` `{"sponsorshipId"}` — `201 Review` with `Location`, by the owner;
/// - `GET /v1/entries/{id}/reviews` — the owner: all; a sponsor: their sponsorship's; newest first;
/// - `GET /v1/reviews?state=open|decided|all&limit=&cursor=` — the caller's as reviewer, newest first;
/// - `GET /v1/reviews/{id}` — one review;
/// - `PUT /v1/reviews/{id}/verdict` `{"verdict","note"?}` — `200 Review`, by the reviewer with `comment` access;
/// - `DELETE /v1/reviews/{id}` — `204`, by the entry's owner: withdraws the request.
///
/// Every endpoint needs a session (`401` first); ids that do not parse answer `404`.
public struct ReviewRoutes: Sendable {
    private let service: ReviewService
    private let authenticator: Authenticator

    public init(pool: PostgresPool, policy: EntryAccessPolicy, authenticator: Authenticator, logger: Logger) {
        self.service = ReviewService(pool: pool, policy: policy, logger: logger)
        self.authenticator = authenticator
    }

    public func register(on router: Router) {
        router.post("/v1/entries/{id}/reviews", request)
        router.get("/v1/entries/{id}/reviews", entryReviews)
        router.get("/v1/reviews", assigned)
        router.get("/v1/reviews/{id}", show)
        router.put("/v1/reviews/{id}/verdict", decide)
        router.delete("/v1/reviews/{id}", withdraw)
    }

    @Sendable private func request(_ request: Request) throws -> HTTPResponse {
        let caller = try authenticator.authenticate(request)
        let entryId = try request.parameters.uuid("id")
        let input = try request.decode(NewReviewInput.self)
        let review = try service.request(on: entryId, through: input.sponsorshipId, by: caller.userId)
        return try .json(review, status: .created, headers: ["Location": "/v1/reviews/\(review.id.uuidString)"])
    }

    @Sendable private func entryReviews(_ request: Request) throws -> HTTPResponse {
        let caller = try authenticator.authenticate(request)
        let reviews = try service.reviews(of: try request.parameters.uuid("id"), for: caller.userId)
        return try .json(Page(items: reviews, nextCursor: nil))
    }

    @Sendable private func assigned(_ request: Request) throws -> HTTPResponse {
        let caller = try authenticator.authenticate(request)
        let state = try ReviewState(query: request.query)
        let paging = try PageRequest<ReviewPosition>(query: request.query)
        return try .json(service.assigned(to: caller.userId, state: state, paging: paging))
    }

    @Sendable private func show(_ request: Request) throws -> HTTPResponse {
        let caller = try authenticator.authenticate(request)
        return try .json(service.review(try request.parameters.uuid("id"), for: caller.userId))
    }

    @Sendable private func decide(_ request: Request) throws -> HTTPResponse {
        let caller = try authenticator.authenticate(request)
        let id = try request.parameters.uuid("id")
        let input = try request.decode(VerdictInput.self)
        let note = try input.validatedNote()
        return try .json(service.decide(id, verdict: input.verdict, note: note, by: caller.userId))
    }

    @Sendable private func withdraw(_ request: Request) throws -> HTTPResponse {
        let caller = try authenticator.authenticate(request)
        try service.withdraw(try request.parameters.uuid("id"), by: caller.userId)
        return .noContent
    }
}
