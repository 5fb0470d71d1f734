import App
import Foundation
import Logging
import Postgres

/// The whole application on a free port over its own fresh, migrated database: what the
/// end-to-end tests talk to, the way a client would.
public final class TestApp: Sendable {
    public let database: TestDatabase
    public let application: Application
    public let logs = LogRecorder()

    /// Starts an application; `configure` adjusts the settings (fast password hashing and
    /// port `0` are already set).
    public static func start(_ configure: (inout AppConfiguration) -> Void = { _ in }) throws -> TestApp {
        try TestApp(configure)
    }

    private init(_ configure: (inout AppConfiguration) -> Void) throws {
        database = try TestDatabase.create()
        var configuration = AppConfiguration()
        configuration.databaseURL = database.connectionString
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.passwordHashCost = 10
        configuration.databasePoolSize = 8
        configuration.workerThreads = 8
        configure(&configuration)
        application = Application(configuration: configuration, logger: logs.logger())
        try application.start()
    }

    deinit { application.shutdown() }

    public var port: Int { application.port }
    public var pool: PostgresPool { application.pool }
    public var configuration: AppConfiguration { application.configuration }
}
