import Foundation
import Postgres
import Synchronization
import TestSupport
import Testing
import TestSupport

@Suite struct EntryConcurrencyTests {
    let scenario: Scenario
    let owner: User

    init() throws {
        scenario = try Scenario()
        owner = try scenario.register("Owner")
    }

    @Test func ofSixteenPatchesOfOneVersionExactlyOneWins() throws {
        let id = try scenario.entryId(of: owner)
        let (scenario, owner) = (scenario, owner)
        let lock: PostgresQuery = "SELECT 1 FROM stepwork.entries WHERE id = \(UUID(uuidString: id)!) FOR UPDATE"
        let statuses = try scenario.race(16, behind: lock) { index in
            (try? scenario.call(
                "PATCH", "/v1/entries/\(id)", as: owner, json: ["title": "Writer \(index)"],
                headers: [("If-Match", "\"1\"")]).status) ?? 0
        }
        #expect(statuses.filter { $0 == 200 }.count == 1)
        #expect(statuses.filter { $0 == 412 }.count == 15)
        let entry = try scenario.expect(200, "GET", "/v1/entries/\(id)", as: owner).json()
        #expect(entry["version"] as? Int == 2)
        let winner = statuses.firstIndex(of: 200).map { "Writer \($0)" }
        #expect(entry["title"] as? String == winner)
    }

    @Test func concurrentDeletesOfOneEntryNeitherFailNorDeadlock() throws {
        let id = try scenario.entryId(of: owner)
        let (scenario, owner) = (scenario, owner)
        let lock: PostgresQuery = "SELECT 1 FROM stepwork.entries WHERE id = \(UUID(uuidString: id)!) FOR UPDATE"
        let statuses = try scenario.race(8, behind: lock) { _ in
            (try? scenario.call("DELETE", "/v1/entries/\(id)", as: owner).status) ?? 0
        }
        #expect(statuses.contains(204))
        #expect(statuses.allSatisfy { $0 == 204 || $0 == 404 }, "\(statuses)")
    }

    /// A sponsor keeps reading while the owner revokes the share: once the revoke has been
    /// answered `204`, no read the sponsor starts afterwards may succeed.
    @Test func noReadSucceedsAfterTheRevokeIsAnswered() throws {
        try raceReads { entryId, sponsorshipId in
            try scenario.expect(204, "DELETE", "/v1/entries/\(entryId)/shares/\(sponsorshipId)", as: owner)
        }
    }

    @Test func noReadSucceedsAfterTheSponsorshipEndIsAnswered() throws {
        try raceReads { _, sponsorshipId in
            try scenario.expect(204, "DELETE", "/v1/sponsorships/\(sponsorshipId)", as: owner)
        }
    }

    /// Readers loop on the entry (and the shared list) while `cutOff` runs; each read notes
    /// whether the cut-off had already been answered when the read began.
    func raceReads(cutOff: @escaping @Sendable (_ entryId: String, _ sponsorshipId: String) throws -> Void) throws {
        let sponsor = try scenario.register("Sponsor")
        let sponsorship = try scenario.sponsorship(sponsor: sponsor, sponsee: owner)
        let entryId = try scenario.entryId(of: owner)
        try scenario.share(entryId, through: sponsorship, access: "comment", as: owner)
        try scenario.expect(200, "GET", "/v1/entries/\(entryId)", as: sponsor)

        let answered = Atomic<Bool>(false)
        let readsBegun = Atomic<Int>(0)
        let scenario = scenario
        let results = concurrently(5) { worker -> [(afterCutOff: Bool, visible: Bool)] in
            if worker == 0 {
                // Cut off while the readers are busy: once each has had a few reads.
                while readsBegun.load(ordering: .sequentiallyConsistent) < 20 { Thread.sleep(forTimeInterval: 0.001) }
                try? cutOff(entryId, sponsorship)
                answered.store(true, ordering: .sequentiallyConsistent)
                return []
            }
            var reads: [(afterCutOff: Bool, visible: Bool)] = []
            // Read on until 20 reads have begun after the cut-off was answered.
            while reads.filter(\.afterCutOff).count < 20 {
                let after = answered.load(ordering: .sequentiallyConsistent)
                readsBegun.add(1, ordering: .sequentiallyConsistent)
                if worker % 2 == 0 {
                    let status = (try? scenario.call("GET", "/v1/entries/\(entryId)", as: sponsor).status) ?? 0
                    reads.append((after, status != 404))
                } else {
                    let ids = (try? scenario.call("GET", "/v1/shared", as: sponsor).ids()) ?? ["error"]
                    reads.append((after, ids.contains(entryId) || ids == ["error"]))
                }
            }
            return reads
        }
        let reads = results.flatMap { $0 }
        #expect(reads.contains { !$0.afterCutOff && $0.visible }, "the sponsor never read before the cut-off")
        #expect(!reads.contains { $0.afterCutOff && $0.visible })
        try scenario.expect(404, "GET", "/v1/entries/\(entryId)", as: sponsor)
    }
}
