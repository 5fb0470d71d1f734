import Foundation
import Testing
import TestSupport

/// API.md 1.1 `POST /v1/me/export`: everything the caller owns or wrote, from one snapshot,
/// streamed; nothing another person wrote about entries the caller cannot see.
@Suite struct ExportTests {
    @Test func holdsEverythingTheUserOwnsOrWroteAndNothingElse() throws {
        let cast = try Cast(Scenario())
        let scenario = cast.scenario
        let shared = try cast.entry("Shared")
        let privateId = try cast.entry("Private", sharedAs: nil)
        let reply = try scenario.expect(201, "POST", "/v1/entries/\(shared)/comments", as: cast.sponsor, json: ["body": "From Alex"])
        _ = try scenario.expect(201, "POST", "/v1/entries/\(shared)/comments", as: cast.owner, json: [
            "body": "Answer", "parentId": try #require(try reply.json()["id"] as? String),
        ])
        try scenario.expect(200, "GET", "/v1/entries/\(shared)", as: cast.sponsor)
        // The owner's comment on the sponsor's own entry (the owner sponsors Alex there).
        let back = try scenario.sponsorship(sponsor: cast.owner, sponsee: cast.sponsor)
        let alexEntry = try scenario.entryId(of: cast.sponsor, ["kind": "journal", "title": "Alex's"])
        try scenario.share(alexEntry, through: back, access: "comment", as: cast.sponsor)
        try scenario.expect(201, "POST", "/v1/entries/\(alexEntry)/comments", as: cast.owner, json: ["body": "Sam elsewhere"])
        try scenario.expect(201, "POST", "/v1/entries/\(alexEntry)/comments", as: cast.sponsor, json: ["body": "Alex on own"])

        let response = try scenario.expect(200, "POST", "/v1/me/export", as: cast.owner, json: ["password": password])
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        #expect(response.header("Content-Disposition") == "attachment; filename=\"stepwork-export-\(today).json\"")
        let export = try response.json()
        #expect(Set(export.keys) == ["format", "exportedAt", "user", "sponsorships", "entries", "commentsElsewhere", "sessions"])
        #expect(export["format"] as? String == "stepwork-export/1")
        #expect((export["user"] as? [String: Any])?["id"] as? String == cast.owner.id)
        #expect((export["sponsorships"] as? [Any])?.count == 2)
        #expect((export["sessions"] as? [[String: Any]])?.count == 1)
        let entries = try #require(export["entries"] as? [[String: Any]])
        #expect(Set(entries.compactMap { $0["id"] as? String }) == [shared, privateId])
        let sharedEntry = try #require(entries.first { $0["id"] as? String == shared })
        #expect(sharedEntry["body"] as? String == "Body of Shared")
        #expect((sharedEntry["shares"] as? [Any])?.count == 1)
        #expect((sharedEntry["comments"] as? [[String: Any]])?.compactMap { $0["body"] as? String } == ["From Alex", "Answer"])
        #expect((sharedEntry["reviews"] as? [Any])?.isEmpty == true)
        #expect((sharedEntry["accessLog"] as? [[String: Any]])?.compactMap { $0["what"] as? String } == ["entry"])
        let elsewhere = try #require(export["commentsElsewhere"] as? [[String: Any]])
        #expect(elsewhere.compactMap { $0["body"] as? String } == ["Sam elsewhere"])
        #expect(!response.bodyString.contains("Alex on own") && !response.bodyString.contains("Alex's"))
    }

    /// Nobody exports another's data: the sponsor's export has none of what was shared with them.
    @Test func aSponsorsExportHasNoneOfTheSponseesEntries() throws {
        let cast = try Cast(Scenario())
        _ = try cast.entry("Shared with Alex")
        let response = try cast.scenario.expect(200, "POST", "/v1/me/export", as: cast.sponsor, json: ["password": password])
        #expect(try (response.json()["entries"] as? [Any])?.isEmpty == true)
        #expect(!response.bodyString.contains("Shared with Alex"))
    }

    @Test func aWrongPasswordIsRefusedAndBacksOff() throws {
        let scenario = try Scenario()
        let owner = try scenario.register("Sam")
        #expect(try scenario.expect(401, "POST", "/v1/me/export", json: ["password": password]).code == "unauthenticated")
        #expect(try scenario.expect(422, "POST", "/v1/me/export", as: owner, json: [String: Any]()).code == "validation_failed")
        #expect(try scenario.expect(400, "POST", "/v1/me/export", as: owner, json: ["password": password, "all": true]).code
            == "unknown_field")
        var statuses: [Int] = []
        for _ in 0..<(scenario.app.configuration.loginMaxFailuresPerAccount + 1) {
            let refused = try scenario.call("POST", "/v1/me/export", as: owner, json: ["password": "not the password at all"])
            statuses.append(refused.status)
            if refused.status == 403 { #expect(refused.code == "invalid_credentials") }
            if refused.status == 429 { #expect(refused.header("Retry-After") != nil) }
        }
        #expect(statuses.first == 403)
        #expect(statuses.last == 429)
        // Deletion counts on the same counter.
        #expect(try scenario.call("DELETE", "/v1/me", as: owner, json: ["password": password]).status == 429)
    }

    /// An export taken while the owner writes shows one state: entries 1…n, none missing and
    /// none later, and the tally entry that each write bumps after creating one.
    @Test func anExportTakenWhileTheOwnerWritesShowsOneConsistentState() throws {
        let scenario = try Scenario()
        let owner = try scenario.register("Sam")
        let tally = try scenario.entryId(of: owner, ["kind": "journal", "title": "0"])
        for n in 1...250 { try scenario.entry(of: owner, ["kind": "journal", "title": "\(n)"]) }
        try scenario.expect(200, "PATCH", "/v1/entries/\(tally)", as: owner, json: ["title": "250"],
                            headers: [("If-Match", "\"1\"")])
        let writer = startConcurrently(1) { _ -> Int in
            var version = 2
            for n in 251...330 {
                guard (try? scenario.call("POST", "/v1/entries", as: owner, json: ["kind": "journal", "title": "\(n)"]).status) == 201,
                      (try? scenario.call("PATCH", "/v1/entries/\(tally)", as: owner, json: ["title": "\(n)"],
                                          headers: [("If-Match", "\"\(version)\"")]).status) == 200
                else { return n }
                version += 1
            }
            return 0
        }
        let export = try scenario.expect(200, "POST", "/v1/me/export", as: owner, json: ["password": password]).json()
        #expect(writer.wait() == [0])
        let entries = try #require(export["entries"] as? [[String: Any]])
        let tallied = try #require(Int(entries.first { $0["id"] as? String == tally }?["title"] as? String ?? ""))
        let created = entries.filter { $0["id"] as? String != tally }.compactMap { Int($0["title"] as? String ?? "") }.sorted()
        #expect(created == Array(1...created.count))
        #expect(tallied == created.count || tallied == created.count - 1)
    }
}
