import Foundation
import Postgres
import TestSupport
import Testing

@Suite struct InviteTests {
    let scenario: Scenario

    init() throws {
        scenario = try Scenario()
    }

    @Test func acceptingAnInviteStartsASponsorshipWithTheRolesTheInviterChose() throws {
        let (ana, ben) = (try scenario.register("Ana"), try scenario.register("Ben"))
        let invite = try scenario.expect(201, "POST", "/v1/invites", as: ana, json: ["role": "sponsor"]).json()
        let code = try #require(invite["code"] as? String)
        #expect(code.wholeMatch(of: /[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}/) != nil)
        #expect(invite["role"] as? String == "sponsor")
        #expect(invite["expiresAt"] is String)

        // Typed carelessly: lower case, no dashes, spaces.
        let typed = code.lowercased().replacingOccurrences(of: "-", with: " ")
        let sponsorship = try scenario.expect(201, "POST", "/v1/invites/accept", as: ben, json: ["code": typed]).json()
        #expect((sponsorship["sponsor"] as? [String: Any])?["id"] as? String == ana.id)
        #expect((sponsorship["sponsor"] as? [String: Any])?["displayName"] as? String == "Ana")
        #expect((sponsorship["sponsee"] as? [String: Any])?["id"] as? String == ben.id)
        #expect(sponsorship["status"] as? String == "active")
        #expect(sponsorship["endedAt"] is NSNull)
        #expect((sponsorship["startedAt"] as? String)?.hasSuffix("Z") == true)

        let inviteAsSponsee = try scenario.inviteCode(by: ana, role: "sponsee")
        let reverse = try scenario.expect(201, "POST", "/v1/invites/accept", as: ben, json: ["code": inviteAsSponsee]).json()
        #expect((reverse["sponsor"] as? [String: Any])?["id"] as? String == ben.id)
    }

    @Test func unknownUsedExpiredAndMalformedCodesGetOneAnswer() throws {
        let expiring = try Scenario(inviteLifetime: .seconds(1))
        let (ana, ben, cleo) = (try expiring.register("Ana"), try expiring.register("Ben"), try expiring.register("Cleo"))
        let expired = try expiring.inviteCode(by: ana, role: "sponsee")
        let used = try expiring.inviteCode(by: ana, role: "sponsor")
        try expiring.expect(201, "POST", "/v1/invites/accept", as: ben, json: ["code": used])
        Thread.sleep(forTimeInterval: 1.5)

        let answers = try ["K7QM-2XWD-9HTB", used, expired, "not a code", "", String(repeating: "A", count: 5000)].map {
            try expiring.call("POST", "/v1/invites/accept", as: cleo, json: ["code": $0])
        }
        for answer in answers {
            #expect(answer.status == 404)
            #expect(answer.code == "invite_not_found")
            #expect(answer.bodyString == answers[0].bodyString)
        }
        try expiring.expect(200, "GET", "/v1/sponsorships", as: cleo)
        #expect(try expiring.call("GET", "/v1/sponsorships", as: cleo).items().isEmpty)
    }

    @Test func aCodeWorksOnce() throws {
        let (ana, ben, cleo) = (try scenario.register("Ana"), try scenario.register("Ben"), try scenario.register("Cleo"))
        let code = try scenario.inviteCode(by: ana, role: "sponsee")
        try scenario.expect(201, "POST", "/v1/invites/accept", as: ben, json: ["code": code])
        let again = try scenario.call("POST", "/v1/invites/accept", as: cleo, json: ["code": code])
        #expect(again.status == 404 && again.code == "invite_not_found")
    }

    @Test func concurrentAcceptancesOfOneCodeHaveOneWinner() throws {
        let ana = try scenario.register("Ana")
        let takers = try (0..<8).map { try scenario.register("Taker\($0)") }
        let code = try scenario.inviteCode(by: ana, role: "sponsee")
        let lock: PostgresQuery = "SELECT 1 FROM stepwork.invites WHERE inviter_id = \(UUID(uuidString: ana.id)!) FOR UPDATE"
        let statuses = try scenario.race(takers.count, behind: lock) { index in
            (try? scenario.call("POST", "/v1/invites/accept", as: takers[index], json: ["code": code]).status) ?? 0
        }
        #expect(statuses.sorted() == [201] + Array(repeating: 404, count: takers.count - 1))
    }

    @Test func ownCodeIsRefusedAndStaysUsable() throws {
        let (ana, ben) = (try scenario.register("Ana"), try scenario.register("Ben"))
        let code = try scenario.inviteCode(by: ana, role: "sponsee")
        let own = try scenario.call("POST", "/v1/invites/accept", as: ana, json: ["code": code])
        #expect(own.status == 422 && own.code == "self_invite")
        try scenario.expect(201, "POST", "/v1/invites/accept", as: ben, json: ["code": code])
    }

