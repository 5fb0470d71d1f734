import Foundation
import Migrations
import Postgres
import Testing
import TestSupport

/// What the runtime role of `Migrations/0007_runtime_role.sql` may do, connected the way
/// `stepwork serve` is: rows yes, schema no.
@Suite struct RuntimeRoleTests {
    let database: TestDatabase
    let runtime: PostgresPool

    init() throws {
        database = try TestDatabase.create()
        runtime = PostgresPool(configuration: PostgresConfiguration(
            connectionString: database.runtimeConnectionString, poolSize: 1, searchPath: "stepwork"))
    }

    /// The SQLSTATE `statement` fails with when the runtime role runs it, or nil when it succeeds.
    func refusal(_ statement: PostgresQuery) -> String? {
        do {
            try runtime.withTransaction { try $0.execute(statement) }
            return nil
        } catch {
            return (error as? PostgresError)?.sqlState ?? "\(error)"
        }
    }

    @Test func isNeitherSuperuserNorOwner() throws {
        let row = try runtime.query("""
            SELECT current_user AS name, r.rolsuper AS superuser, pg_has_role(current_user, n.nspowner, 'USAGE') AS owner
            FROM pg_roles r, pg_namespace n WHERE r.rolname = current_user AND n.nspname = 'stepwork'
            """)[0]
        #expect(try row.decode("name", as: String.self) == TestDatabase.runtimeRole)
        #expect(try row.decode("superuser", as: Bool.self) == false)
        #expect(try row.decode("owner", as: Bool.self) == false)
    }

    @Test func readsAndWritesRowsOfEveryTableButOnlyReadsTheMigrations() throws {
        let rows = try runtime.query("""
            SELECT c.relname AS name,
                   has_table_privilege(c.oid, 'SELECT') AS s, has_table_privilege(c.oid, 'INSERT') AS i,
                   has_table_privilege(c.oid, 'UPDATE') AS u, has_table_privilege(c.oid, 'DELETE') AS d,
                   has_table_privilege(c.oid, 'TRUNCATE') OR has_table_privilege(c.oid, 'REFERENCES')
                       OR has_table_privilege(c.oid, 'TRIGGER') AS more
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'stepwork' AND c.relkind IN ('r', 'v')
            """)
        #expect(rows.count >= 9)
        for row in rows {
            let name: String = try row.decode("name")
            let writes = [try row.decode("i", as: Bool.self), try row.decode("u"), try row.decode("d")]
            #expect(try row.decode("s", as: Bool.self), "\(name)")
            #expect(writes == Array(repeating: name != "schema_migrations", count: 3), "\(name)")
            #expect(try row.decode("more", as: Bool.self) == false, "\(name)")
        }
        let email = "row-\(UUID().uuidString.prefix(8).lowercased())@example.org"
        let id: UUID = try runtime.query("""
            INSERT INTO users (email, display_name, password_hash) VALUES (\(email), 'Row', '$scrypt$x') RETURNING id
            """)[0].decode("id")
        #expect(try runtime.execute("UPDATE users SET display_name = 'Rowan' WHERE id = \(id)") == 1)
        #expect(try runtime.execute("DELETE FROM users WHERE id = \(id)") == 1)
    }

    @Test func cannotChangeTheSchemaTruncateOrWriteTheMigrations() throws {
        let denied = "42501"  // insufficient_privilege
        #expect(refusal("CREATE TABLE stepwork.intruder (id integer)") == denied)
        #expect(refusal("CREATE TABLE public.intruder (id integer)") == denied)
        #expect(refusal("CREATE FUNCTION stepwork.intruder() RETURNS integer LANGUAGE sql AS 'SELECT 1'") == denied)
        #expect(refusal("ALTER TABLE stepwork.users ADD COLUMN intruder integer") == denied)
        #expect(refusal("CREATE INDEX intruder ON stepwork.entries (title)") == denied)
        #expect(refusal("DROP TABLE stepwork.comments") == denied)
        #expect(refusal("TRUNCATE stepwork.throttle_events") == denied)
        #expect(refusal("INSERT INTO stepwork.schema_migrations (version, name, checksum) VALUES (9999, 'x', 'x')") == denied)
        #expect(refusal("UPDATE stepwork.schema_migrations SET checksum = 'forged'") == denied)
        #expect(refusal("DELETE FROM stepwork.schema_migrations") == denied)
        #expect(refusal("CREATE ROLE intruder") == denied)
        #expect(try runtime.query("SELECT count(*) AS n FROM schema_migrations")[0].decode("n", as: Int64.self) >= 6)
    }

    @Test func aTableOfALaterMigrationIsGrantedAsWell() throws {
        let repository = TestDatabase.migrationsDirectory
        var sql: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: repository.path) where name.hasSuffix(".sql") {
            sql[name] = try String(contentsOf: repository.appendingPathComponent(name), encoding: .utf8)
        }
        sql["9001_later.sql"] = "CREATE TABLE stepwork.later (id bigserial PRIMARY KEY, note text NOT NULL);\n"
        let files = try MigrationFiles(sql)
        try Migrator(pool: database.pool, directory: files.directory).migrate()
        #expect(try runtime.query("INSERT INTO later (note) VALUES ('a') RETURNING id")[0].decode("id", as: Int64.self) == 1)
        #expect(try runtime.execute("UPDATE later SET note = 'b'") == 1)
        #expect(refusal("TRUNCATE stepwork.later") == "42501")
        #expect(refusal("DROP TABLE stepwork.later") == "42501")
    }

    /// An operator's database: the owner may not create roles, so the administrator creates the
    /// runtime role once (config/README.md); until then the migration says what is missing.
    @Test func anOwnerWithoutCreateroleNeedsTheRuntimeRoleMadeFirst() throws {
        let cluster = try TestCluster.start()
        let administrator = PostgresPool(configuration: PostgresConfiguration(connectionString: cluster.connectionString, poolSize: 1))
        defer { administrator.close() }
        try administrator.withConnection { try $0.unsafeExecuteScript("CREATE ROLE operator_owner LOGIN") }
        try administrator.withConnection { try $0.unsafeExecuteScript("CREATE DATABASE operator_db OWNER operator_owner") }
        let owner = PostgresPool(configuration: PostgresConfiguration(
            connectionString: cluster.connectionString + " user=operator_owner dbname=operator_db", poolSize: 1))
        defer { owner.close() }
        let migrator = Migrator(pool: owner, directory: TestDatabase.migrationsDirectory)

        #expect {
            try migrator.migrate()
        } throws: { error in
            "\(error)".contains("migration 0007_runtime_role failed")
                && "\(error)".contains("role stepwork_runtime does not exist, and operator_owner may not create it")
                && "\(error)".contains("CREATE ROLE stepwork_runtime NOLOGIN")
        }
        #expect(try migrator.status().pending.first?.id == "0007_runtime_role")

        try administrator.withConnection {
            try $0.unsafeExecuteScript("CREATE ROLE stepwork_runtime NOLOGIN; CREATE ROLE operator_app LOGIN IN ROLE stepwork_runtime")
        }
        try migrator.migrate()
        let app = PostgresPool(configuration: PostgresConfiguration(
            connectionString: cluster.connectionString + " user=operator_app dbname=operator_db", poolSize: 1))
        defer { app.close() }
        #expect(try app.query("SELECT count(*) AS n FROM stepwork.users")[0].decode("n", as: Int64.self) == 0)
    }
}
