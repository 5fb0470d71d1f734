import Foundation
import Testing
import TestSupport

/// API.md 1.1 `DELETE /v1/me`: in one transaction the user's entries (with their shares,
/// comments and access log), invites and sessions go, their sponsorships end, their comments
/// on other people's entries stay as tombstones without an author; the email is free again.
@Suite struct AccountDeletionTests {
    @Test func deletesTheAccountLeavingTombstonesWhereOthersAnswered() throws {
        let cast = try Cast(Scenario())
        let scenario = cast.scenario
        // The sponsor (who will leave) wrote on the owner's entry; the owner answered.
        let entry = try cast.entry("Sam's amends")
        let said = try scenario.expect(201, "POST", "/v1/entries/\(entry)/comments", as: cast.sponsor,
                                       json: ["body": "Alex-secret-comment"])
        let saidId = try #require(try said.json()["id"] as? String)
        try scenario.expect(201, "POST", "/v1/entries/\(entry)/comments", as: cast.owner,
                            json: ["body": "Thanks", "parentId": saidId])
        // What the sponsor owns.
        let own = try scenario.entryId(of: cast.sponsor, [
            "kind": "amend", "title": "Alex-secret-title", "body": "Alex-secret-body",
            "fields": ["person": "Alex-secret-person", "harm": "Alex-secret-harm"],
        ])
        try scenario.expect(201, "POST", "/v1/entries/\(own)/comments", as: cast.sponsor, json: ["body": "Alex-secret-note"])
        try scenario.expect(200, "GET", "/v1/entries/\(entry)", as: cast.sponsor)
        _ = try scenario.inviteCode(by: cast.sponsor, role: "sponsor")
        let email = "alex-\(UUID().uuidString.prefix(8).lowercased())@example.org"
        let (token, _) = try scenario.app.register(email: email, displayName: "Alex again")
        let leaver = User(token: token, id: "")
        let leaverEntry = try scenario.entryId(of: leaver, ["kind": "journal", "title": "Leaver-secret-title"])
        let login = try scenario.expect(200, "POST", "/v1/auth/login", json: ["email": email, "password": password])
        let secondToken = try #require(try login.json()["token"] as? String)

        #expect(try scenario.expect(403, "DELETE", "/v1/me", as: cast.sponsor, json: ["password": "wrong password here"]).code
            == "invalid_credentials")
        try scenario.expect(204, "DELETE", "/v1/me", as: cast.sponsor, json: ["password": password])
        try scenario.expect(204, "DELETE", "/v1/me", as: leaver, json: ["password": password])

        // Every session died at once.
        try scenario.expect(401, "GET", "/v1/me", as: cast.sponsor)
        try scenario.expect(401, "GET", "/v1/me", as: User(token: secondToken, id: ""))
        // The thread keeps its shape: a tombstone without an author, the answer still under it.
        let thread = try scenario.expect(200, "GET", "/v1/entries/\(entry)/comments", as: cast.owner).items()
        #expect(thread.count == 2)
        #expect(thread[0]["id"] as? String == saidId)
        #expect(thread[0]["author"] is NSNull && thread[0]["body"] as? String == "" && thread[0]["deleted"] as? Bool == true)
        #expect(thread[1]["parentId"] as? String == saidId && thread[1]["body"] as? String == "Thanks")
        // The sponsorship ended with the account; the owner's log of the sponsor's reads went too.
        #expect(try scenario.expect(200, "GET", "/v1/sponsorships", as: cast.owner).items().isEmpty)
        #expect(try scenario.expect(200, "GET", "/v1/me/access-log", as: cast.owner).items().isEmpty)
        let sponsorId = try #require(UUID(uuidString: cast.sponsor.id))
        let readRows = try scenario.app.database.pool.query(
            "SELECT count(*) AS n FROM stepwork.access_log WHERE viewer_id = \(sponsorId) OR owner_id = \(sponsorId)")
        #expect(try readRows[0].decode("n", as: Int.self) == 0)
        try scenario.expect(404, "GET", "/v1/entries/\(leaverEntry)", as: cast.owner)

        // Nothing of what they wrote is left in the database.
        let dump = try PostgresDump.text(of: scenario.app.database)
        #expect(dump.contains(saidId.lowercased()))  // the dump does hold the thread's rows
        for secret in ["Thanks", "Alex-secret-comment", "Alex-secret-title", "Alex-secret-body", "Alex-secret-person",
                       "Alex-secret-harm", "Alex-secret-note", "Leaver-secret-title", email] {
            #expect(!dump.contains(secret), "\(secret) is still in the database")
        }
        // The email can register again.
        _ = try scenario.app.register(email: email)
    }

    @Test func refusesWithoutTheRightPassword() throws {
        let scenario = try Scenario()
        let owner = try scenario.register("Sam")
        #expect(try scenario.expect(401, "DELETE", "/v1/me", json: ["password": password]).code == "unauthenticated")
        #expect(try scenario.expect(422, "DELETE", "/v1/me", as: owner, json: ["password": 12]).code == "validation_failed")
        #expect(try scenario.expect(400, "DELETE", "/v1/me", as: owner, json: ["password": password, "now": true]).code
            == "unknown_field")
        #expect(try scenario.expect(403, "DELETE", "/v1/me", as: owner, json: ["password": "not it at all!"]).code
            == "invalid_credentials")
        try scenario.expect(200, "GET", "/v1/me", as: owner)
    }
}
