import App
import Foundation
import Migrations
import Postgres
import Testing
import TestSupport

@Suite struct ApplicationTests {
    @Test func healthAndReadiness() throws {
        let app = try TestApp.start()
        let health = try app.request("GET", "/healthz")
        #expect(health.status == 200)
        #expect(health.bodyString == #"{"status":"ok"}"#)
        #expect(health.header("cache-control") == "no-store")
        #expect(health.header("x-content-type-options") == "nosniff")
        #expect(health.header("content-type") == "application/json; charset=utf-8")
        #expect(health.header("x-request-id") != nil)
        let ready = try app.request("GET", "/readyz")
        #expect(ready.status == 200)
        #expect(ready.bodyString == #"{"status":"ready"}"#)
    }

    @Test func readinessFailsWithoutTheDatabase() throws {
        let app = try TestApp.start { $0.databaseURL = "host=/nonexistent dbname=none connect_timeout=2" }
        let ready = try app.request("GET", "/readyz")
        #expect(ready.status == 503)
        #expect(ready.header("retry-after") == "1")
        #expect(ready.header("content-type") == "application/problem+json; charset=utf-8")
        #expect(try app.request("GET", "/healthz").status == 200)
    }

    @Test func requestIdIsEchoedWhenSane() throws {
        let app = try TestApp.start()
        #expect(try app.request("GET", "/healthz", headers: [("X-Request-Id", "abc-123")]).header("x-request-id") == "abc-123")
        #expect(try app.request("GET", "/healthz", headers: [("X-Request-Id", "bad id!")]).header("x-request-id") != "bad id!")
    }

    @Test func everyRouteIsInTheOpenAPIDocumentAndBack() throws {
        let app = try TestApp.start()
        // The browser app's files live under a fingerprint that changes with every release.
        let registered = Set(app.application.router.routes.filter { !$0.template.hasPrefix("/assets/") }
            .map { OpenAPIPaths.Operation($0.method.rawValue, $0.template) })
        let documented = try OpenAPIPaths(contentsOf: OpenAPIPaths.documentURL).operations
        #expect(registered.subtracting(documented).isEmpty, "routes missing from openapi.yaml")
        #expect(documented.subtracting(registered).isEmpty, "documented operations without a route")
    }

    @Test func serveRefusesPendingMigrations() throws {
        let database = try TestDatabase.create(migrated: false)
        // A good secret and key file: the migrations stop it.
        let secret = try ConfigurationFixture(String(repeating: "5e", count: 32))
        let keys = try ConfigurationFixture("v1:" + String(repeating: "5e", count: 32))
        for file in [secret, keys] {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        }
        let code = StepworkCommand.run(arguments: ["serve"], environment: [
            "STEPWORK_DATABASE_URL": database.connectionString, "STEPWORK_PORT": "0", "STEPWORK_SECRET_FILE": secret.path,
            "STEPWORK_KEY_FILE": keys.path,
        ])
        #expect(code == 1)
    }

    @Test func aBadSettingStopsTheCommand() {
        #expect(StepworkCommand.run(arguments: ["migrate"], environment: ["STEPWORK_PORT": "99999"]) == 1)
        #expect(StepworkCommand.run(arguments: ["frobnicate"], environment: [:]) == 2)
    }
}
