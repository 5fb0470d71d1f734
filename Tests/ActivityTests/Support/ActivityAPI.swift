import Foundation
import TestSupport

/// The activity calls, and the actions that cause items, on top of the scene `TestAPI` sets.
extension TestAPI {
    func feed(_ query: String = "", as user: User?) throws -> TestHTTPResponse {
        try send("GET", "/v1/activity\(query)", as: user)
    }

    /// The caller's whole first page (at most 100 items).
    func activity(of user: User) throws -> ActivityFeedJSON {
        try feed("?limit=100", as: user).expect(200).decode(ActivityFeedJSON.self)
    }

    func seen(upTo id: String, as user: User?) throws -> TestHTTPResponse {
        try send("POST", "/v1/activity/seen", as: user, json: Self.json(["upTo": id]))
    }

    /// A second sponsor of the pair's owner, with whom the pair's entry is shared for `access`.
    func anotherSponsor(_ name: String, of pair: Pair, access: String) throws -> User {
        let sponsor = try register(name)
        let sponsorshipId = try sponsorship(sponsor: sponsor, sponsee: pair.owner)
        try share(pair.entryId, through: sponsorshipId, access: access, by: pair.owner)
        return sponsor
    }

    @discardableResult
    func comment(_ body: String, on entryId: String, as user: User) throws -> String {
        try send("POST", "/v1/entries/\(entryId)/comments", as: user, json: Self.json(["body": body]))
            .expect(201).decode(Identified.self).id
    }

    /// A new amend of `owner` (only amends can be reviewed); its id.
    func amend(of owner: User) throws -> String {
        try entry(of: owner, Self.json([
            "kind": "amend", "title": "Amend to Dan", "step": 9,
            "fields": ["person": "Dan", "plan": "Meet and own it", "method": "in_person"],
        ]))
    }

    func requestReview(of entryId: String, through sponsorshipId: String, by owner: User) throws -> String {
        try send("POST", "/v1/entries/\(entryId)/reviews", as: owner, json: Self.json(["sponsorshipId": sponsorshipId]))
            .expect(201).decode(Identified.self).id
    }

    func decide(_ reviewId: String, as sponsor: User) throws {
        try send("PUT", "/v1/reviews/\(reviewId)/verdict", as: sponsor, json: #"{"verdict":"go_ahead"}"#).expect(200)
    }
}

struct Identified: Decodable { let id: String }
