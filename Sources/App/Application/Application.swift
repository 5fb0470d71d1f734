import Activity
import Auth
import Browser
import Comments
import Encryption
import Entries
import HTTPServer
import Logging
import Permissions
import Postgres
import Privacy
import Reviews
import Sponsorships
import Web

/// A running Stepwork: the database pool, the router with every module's routes, and the
/// HTTP server in front of them. `stepwork serve` and the end-to-end tests both build one.
public final class Application: Sendable {
    public let configuration: AppConfiguration
    public let pool: PostgresPool
    /// The streaming replica's reads, when `databaseReplicaURL` is set.
    private let replica: ReplicaReads?
    public let router: Router
    private let server: HTTPServer
    /// Deletes access log rows past the retention, on a thread of its own while serving.
    public let accessLogPurger: AccessLogPurger
    /// Where passwords are hashed; its high-water mark is visible to tests.
    public let passwordHashing: PasswordHashingExecutor
    private let logger: Logger
    /// The `LISTEN` connection and the open event streams of this process.
    public let liveEvents: LiveEvents
    /// Where the browser app is served from: settled at start when not configured.
    private let publicOrigin: PublicOrigin
    /// Given by `announceShutdown()`: `/readyz` fails from then on.
    private let shutdownNotice = ShutdownNotice()

    /// Throws when the browser app's files cannot be loaded.
    /// - Precondition: `configuration.serverSecret` is set (`serve` loads it from the secret file).
    public init(configuration: AppConfiguration, logger: Logger) throws {
        guard let secret = configuration.serverSecret else {
            preconditionFailure("an Application needs a server secret (AppConfiguration.serverSecret)")
        }
        guard let keyRing = configuration.keyRing else {
            preconditionFailure("an Application needs its key-encryption keys (AppConfiguration.keyRing)")
        }
        let keys = DataKeys(ring: keyRing)
        let throttleKey = ThrottleKey(secret: secret.bytes)
        self.configuration = configuration
        self.logger = logger
        pool = PostgresPool(configuration: configuration.serverDatabase, logger: logger)
        replica = configuration.replicaDatabase.map { ReplicaReads(pool: PostgresPool(configuration: $0, logger: logger)) }
        passwordHashing = PasswordHashingExecutor(
            concurrency: configuration.hashingConcurrency, queueCapacity: configuration.hashingQueueLimit)
        publicOrigin = PublicOrigin(configuration.publicOrigin)
        let authenticator = Authenticator(
            settings: SessionSettings(
                idleLifetime: configuration.sessionIdleLifetime, absoluteLifetime: configuration.sessionAbsoluteLifetime),
            cookie: SessionCookie(origin: publicOrigin), actingUserSetting: AppConfiguration.actingUserSetting)
        let builder = RouterBuilder(
            logger: logger, pool: pool, replica: replica, authenticator: authenticator,
            clientAddress: ClientAddress(trustedProxies: configuration.trustedProxies))

        HealthRoutes(pool: pool, shutdown: shutdownNotice).register(on: builder.group())
        let v1 = builder.group("/v1")
        AuthRoutes(
            pool: pool, authenticator: authenticator, executor: passwordHashing,
            settings: configuration.auth(throttleKey: throttleKey), logger: logger
        ).register(on: v1)
        SponsorshipRoutes(
            inviteLifetime: configuration.inviteLifetime,
            acceptThrottle: Throttle(scope: .inviteAddress, window: configuration.inviteAcceptWindow, key: throttleKey)
        ).register(on: v1)
        let policy = EntryAccessPolicy(logger: logger)
        EntryRoutes(policy: policy, keys: keys).register(on: v1)
        ShareRoutes(policy: policy).register(on: v1)
        CommentRoutes(policy: policy, keys: keys, logger: logger).register(on: v1)
        ReviewRoutes(policy: policy, keys: keys, logger: logger).register(on: v1)
        liveEvents = LiveEvents(
            pool: pool, listening: configuration.serverDatabase, visibleSubject: EntryAccessPolicy.visibleSubject,
            logger: logger)
        ActivityRoutes(visibleSubject: EntryAccessPolicy.visibleSubject, live: liveEvents).register(on: v1)
        AccessLogRoutes(policy: policy).register(on: v1)
        PrivacyRoutes(
            account: AccountData(authenticator: authenticator),
            confirmation: PasswordConfirmation(
                pool: pool, authenticator: authenticator, executor: passwordHashing,
                settings: configuration.auth(throttleKey: throttleKey), logger: logger),
            keys: keys, logger: logger
        ).register(on: v1)
        accessLogPurger = AccessLogPurger(
            pool: pool, retention: .seconds(configuration.accessLogRetentionDays * 24 * 60 * 60), logger: logger)
        BrowserRoutes(app: try BrowserApp.load()).register(on: builder.group())
        router = builder.build()
        server = HTTPServer(configuration: configuration.httpServer, responder: router, logger: logger)
    }

