import Foundation
import Migrations
import Postgres

/// A fresh, uniquely named database on the cluster named by `STEPWORK_TEST_DATABASE_URL`,
/// dropped when the last reference to it goes away.
///
/// The base connection's role owns the database and migrates it; `runtimeConnectionString`
/// reaches it as the runtime role `stepwork_app` (a member of `stepwork_runtime`, which
/// `scripts/pg.sh up` creates), the way `stepwork serve` connects.
public final class TestDatabase: Sendable {
    public let name: String
    /// A libpq connection string for this database, in the form of the base one, as its owner.
    public let connectionString: String
    /// The same as the runtime role, which may only read and write rows.
    public let runtimeConnectionString: String
    /// The owner's pool: for fixtures and checks that go around the application's privileges.
    public let pool: PostgresPool

    /// The login role of the runtime role in the test cluster.
    public static let runtimeRole = "stepwork_app"
    private let baseConnectionString: String

    /// The repository's `Migrations/` directory.
    public static let migrationsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Migrations")

    /// Creates the database and, if `migrated`, applies the repository's migrations to it; on
    /// the cluster of `base` (a connection string of a role that may create databases) when
    /// given, else of `STEPWORK_TEST_DATABASE_URL`.
    public static func create(migrated: Bool = true, poolSize: Int = 4, on base: String? = nil) throws -> TestDatabase {
        let database = try TestDatabase(poolSize: poolSize, base: base)
        if migrated {
            try Migrator(pool: database.pool, directory: migrationsDirectory).migrate()
        }
        return database
    }

    private init(poolSize: Int, base: String?) throws {
        guard let base = base ?? ProcessInfo.processInfo.environment["STEPWORK_TEST_DATABASE_URL"], !base.isEmpty else {
            throw TestEnvironmentError("""
                STEPWORK_TEST_DATABASE_URL is not set: run `make test`, or `scripts/pg.sh up $PWD/.data/test-postgres` \
                and export STEPWORK_TEST_DATABASE_URL="$(scripts/pg.sh url $PWD/.data/test-postgres)"
                """)
        }
        name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        baseConnectionString = base
        connectionString = Self.connectionString(base, database: name)
        runtimeConnectionString = Self.connectionString(base, database: name, user: Self.runtimeRole)
        // The name is ours, made of hex digits: safe to spell into the statement.
        try Self.administer(base, "CREATE DATABASE \(name)")
        pool = PostgresPool(configuration: PostgresConfiguration(
            connectionString: connectionString, poolSize: poolSize, acquireTimeout: .seconds(30),
            searchPath: "stepwork"))
    }

    deinit {
        pool.close()
        try? Self.administer(baseConnectionString, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    private static func administer(_ connectionString: String, _ statement: String) throws {
        let pool = PostgresPool(configuration: PostgresConfiguration(connectionString: connectionString, poolSize: 1))
        defer { pool.close() }
        try pool.withConnection { try $0.unsafeExecuteScript(statement) }
    }

    /// `base` pointing at `database` (as `user`, if given): a URL gets a new path and user,
    /// `key=value` pairs a trailing `dbname` and `user` (libpq keeps the last value of a repeated keyword).
    static func connectionString(_ base: String, database: String, user: String? = nil) -> String {
        if base.hasPrefix("postgres://") || base.hasPrefix("postgresql://"), var url = URLComponents(string: base) {
            url.path = "/" + database
            if let user {
                url.user = user
                url.password = nil
            }
            if let string = url.string { return string }
        }
        return base + " dbname=" + database + (user.map { " user=" + $0 } ?? "")
    }
}
