import Foundation
import TestSupport

/// The review calls, on top of the scene the shared `TestAPI` sets.
extension TestAPI {
    /// The JSON of a new amend to `person`.
    static func amendJSON(person: String = "Dan") -> String {
        json([
            "kind": "amend", "title": "Amend to \(person)", "step": 9,
            "fields": ["person": person, "plan": "Meet and own it", "method": "in_person"],
        ])
    }

    /// A new amend of `owner`; its id.
    func amend(of owner: User, person: String = "Dan") throws -> String {
        try entry(of: owner, Self.amendJSON(person: person))
    }

    /// The smallest review scene: an amend shared for comments with one sponsor.
    func amendPair() throws -> Pair {
        try Pair(api: self, entry: Self.amendJSON())
    }

    func requestReview(of entryId: String, through sponsorshipId: String, as user: User?) throws -> TestHTTPResponse {
        try send("POST", "/v1/entries/\(entryId)/reviews", as: user, json: Self.json(["sponsorshipId": sponsorshipId]))
    }

    /// Requests and expects `201`; the review.
    func review(of entryId: String, through sponsorshipId: String, by owner: User) throws -> ReviewJSON {
        try requestReview(of: entryId, through: sponsorshipId, as: owner).expect(201).decode(ReviewJSON.self)
    }

    func reviews(of entryId: String, as user: User?) throws -> TestHTTPResponse {
        try send("GET", "/v1/entries/\(entryId)/reviews", as: user)
    }

    func assigned(_ query: String = "", as user: User?) throws -> TestHTTPResponse {
        try send("GET", "/v1/reviews" + (query.isEmpty ? "" : "?" + query), as: user)
    }

    func showReview(_ reviewId: String, as user: User?) throws -> TestHTTPResponse {
        try send("GET", "/v1/reviews/\(reviewId)", as: user)
    }

    func verdict(_ verdict: String, note: String? = nil, on reviewId: String, as user: User?) throws -> TestHTTPResponse {
        var body: [String: Any?] = ["verdict": verdict]
        if let note { body["note"] = note }
        return try send("PUT", "/v1/reviews/\(reviewId)/verdict", as: user, json: Self.json(body))
    }

    func withdraw(_ reviewId: String, as user: User?) throws -> TestHTTPResponse {
        try send("DELETE", "/v1/reviews/\(reviewId)", as: user)
    }
}
