import Foundation
import Migrations
import Postgres
import Testing
import TestSupport

@Suite struct MigratorTests {
    let database: TestDatabase

    init() throws { database = try TestDatabase.create(migrated: false) }

    static let first = "CREATE TABLE stepwork.notes (id integer PRIMARY KEY, body text NOT NULL);\n"
    static let second = "ALTER TABLE stepwork.notes ADD COLUMN pinned boolean NOT NULL DEFAULT false;\n"
    static let third = "CREATE INDEX notes_body_idx ON stepwork.notes (body);\n"

    func migrator(_ files: MigrationFiles, pool: PostgresPool? = nil) -> Migrator {
        Migrator(pool: pool ?? database.pool, directory: files.directory)
    }

    func tableExists(_ name: String) throws -> Bool {
        try database.pool.query("SELECT to_regclass(\(name)) IS NOT NULL AS exists")[0].decode("exists")
    }

    /// Checks that `body` throws exactly `expected` (compared by description: `MigrationError` is not `Equatable`).
    func expect(_ expected: MigrationError, _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try body()
            Issue.record("expected \(expected)", sourceLocation: sourceLocation)
        } catch {
            #expect("\(error)" == "\(expected)", sourceLocation: sourceLocation)
        }
    }

    @Test func appliesAFreshDatabaseInOrderThenDoesNothing() throws {
        let files = try MigrationFiles(["0001_notes.sql": Self.first, "0002_pinned.sql": Self.second, "README.md": "not SQL"])
        let before = try migrator(files).status()
        #expect(before.applied.isEmpty)
        #expect(before.pending.map(\.id) == ["0001_notes", "0002_pinned"])

        #expect(try migrator(files).migrate().map(\.id) == ["0001_notes", "0002_pinned"])
        #expect(try migrator(files).migrate().isEmpty)

        let after = try migrator(files).status()
        #expect(after.applied.map(\.id) == ["0001_notes", "0002_pinned"])
        #expect(after.pending.isEmpty)
        // SHA-256 of the file's bytes, sent here as bytea rather than text.
        let expected: String = try database.pool.query(
            "SELECT encode(sha256(\(Array(Self.first.utf8))), 'hex') AS sum")[0].decode("sum")
        #expect(after.applied[0].checksum == expected)
        #expect(try database.pool.execute("INSERT INTO notes (id, body, pinned) VALUES (1, '', true)") == 1)
    }

    @Test func appliesOnlyWhatIsNew() throws {
        let files = try MigrationFiles(["0001_notes.sql": Self.first])
        try migrator(files).migrate()
        try files.write("0002_pinned.sql", Self.second)
        #expect(try migrator(files).status().pending.map(\.id) == ["0002_pinned"])
        #expect(try migrator(files).migrate().map(\.id) == ["0002_pinned"])
    }

    @Test func refusesAnEditedAppliedMigration() throws {
        let files = try MigrationFiles(["0001_notes.sql": Self.first])
        try migrator(files).migrate()
        try files.write("0001_notes.sql", Self.first + "-- a harmless-looking comment\n")
        try files.write("0002_index.sql", Self.third)
        expect(.checksumMismatch(migration: "0001_notes")) { try migrator(files).migrate() }
        expect(.checksumMismatch(migration: "0001_notes")) { _ = try migrator(files).status() }
        #expect(try !tableExists("stepwork.notes_body_idx"))
        #expect(try database.pool.query("SELECT * FROM schema_migrations").count == 1)
    }

    @Test func refusesAFileSortedBeforeAnAppliedOne() throws {
        let files = try MigrationFiles(["0001_notes.sql": Self.first, "0003_index.sql": Self.third])
        try migrator(files).migrate()
        try files.write("0002_pinned.sql", Self.second)
        expect(.pendingBeforeApplied(pending: "0002_pinned", applied: "0003_index")) { try migrator(files).migrate() }
        expect(.pendingBeforeApplied(pending: "0002_pinned", applied: "0003_index")) { _ = try migrator(files).status() }
    }

    @Test func refusesWhenAnAppliedFileIsMissingOrRenamed() throws {
        let files = try MigrationFiles(["0001_notes.sql": Self.first, "0002_pinned.sql": Self.second])
        try migrator(files).migrate()
        try files.remove("0002_pinned.sql")
        expect(.appliedMigrationMissing(migration: "0002_pinned")) { try migrator(files).migrate() }
        try files.write("0002_pinning.sql", Self.second)
        expect(.appliedMigrationMissing(migration: "0002_pinned")) { try migrator(files).migrate() }
    }

    @Test func aFailingMigrationLeavesNothingBehind() throws {
        let files = try MigrationFiles([
            "0001_notes.sql": Self.first,
            "0002_broken.sql": "CREATE TABLE stepwork.half (id integer);\nALTER TABLE stepwork.nowhere ADD COLUMN x integer;\n",
        ])
        do {
            try migrator(files).migrate()
            Issue.record("a broken migration was applied")
        } catch MigrationError.failed(let migration, let error) {
            #expect(migration == "0002_broken")
            #expect(error.sqlState == "42P01")
        }
        #expect(try tableExists("stepwork.notes"))
        #expect(try !tableExists("stepwork.half"))
        #expect(try migrator(files).status().pending.map(\.id) == ["0002_broken"])
    }

    @Test func refusesAMigrationThatEndsItsTransaction() throws {
        let files = try MigrationFiles(["0001_notes.sql": Self.first + "COMMIT;\n"])
        expect(.endedTransaction(migration: "0001_notes")) { try migrator(files).migrate() }
    }

    @Test(arguments: ["1_notes.sql", "0001notes.sql", "0001_.sql", "0001_no tes.sql", "abcd_notes.sql", "00012_notes.sql"])
    func refusesBadFileNames(_ name: String) throws {
        let files = try MigrationFiles([name: Self.first])
        expect(.invalidFileName(name)) { try migrator(files).migrate() }
    }

    @Test func refusesDuplicateVersions() throws {
        let files = try MigrationFiles(["0001_notes.sql": Self.first, "0001_other.sql": Self.second])
        expect(.duplicateVersion("0001_notes", "0001_other")) { try migrator(files).migrate() }
    }

    @Test func refusesAMissingDirectory() {
        let migrator = Migrator(pool: database.pool, directory: URL(fileURLWithPath: "/nonexistent/migrations"))
        expect(.unreadableDirectory(path: "/nonexistent/migrations")) { try migrator.migrate() }
    }

    /// Two processes starting at once: two pools, two threads. Every file records its own run,
    /// so a file applied twice would show.
    @Test func concurrentMigratorsApplyEachFileOnce() throws {
        var sources = ["0001_runs.sql": "CREATE TABLE stepwork.runs (version integer NOT NULL);\nINSERT INTO stepwork.runs VALUES (1);\n"]
        for version in 2...8 {
            sources["000\(version)_step.sql"] = "SELECT pg_sleep(0.02);\nINSERT INTO stepwork.runs VALUES (\(version));\n"
        }
        let files = try MigrationFiles(sources)
        let migrators = (0..<2).map { _ in
            migrator(files, pool: PostgresPool(configuration: PostgresConfiguration(
                connectionString: database.connectionString, poolSize: 1)))
        }
        let start = DispatchSemaphore(value: 0)
        let runs = migrators.map { migrator in
            Background {
                start.wait()
                return try migrator.migrate().map(\.version)
            }
        }
        start.signal()
        start.signal()
        let applied = try runs.map { try $0.join() }
        #expect((applied[0] + applied[1]).sorted() == Array(1...8))
        let recorded: [Int] = try database.pool.query("SELECT version FROM runs ORDER BY version").map { try $0.decode("version") }
        #expect(recorded == Array(1...8))
    }

    @Test func theRepositoryMigrationsApply() throws {
        let migrator = Migrator(pool: database.pool, directory: TestDatabase.migrationsDirectory)
        let applied = try migrator.migrate()
        #expect(applied.first?.id == "0001_schema")
        #expect(try migrator.status().pending.isEmpty)
        #expect(try tableExists("stepwork.users"))
    }
}
