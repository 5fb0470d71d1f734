import Foundation
import Testing
import TestSupport

/// SECURITY.md's matrix for the review endpoints: every role × every endpoint → the one
/// expected status; a 2xx for a role outside the endpoint's allowed set fails on its own.
@Suite struct ReviewAccessMatrixTests {
    typealias Role = ReviewCast.Role

    enum Endpoint: String, CaseIterable, CustomStringConvertible {
        /// `POST /v1/entries/{id}/reviews`, asking the comment sponsor again.
        case request
        /// `GET /v1/entries/{id}/reviews`.
        case entryReviews
        /// `GET /v1/reviews?state=all`.
        case assigned
        /// `GET`, `PUT …/verdict` and `DELETE /v1/reviews/{id}`: on the role's own review if the
        /// owner asked them for one, else on the comment sponsor's (asked afresh for each call).
        case show, verdict, withdraw

        var description: String { rawValue }

        /// The answer for each role.
        func expected(for role: Role) -> Int {
            if role == .anonymous { return 401 }
            switch (self, role) {
            case (.request, .owner): return 201
            case (.request, .readSponsor), (.request, .commentSponsor): return 403
            case (.entryReviews, .owner), (.entryReviews, .readSponsor), (.entryReviews, .commentSponsor): return 200
            case (.assigned, _): return 200
            case (.show, .owner), (.show, .readSponsor), (.show, .commentSponsor): return 200
            case (.verdict, .commentSponsor): return 200
            case (.verdict, .owner), (.verdict, .readSponsor): return 403
            case (.withdraw, .owner): return 204
            case (.withdraw, .readSponsor), (.withdraw, .commentSponsor): return 403
            default: return 404
            }
        }
    }

    @Test func everyRoleGetsExactlyItsAnswerFromEveryEndpoint() throws {
        let cast = try ReviewCast(api: TestAPI(app: try TestApp.start()))
        let hiddenAnswers = try notFoundBodies(cast)
        for endpoint in Endpoint.allCases {
            for role in Role.allCases {
                let target = try freshCommentReview(cast, request: endpoint != .request)
                let reply = try call(endpoint, as: role, target: target, cast: cast)
                #expect(reply.status == endpoint.expected(for: role), "\(role) → \(endpoint): \(reply.status) \(reply.bodyString)")
                if reply.status == 403 {
                    #expect(reply.code == "forbidden", "\(role) → \(endpoint)")
                }
                if reply.status == 404 {
                    #expect(reply.body == hiddenAnswers[endpoint], "\(role) → \(endpoint): 404 differs from a missing id's")
                }
            }
        }
    }

    /// What each role's lists hold: the owner all of the entry's reviews, a sponsor only those
    /// of their own sponsorship while it still shares the entry, anyone else nothing of it.
    @Test func everyRoleSeesExactlyItsReviews() throws {
        let cast = try ReviewCast(api: TestAPI(app: try TestApp.start()))
        let api = cast.api
        let ownReviews = Set(AccessRole.sharedSponsors.compactMap { cast.reviews[$0] })
        let entryReviews = try api.reviews(of: cast.entryId, as: cast.owner).decode(ReviewPageJSON.self).items
        #expect(Set(entryReviews.map(\.id)) == ownReviews)
        for role in [Role.readSponsor, .commentSponsor] {
            let seen = try api.reviews(of: cast.entryId, as: cast[role]).decode(ReviewPageJSON.self).items
            #expect(seen.map(\.id) == [cast.reviews[role]!], "\(role)")
        }
        for role in Role.allCases where role != .anonymous {
            let listed = try api.assigned("state=all", as: cast[role]).decode(ReviewPageJSON.self).items.map(\.id)
            let expected: [String] = switch role {
            case .readSponsor, .commentSponsor, .otherSponsor: [cast.reviews[role]!]
            default: []
            }
            #expect(listed == expected, "\(role)")
        }
    }

    /// Withdraws the comment sponsor's undecided review, if any, and asks again unless `request`
    /// is false (the request endpoint itself must find none pending); its id.
    private func freshCommentReview(_ cast: ReviewCast, request: Bool) throws -> String? {
        let api = cast.api
        let sponsorship = cast.sponsorships[.commentSponsor]!
        let pending = try api.reviews(of: cast.entryId, as: cast.owner).decode(ReviewPageJSON.self).items
            .filter { $0.sponsorshipId == sponsorship && $0.verdict == nil }
        for review in pending { try api.withdraw(review.id, as: cast.owner).expect(204) }
        return request ? try api.review(of: cast.entryId, through: sponsorship, by: cast.owner).id : nil
    }

    private func call(_ endpoint: Endpoint, as role: Role, target: String?, cast: ReviewCast) throws -> TestHTTPResponse {
        let api = cast.api
        let user = cast[role]
        // The comment sponsor's own review is the fresh one: the cast's first was withdrawn.
        let own = AccessRole.sharedSponsors.contains(role) && role != .commentSponsor ? cast.reviews[role] : nil
        let reviewId = own ?? target ?? ""
        switch endpoint {
        case .request:
            return try api.requestReview(of: cast.entryId, through: cast.sponsorships[.commentSponsor]!, as: user)
        case .entryReviews: return try api.reviews(of: cast.entryId, as: user)
        case .assigned: return try api.assigned("state=all", as: user)
        case .show: return try api.showReview(reviewId, as: user)
        case .verdict: return try api.verdict("go_ahead", on: reviewId, as: user)
        case .withdraw: return try api.withdraw(reviewId, as: user)
        }
    }

    /// What each endpoint answers for ids that exist nowhere.
    private func notFoundBodies(_ cast: ReviewCast) throws -> [Endpoint: [UInt8]] {
        let api = cast.api
        let stranger = cast[.stranger]!
        let missing = UUID().uuidString
        var bodies: [Endpoint: [UInt8]] = [:]
        bodies[.request] = try api.requestReview(of: missing, through: missing, as: stranger).expect(404).body
        bodies[.entryReviews] = try api.reviews(of: missing, as: stranger).expect(404).body
        bodies[.show] = try api.showReview(missing, as: stranger).expect(404).body
        bodies[.verdict] = try api.verdict("go_ahead", on: missing, as: stranger).expect(404).body
        bodies[.withdraw] = try api.withdraw(missing, as: stranger).expect(404).body
        return bodies
    }
}
