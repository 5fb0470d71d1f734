import App
import Crypto
import Encryption
import Foundation
import Logging
import Postgres

/// The whole application on a free port over its own fresh, migrated database: what the
/// end-to-end tests talk to, the way a client would. Migrated as the owner, served as the
/// runtime role, so every end-to-end test runs with the least privilege `serve` has.
public final class TestApp: Sendable {
    public let database: TestDatabase
    public let application: Application
    public let logs = LogRecorder()

    /// Starts an application; `configure` adjusts the settings (fast password hashing, port `0`,
    /// a random server secret and an ample failed-hash budget are already set).
    /// On `database` when given (migrated), else on a fresh one.
    public static func start(
        on database: TestDatabase? = nil, _ configure: (inout AppConfiguration) -> Void = { _ in }
    ) throws -> TestApp {
        try TestApp(on: database, configure)
    }

    private init(on given: TestDatabase?, _ configure: (inout AppConfiguration) -> Void) throws {
        database = try given ?? TestDatabase.create()
        var configuration = AppConfiguration()
        configuration.databaseURL = database.runtimeConnectionString
        configuration.migrateDatabaseURL = database.connectionString
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.passwordHashCost = 10
        configuration.databasePoolSize = 8
        configuration.workerThreads = 8
        configuration.serverSecret = ServerSecret(bytes: (0..<32).map { _ in UInt8.random(in: 0...255) })
        configuration.keyRing = KeyRing(keys: [1: try SymmetricKey.random()])
        configuration.loginFailedHashesPerSecond = 10_000  // tests of the failed-hash budget lower it

        configure(&configuration)
        application = try Application(configuration: configuration, logger: logs.logger())
        try application.start()
    }

    deinit { application.shutdown() }

    public var port: Int { application.port }
    public var pool: PostgresPool { application.pool }
    /// The schema owner's pool, for tests that arrange or inspect rows directly: it is not
    /// subject to row-level security, as the application's runtime role is.
    public var ownerPool: PostgresPool { database.pool }
    public var configuration: AppConfiguration { application.configuration }

    /// A new connection to the application.
    public func client() throws -> TestHTTPClient { try TestHTTPClient(port: port) }

    /// One request on a connection of its own.
    public func request(
        _ method: String, _ path: String, json: String? = nil, headers: [(String, String)] = [], token: String? = nil
    ) throws -> TestHTTPResponse {
        let client = try client()
        if let json { return try client.request(method, path, json: json, headers: headers, token: token) }
        return try client.request(method, path, headers: headers, token: token)
    }

    /// Registers a user through the API and returns its bearer token and id.
    @discardableResult
    public func register(
        email: String = "user-\(UUID().uuidString.prefix(8).lowercased())@example.org",
        password: String = "correct horse battery staple", displayName: String = "Test User"
    ) throws -> (token: String, userId: UUID) {
        let body = try JSONSerialization.data(withJSONObject: ["email": email, "password": password, "displayName": displayName])
        let response = try request("POST", "/v1/auth/register", json: String(decoding: body, as: UTF8.self))
        guard response.status == 201, let json = try? response.json(), let token = json["token"] as? String,
              let user = json["user"] as? [String: Any], let id = (user["id"] as? String).flatMap(UUID.init(uuidString:))
        else { throw TestHTTPError("registration failed: \(response.status) \(response.bodyString)") }
        return (token, id)
    }
}
