import Foundation
import Postgres
import Testing
import TestSupport

/// Every status and code of API.md 1.1's "Reviews" section, endpoint by endpoint.
@Suite struct ReviewEndpointTests {
    let app: TestApp
    let api: TestAPI
    let pair: Pair

    init() throws {
        app = try TestApp.start()
        api = TestAPI(app: app)
        pair = try api.amendPair()
    }

    @Test func theOwnerAsksASponsorForTheirWord() throws {
        let reply = try api.requestReview(of: pair.entryId, through: pair.sponsorshipId, as: pair.owner).expect(201)
        let review = try reply.decode(ReviewJSON.self)
        #expect(reply.keys == ReviewJSON.keys)
        #expect(reply.header("Location") == "/v1/reviews/\(review.id)")
        #expect(review.entryId == pair.entryId && review.sponsorshipId == pair.sponsorshipId)
        #expect(review.reviewer == .init(id: pair.sponsor.id, displayName: "Robin"))
        #expect(review.requestedOnVersion == 1 && review.verdict == nil && review.note == nil)
        #expect(review.decidedAt == nil && review.decidedOnVersion == nil && !review.stale)
        #expect(review.requestedAt.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
        #expect(try api.showReview(review.id, as: pair.owner).expect(200).decode(ReviewJSON.self) == review)
        #expect(try api.showReview(review.id, as: pair.sponsor).expect(200).decode(ReviewJSON.self) == review)
    }

    @Test func aRequestIsRefusedWithTheDocumentedCodes() throws {
        let owner = pair.owner
        // 409: one undecided review per entry and sponsorship; a decided one allows the next.
        let first = try api.review(of: pair.entryId, through: pair.sponsorshipId, by: owner)
        let again = try api.requestReview(of: pair.entryId, through: pair.sponsorshipId, as: owner)
        #expect(again.status == 409 && again.code == "review_pending")
        try api.verdict("go_ahead", on: first.id, as: pair.sponsor).expect(200)
        try api.requestReview(of: pair.entryId, through: pair.sponsorshipId, as: owner).expect(201)

        // 422 not_an_amend, even when shared for comments.
        let journal = try api.entry(of: owner)
        try api.share(journal, through: pair.sponsorshipId, access: "comment", by: owner)
        let notAmend = try api.requestReview(of: journal, through: pair.sponsorshipId, as: owner)
        #expect(notAmend.status == 422 && notAmend.code == "not_an_amend")

        // 422 not_shared_for_comment: read only, not shared, ended, someone else's, no such id, not an id.
        let readOnly = try api.amend(of: owner, person: "Maria")
        try api.share(readOnly, through: pair.sponsorshipId, access: "read", by: owner)
        let unshared = try api.amend(of: owner, person: "Lee")
        let stranger = try api.register("Stranger")
        let theirs = try api.sponsorship(sponsor: pair.sponsor, sponsee: stranger)
        let formerSponsor = try api.register("Former")
        let ended = try api.sponsorship(sponsor: formerSponsor, sponsee: owner)
        try api.share(unshared, through: ended, access: "comment", by: owner)
        try api.end(ended, by: owner).expect(204)
        for (entry, sponsorship) in [
            (readOnly, pair.sponsorshipId), (unshared, pair.sponsorshipId), (unshared, ended), (pair.entryId, theirs),
            (pair.entryId, UUID().uuidString), (pair.entryId, "not-an-id"),
        ] {
            let reply = try api.requestReview(of: entry, through: sponsorship, as: owner)
            #expect(reply.status == 422 && reply.code == "not_shared_for_comment", "\(sponsorship): \(reply.bodyString)")
        }

        // The shape of the body.
        let send = { (json: String, headers: [(String, String)]) in
            try api.send("POST", "/v1/entries/\(pair.entryId)/reviews", as: owner, json: json, headers: headers)
        }
        #expect(try send("{}", []).status == 422)
        #expect(try send(#"{"sponsorshipId": 7}"#, []).status == 422)
        #expect(try send(#"{"sponsorshipId": "x", "verdict": "go_ahead"}"#, []).code == "unknown_field")
        #expect(try send("[]", []).status == 400)
        #expect(try send("{", []).status == 400)
        #expect(try send("{}", [("Content-Type", "text/plain")]).status == 415)

        // 401 without a session, 404 for an entry the caller cannot see, 403 for a sponsor.
        #expect(try api.requestReview(of: pair.entryId, through: pair.sponsorshipId, as: nil).status == 401)
        #expect(try api.requestReview(of: pair.entryId, through: pair.sponsorshipId, as: stranger).status == 404)
        #expect(try api.requestReview(of: UUID().uuidString, through: pair.sponsorshipId, as: owner).status == 404)
        #expect(try api.requestReview(of: "nope", through: pair.sponsorshipId, as: owner).status == 404)
        let bySponsor = try api.requestReview(of: pair.entryId, through: pair.sponsorshipId, as: pair.sponsor)
        #expect(bySponsor.status == 403 && bySponsor.code == "forbidden")
    }

