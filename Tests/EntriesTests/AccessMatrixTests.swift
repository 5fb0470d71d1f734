import Foundation
import TestSupport
import Testing

/// Every role against every entry, share and sponsorship endpoint: the status each must get,
/// as one table. A 2xx outside a row's allowed roles fails, and so does any other deviation.
@Suite struct AccessMatrixTests {
    typealias Role = AccessRole

    /// The shared `AccessWorld`, with the calls of this table.
    final class World {
        let scenario: Scenario
        let world: AccessWorld

        init() throws {
            scenario = try Scenario()
            world = try AccessWorld(api: scenario.api)
        }

        var users: [Role: User] { world.users }
        var entryId: String { world.entryId }
        var readSponsorship: String { world.sponsorships[.readSponsor]! }
        var withoutShareSponsorship: String { world.sponsorships[.unsharedSponsor]! }
        var endedSponsorship: String { world.sponsorships[.endedSponsor]! }

        func call(_ method: String, _ path: String, as role: Role, json: Any? = nil, headers: [(String, String)] = [])
            throws -> TestHTTPResponse
        {
            try scenario.call(method, path, as: users[role], json: json, headers: headers)
        }
    }

    /// One endpoint: how to call it, and the status each role must get.
    struct Row {
        let name: String
        let call: (World, Role) throws -> TestHTTPResponse
        let expected: [Role: Int]
        /// An extra check of a successful answer's content, per role.
        var check: ((World, Role, TestHTTPResponse) throws -> Void)? = nil
    }

    static func statuses(
        anonymous: Int = 401, owner: Int, sponsors: Int, others: Int = 404,
        _ overrides: [Role: Int] = [:]
    ) -> [Role: Int] {
        var table: [Role: Int] = [
            .anonymous: anonymous, .owner: owner, .readSponsor: sponsors, .commentSponsor: sponsors,
            .unsharedSponsor: others, .revokedSponsor: others, .endedSponsor: others,
            .otherSponsor: others, .stranger: others,
        ]
        table.merge(overrides) { $1 }
        return table
    }

    static func everyoneSignedIn(_ status: Int) -> [Role: Int] {
        statuses(owner: status, sponsors: status, others: status)
    }

