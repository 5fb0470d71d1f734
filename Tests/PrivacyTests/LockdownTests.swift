import Foundation
import Testing
import TestSupport

/// API.md 1.1 `POST /v1/me/lockdown`: every share of the caller's entries revoked in one
/// transaction, sponsorships and other sessions ended when asked, counts returned.
@Suite struct LockdownTests {
    @Test func revokesEveryShareAndNothingElseByDefault() throws {
        let cast = try Cast(Scenario())
        let scenario = cast.scenario
        let ids = try (0..<3).map { try cast.entry("Entry \($0)") }
        let other = try scenario.register("Other sponsor")
        let otherSponsorship = try scenario.sponsorship(sponsor: other, sponsee: cast.owner)
        try scenario.share(ids[0], through: otherSponsorship, access: "read", as: cast.owner)
        // The owner's own sponsee's shares with the owner are not the owner's to revoke.
        let sponsee = try scenario.register("Sponsee of Sam")
        _ = try scenario.sponsorship(sponsor: cast.owner, sponsee: sponsee)

        let answer = try scenario.expect(200, "POST", "/v1/me/lockdown", as: cast.owner, json: [String: Any]())
        #expect(try answer.json() as NSDictionary == ["sharesRevoked": 4, "sponsorshipsEnded": 0, "sessionsEnded": 0])
        for id in ids {
            try scenario.expect(404, "GET", "/v1/entries/\(id)", as: cast.sponsor)
            try scenario.expect(404, "GET", "/v1/entries/\(id)/comments", as: cast.sponsor)
        }
        #expect(try scenario.expect(200, "GET", "/v1/shared", as: cast.sponsor).items().isEmpty)
        #expect(try scenario.expect(200, "GET", "/v1/shared", as: other).items().isEmpty)
        let sponsorships = try scenario.expect(200, "GET", "/v1/sponsorships", as: cast.owner).items()
        #expect(sponsorships.allSatisfy { $0["status"] as? String == "active" })
        try scenario.expect(200, "GET", "/v1/me", as: cast.owner)
    }

    @Test func endsSponsorshipsAndOtherSessionsWhenAsked() throws {
        let scenario = try Scenario()
        let owner = try scenario.register("Sam")
        let sponsor = try scenario.register("Alex")
        _ = try scenario.sponsorship(sponsor: sponsor, sponsee: owner)
        let sponsee = try scenario.register("Jo")
        _ = try scenario.sponsorship(sponsor: owner, sponsee: sponsee)
        let email = "lock-\(UUID().uuidString.prefix(8).lowercased())@example.org"
        let (token, _) = try scenario.app.register(email: email, displayName: "Pat")
        let login = try scenario.expect(200, "POST", "/v1/auth/login", json: ["email": email, "password": password])
        let otherToken = try #require(try login.json()["token"] as? String)
        let pat = User(token: token, id: "")
        let patElsewhere = User(token: otherToken, id: "")
        _ = try scenario.sponsorship(sponsor: sponsor, sponsee: pat)

        let answer = try scenario.expect(
            200, "POST", "/v1/me/lockdown", as: owner, json: ["endSponsorships": true, "endOtherSessions": true])
        #expect(try answer.json() as NSDictionary == ["sharesRevoked": 0, "sponsorshipsEnded": 2, "sessionsEnded": 0])
        let statuses = try scenario.expect(200, "GET", "/v1/sponsorships", as: owner).items().map { $0["status"] as? String }
        #expect(statuses == ["ended", "ended"])

        let sessions = try scenario.expect(
            200, "POST", "/v1/me/lockdown", as: pat, json: ["endOtherSessions": true, "endSponsorships": false])
        #expect(try sessions.json() as NSDictionary == ["sharesRevoked": 0, "sponsorshipsEnded": 0, "sessionsEnded": 1])
        try scenario.expect(401, "GET", "/v1/me", as: patElsewhere)
        try scenario.expect(200, "GET", "/v1/me", as: pat)
        #expect(try scenario.expect(200, "GET", "/v1/sponsorships", as: pat).items().first?["status"] as? String == "active")
    }

    @Test func refusesWhatIsNotItsBody() throws {
        let scenario = try Scenario()
        let owner = try scenario.register("Sam")
        #expect(try scenario.expect(401, "POST", "/v1/me/lockdown", json: [String: Any]()).code == "unauthenticated")
        #expect(try scenario.expect(400, "POST", "/v1/me/lockdown", as: owner, json: ["everything": true]).code
            == "unknown_field")
        #expect(try scenario.expect(422, "POST", "/v1/me/lockdown", as: owner, json: ["endSponsorships": "yes"]).code
            == "validation_failed")
        #expect(try scenario.expect(422, "POST", "/v1/me/lockdown", as: owner, json: #"{"endOtherSessions":null}"#).code
            == "validation_failed")
        try scenario.expect(400, "POST", "/v1/me/lockdown", as: owner, json: "[]")
    }

    /// Sponsor reads racing a lockdown: each sees the entry or a `404`, never an error, and
    /// every read that starts after the answer sees nothing.
    @Test func readsRacingALockdownSeeAllOrNothingAndNothingAfterTheAnswer() throws {
        let cast = try Cast(Scenario())
        let scenario = cast.scenario
        let ids = try (0..<4).map { try cast.entry("Entry \($0)") }
        let readers = startConcurrently(12) { index -> [Int] in
            (0..<6).map { round in
                let id = ids[(index + round) % ids.count]
                let target = round % 2 == 0 ? "/v1/entries/\(id)" : "/v1/entries/\(id)/comments"
                return (try? scenario.call("GET", target, as: cast.sponsor).status) ?? -1
            }
        }
        try scenario.expect(200, "POST", "/v1/me/lockdown", as: cast.owner, json: [String: Any]())
        let after = concurrently(8) { index in
            (try? scenario.call("GET", "/v1/entries/\(ids[index % ids.count])", as: cast.sponsor).status) ?? -1
        }
        let during = readers.wait().flatMap { $0 }
        #expect(during.allSatisfy { $0 == 200 || $0 == 404 })
        #expect(after.allSatisfy { $0 == 404 })
        #expect(try scenario.expect(200, "GET", "/v1/shared", as: cast.sponsor).items().isEmpty)
    }
}