    @Test func theOwnerSeesEveryReviewAndASponsorTheirOwnNewestFirst() throws {
        let second = try api.register("Morgan")
        let secondSponsorship = try api.sponsorship(sponsor: second, sponsee: pair.owner)
        try api.share(pair.entryId, through: secondSponsorship, access: "comment", by: pair.owner)
        let robins = try api.review(of: pair.entryId, through: pair.sponsorshipId, by: pair.owner)
        let morgans = try api.review(of: pair.entryId, through: secondSponsorship, by: pair.owner)
        try api.verdict("talk_first", on: robins.id, as: pair.sponsor).expect(200)
        let robinsNext = try api.review(of: pair.entryId, through: pair.sponsorshipId, by: pair.owner)

        let all = try api.reviews(of: pair.entryId, as: pair.owner).expect(200)
        #expect(try all.json().keys.sorted() == ["items", "nextCursor"])
        #expect(try all.decode(ReviewPageJSON.self).items.map(\.id) == [robinsNext.id, morgans.id, robins.id])
        let robinSees = try api.reviews(of: pair.entryId, as: pair.sponsor).expect(200).decode(ReviewPageJSON.self)
        #expect(robinSees.items.map(\.id) == [robinsNext.id, robins.id])
        #expect(robinSees.items.last?.verdict == "talk_first")
        let morganSees = try api.reviews(of: pair.entryId, as: second).expect(200).decode(ReviewPageJSON.self)
        #expect(morganSees.items.map(\.id) == [morgans.id])
        // A read-only sponsor still sees their own reviews, read.
        try api.share(pair.entryId, through: secondSponsorship, access: "read", by: pair.owner)
        #expect(try api.reviews(of: pair.entryId, as: second).expect(200).decode(ReviewPageJSON.self).items.count == 1)

        #expect(try api.reviews(of: pair.entryId, as: nil).status == 401)
        #expect(try api.reviews(of: pair.entryId, as: try api.register("Stranger")).status == 404)
        #expect(try api.reviews(of: UUID().uuidString, as: pair.owner).status == 404)
    }

    @Test func aVerdictMayBeGivenAgainAndTheLatestStands() throws {
        let review = try api.review(of: pair.entryId, through: pair.sponsorshipId, by: pair.owner)
        let waited = try api.verdict("wait", note: "  After the holidays.  ", on: review.id, as: pair.sponsor).expect(200)
        let first = try waited.decode(ReviewJSON.self)
        #expect(waited.keys == ReviewJSON.keys)
        #expect(first.verdict == "wait" && first.note == "After the holidays." && first.decidedOnVersion == 1)
        #expect(first.decidedAt != nil && !first.stale)

        try api.touch(pair.entryId, at: 1, by: pair.owner)
        let stale = try api.showReview(review.id, as: pair.owner).decode(ReviewJSON.self)
        #expect(stale.stale && stale.verdict == "wait")

        let ahead = try api.verdict("go_ahead", on: review.id, as: pair.sponsor).expect(200).decode(ReviewJSON.self)
        #expect(ahead.verdict == "go_ahead" && ahead.note == nil && ahead.decidedOnVersion == 2 && !ahead.stale)
        #expect(try api.reviews(of: pair.entryId, as: pair.owner).decode(ReviewPageJSON.self).items == [ahead])
    }

