import Foundation
import Migrations
import Postgres

/// A fresh, uniquely named database on the cluster named by `STEPWORK_TEST_DATABASE_URL`,
/// dropped when the last reference to it goes away.
public final class TestDatabase: Sendable {
    public let name: String
    /// A libpq connection string for this database, in the form of the base one.
    public let connectionString: String
    public let pool: PostgresPool
    private let baseConnectionString: String

    /// The repository's `Migrations/` directory.
    public static let migrationsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Migrations")

    /// Creates the database and, if `migrated`, applies the repository's migrations to it.
    public static func create(migrated: Bool = true, poolSize: Int = 4) throws -> TestDatabase {
        let database = try TestDatabase(poolSize: poolSize)
        if migrated {
            try Migrator(pool: database.pool, directory: migrationsDirectory).migrate()
        }
        return database
    }

    private init(poolSize: Int) throws {
        guard let base = ProcessInfo.processInfo.environment["STEPWORK_TEST_DATABASE_URL"], !base.isEmpty else {
            throw TestEnvironmentError("""
                STEPWORK_TEST_DATABASE_URL is not set: run `make test`, or `scripts/pg.sh up $PWD/.data/test-postgres` \
                and export STEPWORK_TEST_DATABASE_URL="$(scripts/pg.sh url $PWD/.data/test-postgres)"
                """)
        }
        name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        baseConnectionString = base
        connectionString = Self.connectionString(base, database: name)
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

    /// `base` pointing at `database`: a URL gets a new path, `key=value` pairs a trailing `dbname`
    /// (libpq keeps the last value of a repeated keyword).
    static func connectionString(_ base: String, database: String) -> String {
        if base.hasPrefix("postgres://") || base.hasPrefix("postgresql://"), var url = URLComponents(string: base) {
            url.path = "/" + database
            if let string = url.string { return string }
        }
        return base + " dbname=" + database
    }
}
