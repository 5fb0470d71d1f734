// TEMPORARY: answers requests through the router directly, until TestApp is on main.
import Auth
import Entries
import Foundation
import HTTPServer
import Logging
import Permissions
import Postgres
import Sponsorships
import TestSupport
import Web

final class TestServer: Sendable {
    let database: TestDatabase
    let router: Router

    init(inviteLifetime: Duration = .seconds(7 * 24 * 3600), inviteAcceptFailures: Int = 1000) throws {
        database = try TestDatabase.create(poolSize: 20)
        let pool = database.pool
        let logger = Logger.silent
        router = Router(logger: logger)
        let authenticator = Authenticator(
            pool: pool, settings: SessionSettings(idleLifetime: .seconds(1800), absoluteLifetime: .seconds(43200)),
            logger: logger)
        let settings = AuthSettings(
            passwordHashCost: 10, maxLoginFailuresPerAccount: 5, maxLoginFailuresPerAddress: 50,
            maxRegistrationsPerAddress: 10_000)
        AuthRoutes(
            pool: pool, authenticator: authenticator,
            executor: PasswordHashingExecutor(concurrency: 2, queueCapacity: 100), settings: settings, logger: logger
        ).register(on: router)
        let policy = EntryAccessPolicy(logger: logger)
        SponsorshipRoutes(
            pool: pool, authenticator: authenticator, inviteLifetime: inviteLifetime,
            acceptWindow: ThrottleWindow(limit: inviteAcceptFailures, length: .seconds(900)), logger: logger
        ).register(on: router)
        EntryRoutes(pool: pool, policy: policy, authenticator: authenticator).register(on: router)
        ShareRoutes(pool: pool, policy: policy, authenticator: authenticator).register(on: router)
    }

    var pool: PostgresPool { database.pool }

    func send(method: String, target: String, headers: [(String, String)], body: [UInt8]) -> Reply {
        var fields = HTTPHeaders([("Host", "localhost")] + headers.map { (name: $0.0, value: $0.1) })
        if !body.isEmpty { fields.add("Content-Length", String(body.count)) }
        let head = HTTPRequestHead(method: HTTPMethod(rawValue: method), target: target, version: .http1_1, headers: fields)
        let response = router.respond(to: HTTPRequest(head: head, body: body, remoteAddress: "127.0.0.1"))
        return Reply(
            status: response.status.code,
            headers: response.headers.map { ($0.name.lowercased(), $0.value) },
            body: response.body)
    }
}