    @Test func aVerdictIsCheckedAndNamed() throws {
        let review = try api.review(of: pair.entryId, through: pair.sponsorshipId, by: pair.owner)
        let put = { (json: String) in
            try api.send("PUT", "/v1/reviews/\(review.id)/verdict", as: pair.sponsor, json: json)
        }
        for verdict in ["wait", "not_advisable"] {
            let reply = try api.verdict(verdict, on: review.id, as: pair.sponsor)
            #expect(reply.status == 422 && reply.problems == ["note:required"], "\(verdict)")
            #expect(try api.verdict(verdict, note: " \n ", on: review.id, as: pair.sponsor).problems == ["note:too_short"])
        }
        let long = try api.verdict("talk_first", note: String(repeating: "n", count: 10_001), on: review.id, as: pair.sponsor)
        #expect(long.status == 422 && long.problems == ["note:too_long"])
        #expect(try put(#"{"verdict": "maybe"}"#).status == 422)
        #expect(try put(#"{}"#).status == 422)
        #expect(try put(#"{"verdict": "go_ahead", "decidedAt": "2026-01-01T00:00:00.000Z"}"#).code == "unknown_field")
        #expect(try api.showReview(review.id, as: pair.owner).decode(ReviewJSON.self).verdict == nil, "nothing changed")
        let atLimit = try api.verdict("not_advisable", note: String(repeating: "n", count: 10_000), on: review.id, as: pair.sponsor)
        #expect(atLimit.status == 200)
    }

    @Test func onlyTheReviewerWithCommentAccessDecides() throws {
        let review = try api.review(of: pair.entryId, through: pair.sponsorshipId, by: pair.owner)
        #expect(try api.verdict("go_ahead", on: review.id, as: nil).status == 401)
        #expect(try api.verdict("go_ahead", on: review.id, as: pair.owner).code == "forbidden")
        #expect(try api.verdict("go_ahead", on: UUID().uuidString, as: pair.sponsor).status == 404)
        #expect(try api.verdict("go_ahead", on: "nope", as: pair.sponsor).status == 404)
        // Another sponsor of the same sponsee, with comment access to the entry: not their review.
        let other = try api.register("Morgan")
        let otherSponsorship = try api.sponsorship(sponsor: other, sponsee: pair.owner)
        try api.share(pair.entryId, through: otherSponsorship, access: "comment", by: pair.owner)
        #expect(try api.verdict("go_ahead", on: review.id, as: other).status == 404)
        #expect(try api.showReview(review.id, as: other).status == 404)
        // Read only now: 403; the share gone: 404.
        try api.share(pair.entryId, through: pair.sponsorshipId, access: "read", by: pair.owner)
        #expect(try api.verdict("go_ahead", on: review.id, as: pair.sponsor).code == "forbidden")
        try api.share(pair.entryId, through: pair.sponsorshipId, access: "comment", by: pair.owner)
        try api.verdict("go_ahead", on: review.id, as: pair.sponsor).expect(200)
        try api.revoke(pair.entryId, through: pair.sponsorshipId, by: pair.owner).expect(204)
        #expect(try api.verdict("wait", note: "Hold on", on: review.id, as: pair.sponsor).code == "not_found")
        #expect(try api.showReview(review.id, as: pair.owner).decode(ReviewJSON.self).verdict == "go_ahead")
    }

    /// An ended sponsorship's reviews stay hidden from its sponsor even when the two start a
    /// new one and the amend is shared again: a sponsor sees only the reviews of the
    /// sponsorship through which they see the entry now.
    @Test func aNewSponsorshipDoesNotBringBackTheOldOnesReviews() throws {
        let old = try api.review(of: pair.entryId, through: pair.sponsorshipId, by: pair.owner)
        try api.end(pair.sponsorshipId, by: pair.sponsor).expect(204)
        let renewed = try api.sponsorship(sponsor: pair.sponsor, sponsee: pair.owner)
        try api.share(pair.entryId, through: renewed, access: "comment", by: pair.owner)
        #expect(try api.reviews(of: pair.entryId, as: pair.sponsor).expect(200).decode(ReviewPageJSON.self).items.isEmpty)
        #expect(try api.showReview(old.id, as: pair.sponsor).status == 404)
        #expect(try api.verdict("go_ahead", on: old.id, as: pair.sponsor).status == 404)
        #expect(try api.assigned("state=all", as: pair.sponsor).decode(ReviewPageJSON.self).items.isEmpty)
        let fresh = try api.review(of: pair.entryId, through: renewed, by: pair.owner)
        #expect(try api.reviews(of: pair.entryId, as: pair.sponsor).decode(ReviewPageJSON.self).items.map(\.id) == [fresh.id])
        #expect(try api.reviews(of: pair.entryId, as: pair.owner).decode(ReviewPageJSON.self).items.count == 2)
    }

