import Foundation
import Migrations
import Postgres
import Testing
import TestSupport

/// The amends migration (`NNNN_amends.sql`) on amends written by the previous schema version
/// (every migration before it): valid ones are left exactly as they were; the two shapes the
/// new `madeOn` rule refuses are repaired.
@Suite struct AmendMigrationTests {
    let database: TestDatabase
    let files: MigrationFiles
    /// The file name of the amends migration, whatever its number.
    let amends: String

    /// A database at the previous version, with the migrations before the amends one only.
    init() throws {
        database = try TestDatabase.create(migrated: false)
        let all = try FileManager.default.contentsOfDirectory(atPath: TestDatabase.migrationsDirectory.path)
        amends = try #require(all.first { $0.hasSuffix("_amends.sql") })
        var previous: [String: String] = [:]
        for name in all where name.hasSuffix(".sql") && name < amends {
            previous[name] = try String(
                contentsOf: TestDatabase.migrationsDirectory.appendingPathComponent(name), encoding: .utf8)
        }
        files = try MigrationFiles(previous)
        try Migrator(pool: database.pool, directory: files.directory).migrate()
    }

    /// Applies the repository's migrations from the amends one on.
    func upgrade() throws -> [String] {
        let all = try FileManager.default.contentsOfDirectory(atPath: TestDatabase.migrationsDirectory.path)
        for name in all where name.hasSuffix(".sql") && name >= amends {
            try files.write(name, try String(
                contentsOf: TestDatabase.migrationsDirectory.appendingPathComponent(name), encoding: .utf8))
        }
        return try Migrator(pool: database.pool, directory: files.directory).migrate().map(\.id)
    }

    /// An entry as the previous version wrote it; its id.
    func insert(kind: String, fields: String, updatedAt: String = "2026-06-30 23:30:00+00") throws -> UUID {
        try database.pool.query("""
            INSERT INTO stepwork.entries (owner_id, kind, title, fields, updated_at)
            SELECT id, \(kind), 'Old', \(fields)::jsonb, \(updatedAt)::timestamptz FROM stepwork.users
            RETURNING id
            """)[0].decode("id")
    }

    func stored(_ id: UUID) throws -> (fields: String, version: Int) {
        let row = try database.pool.query("SELECT fields::text AS fields, version FROM stepwork.entries WHERE id = \(id)")[0]
        return (try row.decode("fields"), try row.decode("version"))
    }

    @Test func amendsOfThePreviousVersionKeepWorking() throws {
        try database.pool.execute("""
            INSERT INTO stepwork.users (email, display_name, password_hash) VALUES ('sam@example.org', 'Sam', '$scrypt$not-a-real-hash')
            """)
        // Every method and status the previous version knew, each as it encoded them.
        var valid: [UUID] = []
        for method in ["in_person", "phone", "letter", "indirect", "living"] {
            for status in ["planned", "ready", "deferred", "not_advisable"] {
                valid.append(try insert(kind: "amend", fields: """
                    {"person": "Dan", "harm": "Lied", "plan": null, "method": "\(method)", "status": "\(status)", "madeOn": null}
                    """))
            }
        }
        valid.append(try insert(kind: "amend", fields: """
            {"person": "Maria", "harm": null, "plan": null, "method": null, "status": "made", "madeOn": "2026-03-01"}
            """))
        valid.append(try insert(kind: "meeting", fields: #"{"date": "2026-11-17", "name": null}"#))
        valid.append(try insert(kind: "journal", fields: "{}"))
        let madeWithoutDate = try insert(kind: "amend", fields: """
            {"person": "Lee", "harm": null, "plan": null, "method": "phone", "status": "made", "madeOn": null}
            """)
        let dateWithoutMade = try insert(kind: "amend", fields: """
            {"person": "Kim", "harm": null, "plan": null, "method": "letter", "status": "deferred", "madeOn": "2026-05-05"}
            """)
        let before = try valid.map(stored)

        #expect(try upgrade().first.map { $0 + ".sql" } == amends)

        let after = try valid.map(stored)
        #expect(after.map(\.fields) == before.map(\.fields), "valid rows are untouched")
        #expect(after.map(\.version) == before.map(\.version))
        // Made by its last update at the latest: that day (UTC) becomes its date.
        let repairedMade = try stored(madeWithoutDate)
        #expect(repairedMade.version == 2)
        #expect(repairedMade.fields.contains(#""madeOn": "2026-06-30""#) && repairedMade.fields.contains(#""status": "made""#))
        // The status is the owner's latest word: the stray date goes.
        let repairedDate = try stored(dateWithoutMade)
        #expect(repairedDate.version == 2)
        #expect(repairedDate.fields.contains(#""madeOn": null"#) && repairedDate.fields.contains(#""status": "deferred""#))

        // The constraints are in force for what comes next.
        #expect(throws: PostgresError.self) {
            try insert(kind: "amend", fields: #"{"person": "Jo", "status": "made", "madeOn": null}"#)
        }
        #expect(try insert(kind: "amend", fields: #"{"person": "Jo", "status": "not_yet_willing", "method": "message"}"#) != UUID())
    }
}
