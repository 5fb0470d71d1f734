import App
import Dispatch
import Foundation
import Postgres
import Testing
import TestSupport

/// A request whose statement waits too long on the database ends in a `503` the client may retry.
@Suite struct DatabaseTimeoutTests {
    /// The answer to `request`, sent while another transaction (of the owner's pool) holds `lock`.
    func answer(
        whileHolding lock: PostgresQuery, on app: TestApp, _ request: () throws -> TestHTTPResponse
    ) throws -> TestHTTPResponse {
        let held = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let holder = Background {
            try app.database.pool.withTransaction { connection in
                try connection.execute(lock)
                held.signal()
                release.wait()
            }
        }
        held.wait()
        let answer = Result { try request() }
        release.signal()
        try holder.join()
        return try answer.get()
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
        let response = try answer(whileHolding: "SELECT 1 FROM stepwork.entries WHERE id = \(id)::uuid FOR UPDATE", on: app) {
            try app.request("DELETE", "/v1/entries/\(id)", token: user.token)
        }
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
        let response = try answer(whileHolding: "LOCK TABLE stepwork.entries IN ACCESS EXCLUSIVE MODE", on: app) {
            try app.request("GET", "/v1/entries", token: user.token)
        }
        #expect(response.status == 503)
        #expect(response.header("retry-after") == "1")
        #expect(app.logs.events("request_failed").contains { $0.contains("statement_timeout") })
        #expect(try app.request("GET", "/v1/entries", token: user.token).status == 200)
    }
}
