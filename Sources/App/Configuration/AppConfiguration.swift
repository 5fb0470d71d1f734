import Encryption
import Web
import Logging

/// Every setting of a Stepwork process, with its defaults.
///
/// Built by `load(arguments:environment:)`: defaults, then a JSON file, then `STEPWORK_*`
/// environment variables. `config/README.md` lists each setting's key, variable, unit and range.
public struct AppConfiguration: Sendable, Equatable {
    /// The PostgreSQL schema of Stepwork's tables (created by `Migrations/0001_schema.sql`).
    public static let schema = "stepwork"
    /// The setting through which row-level security learns the caller (`Migrations/0009_row_level_security.sql`).
    public static let actingUserSetting = "stepwork.user_id"

    // MARK: PostgreSQL

    /// The connection of `serve` (and `seed`): the runtime role, which reads and writes rows but
    /// owns nothing. A libpq connection string or `postgresql://` URL; the default relies on
    /// libpq's own defaults (`PGHOST`, the local socket directory, port 5432); `make run` always
    /// sets `STEPWORK_DATABASE_URL` to its private cluster.
    public var databaseURL = "dbname=stepwork user=stepwork"
    /// The connection of `migrate` and `serve --migrate`: the role that owns schema `stepwork`;
    /// nil for `databaseURL`.
    public var migrateDatabaseURL: String?
    /// A streaming replica of `databaseURL`'s primary, as the runtime role, for reads of the
    /// caller's own data once it has replayed the caller's last write; nil for none.
    public var databaseReplicaURL: String?
    /// Most PostgreSQL connections one process opens.
    public var databasePoolSize = 10
    /// How long a request waits for a pooled connection before it is answered `503`.
    public var databaseAcquireTimeout = Duration.seconds(5)
    /// How long one statement of the server may run before it is cancelled (`503`).
    public var databaseStatementTimeout = Duration.seconds(30)
    /// How long a statement of the server may wait for a lock, a row lock included (`503`).
    public var databaseLockTimeout = Duration.seconds(5)
    /// How long a transaction of the server may stay idle before PostgreSQL ends its session.
    public var databaseIdleInTransactionTimeout = Duration.seconds(60)

    // MARK: HTTP

    /// Address to listen on (an IP literal).
    public var host = "127.0.0.1"
    /// Port to listen on; `0` picks any free port (the chosen one is logged).
    public var port = 8080
    /// Threads running epoll event loops.
    public var eventLoops = 1
    /// Threads answering requests (they may block on PostgreSQL).
    public var workerThreads = 16
    /// Requests that may wait for a worker; beyond that they are answered `503`.
    public var workerQueueLimit = 1024
    /// Open connections at most; further ones are closed at once.
    public var maxConnections = 10_000
    /// Bytes of request line and header fields at most (`414`/`431` beyond).
    public var maxHeadBytes = 16 * 1024
    /// Header fields per request at most (`431` beyond).
    public var maxHeaderCount = 100
    /// Bytes of request body at most (`413` beyond).
    public var maxBodyBytes = 1024 * 1024
    /// Time a client has to send a whole request head.
    public var headTimeout = Duration.seconds(10)
    /// Time an idle keep-alive connection stays open.
    public var idleTimeout = Duration.seconds(15)
    /// Slowest accepted body upload, in bytes per second (payload only).
    public var bodyMinimumBytesPerSecond = 1024
    /// Time a client has to send a whole request body, however steadily.
    public var bodyTimeout = Duration.seconds(60)
    /// Requests whose body is still arriving, per client address (IPv6: per `/64`); beyond that `503`.
    public var maxUploadsPerClient = 8
    /// Time between SIGTERM/SIGINT and the end of accepting, while `/readyz` answers `503` and
    /// requests are still served: a load balancer's health check must notice within it.
    public var shutdownGrace = Duration.zero
    /// Time in-flight requests get to finish after the shutdown grace.
    public var drainTimeout = Duration.seconds(10)

    // MARK: Logging

    /// Events below this level are not logged.
    public var logLevel = LogLevel.info

    // MARK: Passwords

    /// scrypt cost for new password hashes, as log2 N (r = 8, p = 1).
    public var passwordHashCost = 17
    /// Password hashes computed at once (each takes ~128 MiB at cost 17).
    public var hashingConcurrency = 1
    /// Requests that may wait for a hashing slot; beyond that they are answered `503`.
    public var hashingQueueLimit = 4

    // MARK: Sessions and invites

    /// A session unused for this long ends.
    public var sessionIdleLifetime = Duration.seconds(30 * 60)
    /// A session ends this long after login, used or not.
    public var sessionAbsoluteLifetime = Duration.seconds(12 * 60 * 60)
    /// An invite code expires this long after it was made.
    public var inviteLifetime = Duration.seconds(7 * 24 * 60 * 60)
    /// Access log rows older than this many days are purged in the background.
    public var accessLogRetentionDays = 365

    // MARK: Throttling

    /// Failed logins for one account from one client address (IPv6: its /64) before the
    /// back-off starts; also wrong current passwords per user at a password change.
    public var loginMaxFailuresPerAccount = 5
    /// Failed logins from one client address (IPv6: its /64), any account, before the back-off starts.
    public var loginMaxFailuresPerAddress = 50
    /// Failed logins for one account from addresses it has not logged in from lately, before
    /// the back-off starts: the account's ceiling.
    public var loginAccountCeiling = 200
    /// Password hashes a second one process spends on logins not from a known address;
    /// beyond it such logins are answered `503` with `Retry-After`.
    public var loginFailedHashesPerSecond = 2.0
    /// Registrations per client address per hour before `429`.
    public var registerMaxPerAddress = 20
    /// Failed invite acceptances (unknown, used, expired or malformed codes) per client address per 15 minutes before `429`.
    public var inviteAcceptMaxFailuresPerAddress = 10
    /// The file of the server secret (keyed hashes of throttle subjects); `serve` reads it.
    public var secretFile = ".data/secret"
    /// The server secret: `serve` loads it from `secretFile`; tests set one directly.
    public var serverSecret: ServerSecret?
    /// The file of the key-encryption keys (data at rest); `serve` and `stepwork keys` read it.
    public var keyFile = ".data/keys"
    /// The key-encryption keys: `serve` loads them from `keyFile` at start, so a missing or bad
    /// key file stops it before it serves.
    public var keyRing: KeyRing?
    /// Peers whose `X-Forwarded-For` names the client; none by default.
    public var trustedProxies: [IPNetwork] = []

    // MARK: The browser

    /// The origin the browser app is served from (cookie writes must come from it; `https`
    /// makes the session cookie `Secure`); empty for `http://<host>:<port>` of the server.
    public var publicOrigin = ""

    /// The defaults (the same values as the shipped `config/stepwork.json`).
    public init() {}

    /// The connection string migrations run on: `migrateDatabaseURL`, else `databaseURL`.
    public var migrationDatabaseURL: String { migrateDatabaseURL ?? databaseURL }
}
