import Crypto
import Encryption
import Foundation
import HTTPServer
import Logging
import Migrations
import Postgres

/// Runs one `stepwork` command line and returns the process exit code. Problems an operator
/// must fix are one line on stderr.
public enum StepworkCommand {
    public static let version = "0.1.0"

    /// Where `migrate` and `serve` find their SQL, relative to the working directory.
    static let migrationsDirectory = URL(fileURLWithPath: "Migrations")
    /// Where `seed` finds its files when none are named.
    static let seedsDirectory = URL(fileURLWithPath: "seeds")

    public static func run(arguments: [String], environment: [String: String]) -> Int32 {
        let command: Command
        do {
            command = try Command(arguments: arguments)
        } catch {
            printError("\(error.description) (see stepwork --help)")
            return 2
        }
        switch command {
        case .help:
            print(Command.usage)
            return 0
        case .version:
            print("stepwork \(version)")
            return 0
        case .serve, .migrate, .seed, .newKey, .rotateKeys, .encrypt:
            break
        }

        let configuration: AppConfiguration
        do {
            configuration = try AppConfiguration.load(arguments: arguments, environment: environment)
        } catch {
            printError(error.description)
            return 1
        }
        let logger = Logger(level: configuration.logLevel)
        do {
            switch command {
            case .serve(let migrate, _):
                return try serve(configuration, migrate: migrate, logger: logger)
            case .migrate(let statusOnly, _):
                return try self.migrate(configuration, statusOnly: statusOnly, logger: logger)
            case .seed(let files, _):
                return try seed(configuration, files: files, logger: logger)
            case .newKey:
                print(try newKeyLine(keyFile: configuration.keyFile))
                return 0
            case .rotateKeys:
                try withOwnerKeys(configuration, logger: logger) { keys, pool in
                    try EncryptionCommands.rotate(keys: keys, on: pool) { print($0) }
                }
                return 0
            case .encrypt:
                try withOwnerKeys(configuration, logger: logger) { keys, pool in
                    try EncryptionCommands.sealClearTexts(keys: keys, on: pool) { print($0) }
                }
                return 0
            case .help, .version:
                return 0
            }
        } catch let error as CommandFailure {
            printError(error.description)
        } catch let error as MigrationError {
            printError(error.description)
        } catch {
            printError(String(describing: error))
        }
        return 1
    }

    private static func serve(_ configuration: AppConfiguration, migrate: Bool, logger: Logger) throws -> Int32 {
        var configuration = configuration
        do {
            configuration.serverSecret = try ServerSecret.load(file: configuration.secretFile)
            configuration.keyRing = try KeyRing.load(file: configuration.keyFile)
        } catch {
            throw CommandFailure(error.description)
        }
        TerminationSignals.block()
        let application = try Application(configuration: configuration, logger: logger)
        try requireDatabase(application.pool, variable: "STEPWORK_DATABASE_URL")
        if migrate {
            let owner = try ownerPool(configuration, logger: logger)
            defer { owner.close() }
            try Migrator(pool: owner, directory: migrationsDirectory, logger: logger).migrate()
        }
        let pending: [Migration]
        do {
            pending = try Migrator(pool: application.pool, directory: migrationsDirectory, logger: logger).status().pending
        } catch let error as PostgresError where error.sqlState == "42501" {
            throw CommandFailure(
                "STEPWORK_DATABASE_URL: the role may not read schema \(AppConfiguration.schema): run `stepwork migrate` (as the owner, STEPWORK_MIGRATE_DATABASE_URL) first")
        }
        if !pending.isEmpty {
            throw CommandFailure(
                "\(pending.count) migration(s) pending, from \(pending[0].id): run `stepwork migrate` or `stepwork serve --migrate`")
        }
        try checkKeyRing(DataKeys(ring: configuration.keyRing!), on: application.pool, file: configuration.keyFile)
        do {
            try application.start()
        } catch let error as SystemError {
            throw CommandFailure("STEPWORK_HOST/STEPWORK_PORT: cannot listen on \(configuration.host):\(configuration.port): \(error)")
        }
        let signal = TerminationSignals.wait()
        logger.info("shutting_down", [
            "signal": signalName(signal), "grace_ms": String(Int(configuration.shutdownGrace / .milliseconds(1))),
        ])
        // Still serving, no longer ready: the load balancer's health check takes this process
        // out within the grace. A second signal ends the grace at once.
        application.announceShutdown()
        if let again = TerminationSignals.wait(upTo: configuration.shutdownGrace) {
            logger.info("shutdown_grace_cut_short", ["signal": signalName(again)])
        }
        application.shutdown()
        return 0
    }

    private static func signalName(_ signal: Int32) -> String { signal == SIGTERM ? "SIGTERM" : "SIGINT" }

    private static func migrate(_ configuration: AppConfiguration, statusOnly: Bool, logger: Logger) throws -> Int32 {
        let pool = try ownerPool(configuration, logger: logger)
        defer { pool.close() }
        let migrator = Migrator(pool: pool, directory: migrationsDirectory, logger: logger)
        if statusOnly {
            let status = try migrator.status()
            for migration in status.applied { print("applied  \(migration.id)") }
            for migration in status.pending { print("pending  \(migration.id)") }
        } else {
            let applied: [Migration]
            do {
                applied = try migrator.migrate()
            } catch let error as PostgresError where error.sqlState == "42501" {
                throw CommandFailure(
                    "\(migrateVariable(configuration)): \(error.debugDescription): migrations run as the role that owns schema \(AppConfiguration.schema)")
            }
            print(applied.isEmpty ? "no pending migrations" : applied.map { "applied  \($0.id)" }.joined(separator: "\n"))
        }
        return 0
    }

