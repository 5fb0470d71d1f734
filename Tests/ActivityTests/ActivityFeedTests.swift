import Foundation
import Testing
import TestSupport

/// What the feed shows: newest first, keyset paged, only items about what the caller can see
/// now, and `unread` against the seen mark.
@Suite struct ActivityFeedTests {
    @Test func itemsAboutAnEntryTheRecipientCanNoLongerSeeAreNeitherShownNorCounted() throws {
        let pair = try Pair(api: TestAPI(app: try TestApp.start()))
        try pair.api.comment("Proud of you.", on: pair.entryId, as: pair.owner)
        #expect(try pair.api.activity(of: pair.sponsor).unread == 2)

        try pair.api.revoke(pair.entryId, through: pair.sponsorshipId, by: pair.owner).expect(204)
        let hidden = try pair.api.activity(of: pair.sponsor)
        #expect(hidden.items.isEmpty && hidden.unread == 0)

        try pair.api.share(pair.entryId, through: pair.sponsorshipId, access: "read", by: pair.owner)
        #expect(try pair.api.activity(of: pair.sponsor).types == ["entry_shared", "comment_added", "entry_shared"])

        try pair.api.end(pair.sponsorshipId, by: pair.owner).expect(204)
        let ended = try pair.api.activity(of: pair.sponsor)
        #expect(ended.types == ["sponsorship_ended"] && ended.unread == 1)
    }

    @Test func seenMarksEverythingUpToTheItemAndNeverMovesBack() throws {
        let pair = try Pair(api: TestAPI(app: try TestApp.start()))
        for text in ["One", "Two", "Three"] { _ = try pair.api.comment(text, on: pair.entryId, as: pair.sponsor) }
        let before = try pair.api.activity(of: pair.owner)
        #expect(before.unread == 4)

        try pair.api.seen(upTo: before.items[1].id, as: pair.owner).expect(204)
        #expect(try pair.api.activity(of: pair.owner).unread == 1)
        try pair.api.seen(upTo: before.items[3].id, as: pair.owner).expect(204)
        #expect(try pair.api.activity(of: pair.owner).unread == 1)

        _ = try pair.api.comment("Four", on: pair.entryId, as: pair.sponsor)
        #expect(try pair.api.activity(of: pair.owner).unread == 2)
        try pair.api.seen(upTo: try pair.api.activity(of: pair.owner).items[0].id, as: pair.owner).expect(204)
        #expect(try pair.api.activity(of: pair.owner).unread == 0)
    }

    @Test func seenOfAnItemThatIsNotTheCallersVisibleItemIs404() throws {
        let pair = try Pair(api: TestAPI(app: try TestApp.start()))
        let sponsorsItem = try pair.api.activity(of: pair.sponsor).items[0].id
        for id in ["not-a-uuid", UUID().uuidString, sponsorsItem] {
            let reply = try pair.api.seen(upTo: id, as: pair.owner)
            #expect(reply.status == 404 && reply.string("code") == "not_found", "\(id)")
        }
        try pair.api.revoke(pair.entryId, through: pair.sponsorshipId, by: pair.owner).expect(204)
        #expect(try pair.api.seen(upTo: sponsorsItem, as: pair.sponsor).status == 404)
    }

    @Test func seenRejectsUnknownFieldsAndAWrongType() throws {
        let pair = try Pair(api: TestAPI(app: try TestApp.start()))
        let unknown = try pair.api.send("POST", "/v1/activity/seen", as: pair.owner, json: #"{"upTo":"x","all":true}"#)
        #expect(unknown.status == 400 && unknown.string("code") == "unknown_field")
        let wrong = try pair.api.send("POST", "/v1/activity/seen", as: pair.owner, json: #"{"upTo":7}"#)
        #expect(wrong.status == 422 && wrong.string("code") == "validation_failed")
    }

    @Test func theFeedPagesNewestFirstWithoutSkippingOrRepeating() throws {
        let pair = try Pair(api: TestAPI(app: try TestApp.start()))
        for index in 0..<5 { _ = try pair.api.comment("Comment \(index)", on: pair.entryId, as: pair.sponsor) }
        let all = try pair.api.activity(of: pair.owner).items
        #expect(all.count == 6)
        #expect(all.map(\.at) == all.map(\.at).sorted(by: >))

        var seen: [ActivityJSON] = []
        var cursor: String?
        repeat {
            let query = "?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try pair.api.feed(query, as: pair.owner).expect(200).decode(ActivityFeedJSON.self)
            #expect(page.items.count <= 2)
            seen += page.items
            cursor = page.nextCursor
            // A new item while paging lands before the first page, never inside the walk.
            if seen.count == 2 { _ = try pair.api.comment("Late", on: pair.entryId, as: pair.sponsor) }
        } while cursor != nil && seen.count <= all.count
        #expect(seen == all)
    }

    @Test(arguments: ["?limit=0", "?limit=101", "?cursor=nonsense"])
    func aBadLimitOrCursorIs400(_ query: String) throws {
        let pair = try Pair(api: TestAPI(app: try TestApp.start()))
        #expect(try pair.api.feed(query, as: pair.owner).status == 400)
    }
}