    @Test func theOwnerWithdrawsARequest() throws {
        let review = try api.review(of: pair.entryId, through: pair.sponsorshipId, by: pair.owner)
        #expect(try api.withdraw(review.id, as: nil).status == 401)
        #expect(try api.withdraw(review.id, as: pair.sponsor).code == "forbidden")
        #expect(try api.withdraw(review.id, as: try api.register("Stranger")).status == 404)
        try api.withdraw(review.id, as: pair.owner).expect(204)
        #expect(try api.withdraw(review.id, as: pair.owner).status == 404)
        #expect(try api.showReview(review.id, as: pair.owner).status == 404)
        #expect(try api.reviews(of: pair.entryId, as: pair.owner).decode(ReviewPageJSON.self).items.isEmpty)
        // Withdrawn, the sponsorship may be asked again.
        try api.requestReview(of: pair.entryId, through: pair.sponsorshipId, as: pair.owner).expect(201)
    }

    @Test func reviewsGoWithTheirEntry() throws {
        let review = try api.review(of: pair.entryId, through: pair.sponsorshipId, by: pair.owner)
        try api.send("DELETE", "/v1/entries/\(pair.entryId)", as: pair.owner).expect(204)
        #expect(try api.showReview(review.id, as: pair.owner).status == 404)
        let left: Int = try app.pool.query("SELECT count(*) AS n FROM stepwork.reviews")[0].decode("n")
        #expect(left == 0)
    }

    @Test func theReviewersListFollowsStateSharesAndPages() throws {
        let sponsor = pair.sponsor
        var requested: [String] = []
        for person in ["A", "B", "C", "D", "E"] {
            let entry = try api.amend(of: pair.owner, person: person)
            try api.share(entry, through: pair.sponsorshipId, access: "comment", by: pair.owner)
            requested.append(try api.review(of: entry, through: pair.sponsorshipId, by: pair.owner).id)
        }
        try api.verdict("go_ahead", on: requested[1], as: sponsor).expect(200)
        try api.verdict("talk_first", on: requested[3], as: sponsor).expect(200)
        let newestFirst = Array(requested.reversed())

        func ids(_ query: String, as user: User? = nil) throws -> [String] {
            try api.assigned(query, as: user ?? sponsor).expect(200).decode(ReviewPageJSON.self).items.map(\.id)
        }
        #expect(try ids("") == newestFirst.filter { ![requested[1], requested[3]].contains($0) })
        #expect(try ids("state=open") == ids(""))
        #expect(try ids("state=decided") == [requested[3], requested[1]])
        #expect(try ids("state=all") == newestFirst)
        #expect(try ids("state=all", as: pair.owner).isEmpty, "the owner is no reviewer")

        var paged: [String] = []
        var cursor: String?
        repeat {
            let page = try api.assigned("state=all&limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""), as: sponsor)
                .expect(200).decode(ReviewPageJSON.self)
            #expect(page.items.count <= 2)
            paged += page.items.map(\.id)
            cursor = page.nextCursor
        } while cursor != nil
        #expect(paged == newestFirst)

        for bad in ["state=closed", "limit=0", "limit=101", "cursor=abc"] {
            #expect(try api.assigned(bad, as: sponsor).status == 400, "\(bad)")
        }
        #expect(try api.assigned("", as: nil).status == 401)

        // Read only still lists; a revoked share or an ended sponsorship hides at once.
        let entries = try api.reviews(of: pair.entryId, as: pair.owner)
        #expect(entries.status == 200)
        let firstEntry = try api.showReview(requested[0], as: pair.owner).decode(ReviewJSON.self).entryId
        try api.share(firstEntry, through: pair.sponsorshipId, access: "read", by: pair.owner)
        #expect(try ids("state=all").count == 5)
        try api.revoke(firstEntry, through: pair.sponsorshipId, by: pair.owner).expect(204)
        #expect(try ids("state=all") == Array(newestFirst.dropLast()))
        try api.end(pair.sponsorshipId, by: pair.owner).expect(204)
        #expect(try ids("state=all").isEmpty)
    }
}