    static var rows: [Row] { [
        Row(name: "GET /v1/entries/{id}", call: { world, role in
            try world.call("GET", "/v1/entries/\(world.entryId)", as: role)
        }, expected: statuses(owner: 200, sponsors: 200), check: { world, role, reply in
            let access = try reply.json()["access"] as? String
            #expect(access == [Role.owner: "owner", .readSponsor: "read", .commentSponsor: "comment"][role])
            #expect(reply.header("ETag") != nil)
        }),
        Row(name: "PATCH /v1/entries/{id}", call: { world, role in
            let version = try world.scenario.version(of: world.entryId, as: world.users[.owner]!)
            return try world.call(
                "PATCH", "/v1/entries/\(world.entryId)", as: role, json: ["title": "Edited by \(role)"],
                headers: [("If-Match", "\"\(version)\"")])
        }, expected: statuses(owner: 200, sponsors: 403)),
        Row(name: "GET /v1/entries/{id}/shares", call: { world, role in
            try world.call("GET", "/v1/entries/\(world.entryId)/shares", as: role)
        }, expected: statuses(owner: 200, sponsors: 403), check: { world, _, reply in
            // Only the shares that grant access: not the revoked one, not the ended sponsorship's.
            let sponsors = try reply.items().compactMap { ($0["sponsor"] as? [String: Any])?["id"] as? String }
            #expect(Set(sponsors) == Set([world.users[.readSponsor]!.id, world.users[.commentSponsor]!.id]))
        }),
        Row(name: "PUT /v1/entries/{id}/shares/{sponsorshipId}", call: { world, role in
            try world.call(
                "PUT", "/v1/entries/\(world.entryId)/shares/\(world.readSponsorship)", as: role,
                json: ["access": "read"])
        }, expected: statuses(owner: 200, sponsors: 403)),
        Row(name: "DELETE /v1/entries/{id}/shares/{sponsorshipId}", call: { world, role in
            // A sponsorship without a share on this entry: idempotent for the owner, changes nothing.
            try world.call("DELETE", "/v1/entries/\(world.entryId)/shares/\(world.withoutShareSponsorship)", as: role)
        }, expected: statuses(owner: 204, sponsors: 403)),
        Row(name: "GET /v1/entries", call: { world, role in
            try world.call("GET", "/v1/entries", as: role)
        }, expected: everyoneSignedIn(200), check: { world, role, reply in
            try #expect(reply.ids().contains(world.entryId) == (role == .owner))
        }),
        Row(name: "GET /v1/shared", call: { world, role in
            try world.call("GET", "/v1/shared", as: role)
        }, expected: everyoneSignedIn(200), check: { world, role, reply in
            let shared = try reply.items().first { $0["id"] as? String == world.entryId }
            #expect(shared?["access"] as? String == [Role.readSponsor: "read", .commentSponsor: "comment"][role])
        }),
        Row(name: "POST /v1/entries", call: { world, role in
            try world.call("POST", "/v1/entries", as: role, json: ["kind": "journal", "title": "Mine"])
        }, expected: everyoneSignedIn(201)),
        Row(name: "POST /v1/invites", call: { world, role in
            try world.call("POST", "/v1/invites", as: role, json: ["role": "sponsor"])
        }, expected: everyoneSignedIn(201)),
        Row(name: "GET /v1/sponsorships", call: { world, role in
            try world.call("GET", "/v1/sponsorships", as: role)
        }, expected: everyoneSignedIn(200), check: { world, role, reply in
            let parties: Set<Role> = [.owner, .readSponsor]
            try #expect(reply.ids().contains(world.readSponsorship) == parties.contains(role))
        }),
        Row(name: "DELETE /v1/sponsorships/{id} (ended, so idempotent)", call: { world, role in
            try world.call("DELETE", "/v1/sponsorships/\(world.endedSponsorship)", as: role)
        }, expected: statuses(owner: 204, sponsors: 404, [.endedSponsor: 204])),
        // Last: the owner's call deletes the entry.
        Row(name: "DELETE /v1/entries/{id}", call: { world, role in
            try world.call("DELETE", "/v1/entries/\(world.entryId)", as: role)
        }, expected: statuses(owner: 204, sponsors: 403)),
    ] }

    @Test func everyRoleGetsExactlyItsStatusOnEveryEndpoint() throws {
        let world = try World()
        let notFound = try world.call("GET", "/v1/entries/\(UUID())", as: .stranger)
        #expect(notFound.status == 404)
        for row in Self.rows {
            // The owner last, so that a destructive call by the owner comes after all others.
            for role in Role.allCases.filter({ $0 != .owner }) + [.owner] {
                let expected = row.expected[role]!
                let reply = try row.call(world, role)
                #expect(reply.status == expected, "\(row.name) as \(role): \(reply.bodyString)")
                if (200..<300).contains(reply.status) {
                    let allowed = row.expected.filter { (200..<300).contains($0.value) }.keys
                    #expect(allowed.contains(role), "\(row.name) as \(role) succeeded: it must not")
                    try row.check?(world, role, reply)
                }
                if expected == 404 {
                    // Not visible is not there: the very answer a random id gets.
                    #expect(reply.bodyString == notFound.bodyString, "\(row.name) as \(role)")
                }
            }
        }
    }

    @Test func idsThatDoNotParseAreNotFound() throws {
        let world = try World()
        for path in ["/v1/entries/nope", "/v1/entries/nope/shares", "/v1/entries/nope/shares/\(world.readSponsorship)"] {
            try #expect(world.call("GET", path, as: .owner).status == (path.hasSuffix(world.readSponsorship) ? 405 : 404))
        }
        try #expect(world.call("DELETE", "/v1/sponsorships/nope", as: .owner).status == 404)
        try #expect(world.call("DELETE", "/v1/entries/123", as: .owner).status == 404)
        // The entry is visible, the sponsorship in the path is not a sponsorship: the body's problem.
        let reply = try world.call("PUT", "/v1/entries/\(world.entryId)/shares/nope", as: .owner, json: ["access": "read"])
        #expect(reply.status == 422 && reply.code == "invalid_sponsorship")
        try #expect(world.call("DELETE", "/v1/entries/\(world.entryId)/shares/nope", as: .owner).status == 204)
    }
}
