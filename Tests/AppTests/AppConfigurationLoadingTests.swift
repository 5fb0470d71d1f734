import Web
import Foundation
import Logging
import Testing
@testable import App

@Suite struct AppConfigurationLoadingTests {
    let shippedFile = ConfigurationFixture.checkout.appendingPathComponent("config/stepwork.json").path

    @Test func theShippedFileSetsEveryKeyToItsDefault() throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: shippedFile)))
        let keys = try #require(object as? [String: Any]).keys
        #expect(Set(keys) == Set(AppConfiguration.settings.map(\.key)))
        #expect(try AppConfiguration.load(arguments: ["--config", shippedFile], environment: [:]) == AppConfiguration())
    }

    @Test func theReadmeDocumentsEveryKeyAndVariable() throws {
        let readme = try String(
            contentsOf: ConfigurationFixture.checkout.appendingPathComponent("config/README.md"), encoding: .utf8)
        for setting in AppConfiguration.settings {
            #expect(readme.contains("| `\(setting.key)` | `\(setting.variable)` |"), "\(setting.key)")
        }
    }

    @Test func theOperationsGuideVariablesKeepTheirNames() {
        let variables = Set(AppConfiguration.settings.map(\.variable))
        for name in ["STEPWORK_DATABASE_URL", "STEPWORK_HOST", "STEPWORK_PORT", "STEPWORK_DB_POOL_SIZE",
                     "STEPWORK_LOG_LEVEL", "STEPWORK_PASSWORD_HASH_COST", "STEPWORK_LOGIN_MAX_FAILURES_PER_ACCOUNT",
                     "STEPWORK_LOGIN_MAX_FAILURES_PER_ADDRESS", "STEPWORK_REGISTER_MAX_PER_ADDRESS",
                     "STEPWORK_TRUSTED_PROXIES"] {
            #expect(variables.contains(name), "\(name)")
        }
        #expect(variables.count == AppConfiguration.settings.count)
        #expect(variables.allSatisfy { $0.hasPrefix("STEPWORK_") })
    }

    @Test func theDefaultsAreTheDocumentedOnes() {
        let defaults = AppConfiguration()
        #expect(defaults.databaseURL == "dbname=stepwork user=stepwork")
        #expect(defaults.host == "127.0.0.1" && defaults.port == 8080)
        #expect(defaults.logLevel == .info && defaults.passwordHashCost == 17)
        #expect(defaults.maxBodyBytes == 1_048_576 && defaults.inviteLifetime == .seconds(604_800))
        #expect(defaults.trustedProxies.isEmpty)
    }

    @Test func aFileOverridesTheDefaults() throws {
        let file = try ConfigurationFixture("""
            {"port": 9000, "headTimeoutSeconds": 2.5, "logLevel": "debug", "trustedProxies": ["10.0.0.0/8", "::1"]}
            """)
        let configuration = try AppConfiguration.load(arguments: ["serve", "--config", file.path], environment: [:])
        var expected = AppConfiguration()
        expected.port = 9000
        expected.headTimeout = .milliseconds(2500)
        expected.logLevel = .debug
        expected.trustedProxies = [IPNetwork("10.0.0.0/8")!, IPNetwork("::1")!]
        #expect(configuration == expected)
    }

    @Test func theEnvironmentOverridesTheFile() throws {
        let file = try ConfigurationFixture(#"{"port": 9000, "databasePoolSize": 3, "host": "::1"}"#)
        let configuration = try AppConfiguration.load(
            arguments: ["--config=\(file.path)"],
            environment: ["STEPWORK_PORT": "0", "STEPWORK_DB_ACQUIRE_TIMEOUT_SECONDS": "0.25",
                          "STEPWORK_TRUSTED_PROXIES": "192.0.2.7, 2001:db8::/32", "STEPWORK_TEST_UNRELATED": "x"])
        #expect(configuration.port == 0)
        #expect(configuration.databasePoolSize == 3)
        #expect(configuration.host == "::1")
        #expect(configuration.databaseAcquireTimeout == .milliseconds(250))
        #expect(configuration.trustedProxies == [IPNetwork("192.0.2.7")!, IPNetwork("2001:db8::/32")!])
    }

    @Test func theEnvironmentOverridesTheDefaults() throws {
        let configuration = try AppConfiguration.load(
            arguments: [],
            environment: ["STEPWORK_DATABASE_URL": "postgresql://stepwork@localhost/stepwork",
                          "STEPWORK_PASSWORD_HASH_COST": "10", "STEPWORK_LOG_LEVEL": "warning",
                          "STEPWORK_INVITE_LIFETIME_SECONDS": "60", "STEPWORK_TRUSTED_PROXIES": ""])
        #expect(configuration.databaseURL == "postgresql://stepwork@localhost/stepwork")
        #expect(configuration.passwordHashCost == 10)
        #expect(configuration.logLevel == .warning)
        #expect(configuration.inviteLifetime == .seconds(60))
        #expect(configuration.trustedProxies.isEmpty)
    }

    @Test func migrationsUseTheirOwnURLElseTheServersOne() throws {
        let runtime = "dbname=stepwork user=stepwork_app"
        let owner = "dbname=stepwork user=stepwork"
        let fallback = try AppConfiguration.load(arguments: [], environment: ["STEPWORK_DATABASE_URL": runtime])
        #expect(fallback.migrateDatabaseURL == nil && fallback.migrationDatabaseURL == runtime)
        let both = try AppConfiguration.load(
            arguments: [], environment: ["STEPWORK_DATABASE_URL": runtime, "STEPWORK_MIGRATE_DATABASE_URL": owner])
        #expect(both.databaseURL == runtime && both.migrationDatabaseURL == owner)

        let file = try ConfigurationFixture(#"{"migrateDatabaseURL": "\#(owner)"}"#)
        let fromFile = try AppConfiguration.load(arguments: ["--config", file.path], environment: [:])
        #expect(fromFile.migrationDatabaseURL == owner)
        // An empty variable unsets the file's value.
        let unset = try AppConfiguration.load(
            arguments: ["--config", file.path], environment: ["STEPWORK_MIGRATE_DATABASE_URL": ""])
        #expect(unset.migrateDatabaseURL == nil)
        let badFile = try ConfigurationFixture(#"{"migrateDatabaseURL": ""}"#)
        #expect(throws: ConfigurationError.self) { try AppConfiguration.load(arguments: ["--config", badFile.path], environment: [:]) }
    }

    @Test func theDatabaseTimeoutsHaveBoundedDefaultsAndRanges() throws {
        let defaults = AppConfiguration()
        #expect(defaults.databaseStatementTimeout == .seconds(30))
        #expect(defaults.databaseLockTimeout == .seconds(5))
        #expect(defaults.databaseIdleInTransactionTimeout == .seconds(60))
        let configuration = try AppConfiguration.load(arguments: [], environment: [
            "STEPWORK_DB_STATEMENT_TIMEOUT_SECONDS": "2.5", "STEPWORK_DB_LOCK_TIMEOUT_SECONDS": "0.5",
            "STEPWORK_DB_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS": "10",
        ])
        #expect(configuration.databaseStatementTimeout == .milliseconds(2500))
        #expect(configuration.databaseLockTimeout == .milliseconds(500))
        #expect(configuration.databaseIdleInTransactionTimeout == .seconds(10))
        for variable in ["STEPWORK_DB_STATEMENT_TIMEOUT_SECONDS", "STEPWORK_DB_LOCK_TIMEOUT_SECONDS",
                         "STEPWORK_DB_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS"] {
            #expect(throws: ConfigurationError.self, "\(variable)=0 would mean no limit") {
                try AppConfiguration.load(arguments: [], environment: [variable: "0"])
            }
        }
    }
}
