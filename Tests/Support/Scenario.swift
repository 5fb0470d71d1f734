import App
import Encryption
import Foundation
import Postgres

/// A running application tuned for races (a pool and workers for many requests at once), with
/// the steps the tests repeat: registering users, linking sponsors, writing and sharing
/// entries. Every step goes through the HTTP API (`TestAPI`), over a real socket, and checks its
/// status.
public final class Scenario: Sendable {
    public let app: TestApp

    /// Room for the races: 16 requests in transactions at once, plus the test's own two.
    public static let concurrency = 24

    /// `keyRing`: the key-encryption keys, when the test needs to know them (else random ones).
    public init(
        inviteLifetime: Duration? = nil, inviteAcceptFailures: Int = 1000, accessLogRetentionDays: Int = 365,
        keyRing: KeyRing? = nil
    ) throws {
        app = try TestApp.start { configuration in
            if let keyRing { configuration.keyRing = keyRing }
            configuration.databasePoolSize = Self.concurrency
            configuration.workerThreads = Self.concurrency
            configuration.registerMaxPerAddress = 1000
            configuration.inviteAcceptMaxFailuresPerAddress = inviteAcceptFailures
            if let inviteLifetime { configuration.inviteLifetime = inviteLifetime }
            configuration.accessLogRetentionDays = accessLogRetentionDays
        }
    }

    public var pool: PostgresPool { app.ownerPool }
    public var api: TestAPI { TestAPI(app: app) }

    /// Sends a request on a connection of its own; `json` is serialised as the body (a
    /// `String` is sent as is).
    public func call(
        _ method: String, _ target: String, as user: User? = nil, json: Any? = nil, headers: [(String, String)] = []
    ) throws -> TestHTTPResponse {
        let body = try json.map { json in
            if let text = json as? String { return text }
            return String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        }
        return try api.send(method, target, as: user, json: body, headers: headers)
    }

    /// Like `call`, but throws unless the status is `expected`.
    @discardableResult
    public func expect(
        _ expected: Int, _ method: String, _ target: String, as user: User? = nil, json: Any? = nil,
        headers: [(String, String)] = []
    ) throws -> TestHTTPResponse {
        let reply = try call(method, target, as: user, json: json, headers: headers)
        guard reply.status == expected else {
            throw TestHTTPError("\(method) \(target): expected \(expected), got \(reply.status) \(reply.bodyString)")
        }
        return reply
    }

    public func register(_ name: String) throws -> User {
        let (token, id) = try app.register(displayName: name)
        return User(token: token, id: id.uuidString)
    }

    /// A new invite code made by `inviter`, who takes `role`.
    public func inviteCode(by inviter: User, role: String) throws -> String {
        guard let code = try expect(201, "POST", "/v1/invites", as: inviter, json: ["role": role]).json()["code"] as? String
        else { throw TestHTTPError("no code") }
        return code
    }

    /// Links `sponsor` and `sponsee` (the sponsee invites, the sponsor accepts); the sponsorship id.
    public func sponsorship(sponsor: User, sponsee: User) throws -> String {
        let code = try inviteCode(by: sponsee, role: "sponsee")
        let reply = try expect(201, "POST", "/v1/invites/accept", as: sponsor, json: ["code": code])
        guard let id = try reply.json()["id"] as? String else { throw TestHTTPError("no id") }
        return id
    }

    /// A new entry of `owner` (a journal entry unless `json` says otherwise), as answered.
    @discardableResult
    public func entry(of owner: User, _ json: [String: Any] = ["kind": "journal", "title": "Today"]) throws -> [String: Any] {
        try expect(201, "POST", "/v1/entries", as: owner, json: json).json()
    }

    /// The id of a new entry of `owner`.
    public func entryId(of owner: User, _ json: [String: Any] = ["kind": "journal", "title": "Today"]) throws -> String {
        guard let id = try entry(of: owner, json)["id"] as? String else { throw TestHTTPError("no id") }
        return id
    }

    public func share(_ entryId: String, through sponsorshipId: String, access: String, as owner: User) throws {
        try expect(200, "PUT", "/v1/entries/\(entryId)/shares/\(sponsorshipId)", as: owner, json: ["access": access])
    }

    /// Runs `count` calls of `work` at once, as a real race: a transaction of the test holds
    /// the row lock `lock` takes until every call waits for it in PostgreSQL (or ten
    /// seconds have passed), then lets them all go together.
    public func race<Result: Sendable>(
        _ count: Int, behind lock: PostgresQuery, _ work: @escaping @Sendable (Int) -> Result
    ) throws -> [Result] {
        // The lock is the owner's (past row-level security); the waiters are counted as the
        // runtime role, which sees its own sessions' wait events.
        let (pool, watcher) = (pool, app.pool)
        let running = try pool.withTransaction { connection in
            try connection.execute(lock)
            let running = startConcurrently(count, work)
            let deadline = Date().addingTimeInterval(10)
            while try watcher.query("""
                SELECT count(*) AS waiting FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'
                """)[0].decode("waiting", as: Int.self) < count, Date() < deadline {
                Thread.sleep(forTimeInterval: 0.005)
            }
            return running
        }
        return running.wait()
    }

    /// The entry's current version, read by its owner.
    public func version(of entryId: String, as owner: User) throws -> Int {
        guard let version = try expect(200, "GET", "/v1/entries/\(entryId)", as: owner).json()["version"] as? Int else {
            throw TestHTTPError("no version")
        }
        return version
    }
}
