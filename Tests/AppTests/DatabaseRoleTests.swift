import App
import Foundation
import Testing
import TestSupport

/// `migrate` runs as the schema owner, `serve` as the runtime role, and says so when it is not.
@Suite struct DatabaseRoleTests {
    @Test func servingAsTheRuntimeRoleLogsNoWarning() throws {
        let app = try TestApp.start()
        #expect(app.logs.events("database_role_privileged").isEmpty)
    }

    @Test func servingAsTheSchemaOwnerWorksButWarnsOnceAtStart() throws {
        let app = try TestApp.start { $0.databaseURL = $0.migrationDatabaseURL }
        #expect(try app.request("GET", "/readyz").status == 200)
        let warnings = app.logs.events("database_role_privileged")
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("schema_owner=true") == true)
        #expect(warnings.first?.contains("level=warning") == true)
    }

    @Test func migrateRunsAsTheOwnerOfTheMigrateURL() throws {
        let database = try TestDatabase.create(migrated: false)
        let runtimeOnly = ["STEPWORK_DATABASE_URL": database.runtimeConnectionString]
        // The runtime role may not create the schema.
        #expect(StepworkCommand.run(arguments: ["migrate"], environment: runtimeOnly) == 1)
        #expect(StepworkCommand.run(arguments: ["serve"], environment: runtimeOnly.merging(["STEPWORK_PORT": "0"]) { $1 }) == 1)
        let both = runtimeOnly.merging(["STEPWORK_MIGRATE_DATABASE_URL": database.connectionString]) { $1 }
        #expect(StepworkCommand.run(arguments: ["migrate"], environment: both) == 0)
        let owner: String = try database.pool.query("""
            SELECT nspowner::regrole::text AS owner FROM pg_namespace WHERE nspname = 'stepwork'
            """)[0].decode("owner")
        #expect(owner != TestDatabase.runtimeRole)
        #expect(StepworkCommand.run(arguments: ["migrate", "--status"], environment: runtimeOnly) == 0)
    }
}
