import Foundation
import Postgres
import TestSupport
import Testing

/// `GET /v1/amends/summary`: the caller's own amends, counted.
@Suite struct AmendSummaryTests {
    static let statuses = ["not_yet_willing", "planned", "ready", "made", "deferred", "not_advisable"]

    let scenario: Scenario
    let owner: User

    init() throws {
        scenario = try Scenario()
        owner = try scenario.register("Owner")
    }

    /// The summary as a client reads it.
    struct Summary: Decodable, Equatable {
        let total: Int
        let byStatus: [String: Int]
        let riskUnconsidered: Int
        let revisitDue: Int
        let awaitingReview: Int
    }

    func summary(as user: User) throws -> Summary {
        let reply = try scenario.expect(200, "GET", "/v1/amends/summary", as: user)
        #expect(try Set(reply.json().keys) == ["total", "byStatus", "riskUnconsidered", "revisitDue", "awaitingReview"])
        return try reply.decode(Summary.self)
    }

    /// The summary a client expects for these counts: every status present.
    static func expected(
        total: Int, byStatus: [String: Int], riskUnconsidered: Int, revisitDue: Int, awaitingReview: Int
    ) -> Summary {
        Summary(
            total: total, byStatus: Dictionary(uniqueKeysWithValues: Self.statuses.map { ($0, byStatus[$0] ?? 0) }),
            riskUnconsidered: riskUnconsidered, revisitDue: revisitDue, awaitingReview: awaitingReview)
    }

