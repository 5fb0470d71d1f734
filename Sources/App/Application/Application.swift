import Auth
import Browser
import Comments
import Entries
import HTTPServer
import Logging
import Permissions
import Postgres
import Sponsorships
import Web

/// A running Stepwork: the database pool, the router with every module's routes, and the
/// HTTP server in front of them. `stepwork serve` and the end-to-end tests both build one.
public final class Application: Sendable {
    public let configuration: AppConfiguration
    public let pool: PostgresPool
    public let router: Router
    private let server: HTTPServer
    /// Where passwords are hashed; its high-water mark is visible to tests.
    public let passwordHashing: PasswordHashingExecutor
    private let logger: Logger
    /// Where the browser app is served from: settled at start when not configured.
    private let publicOrigin: PublicOrigin

    /// Throws when the browser app's files cannot be loaded.
    public init(configuration: AppConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        pool = PostgresPool(
            configuration: PostgresConfiguration(
                connectionString: configuration.databaseURL, poolSize: configuration.databasePoolSize,
                acquireTimeout: configuration.databaseAcquireTimeout, searchPath: AppConfiguration.schema),
            logger: logger)
        passwordHashing = PasswordHashingExecutor(
            concurrency: configuration.hashingConcurrency, queueCapacity: configuration.hashingQueueLimit)
        publicOrigin = PublicOrigin(configuration.publicOrigin)
        let authenticator = Authenticator(
            settings: SessionSettings(
                idleLifetime: configuration.sessionIdleLifetime, absoluteLifetime: configuration.sessionAbsoluteLifetime),
            cookie: SessionCookie(origin: publicOrigin),
            logger: logger)
        let builder = RouterBuilder(
            logger: logger, pool: pool, authenticator: authenticator,
            clientAddress: ClientAddress(trustedProxies: configuration.trustedProxies))

        HealthRoutes(pool: pool).register(on: builder.group())
        let v1 = builder.group("/v1")
        AuthRoutes(
            pool: pool, authenticator: authenticator, executor: passwordHashing, settings: configuration.auth, logger: logger
        ).register(on: v1)
        SponsorshipRoutes(
            inviteLifetime: configuration.inviteLifetime, acceptWindow: configuration.inviteAcceptWindow
        ).register(on: v1)
        let policy = EntryAccessPolicy(logger: logger)
        EntryRoutes(policy: policy).register(on: v1)
        ShareRoutes(policy: policy).register(on: v1)
        CommentRoutes(policy: policy, logger: logger).register(on: v1)
        BrowserRoutes(app: try BrowserApp.load()).register(on: builder.group())
        router = builder.build()
        server = HTTPServer(configuration: configuration.httpServer, responder: router, logger: logger)
    }

    /// The port the server listens on (the chosen one when configured as `0`).
    public var port: Int { server.port }

    /// Binds and starts serving; returns at once.
    public func start() throws {
        try server.start()
        if configuration.publicOrigin.isEmpty {
            let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
            publicOrigin.settle("http://\(host):\(server.port)")
        }
    }

    /// Stops accepting, drains in-flight requests, closes the pool.
    public func shutdown() {
        server.shutdown()
        passwordHashing.shutdown()
        pool.close()
    }
}

extension AppConfiguration {
    /// Auth's share of the settings.
    var auth: AuthSettings {
        AuthSettings(
            passwordHashCost: passwordHashCost, maxLoginFailuresPerAccount: loginMaxFailuresPerAccount,
            maxLoginFailuresPerAddress: loginMaxFailuresPerAddress, maxRegistrationsPerAddress: registerMaxPerAddress)
    }

    /// Failed invite acceptances per client address per 15 minutes.
    var inviteAcceptWindow: ThrottleWindow {
        ThrottleWindow(limit: inviteAcceptMaxFailuresPerAddress, length: .seconds(15 * 60))
    }

    /// The HTTP server's share of the settings.
    var httpServer: HTTPServerConfiguration {
        var server = HTTPServerConfiguration()
        server.host = host
        server.port = port
        server.eventLoops = eventLoops
        server.workerThreads = workerThreads
        server.workerQueueLimit = workerQueueLimit
        server.maxConnections = maxConnections
        server.limits = HTTPParserLimits(
            maxHeadBytes: maxHeadBytes, maxHeaderCount: maxHeaderCount, maxBodyBytes: maxBodyBytes)
        server.headTimeout = headTimeout
        server.idleTimeout = idleTimeout
        server.bodyMinimumBytesPerSecond = bodyMinimumBytesPerSecond
        server.drainTimeout = drainTimeout
        server.errorResponse = { status, head in HTTPError.transportResponse(status: status, head: head) }
        return server
    }
}
