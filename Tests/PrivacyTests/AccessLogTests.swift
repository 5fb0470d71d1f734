import Foundation
import Permissions
import Postgres
import Testing
import TestSupport

/// API.md 1.1 "Access log": every read by someone other than the owner is recorded, in the
/// transaction of the read; owners' reads never are; only the owner reads the log.
@Suite struct AccessLogTests {
    @Test func readsByTheSponsorAreRecordedNewestFirstAndTheOwnersAreNot() throws {
        let cast = try Cast(Scenario())
        let scenario = cast.scenario
        let id = try cast.entry()
        let comment = try scenario.expect(201, "POST", "/v1/entries/\(id)/comments", as: cast.owner, json: ["body": "hello"])
        let commentId = try #require(try comment.json()["id"] as? String)
        try scenario.expect(200, "GET", "/v1/entries/\(id)", as: cast.owner)
        try scenario.expect(200, "GET", "/v1/entries/\(id)/comments", as: cast.owner)
        try scenario.expect(200, "GET", "/v1/comments/\(commentId)", as: cast.owner)
        try scenario.expect(200, "GET", "/v1/entries/\(id)", as: cast.sponsor)
        try scenario.expect(200, "GET", "/v1/entries/\(id)/comments", as: cast.sponsor)
        try scenario.expect(200, "GET", "/v1/comments/\(commentId)", as: cast.sponsor)
        try scenario.expect(200, "GET", "/v1/shared", as: cast.sponsor)
        // Refused reads are not reads.
        try scenario.expect(404, "GET", "/v1/entries/\(id)", as: cast.stranger)
        try scenario.expect(404, "GET", "/v1/entries/\(id)/comments", as: cast.stranger)

        let log = try scenario.expect(200, "GET", "/v1/entries/\(id)/access-log", as: cast.owner)
        #expect(try log.whats() == ["list", "comments", "comments", "entry"])
        let first = try #require(try log.items().first)
        #expect(Set(first.keys) == ["at", "viewer", "what"])
        #expect(first["viewer"] as? [String: String] == ["id": cast.sponsor.id, "displayName": "Alex"])
        #expect(try log.json()["nextCursor"] is NSNull)

        let mine = try scenario.expect(200, "GET", "/v1/me/access-log", as: cast.owner)
        #expect(try mine.items().map { $0["entryId"] as? String } == Array(repeating: id, count: 4))
        #expect(try scenario.expect(200, "GET", "/v1/me/access-log", as: cast.sponsor).items().isEmpty)
    }

    @Test func readsOfReviewsByTheSponsorAreRecorded() throws {
        let cast = try Cast(Scenario())
        let scenario = cast.scenario
        let id = try scenario.entryId(of: cast.owner, ["kind": "amend", "title": "Call my brother", "fields": ["person": "Jo"]])
        try scenario.share(id, through: cast.sponsorshipId, access: "comment", as: cast.owner)
        let review = try scenario.expect(201, "POST", "/v1/entries/\(id)/reviews", as: cast.owner,
                                         json: ["sponsorshipId": cast.sponsorshipId])
        let reviewId = try #require(try review.json()["id"] as? String)
        try scenario.expect(200, "GET", "/v1/entries/\(id)/reviews", as: cast.owner)
        try scenario.expect(200, "GET", "/v1/reviews/\(reviewId)", as: cast.owner)
        try scenario.expect(200, "GET", "/v1/entries/\(id)/reviews", as: cast.sponsor)
        try scenario.expect(200, "GET", "/v1/reviews/\(reviewId)", as: cast.sponsor)
        try scenario.expect(404, "GET", "/v1/entries/\(id)/reviews", as: cast.stranger)
        let log = try scenario.expect(200, "GET", "/v1/entries/\(id)/access-log", as: cast.owner)
        #expect(try log.whats() == ["reviews", "reviews"])
        let export = try scenario.expect(200, "POST", "/v1/me/export", as: cast.owner, json: ["password": password]).json()
        let entry = try #require((export["entries"] as? [[String: Any]])?.first { $0["id"] as? String == id })
        #expect((entry["reviews"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [reviewId])
    }

    @Test func aPageOfSharedRecordsExactlyTheEntriesItShowsInOneStatement() throws {
        let cast = try Cast(Scenario())
        let ids = try (0..<3).map { try cast.entry("Entry \($0)") }
        let page = try cast.scenario.expect(200, "GET", "/v1/shared?limit=2", as: cast.sponsor)
        let shown = try page.ids()
        #expect(shown == [ids[2], ids[1]])
        let log = try cast.scenario.expect(200, "GET", "/v1/me/access-log", as: cast.owner).items()
        #expect(Set(log.compactMap { $0["entryId"] as? String }) == Set(shown))
        #expect(log.allSatisfy { $0["what"] as? String == "list" })
        // One statement: the rows share its timestamp.
        #expect(Set(log.compactMap { $0["at"] as? String }).count == 1)
    }