    /// Today in UTC, moved by `days`, as `YYYY-MM-DD`.
    static func day(_ days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(byAdding: .day, value: days, to: Date())!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    @Test func anyoneGetsEveryKeyEvenWithNoAmends() throws {
        #expect(try scenario.call("GET", "/v1/amends/summary").status == 401)
        let empty = try summary(as: owner)
        #expect(empty == Self.expected(total: 0, byStatus: [:], riskUnconsidered: 0, revisitDue: 0, awaitingReview: 0))
    }

    /// Only the caller's amends count: not their other entries, not a sponsee's amends they
    /// can see, not their own reviews of someone else's amends.
    @Test func onlyTheCallersOwnAmendsCount() throws {
        let sponsor = try scenario.register("Sponsor")
        let sponsorship = try scenario.sponsorship(sponsor: sponsor, sponsee: owner)
        let amend = try scenario.entryId(of: owner, ["kind": "amend", "title": "Dan", "fields": [
            "person": "Dan", "status": "deferred", "revisitOn": Self.day(0),
        ]])
        try scenario.entry(of: owner, ["kind": "amend", "title": "Maria", "fields": [
            "person": "Maria", "status": "made", "madeOn": Self.day(-3), "riskToOthers": NSNull(),
            "revisitOn": Self.day(-1),
        ]])
        try scenario.entry(of: owner, ["kind": "journal", "title": "Day 3"])
        try scenario.share(amend, through: sponsorship, access: "comment", as: owner)
        try scenario.expect(201, "POST", "/v1/entries/\(amend)/reviews", as: owner, json: ["sponsorshipId": sponsorship])
        try scenario.entry(of: sponsor, ["kind": "amend", "title": "Mine", "fields": ["person": "Pat", "riskToOthers": "none"]])

        #expect(try summary(as: owner) == Self.expected(
            total: 2, byStatus: ["deferred": 1, "made": 1], riskUnconsidered: 1, revisitDue: 1, awaitingReview: 1))
        #expect(try summary(as: sponsor) == Self.expected(
            total: 1, byStatus: ["planned": 1], riskUnconsidered: 0, revisitDue: 0, awaitingReview: 0))
    }

    /// One amend of many kinds.
    struct Spec: Encodable {
        let title: String
        let fields: [String: String?]
        let status: String
        let risk: String?
        let revisitOffset: Int?
        /// nil: no review; false: undecided; true: decided.
        let review: Bool?
    }

    /// 1,000 amends written straight into the database, and 50 of someone else's: the
    /// summary's counts match those computed here from the same list.
    @Test func aThousandAmendsAreCountedExactly() throws {
        let sponsor = try scenario.register("Sponsor")
        let sponsorship = try scenario.sponsorship(sponsor: sponsor, sponsee: owner)
        let other = try scenario.register("Other")
        let otherSponsorship = try scenario.sponsorship(sponsor: sponsor, sponsee: other)

        let offsets: [Int?] = [nil, -30, -1, 0, 2, 30]
        let risks: [String?] = [nil, "none", "possible", "likely"]
        var generator = SplitMix64(seed: 9)
        let specs = (0..<1_000).map { index -> Spec in
            let status = Self.statuses[Int(generator.next() % 6)]
            let risk = risks[Int(generator.next() % 4)]
            let offset = offsets[Int(generator.next() % 6)]
            let reviewed = generator.next() % 3
            let fields: [String: String?] = [
                "person": "Person \(index)", "status": status, "riskToOthers": risk,
                "madeOn": status == "made" ? Self.day(-10) : nil, "revisitOn": offset.map { Self.day($0) },
            ]
            return Spec(title: "Amend \(index)", fields: fields, status: status, risk: risk, revisitOffset: offset,
                        review: reviewed == 0 ? nil : reviewed == 1)
        }
        try insert(specs, owner: owner.id, sponsorship: sponsorship)
        let theirs = (0..<50).map { index in
            Spec(title: "Theirs \(index)", fields: ["person": "P", "status": "planned", "revisitOn": Self.day(-1)],
                 status: "planned", risk: nil, revisitOffset: -1, review: false)
        }
        try insert(theirs, owner: other.id, sponsorship: otherSponsorship)

        let notMade = specs.filter { $0.status != "made" }
        let expected = Self.expected(
            total: specs.count,
            byStatus: Dictionary(grouping: specs, by: \.status).mapValues(\.count),
            riskUnconsidered: notMade.filter { $0.risk == nil }.count,
            revisitDue: notMade.filter { ($0.revisitOffset ?? 1) <= 0 }.count,
            awaitingReview: specs.filter { $0.review == false }.count)
        let summary = try summary(as: owner)
        #expect(summary == expected)
        #expect(summary.total == 1_000 && summary.awaitingReview > 0 && summary.revisitDue > 0)
    }

    /// Writes the amends (and their reviews through `sponsorship`) in two statements.
    private func insert(_ specs: [Spec], owner: String, sponsorship: String) throws {
        let json = String(decoding: try JSONEncoder().encode(specs), as: UTF8.self)
        try scenario.pool.withTransaction { connection in
            try connection.execute("""
                INSERT INTO stepwork.entries (owner_id, kind, title, step, fields)
                SELECT \(owner)::uuid, 'amend', spec ->> 'title', 9, jsonb_strip_nulls(spec -> 'fields')
                FROM jsonb_array_elements(\(json)::jsonb) spec
                """)
            try connection.execute("""
                INSERT INTO stepwork.reviews
                    (entry_id, sponsorship_id, owner_id, requested_on_version, verdict, decided_at, decided_on_version)
                SELECT e.id, \(sponsorship)::uuid, e.owner_id, 1,
                       CASE WHEN (spec ->> 'review')::boolean THEN 'go_ahead' END,
                       CASE WHEN (spec ->> 'review')::boolean THEN now() END,
                       CASE WHEN (spec ->> 'review')::boolean THEN 1 END
                FROM jsonb_array_elements(\(json)::jsonb) spec
                JOIN stepwork.entries e ON e.owner_id = \(owner)::uuid AND e.title = spec ->> 'title'
                WHERE spec ? 'review' AND spec -> 'review' <> 'null'
                """)
        }
    }
}

/// A small seeded generator, so the mix of amends is varied but the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