    @Test func anActivePairCannotBeStartedTwice() throws {
        let (ana, ben) = (try scenario.register("Ana"), try scenario.register("Ben"))
        let first = try scenario.sponsorship(sponsor: ben, sponsee: ana)
        let code = try scenario.inviteCode(by: ana, role: "sponsee")
        let twice = try scenario.call("POST", "/v1/invites/accept", as: ben, json: ["code": code])
        #expect(twice.status == 409 && twice.code == "already_sponsoring")

        // Once ended, the same two may start again, with the code that was refused.
        try scenario.expect(204, "DELETE", "/v1/sponsorships/\(first)", as: ana)
        try scenario.expect(201, "POST", "/v1/invites/accept", as: ben, json: ["code": code])
    }

    @Test func theBodyIsCheckedStrictly() throws {
        let ana = try scenario.register("Ana")
        for body: Any in [["role": "mentor"], [String: Any](), ["role": NSNull()], ["role": 1]] {
            let reply = try scenario.call("POST", "/v1/invites", as: ana, json: body)
            #expect(reply.status == 422 && reply.code == "validation_failed", "\(body)")
        }
        let extra = try scenario.call("POST", "/v1/invites", as: ana, json: ["role": "sponsor", "expiresAt": "2030-01-01"])
        #expect(extra.status == 400 && extra.code == "unknown_field")
        #expect(try scenario.call("POST", "/v1/invites/accept", as: ana, json: ["code": 7]).status == 422)
        #expect(try scenario.call("POST", "/v1/invites", json: ["role": "sponsor"]).status == 401)
    }

    @Test func failedAcceptancesAreThrottledPerAddress() throws {
        let throttled = try Scenario(inviteAcceptFailures: 3)
        let (ana, ben) = (try throttled.register("Ana"), try throttled.register("Ben"))
        let code = try throttled.inviteCode(by: ana, role: "sponsee")
        for _ in 0..<3 {
            try throttled.expect(404, "POST", "/v1/invites/accept", as: ben, json: ["code": "0000-0000-0000"])
        }
        let refused = try throttled.call("POST", "/v1/invites/accept", as: ben, json: ["code": code])
        #expect(refused.status == 429)
        #expect(Int(refused.header("Retry-After") ?? "") ?? 0 >= 1)
    }

    @Test func successesAndRefusalsForOtherReasonsDoNotCount() throws {
        let throttled = try Scenario(inviteAcceptFailures: 2)
        let (ana, ben) = (try throttled.register("Ana"), try throttled.register("Ben"))
        for _ in 0..<3 {
            let own = try throttled.inviteCode(by: ana, role: "sponsor")
            try throttled.expect(422, "POST", "/v1/invites/accept", as: ana, json: ["code": own])
        }
        for _ in 0..<3 {
            let sponsorship = try throttled.sponsorship(sponsor: ana, sponsee: ben)
            try throttled.expect(204, "DELETE", "/v1/sponsorships/\(sponsorship)", as: ben)
        }
    }

    @Test func sponsorshipsAreListedActiveFirstAndEndedByEitherParty() throws {
        let (ana, ben, cleo, dan) = (
            try scenario.register("Ana"), try scenario.register("Ben"), try scenario.register("Cleo"),
            try scenario.register("Dan")
        )
        let first = try scenario.sponsorship(sponsor: ana, sponsee: ben)
        let second = try scenario.sponsorship(sponsor: cleo, sponsee: ana)
        let third = try scenario.sponsorship(sponsor: ana, sponsee: dan)
        try scenario.expect(204, "DELETE", "/v1/sponsorships/\(second)", as: cleo)
        try scenario.expect(204, "DELETE", "/v1/sponsorships/\(second)", as: ana)

        let list = try scenario.expect(200, "GET", "/v1/sponsorships", as: ana)
        #expect(try list.ids() == [third, first, second])
        #expect(try list.json()["nextCursor"] is NSNull)
        let ended = try #require(try list.items().last)
        #expect(ended["status"] as? String == "ended")
        #expect(ended["endedAt"] is String)

        try scenario.expect(404, "DELETE", "/v1/sponsorships/\(first)", as: cleo)
        try scenario.expect(404, "DELETE", "/v1/sponsorships/\(UUID())", as: ana)
        try scenario.expect(204, "DELETE", "/v1/sponsorships/\(first)", as: ben)
        try #expect(scenario.expect(200, "GET", "/v1/sponsorships", as: dan).ids() == [third])
    }
}