    @Test func theLogPagesByKeysetAndRefusesBadCursorsAndLimits() throws {
        let cast = try Cast(Scenario())
        let id = try cast.entry()
        for _ in 0..<5 { try cast.scenario.expect(200, "GET", "/v1/entries/\(id)", as: cast.sponsor) }
        var seen: [String] = []
        var cursor: String?
        for _ in 0..<10 {
            let target = "/v1/entries/\(id)/access-log?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try cast.scenario.expect(200, "GET", target, as: cast.owner)
            seen += try page.items().compactMap { $0["at"] as? String }
            cursor = try page.json()["nextCursor"] as? String
            if cursor == nil { break }
        }
        #expect(seen.count == 5)
        #expect(seen == seen.sorted(by: >))
        #expect(try cast.scenario.call("GET", "/v1/me/access-log?cursor=nonsense", as: cast.owner).code == "invalid_cursor")
        #expect(try cast.scenario.call("GET", "/v1/me/access-log?limit=0", as: cast.owner).status == 400)
        #expect(try cast.scenario.call("GET", "/v1/entries/\(id)/access-log?limit=101", as: cast.owner).status == 400)
    }

    /// Nobody but the owner reads an entry's access log: a sponsor who sees the entry `403`,
    /// everyone else `404`, anonymous `401`.
    @Test func onlyTheOwnerReadsAnEntrysLog() throws {
        let scenario = try Scenario()
        let cast = try Cast(scenario)
        let reader = try scenario.register("Reader")
        let readSponsorship = try scenario.sponsorship(sponsor: reader, sponsee: cast.owner)
        let id = try cast.entry()
        try scenario.share(id, through: readSponsorship, access: "read", as: cast.owner)
        let revoked = try scenario.register("Revoked")
        let revokedSponsorship = try scenario.sponsorship(sponsor: revoked, sponsee: cast.owner)
        try scenario.share(id, through: revokedSponsorship, access: "read", as: cast.owner)
        try scenario.expect(204, "DELETE", "/v1/entries/\(id)/shares/\(revokedSponsorship)", as: cast.owner)
        let ended = try scenario.register("Ended")
        let endedSponsorship = try scenario.sponsorship(sponsor: ended, sponsee: cast.owner)
        try scenario.share(id, through: endedSponsorship, access: "comment", as: cast.owner)
        try scenario.expect(204, "DELETE", "/v1/sponsorships/\(endedSponsorship)", as: cast.owner)
        let unshared = try scenario.register("Unshared")
        _ = try scenario.sponsorship(sponsor: unshared, sponsee: cast.owner)

        let path = "/v1/entries/\(id)/access-log"
        try scenario.expect(200, "GET", path, as: cast.owner)
        #expect(try scenario.expect(403, "GET", path, as: cast.sponsor).code == "forbidden")
        try scenario.expect(403, "GET", path, as: reader)
        for user in [cast.stranger, revoked, ended, unshared] {
            #expect(try scenario.expect(404, "GET", path, as: user).code == "not_found")
        }
        try scenario.expect(404, "GET", "/v1/entries/\(UUID().uuidString)/access-log", as: cast.owner)
        try scenario.expect(404, "GET", "/v1/entries/not-an-id/access-log", as: cast.owner)
        for target in [path, "/v1/me/access-log"] {
            let anonymous = try scenario.expect(401, "GET", target)
            #expect(anonymous.code == "unauthenticated")
        }
    }

    @Test func rowsPastTheRetentionArePurgedAndNewerOnesStay() throws {
        let scenario = try Scenario(accessLogRetentionDays: 30)
        let cast = try Cast(scenario)
        let id = try cast.entry()
        try scenario.expect(200, "GET", "/v1/entries/\(id)", as: cast.sponsor)
        try scenario.expect(200, "GET", "/v1/entries/\(id)/comments", as: cast.sponsor)
        _ = try scenario.app.database.pool.withConnection { connection in
            try connection.execute("UPDATE stepwork.access_log SET at = now() - interval '31 days' WHERE what = 'entry'")
        }
        #expect(scenario.app.application.accessLogPurger.purge() == 1)
        let log = try scenario.expect(200, "GET", "/v1/entries/\(id)/access-log", as: cast.owner)
        #expect(try log.whats() == ["comments"])
    }

    @Test func theLogGoesWithItsEntry() throws {
        let cast = try Cast(Scenario())
        let id = try cast.entry()
        try cast.scenario.expect(200, "GET", "/v1/entries/\(id)", as: cast.sponsor)
        try cast.scenario.expect(204, "DELETE", "/v1/entries/\(id)", as: cast.owner)
        let rows = try cast.scenario.app.database.pool.query("SELECT count(*) AS n FROM stepwork.access_log")
        #expect(try rows[0].decode("n", as: Int.self) == 0)
    }
}