    /// A wrong key file is a start-up error, not a `500` on every read: the key ring must open
    /// a stored data key of each key-encryption key version in use.
    private static func checkKeyRing(_ keys: DataKeys, on pool: PostgresPool, file: String) throws {
        do {
            try pool.withConnection { try keys.check(on: $0) }
        } catch let error as SealedTextError {
            throw CommandFailure(
                "\(KeyRing.fileVariable): \(file): does not open the stored data keys (\(error.cause)): the wrong key file, or a key line removed too early")
        }
    }

    /// Runs `body` with the data keys of the key file and the schema owner's pool (the
    /// commands that seal and re-wrap reach every user's rows, past row-level security).
    private static func withOwnerKeys(
        _ configuration: AppConfiguration, logger: Logger, _ body: (DataKeys, PostgresPool) throws -> Void
    ) throws {
        let keys: DataKeys
        do {
            keys = DataKeys(ring: try KeyRing.load(file: configuration.keyFile))
        } catch {
            throw CommandFailure(error.description)
        }
        let pool = try ownerPool(configuration, logger: logger)
        defer { pool.close() }
        try checkKeyRing(keys, on: pool, file: configuration.keyFile)
        try body(keys, pool)
    }

    /// Runs each seed file in a transaction of its own (the files make themselves idempotent),
    /// then seals their texts, so demo data is never stored in the clear.
    private static func seed(_ configuration: AppConfiguration, files: [String], logger: Logger) throws -> Int32 {
        let urls = try files.isEmpty ? defaultSeedFiles() : files.map { URL(fileURLWithPath: $0) }
        // Demo data is written by the schema owner, as migrations are: it belongs to many users,
        // which row-level security would not let the runtime role write.
        let pool = makePool(configuration.migrationDatabaseURL, configuration, logger: logger)
        defer { pool.close() }
        try requireDatabase(pool, variable: migrateVariable(configuration))
        for url in urls {
            guard let sql = try? String(contentsOf: url, encoding: .utf8) else {
                throw CommandFailure("cannot read seed file \(url.path)")
            }
            do {
                try pool.withTransaction { try $0.unsafeExecuteScript(sql) }
            } catch let error as PostgresError {
                throw CommandFailure("seed file \(url.lastPathComponent) failed and was rolled back: \(error.debugDescription)")
            }
            print("seeded  \(url.lastPathComponent)")
        }
        try withOwnerKeys(configuration, logger: logger) { keys, pool in
            try EncryptionCommands.sealClearTexts(keys: keys, on: pool) { _ in }
        }
        return 0
    }

    /// A key file line `v<N>:<64 hex digits>` with a fresh key: version 1 while `keyFile` does
    /// not exist or holds no key, else one above its newest (so `stepwork keys new >> FILE`
    /// adds the next key).
    static func newKeyLine(keyFile: String) throws -> String {
        var newest = 0
        if FileManager.default.fileExists(atPath: keyFile) {
            do {
                newest = try KeyRing.loadIfAny(file: keyFile)?.newestVersion ?? 0
            } catch {
                throw CommandFailure(error.description)
            }
            guard newest < KeyRing.versionRange.upperBound else {
                throw CommandFailure("\(KeyRing.fileVariable): \(keyFile): v\(newest) is the last version")
            }
        }
        return KeyRing.line(version: newest + 1, key: try SymmetricKey.random())
    }

    private static func defaultSeedFiles() throws -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: seedsDirectory.path) else {
            throw CommandFailure("cannot read the seeds directory \(seedsDirectory.path)")
        }
        return names.filter { $0.hasSuffix(".sql") }.sorted().map { seedsDirectory.appendingPathComponent($0) }
    }

    /// A small pool for a command; no statement timeout, so a long migration or seed can finish.
    private static func makePool(
        _ connectionString: String, _ configuration: AppConfiguration, logger: Logger
    ) -> PostgresPool {
        PostgresPool(
            configuration: PostgresConfiguration(
                connectionString: connectionString, poolSize: 2, acquireTimeout: configuration.databaseAcquireTimeout,
                searchPath: AppConfiguration.schema),
            logger: logger)
    }

    /// The schema owner's pool, which migrations run on, once it answers.
    private static func ownerPool(_ configuration: AppConfiguration, logger: Logger) throws -> PostgresPool {
        let pool = makePool(configuration.migrationDatabaseURL, configuration, logger: logger)
        do {
            try requireDatabase(pool, variable: migrateVariable(configuration))
        } catch {
            pool.close()
            throw error
        }
        return pool
    }

    /// The variable that names the migrations' connection, for messages.
    private static func migrateVariable(_ configuration: AppConfiguration) -> String {
        configuration.migrateDatabaseURL == nil ? "STEPWORK_DATABASE_URL" : "STEPWORK_MIGRATE_DATABASE_URL"
    }

    private static func requireDatabase(_ pool: PostgresPool, variable: String) throws {
        do {
            try pool.ping()
        } catch {
            let reason = String(reflecting: error).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            throw CommandFailure("\(variable): cannot reach PostgreSQL: \(reason)")
        }
    }

    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data("stepwork: \(line)\n".utf8))
    }
}

/// A command that cannot go on, told in one line.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
