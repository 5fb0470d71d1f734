import Foundation
import Logging
import Postgres

/// Applies the SQL files of a directory to the database, in version order, each exactly once.
///
/// Each migration runs in its own transaction together with its row in
/// `stepwork.schema_migrations` (version, name, SHA-256 of the text). Every transaction first
/// takes a transaction-level advisory lock, so concurrent migrators take turns and none applies
/// a file another has applied. Before anything runs, the applied migrations must be a prefix of
/// the files, each unchanged since it was applied.
public struct Migrator: Sendable {
    public let pool: PostgresPool
    public let directory: URL
    private let logger: Logger

    /// `pg_advisory_xact_lock` key: "stepwork" in ASCII.
    static let lockKey: Int64 = 0x7374_6570_776F_726B

    public init(pool: PostgresPool, directory: URL, logger: Logger = .silent) {
        self.pool = pool
        self.directory = directory
        self.logger = logger
    }

    /// Applies the pending migrations and returns them, in order.
    ///
    /// Throws `MigrationError`, or `PostgresError` when the database cannot be used at all.
    @discardableResult
    public func migrate() throws -> [Migration] {
        let migrations = try Migration.load(from: directory)
        let checksums = try checksums(of: migrations)
        var applied: [Migration] = []
        while let migration = try pool.withTransaction({ try applyNext(of: migrations, checksums: checksums, on: $0) }) {
            applied.append(migration)
        }
        if applied.isEmpty {
            logger.info("migrations_up_to_date", ["count": String(migrations.count)])
        }
        return applied
    }

    /// The applied and the pending migrations, after the same checks as `migrate()`.
    public func status() throws -> MigrationStatus {
        let migrations = try Migration.load(from: directory)
        let checksums = try checksums(of: migrations)
        let applied = try pool.withConnection { connection in
            let exists = try connection.query("SELECT to_regclass('stepwork.schema_migrations') IS NOT NULL AS exists")
            return try exists[0].decode("exists", as: Bool.self) ? appliedMigrations(on: connection) : []
        }
        let pending = try Self.pending(migrations, checksums: checksums, applied: applied)
        return MigrationStatus(applied: applied, pending: Array(pending))
    }

    /// Under the lock, applies the first pending migration and records it; `nil` when none is left.
    private func applyNext(
        of migrations: [Migration], checksums: [String], on connection: PostgresConnection
    ) throws -> Migration? {
        try connection.execute("SELECT pg_advisory_xact_lock(\(Self.lockKey))")
        try connection.unsafeExecuteScript("""
            CREATE SCHEMA IF NOT EXISTS stepwork;
            CREATE TABLE IF NOT EXISTS stepwork.schema_migrations (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                checksum   text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """)
        let applied = try appliedMigrations(on: connection)
        let pending = try Self.pending(migrations, checksums: checksums, applied: applied)
        guard let migration = pending.first else { return nil }
        let started = ContinuousClock.now
        let transaction = try currentTransaction(on: connection)
        do {
            try connection.unsafeExecuteScript(migration.sql)
        } catch {
            throw MigrationError.failed(migration: migration.id, error)
        }
        guard try currentTransaction(on: connection) == transaction else {
            throw MigrationError.endedTransaction(migration: migration.id)
        }
        try connection.execute("""
            INSERT INTO stepwork.schema_migrations (version, name, checksum)
            VALUES (\(migration.version), \(migration.name), \(checksums[pending.startIndex]))
            """)
        let milliseconds = (ContinuousClock.now - started) / .milliseconds(1)
        logger.info("migration_applied", ["migration": migration.id, "ms": String(Int(milliseconds))])
        return migration
    }

    /// The migrations still to apply, once `applied` is found to be an unchanged prefix of `migrations`.
    static func pending(
        _ migrations: [Migration], checksums: [String], applied: [AppliedMigration]
    ) throws(MigrationError) -> ArraySlice<Migration> {
        for (index, record) in applied.enumerated() {
            guard index < migrations.count, migrations[index].version <= record.version else {
                throw .appliedMigrationMissing(migration: record.id)
            }
            let migration = migrations[index]
            guard migration.version == record.version else {
                throw .pendingBeforeApplied(pending: migration.id, applied: record.id)
            }
            guard migration.name == record.name else { throw .appliedMigrationMissing(migration: record.id) }
            guard checksums[index] == record.checksum else { throw .checksumMismatch(migration: migration.id) }
        }
        return migrations[applied.count...]
    }

    private func appliedMigrations(on connection: PostgresConnection) throws -> [AppliedMigration] {
        try connection.query("SELECT version, name, checksum, applied_at FROM stepwork.schema_migrations ORDER BY version")
            .map { row in
                AppliedMigration(
                    version: try row.decode("version"), name: try row.decode("name"),
                    checksum: try row.decode("checksum"), appliedAt: try row.decode("applied_at"))
            }
    }

    /// SHA-256 of each file's text in hex, computed by PostgreSQL (the Crypto module is not a dependency here).
    private func checksums(of migrations: [Migration]) throws -> [String] {
        try pool.withConnection { connection in
            try migrations.map { migration in
                let rows = try connection.query("SELECT encode(sha256(convert_to(\(migration.sql), 'UTF8')), 'hex') AS checksum")
                return try rows[0].decode("checksum", as: String.self)
            }
        }
    }

    /// The current transaction's id; it changes if a script commits or rolls back midway.
    private func currentTransaction(on connection: PostgresConnection) throws -> Int64 {
        try connection.query("SELECT txid_current() AS id")[0].decode("id")
    }
}
