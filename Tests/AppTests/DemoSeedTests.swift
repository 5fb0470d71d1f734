import Foundation
import Postgres
import Testing
import TestSupport

/// `seeds/0001_demo.sql`, as `stepwork seed` runs it (a transaction per file): it loads on a
/// migrated database, loads again without a change, and gives Sam the Step 8 list the README
/// walks through.
@Suite struct DemoSeedTests {
    static let file = TestDatabase.migrationsDirectory.deletingLastPathComponent()
        .appendingPathComponent("seeds/0001_demo.sql")

    @Test func theDemoSeedIsIdempotentAndTellsTheAmendStory() throws {
        let database = try TestDatabase.create()
        let sql = try String(contentsOf: Self.file, encoding: .utf8)
        try database.pool.withTransaction { try $0.unsafeExecuteScript(sql) }
        let first = try snapshot(database)
        try database.pool.withTransaction { try $0.unsafeExecuteScript(sql) }
        #expect(try snapshot(database) == first)

        let statuses: [String] = try database.pool.query("""
            SELECT fields ->> 'status' AS status FROM stepwork.entries e JOIN stepwork.users u ON u.id = e.owner_id
            WHERE u.email = 'sam@example.org' AND e.kind = 'amend' ORDER BY 1
            """).map { try $0.decode("status") }
        #expect(statuses == ["deferred", "made", "not_advisable", "not_yet_willing", "planned", "ready"])
        let reviews: [String] = try database.pool.query("""
            SELECT coalesce(verdict, 'pending') || ':' || stale AS review FROM stepwork.review_rows ORDER BY 1
            """).map { try $0.decode("review") }
        #expect(reviews == ["go_ahead:true", "pending:false"])
    }

    /// Every row of the tables the seed writes, as text.
    private func snapshot(_ database: TestDatabase) throws -> [String] {
        try database.pool.query("""
            SELECT t::text AS row FROM (
                SELECT id::text, to_jsonb(u) - 'created_at' AS data FROM stepwork.users u
                UNION ALL SELECT id::text, to_jsonb(e) - 'created_at' - 'updated_at' FROM stepwork.entries e
                UNION ALL SELECT entry_id::text, to_jsonb(s) - 'granted_at' FROM stepwork.shares s
                UNION ALL SELECT id::text, to_jsonb(c) - 'created_at' FROM stepwork.comments c
                UNION ALL SELECT id::text, to_jsonb(r) - 'requested_at' - 'decided_at' FROM stepwork.reviews r
            ) t ORDER BY 1
            """).map { try $0.decode("row") }
    }
}
