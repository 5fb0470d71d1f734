import App
import Dispatch
import Foundation
import Postgres
import Testing
import TestSupport

/// A request whose statement waits too long on the database ends in a `503` the client may retry.
@Suite struct DatabaseTimeoutTests {
    /// Holds `lock` in a transaction of the owner's pool until `release` is signalled.
    func hold(_ lock: PostgresQuery, on app: TestApp, until release: DispatchSemaphore) -> Background<Void> {
        let held = DispatchSemaphore(value: 0)
        let holder = Background {
            try app.database.pool.withTransaction { connection in
                try connection.execute(lock)
                held.signal()
                release.wait()
            }
        }
        held.wait()
        return holder
    }

    func entry(on app: TestApp, token: String) throws -> String {
        let created = try app.request("POST", "/v1/entries", json: #"{"kind":"journal","title":"Today"}"#, token: token)
        guard created.status == 201, let id = try created.json()["id"] as? String else {
            throw TestHTTPError("entry not created: \(created.status) \(created.bodyString)")
        }
        return id
    }

    @Test func aWriteWaitingOnARowLockPastTheLockTimeoutAnswers503() throws {
        let app = try TestApp.start { $0.databaseLockTimeout = .milliseconds(100) }
        let user = try app.register()
        let id = try entry(on: app, token: user.token)
        let release = DispatchSemaphore(value: 0)
        let holder = hold("SELECT 1 FROM stepwork.entries WHERE id = \(id)::uuid FOR UPDATE", on: app, until: release)
        let blocked = Result { try app.request("DELETE", "/v1/entries/\(id)", token: user.token) }
        release.signal()
        try holder.join()

        let response = try blocked.get()
        #expect(response.status == 503)
        #expect(response.header("retry-after") == "1")
        #expect(try response.json()["code"] as? String == "service_unavailable")
        #expect(app.logs.events("request_failed").contains { $0.contains("lock_timeout") })
        #expect(try app.request("DELETE", "/v1/entries/\(id)", token: user.token).status == 204)
    }

    @Test func aStatementRunningPastTheStatementTimeoutAnswers503() throws {
        let app = try TestApp.start {
            $0.databaseStatementTimeout = .milliseconds(100)
            $0.databaseLockTimeout = .seconds(600)
        }
        let user = try app.register()
        let release = DispatchSemaphore(value: 0)
        let holder = hold("LOCK TABLE stepwork.entries IN ACCESS EXCLUSIVE MODE", on: app, until: release)
        let blocked = Result { try app.request("GET", "/v1/entries", token: user.token) }
        release.signal()
        try holder.join()

        let response = try blocked.get()
        #expect(response.status == 503)
        #expect(response.header("retry-after") == "1")
        #expect(app.logs.events("request_failed").contains { $0.contains("statement_timeout") })
        #expect(try app.request("GET", "/v1/entries", token: user.token).status == 200)
    }
}
