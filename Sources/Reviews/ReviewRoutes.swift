import Encryption
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
/// Every endpoint is authenticated (`401` first); ids that do not parse answer `404`.
public struct ReviewRoutes: Sendable {
    private let service: ReviewService

    public init(policy: EntryAccessPolicy, keys: DataKeys, logger: Logger) {
        self.service = ReviewService(policy: policy, logger: logger, store: ReviewStore(keys: keys))
    }

    public func register(on routes: RouterGroup) {
        routes.post("/entries/{id}/reviews", idempotent: true, request)
        routes.get("/entries/{id}/reviews", entryReviews)
        routes.get("/reviews", assigned)
        routes.get("/reviews/{id}", show)
        routes.put("/reviews/{id}/verdict", decide)
        routes.delete("/reviews/{id}", withdraw)
    }

    @Sendable private func request(_ request: Request, _ context: RequestContext) throws -> HTTPResponse {
        let caller = try context.caller
        let entryId = try request.parameters.uuid("id")
        let input = try request.decode(NewReviewInput.self)
        let review = try service.request(on: entryId, through: input.sponsorshipId, by: caller.userId, on: context.database)
        return try .json(review, status: .created, headers: ["Location": "/v1/reviews/\(review.id.uuidString)"])
    }

    @Sendable private func entryReviews(_ request: Request, _ context: RequestContext) throws -> HTTPResponse {
        let caller = try context.caller
        let reviews = try service.reviews(of: try request.parameters.uuid("id"), for: caller.userId, on: context.database)
        return try .json(Page(items: reviews, nextCursor: nil))
    }

    @Sendable private func assigned(_ request: Request, _ context: RequestContext) throws -> HTTPResponse {
        let caller = try context.caller
        let state = try ReviewState(query: request.query)
        let paging = try PageRequest<ReviewPosition>(query: request.query)
        return try .json(service.assigned(to: caller.userId, state: state, paging: paging, on: context.database))
    }

    @Sendable private func show(_ request: Request, _ context: RequestContext) throws -> HTTPResponse {
        let caller = try context.caller
        return try .json(service.review(try request.parameters.uuid("id"), for: caller.userId, on: context.database))
    }

    @Sendable private func decide(_ request: Request, _ context: RequestContext) throws -> HTTPResponse {
        let caller = try context.caller
        let id = try request.parameters.uuid("id")
        let input = try request.decode(VerdictInput.self)
        let note = try input.validatedNote()
        return try .json(service.decide(id, verdict: input.verdict, note: note, by: caller.userId, on: context.database))
    }

    @Sendable private func withdraw(_ request: Request, _ context: RequestContext) throws -> HTTPResponse {
        let caller = try context.caller
        try service.withdraw(try request.parameters.uuid("id"), by: caller.userId, on: context.database)
        return .noContent
    }
}