    /// The port the server listens on (the chosen one when configured as `0`).
    public var port: Int { server.port }

    /// Binds and starts serving; returns at once. Logs a warning when the database role is
    /// the schema owner or a superuser rather than the runtime role.
    public func start() throws {
        warnIfPrivilegedRole()
        liveEvents.start()
        try server.start()
        accessLogPurger.start()
        if configuration.publicOrigin.isEmpty {
            let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
            publicOrigin.settle("http://\(host):\(server.port)")
        }
    }

    /// The first step of a graceful shutdown, for a load balancer: `/readyz` answers `503` and
    /// every answer closes its connection, while requests are still accepted and served. `serve`
    /// waits `shutdownGrace` after it (long enough for the health check to notice), then calls
    /// `shutdown()`.
    public func announceShutdown() {
        guard shutdownNotice.give() else { return }
        server.endKeepAlive()
    }

    /// Announces the shutdown (when not done yet), stops accepting, drains in-flight requests,
    /// waits (bounded) for the hashing threads, closes the pool.
    public func shutdown() {
        announceShutdown()
        server.shutdown()
        liveEvents.stop()
        accessLogPurger.stop()
        if !passwordHashing.shutdown() {
            logger.warning("password_hashing_still_running", [:])
        }
        pool.close()
        replica?.close()
    }

    /// An unreachable database is `/readyz`'s business, not a reason to refuse to start.
    private func warnIfPrivilegedRole() {
        guard let role = try? DatabaseRole(of: pool), role.isPrivileged else { return }
        logger.warning("database_role_privileged", [
            "role": role.name, "superuser": String(role.isSuperuser), "schema_owner": String(role.ownsSchema),
            "hint": "serve as the runtime role: STEPWORK_DATABASE_URL (see config/README.md)",
        ])
    }
}

extension AppConfiguration {
    /// The server's pool: the runtime role, every statement, lock and transaction time-bounded.
    var serverDatabase: PostgresConfiguration {
        PostgresConfiguration(
            connectionString: databaseURL, poolSize: databasePoolSize, acquireTimeout: databaseAcquireTimeout,
            searchPath: Self.schema, statementTimeout: databaseStatementTimeout, lockTimeout: databaseLockTimeout,
            idleInTransactionTimeout: databaseIdleInTransactionTimeout, actingUserSetting: Self.actingUserSetting)
    }

    /// The replica's pool: the server's, on `databaseReplicaURL`; nil when there is none.
    var replicaDatabase: PostgresConfiguration? {
        databaseReplicaURL.map { url in
            var replica = serverDatabase
            replica.connectionString = url
            return replica
        }
    }

    /// Auth's share of the settings.
    func auth(throttleKey: ThrottleKey) -> AuthSettings {
        AuthSettings(
            passwordHashCost: passwordHashCost, throttleKey: throttleKey,
            maxLoginFailuresPerAccount: loginMaxFailuresPerAccount, maxLoginFailuresPerAddress: loginMaxFailuresPerAddress,
            loginAccountCeiling: loginAccountCeiling, maxRegistrationsPerAddress: registerMaxPerAddress,
            failedLoginHashesPerSecond: loginFailedHashesPerSecond)
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
        server.bodyTimeout = bodyTimeout
        server.maxUploadsPerClient = maxUploadsPerClient
        server.drainTimeout = drainTimeout
        server.errorResponse = { status, head in HTTPError.transportResponse(status: status, head: head) }
        return server
    }
}
