import Foundation
import Postgres
import Testing
import TestSupport

/// The database never holds a bearer token or a password, in any column of any table.
@Suite struct SecretsAtRestTests {
    @Test func noTokenAndNoPasswordIsStored() throws {
        let app = try TestApp.start { $0.loginMaxFailuresPerAccount = 10 }
        let password = "a secret that must never be stored"
        let user = try app.register(email: "ann@example.org", password: password)
        var tokens = [user.token, try app.token("ann@example.org", password)]
        _ = try app.login("ann@example.org", "a wrong password that must not be stored either")
        let changed = "another secret never to be stored"
        #expect(try app.send("POST", "/v1/me/password", ["currentPassword": password, "newPassword": changed], token: tokens[1]).status == 204)
        tokens.append(try app.token("ann@example.org", changed))

        // Every row of every table of the schema, as text (identifiers quoted by format's %I).
        let tables = try app.pool.query("""
            SELECT table_name, query_to_xml(format('SELECT * FROM %I.%I', table_schema, table_name), true, false, '')::text AS content
            FROM information_schema.tables WHERE table_schema = 'stepwork' AND table_type = 'BASE TABLE'
            """)
        #expect(tables.count >= 3)
        let contents = try tables.map { try $0.decode("content", as: String.self) }
        #expect(contents.joined().contains(user.userId.uuidString.lowercased()))  // the dump sees the data
        for secret in tokens + [password, changed, "a wrong password that must not be stored either"] {
            #expect(!contents.contains { $0.contains(secret) })
        }
        // Nor, outside `users`, the email (the throttle keeps only its SHA-256).
        for row in tables where try row.decode("table_name", as: String.self) != "users" {
            #expect(try !row.decode("content", as: String.self).contains("ann@example.org"))
        }
    }
}
