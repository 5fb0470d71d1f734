import Foundation
import Testing
import TestSupport

/// Who receives which item (API.md, "Activity and live updates"): each action's recipients,
/// and never its actor.
@Suite struct ActivityRecipientTests {
    @Test func acceptingAnInviteTellsTheInviterWithTheAcceptorAsActor() throws {
        let pair = try Pair(api: TestAPI(app: try TestApp.start()))
        let inviter = try pair.api.activity(of: pair.owner)
        #expect(inviter.types == ["sponsorship_started"])
        let item = try #require(inviter.items.first)
        #expect(item.actor == .init(id: pair.sponsor.id, displayName: "Robin"))
        #expect(item.sponsorshipId == pair.sponsorshipId)
        #expect(item.entryId == nil && item.commentId == nil && item.reviewId == nil)
        #expect(item.at.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
        #expect(!(try pair.api.activity(of: pair.sponsor).types.contains("sponsorship_started")))
    }

    @Test func anItemHasExactlyTheFieldsOfTheAPI() throws {
        let pair = try Pair(api: TestAPI(app: try TestApp.start()))
        let reply = try pair.api.feed(as: pair.sponsor).expect(200)
        #expect(reply.keys == ["items", "nextCursor", "unread"])
        let item = try #require((try reply.json()["items"] as? [[String: Any]])?.first)
        #expect(Set(item.keys) == [
            "id", "at", "type", "actor", "entryId", "sponsorshipId", "commentId", "reviewId",
        ])
    }

    @Test func creatingAShareTellsTheSponsorButChangingItsAccessDoesNot() throws {
        let pair = try Pair(api: TestAPI(app: try TestApp.start()))
        let first = try pair.api.activity(of: pair.sponsor)
        #expect(first.types == ["entry_shared"])
        #expect(first.items[0].entryId == pair.entryId && first.items[0].sponsorshipId == pair.sponsorshipId)
        #expect(first.items[0].actor.id == pair.owner.id)

        try pair.api.share(pair.entryId, through: pair.sponsorshipId, access: "read", by: pair.owner)
        try pair.api.share(pair.entryId, through: pair.sponsorshipId, access: "comment", by: pair.owner)
        #expect(try pair.api.activity(of: pair.sponsor).types == ["entry_shared"])

        try pair.api.revoke(pair.entryId, through: pair.sponsorshipId, by: pair.owner).expect(204)
        try pair.api.share(pair.entryId, through: pair.sponsorshipId, access: "read", by: pair.owner)
        #expect(try pair.api.activity(of: pair.sponsor).types == ["entry_shared", "entry_shared"])
        #expect(try pair.api.activity(of: pair.owner).types == ["sponsorship_started"])
    }

    @Test func aSponsorsCommentTellsTheOwnerAndNoOtherSponsor() throws {
        let pair = try Pair(api: TestAPI(app: try TestApp.start()))
        let second = try pair.api.anotherSponsor("Alex", of: pair, access: "comment")

        let commentId = try pair.api.comment("How did it go?", on: pair.entryId, as: pair.sponsor)
        let owner = try pair.api.activity(of: pair.owner)
        #expect(owner.types.first == "comment_added")
        #expect(owner.items[0].commentId == commentId && owner.items[0].entryId == pair.entryId)
        #expect(owner.items[0].actor.id == pair.sponsor.id)
        #expect(try pair.api.activity(of: second).types == ["entry_shared"])
        #expect(try pair.api.activity(of: pair.sponsor).types == ["entry_shared"])
    }

    @Test func theOwnersCommentTellsEverySponsorWhoCanSeeTheEntry() throws {
        let pair = try Pair(api: TestAPI(app: try TestApp.start()))
        let reader = try pair.api.anotherSponsor("Alex", of: pair, access: "read")
        let outsider = try pair.api.register("Kim")
        _ = try pair.api.sponsorship(sponsor: outsider, sponsee: pair.owner)

        let commentId = try pair.api.comment("I called Dan today.", on: pair.entryId, as: pair.owner)
        for sponsor in [pair.sponsor, reader] {
            let feed = try pair.api.activity(of: sponsor)
            #expect(feed.types == ["comment_added", "entry_shared"])
            #expect(feed.items[0].commentId == commentId && feed.items[0].actor.id == pair.owner.id)
        }
        #expect(try pair.api.activity(of: outsider).types.isEmpty)
        #expect(!(try pair.api.activity(of: pair.owner).types.contains("comment_added")))
    }

    @Test func aRefusedCommentLeavesNoItem() throws {
        let pair = try Pair(api: TestAPI(app: try TestApp.start()))
        try pair.api.share(pair.entryId, through: pair.sponsorshipId, access: "read", by: pair.owner)
        try pair.api.send(
            "POST", "/v1/entries/\(pair.entryId)/comments", as: pair.sponsor, json: #"{"body":"Hi"}"#
        ).expect(403)
        #expect(try pair.api.activity(of: pair.owner).types == ["sponsorship_started"])
    }

    @Test func aReviewRequestTellsTheReviewerAndItsVerdictTellsTheOwner() throws {
        let api = TestAPI(app: try TestApp.start())
        let owner = try api.register("Sam")
        let sponsor = try api.register("Robin")
        let sponsorshipId = try api.sponsorship(sponsor: sponsor, sponsee: owner)
        let amendId = try api.amend(of: owner)
        try api.share(amendId, through: sponsorshipId, access: "comment", by: owner)

        let reviewId = try api.requestReview(of: amendId, through: sponsorshipId, by: owner)
        let asked = try api.activity(of: sponsor)
        #expect(asked.types == ["review_requested", "entry_shared"])
        #expect(asked.items[0].reviewId == reviewId && asked.items[0].entryId == amendId)
        #expect(asked.items[0].sponsorshipId == sponsorshipId && asked.items[0].actor.id == owner.id)

        try api.decide(reviewId, as: sponsor)
        let decided = try api.activity(of: owner)
        #expect(decided.types == ["review_decided", "sponsorship_started"])
        #expect(decided.items[0].reviewId == reviewId && decided.items[0].actor.id == sponsor.id)
        #expect(try api.activity(of: sponsor).types == ["review_requested", "entry_shared"])
    }

    @Test(arguments: [true, false])
    func endingASponsorshipTellsTheOtherPartyOnce(endedBySponsor: Bool) throws {
        let pair = try Pair(api: TestAPI(app: try TestApp.start()))
        let (ender, other) = endedBySponsor ? (pair.sponsor, pair.owner) : (pair.owner, pair.sponsor)
        try pair.api.end(pair.sponsorshipId, by: ender).expect(204)
        try pair.api.end(pair.sponsorshipId, by: ender).expect(204)
        try pair.api.end(pair.sponsorshipId, by: other).expect(204)
        let feed = try pair.api.activity(of: other)
        #expect(feed.types.filter { $0 == "sponsorship_ended" }.count == 1)
        #expect(feed.items[0].type == "sponsorship_ended" && feed.items[0].actor.id == ender.id)
        #expect(feed.items[0].sponsorshipId == pair.sponsorshipId)
        #expect(!(try pair.api.activity(of: ender).types.contains("sponsorship_ended")))
    }

    @Test func theFeedNeedsAValidSession() throws {
        let api = TestAPI(app: try TestApp.start())
        let feed = try api.feed(as: nil)
        #expect(feed.status == 401 && feed.string("code") == "unauthenticated")
        #expect(try api.seen(upTo: UUID().uuidString, as: nil).status == 401)
    }
}
