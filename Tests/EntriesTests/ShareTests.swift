import Foundation
import TestSupport
import Testing
import TestSupport

@Suite struct ShareTests {
    let scenario: Scenario
    let owner: User
    let sponsor: User

    init() throws {
        scenario = try Scenario()
        owner = try scenario.register("Owner")
        sponsor = try scenario.register("Sponsor")
    }

    @Test func aShareIsCreatedChangedListedAndRevoked() throws {
        let sponsorship = try scenario.sponsorship(sponsor: sponsor, sponsee: owner)
        let id = try scenario.entryId(of: owner)
        let path = "/v1/entries/\(id)/shares/\(sponsorship)"

        let created = try scenario.expect(200, "PUT", path, as: owner, json: ["access": "read"]).json()
        #expect(created["entryId"] as? String == id && created["sponsorshipId"] as? String == sponsorship)
        #expect((created["sponsor"] as? [String: Any])?["id"] as? String == sponsor.id)
        #expect((created["sponsor"] as? [String: Any])?["displayName"] as? String == "Sponsor")
        #expect(created["access"] as? String == "read")

        // The same access again changes nothing, not even grantedAt; a new one moves it.
        let same = try scenario.expect(200, "PUT", path, as: owner, json: ["access": "read"]).json()
        #expect(same["grantedAt"] as? String == created["grantedAt"] as? String)
        Thread.sleep(forTimeInterval: 0.002)
        let changed = try scenario.expect(200, "PUT", path, as: owner, json: ["access": "comment"]).json()
        #expect(changed["access"] as? String == "comment")
        #expect(changed["grantedAt"] as? String != created["grantedAt"] as? String)
        try #expect(scenario.expect(200, "GET", "/v1/entries/\(id)", as: sponsor).json()["access"] as? String == "comment")

        let list = try scenario.expect(200, "GET", "/v1/entries/\(id)/shares", as: owner)
        try #expect(list.items().count == 1 && list.json()["nextCursor"] is NSNull)
        try #expect(list.items()[0]["access"] as? String == "comment")

        try scenario.expect(204, "DELETE", path, as: owner)
        try scenario.expect(204, "DELETE", path, as: owner)
        try scenario.expect(404, "GET", "/v1/entries/\(id)", as: sponsor)
        try #expect(scenario.expect(200, "GET", "/v1/entries/\(id)/shares", as: owner).items().isEmpty)
    }

    @Test func onlyActiveSponsorshipsOfTheOwnerAsSponseeQualify() throws {
        let stranger = try scenario.register("Stranger")
        let id = try scenario.entryId(of: owner)
        let ownerSponsors = try scenario.sponsorship(sponsor: owner, sponsee: sponsor)
        let othersPair = try scenario.sponsorship(sponsor: stranger, sponsee: sponsor)
        let ended = try scenario.sponsorship(sponsor: stranger, sponsee: owner)
        try scenario.expect(204, "DELETE", "/v1/sponsorships/\(ended)", as: owner)
        for sponsorship in [ownerSponsors, othersPair, ended, UUID().uuidString, "not-an-id"] {
            let reply = try scenario.call(
                "PUT", "/v1/entries/\(id)/shares/\(sponsorship)", as: owner, json: ["access": "read"])
            #expect(reply.status == 422 && reply.code == "invalid_sponsorship", "\(sponsorship)")
        }
        try #expect(scenario.expect(200, "GET", "/v1/entries/\(id)/shares", as: owner).items().isEmpty)
    }

    @Test func theBodyIsCheckedStrictly() throws {
        let sponsorship = try scenario.sponsorship(sponsor: sponsor, sponsee: owner)
        let id = try scenario.entryId(of: owner)
        let path = "/v1/entries/\(id)/shares/\(sponsorship)"
        for (json, status) in [(["access": "owner"], 422), (["access": "none"], 422), ([:], 422),
                               (["access": "read", "grantedAt": "2020-01-01T00:00:00.000Z"], 400)] as [([String: Any], Int)] {
            #expect(try scenario.call("PUT", path, as: owner, json: json).status == status, "\(json)")
        }
        #expect(try scenario.call("PUT", path, as: owner, json: "read").status == 400)
        try #expect(scenario.expect(200, "GET", "/v1/entries/\(id)/shares", as: owner).items().isEmpty)
    }
}
