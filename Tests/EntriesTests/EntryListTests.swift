import Foundation
import Postgres
import TestSupport
import Testing

@Suite struct EntryListTests {
    let scenario: Scenario
    let owner: User

    init() throws {
        scenario = try Scenario()
        owner = try scenario.register("Owner")
    }

    /// Every id of a list, page by page (`limit` each), running `between` after each page.
    func walk(_ path: String, as user: User, limit: Int, between: () throws -> Void = {}) throws -> [String] {
        var ids: [String] = []
        var cursor: String?
        repeat {
            var target = path + (path.contains("?") ? "&" : "?") + "limit=\(limit)"
            if let cursor { target += "&cursor=\(cursor)" }
            let page = try scenario.expect(200, "GET", target, as: user)
            let pageIds = try page.ids()
            #expect(pageIds.count <= limit)
            ids += pageIds
            cursor = try page.json()["nextCursor"] as? String
            try between()
        } while cursor != nil
        return ids
    }

    @Test func pagesWalkEveryEntryOnceWhileOthersAreWritten() throws {
        var expected: [String] = []
        for index in 0..<23 {
            expected.append(try scenario.entryId(of: owner, ["kind": "journal", "title": "E\(index)"]))
        }
        // Eight more rows with one and the same updated_at, and two a microsecond apart: the
        // keyset must order and page them by id without losing or repeating one.
        let ownerId = UUID(uuidString: owner.id)!
        let tied = try scenario.pool.query("""
            INSERT INTO stepwork.entries (owner_id, kind, title, created_at, updated_at)
            SELECT \(ownerId), 'journal', 'tied ' || n, t, t + (CASE WHEN n > 8 THEN n - 8 ELSE 0 END) * interval '1 microsecond'
            FROM generate_series(1, 10) AS n, (SELECT now() - interval '1 hour' AS t) AS at
            RETURNING id
            """).map { try $0.decode("id", as: UUID.self).uuidString }
        expected += tied

        var inserted: [String] = []
        let walked = try walk("/v1/entries", as: owner, limit: 4) {
            inserted.append(try scenario.entryId(of: owner, ["kind": "journal", "title": "new"]))
        }
        let normalised = walked.map { $0.uppercased() }
        #expect(Set(normalised).count == normalised.count, "an entry came twice")
        #expect(Set(normalised) == Set(expected.map { $0.uppercased() }), "the walk must see exactly the entries that were there")
        #expect(Set(normalised).isDisjoint(with: inserted.map { $0.uppercased() }))

        // Newest update first: the walk is in descending (updatedAt, id) order.
        let all = try walk("/v1/entries", as: owner, limit: 100)
        #expect(all.count == expected.count + inserted.count)
        let first = try scenario.expect(200, "GET", "/v1/entries?limit=100", as: owner).items()
        let keys = first.map { ($0["updatedAt"] as? String ?? "", $0["id"] as? String ?? "") }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.0 >= $1.0 })
    }

    @Test func anUpdatedEntryMovesToTheTop() throws {
        let older = try scenario.entryId(of: owner)
        try scenario.entry(of: owner)
        try scenario.expect(
            200, "PATCH", "/v1/entries/\(older)", as: owner, json: ["body": "more"], headers: [("If-Match", "\"1\"")])
        try #expect(scenario.expect(200, "GET", "/v1/entries?limit=1", as: owner).ids() == [older])
    }

    @Test func filtersNarrowTheList() throws {
        for (kind, step) in [("journal", 1), ("journal", 2), ("step_work", 1), ("step_work", 4), ("inventory", nil)] as [(String, Int?)] {
            var json: [String: Any] = ["kind": kind, "title": kind]
            if let step { json["step"] = step }
            try scenario.entry(of: owner, json)
        }
        let kinds = { (target: String) in
            try scenario.expect(200, "GET", target, as: owner).items().map { "\($0["kind"]!):\($0["step"]!)" }.sorted()
        }
        #expect(try kinds("/v1/entries?kind=step_work") == ["step_work:1", "step_work:4"])
        #expect(try kinds("/v1/entries?step=1") == ["journal:1", "step_work:1"])
        #expect(try kinds("/v1/entries?kind=journal&step=2") == ["journal:2"])
        #expect(try kinds("/v1/entries?kind=amend").isEmpty)
        #expect(try walk("/v1/entries?step=1", as: owner, limit: 1).count == 2)
        #expect(try walk("/v1/entries?kind=journal", as: owner, limit: 1).count == 2)
    }

    @Test func badQueriesAreRefused() throws {
        let id = try scenario.entryId(of: owner)
        try scenario.entry(of: owner)
        let cursor = try #require(try scenario.expect(200, "GET", "/v1/entries?limit=1", as: owner).json()["nextCursor"] as? String)
        #expect(!cursor.contains(id) && !cursor.contains(id.lowercased()))
        let refusals: [(String, String)] = [
            ("/v1/entries?limit=0", "invalid_query"), ("/v1/entries?limit=101", "invalid_query"),
            ("/v1/entries?limit=ten", "invalid_query"), ("/v1/entries?limit=-1", "invalid_query"),
            ("/v1/entries?kind=diary", "invalid_query"), ("/v1/entries?step=13", "invalid_query"),
            ("/v1/entries?step=0", "invalid_query"),
            ("/v1/entries?cursor=abc", "invalid_cursor"), ("/v1/entries?cursor=", "invalid_cursor"),
            ("/v1/entries?cursor=\(cursor)x", "invalid_cursor"), ("/v1/entries?cursor=\(cursor.dropLast(2))", "invalid_cursor"),
            ("/v1/shared?cursor=%3D%3D", "invalid_cursor"), ("/v1/shared?sponseeId=someone", "invalid_query"),
            ("/v1/shared?limit=1000", "invalid_query"),
        ]
        for (target, code) in refusals {
            let reply = try scenario.call("GET", target, as: owner)
            #expect(reply.status == 400 && reply.code == code, "\(target): \(reply.bodyString)")
        }
        try #expect(scenario.expect(200, "GET", "/v1/entries?limit=1&cursor=\(cursor)", as: owner).ids().count == 1)
    }

    @Test func sharedListsWhatActiveSponsorshipsShareAndPagesIt() throws {
        let sponsor = try scenario.register("Sponsor")
        let other = try scenario.register("Other")
        let ownerSponsorship = try scenario.sponsorship(sponsor: sponsor, sponsee: owner)
        let otherSponsorship = try scenario.sponsorship(sponsor: sponsor, sponsee: other)
        var mine: [String] = []
        for index in 0..<7 {
            let id = try scenario.entryId(of: owner, ["kind": "journal", "title": "M\(index)"])
            try scenario.entry(of: owner)  // never shared
            try scenario.share(id, through: ownerSponsorship, access: index % 2 == 0 ? "read" : "comment", as: owner)
            mine.append(id)
        }
        let theirs = try scenario.entryId(of: other)
        try scenario.share(theirs, through: otherSponsorship, access: "read", as: other)

        let walked = try walk("/v1/shared", as: sponsor, limit: 3) {
            let extra = try scenario.entryId(of: owner)
            try scenario.share(extra, through: ownerSponsorship, access: "read", as: owner)
        }
        #expect(Set(walked).count == walked.count)
        #expect(Set(walked) == Set(mine + [theirs]))

        let onlyOwner = try walk("/v1/shared?sponseeId=\(owner.id)", as: sponsor, limit: 100)
        #expect(!onlyOwner.contains(theirs) && Set(mine).isSubset(of: onlyOwner))
        let accesses = try scenario.expect(200, "GET", "/v1/shared?sponseeId=\(owner.id)&limit=100", as: sponsor)
            .items().filter { mine.contains($0["id"] as? String ?? "") }.map { $0["access"] as? String ?? "" }
        #expect(accesses.sorted() == ["comment", "comment", "comment", "read", "read", "read", "read"])
        try #expect(scenario.expect(200, "GET", "/v1/shared?sponseeId=\(UUID())", as: sponsor).items().isEmpty)

        // An ended sponsorship takes everything shared through it off the list at once.
        try scenario.expect(204, "DELETE", "/v1/sponsorships/\(otherSponsorship)", as: other)
        try #expect(!walk("/v1/shared", as: sponsor, limit: 100).contains(theirs))
        try #expect(walk("/v1/shared", as: owner, limit: 100).isEmpty)
    }
}
