import Foundation
import Postgres
import Testing
import TestSupport

/// The thread: oldest first, replies, tombstones in place, keyset pages.
@Suite struct ThreadTests {
    @Test func theThreadIsOldestFirstWithRepliesAndTombstonesInPlace() throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        let api = pair.api
        let first = try api.comment("I plan to write to my brother.", on: pair.entryId, as: pair.owner)
        let second = try api.comment("What do you hope for?", on: pair.entryId, replyingTo: first.id, as: pair.sponsor)
        let third = try api.comment("That he hears me.", on: pair.entryId, replyingTo: second.id, as: pair.owner)
        let fourth = try api.comment("Good. Read it to me first.", on: pair.entryId, as: pair.sponsor)
        try api.delete(second.id, as: pair.sponsor).expect(204)

        let thread = try api.wholeThread(of: pair.entryId, as: pair.owner)
        #expect(thread.map(\.id) == [first.id, second.id, third.id, fourth.id])
        #expect(thread.map(\.deleted) == [false, true, false, false])
        #expect(thread[1].body == "" && thread[1].parentId == first.id && thread[1].author.id == pair.sponsor.id)
        #expect(thread[2].parentId == second.id && thread[2].body == "That he hears me.")
        #expect(try api.wholeThread(of: pair.entryId, as: pair.sponsor) == thread)
    }

    @Test func pagesFollowEachOtherWithoutGapsOrRepeats() throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        var posted: [String] = []
        for number in 1...7 {
            posted.append(try pair.api.comment("Note \(number)", on: pair.entryId, as: pair.owner).id)
        }
        var seen: [String] = []
        var cursor: String?
        var pages = 0
        repeat {
            let query = "limit=3" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try pair.api.thread(of: pair.entryId, as: pair.sponsor, query: query).expect(200)
                .decode(ThreadPageJSON.self)
            #expect(page.items.count == (pages < 2 ? 3 : 1))
            seen += page.items.map(\.id)
            cursor = page.nextCursor
            pages += 1
        } while cursor != nil && pages < 10
        #expect(seen == posted)
        #expect(pages == 3)
        let page = try pair.api.thread(of: pair.entryId, as: pair.owner).decode(ThreadPageJSON.self)
        #expect(page.items.count == 7 && page.nextCursor == nil)
    }

    /// A comment written while a client pages lands on a later page: keyset, not offset.
    @Test func aCommentWrittenWhilePagingAppearsOnALaterPageOnce() throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        let early = try (1...3).map { try pair.api.comment("Early \($0)", on: pair.entryId, as: pair.owner).id }
        let first = try pair.api.thread(of: pair.entryId, as: pair.owner, query: "limit=2").decode(ThreadPageJSON.self)
        let late = try pair.api.comment("Late", on: pair.entryId, as: pair.sponsor).id
        let cursor = try #require(first.nextCursor)
        let rest = try pair.api.thread(of: pair.entryId, as: pair.owner, query: "cursor=\(cursor)")
            .decode(ThreadPageJSON.self)
        #expect(first.items.map(\.id) + rest.items.map(\.id) == early + [late])
    }

    /// Cursors keep PostgreSQL's microseconds: comments within one millisecond (which the
    /// API's times cannot tell apart) and comments at the very same instant page correctly.
    @Test func cursorsKeepMicrosecondPrecision() throws {
        let app = try TestApp.start()
        let pair = try Pair(api: CommentsAPI(app: app))
        let offsets = [0, 1, 1, 1, 2, 999, 1000, 1001, 1001, 5000]
        for offset in offsets {
            try app.ownerPool.execute("""
                INSERT INTO stepwork.comments (entry_id, author_id, entry_version, body, created_at)
                VALUES (\(pair.entryId)::uuid, \(pair.owner.id)::uuid, 1, 'Same moment',
                        timestamptz '2026-11-25 12:00:00.123000+00' + \(offset) * interval '1 microsecond')
                """)
        }
        let expected = try app.ownerPool.query("""
            SELECT id FROM stepwork.comments WHERE entry_id = \(pair.entryId)::uuid ORDER BY created_at, id
            """).map { try $0.decode("id", as: UUID.self).uuidString }

        var seen: [String] = []
        var cursor: String?
        repeat {
            let query = "limit=1" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try pair.api.thread(of: pair.entryId, as: pair.owner, query: query).expect(200)
                .decode(ThreadPageJSON.self)
            seen += page.items.map(\.id)
            cursor = page.nextCursor
        } while cursor != nil && seen.count <= offsets.count
        #expect(seen.map { $0.lowercased() } == expected.map { $0.lowercased() })
        #expect(try pair.api.wholeThread(of: pair.entryId, as: pair.owner).first?.createdAt == "2026-11-25T12:00:00.123Z")
    }
}
