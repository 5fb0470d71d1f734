import App
import Foundation
import Postgres
import Testing
import TestSupport
import Web

/// A login that verified the old password while a password change commits opens no session.
@Suite struct PasswordChangeRaceTests {
    @Test func aLoginRacingAPasswordChangeCannotSurviveIt() throws {
        let app = try TestApp.start { $0.trustedProxies = [IPNetwork("127.0.0.1")!] }
        let sam = try app.register(email: "sam@example.org")
        let change = { @Sendable (current: String) in
            try app.send("POST", "/v1/me/password", ["currentPassword": current, "newPassword": "a brand new passphrase"],
                         token: sam.token)
        }
        #expect(try change("not the right password").status == 403)  // leaves a throttle row for the change to clear

        let (changed, login) = try app.pool.withTransaction { hold in
            // Holding that row holds the change open at its very end: new hash written, other
            // sessions deleted, not yet committed.
            _ = try hold.query("SELECT 1 FROM throttle_events FOR UPDATE")
            let changed = Background { try change(TestApp.password) }
            try waitUntil { try lockWaiters(in: app) >= 1 }
            // Meanwhile a login from elsewhere reads the old hash, which verifies, and tries to
            // open its session before the change commits.
            let login = Background { try app.login("sam@example.org", headers: [("X-Forwarded-For", "198.51.100.7")]) }
            // It must wait for the change to end (without the check, it would not wait at all).
            try waitUntil { try login.isFinished || lockWaiters(in: app) >= 2 }
            return (changed, login)
        }
        #expect(try changed.join().status == 204)
        let refused = try login.join()
        #expect(refused.status == 401)
        #expect(refused.string("code") == "invalid_credentials")
        #expect(app.logs.events("login").contains { $0.contains("result=password_changed") })
        let sessions: Int = try app.pool.query("SELECT count(*) AS n FROM sessions WHERE user_id = \(sam.userId)")[0].decode("n")
        #expect(sessions == 1)  // the session that changed the password, nothing else
        #expect(try app.login("sam@example.org", "a brand new passphrase").status == 200)
    }

    /// Backends of the app's database waiting for a lock.
    private func lockWaiters(in app: TestApp) throws -> Int {
        try app.pool.query("""
            SELECT count(*)::int8 AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
            """)[0].decode("n")
    }

    /// Polls `condition` every 10 ms, at most 30 s.
    private func waitUntil(_ condition: () throws -> Bool) throws {
        for _ in 0..<3000 {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw TestHTTPError("the race never reached the expected point")
    }
}
