import Foundation
import Postgres
import TestSupport
import Testing
import TestSupport

/// Row-level security behind `EntryAccessPolicy`: statements of the runtime role that forget
/// their filters still see and change only what the acting user may.
@Suite struct RowLevelSecurityTests {
    let scenario: Scenario
    let sam: User, alex: User, stranger: User
    let samsPrivate: String, samsShared: String, alexs: String

    init() throws {
        scenario = try Scenario()
        (sam, alex, stranger) = (try scenario.register("Sam"), try scenario.register("Alex"), try scenario.register("Kim"))
        let sponsorship = try scenario.sponsorship(sponsor: alex, sponsee: sam)
        samsPrivate = try scenario.entryId(of: sam)
        samsShared = try scenario.entryId(of: sam)
        alexs = try scenario.entryId(of: alex)
        try scenario.share(samsShared, through: sponsorship, access: "comment", as: sam)
        try scenario.expect(201, "POST", "/v1/entries/\(samsShared)/comments", as: alex, json: ["body": "A thought"])
    }

    /// Runs `body` on a runtime-role connection acting as `user` (nil: nobody), as a request does.
    private func acting<Result>(as user: User?, _ body: (PostgresConnection) throws -> Result) throws -> Result {
        try scenario.app.pool.withConnection { connection in
            try connection.act(as: user?.id.lowercased() ?? "")
            defer { _ = try? connection.act(as: "") }
            return try body(connection)
        }
    }

    private func entryIds(_ connection: PostgresConnection) throws -> Set<String> {
        // Deliberately wrong: no owner filter.
        Set(try connection.query("SELECT id FROM stepwork.entries").map { try $0.decode("id", as: UUID.self).uuidString })
    }

    @Test func anUnfilteredReadReturnsOnlyWhatTheActingUserMaySee() throws {
        #expect(try acting(as: sam, entryIds) == [samsPrivate, samsShared])
        #expect(try acting(as: alex, entryIds) == [alexs, samsShared])
        #expect(try acting(as: stranger, entryIds).isEmpty)
        #expect(try acting(as: nil, entryIds).isEmpty)
        let comments = { (connection: PostgresConnection) in
            try connection.query("SELECT count(*) AS n FROM stepwork.comments")[0].decode("n", as: Int.self)
        }
        #expect(try acting(as: alex, comments) == 1)
        #expect(try acting(as: stranger, comments) == 0)
        let shares = { (connection: PostgresConnection) in
            try connection.query("SELECT count(*) AS n FROM stepwork.shares")[0].decode("n", as: Int.self)
        }
        #expect(try acting(as: alex, shares) == 1)
        #expect(try acting(as: stranger, shares) == 0)
    }

    /// The read views run as their reader: a read through them is filtered like one of the tables.
    @Test(arguments: ["entry_rows", "comment_rows"])
    func anUnfilteredReadThroughAViewReturnsOnlyWhatTheActingUserMaySee(view: String) throws {
        let entryIds = { (connection: PostgresConnection) -> Set<String> in
            let rows = view == "entry_rows"
                ? try connection.query("SELECT id AS entry_id FROM stepwork.entry_rows")
                : try connection.query("SELECT entry_id FROM stepwork.comment_rows")
            return Set(try rows.map { try $0.decode("entry_id", as: UUID.self).uuidString })
        }
        let all = try scenario.app.ownerPool.withConnection(entryIds)
        #expect(try acting(as: sam, entryIds) == all.intersection([samsPrivate, samsShared]))
        #expect(try acting(as: alex, entryIds) == all.intersection([alexs, samsShared]))
        #expect(try acting(as: stranger, entryIds).isEmpty)
        #expect(try acting(as: nil, entryIds).isEmpty)
        #expect(all.contains(samsShared))
    }

    @Test func anUnfilteredWriteChangesOnlyTheActingUsersOwnRows() throws {
        // (Titles are sealed, so the clear `step` column stands for the content here.)
        #expect(try acting(as: sam) { try $0.execute("UPDATE stepwork.entries SET step = 7") } == 2)
        // A sponsor who may read an entry still cannot change, delete or take it: the statement
        // that would touch it fails whole, and nothing changes.
        #expect(throws: PostgresError.self) {
            try acting(as: alex) { try $0.execute("UPDATE stepwork.entries SET step = 8") }
        }
        #expect(throws: PostgresError.self) {
            try acting(as: alex) { try $0.execute("UPDATE stepwork.entries SET owner_id = \(UUID(uuidString: alex.id)!)") }
        }
        #expect(try acting(as: alex) { try $0.execute("DELETE FROM stepwork.shares") } == 0)
        #expect(try acting(as: alex) { try $0.execute("DELETE FROM stepwork.entries WHERE owner_id <> \(UUID(uuidString: alex.id)!)") } == 0)
        #expect(try acting(as: stranger) { try $0.execute("DELETE FROM stepwork.entries") } == 0)
        let steps = try scenario.pool.query("SELECT step FROM stepwork.entries ORDER BY step NULLS LAST")
            .map { try $0.decode("step", as: Int?.self) }
        #expect(steps == [7, 7, nil])
        #expect(try scenario.pool.query("SELECT count(*) AS n FROM stepwork.shares")[0].decode("n", as: Int.self) == 1)
    }
}
