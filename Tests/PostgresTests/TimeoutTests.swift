import Foundation
@testable import Postgres
import Testing
import TestSupport

@Suite struct TimeoutTests {
    let database: TestDatabase

    init() throws {
        database = try sampleDatabase()
        try database.pool.execute("INSERT INTO samples (id, text) VALUES (1, 'a')")
    }

    func pool(statement: Duration? = nil, lock: Duration? = nil, idle: Duration? = nil) -> PostgresPool {
        PostgresPool(configuration: PostgresConfiguration(
            connectionString: database.connectionString, poolSize: 2, searchPath: "stepwork",
            statementTimeout: statement, lockTimeout: lock, idleInTransactionTimeout: idle))
    }

    /// Holds `samples` row 1 `FOR UPDATE` in a transaction of the database's own pool until `release`.
    func lockRow(until release: DispatchSemaphore) -> Background<Void> {
        let held = DispatchSemaphore(value: 0)
        let holder = Background {
            try database.pool.withTransaction { connection in
                try connection.execute("SELECT 1 FROM samples WHERE id = 1 FOR UPDATE")
                held.signal()
                release.wait()
            }
        }
        held.wait()
        return holder
    }

    @Test func everyConnectionHasTheConfiguredTimeouts() throws {
        let pool = pool(statement: .seconds(30), lock: .milliseconds(1500), idle: .seconds(60))
        defer { pool.close() }
        let row = try pool.query("""
            SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock,
                   current_setting('idle_in_transaction_session_timeout') AS idle
            """)[0]
        #expect(try row.decode("statement", as: String.self) == "30s")
        #expect(try row.decode("lock", as: String.self) == "1500ms")
        #expect(try row.decode("idle", as: String.self) == "1min")
    }

    @Test func timeoutsAreWholeMillisecondsRoundedUpNeverZero() {
        let configuration = PostgresConfiguration(
            connectionString: "", statementTimeout: .microseconds(10), lockTimeout: .milliseconds(1500) + .nanoseconds(1))
        #expect(configuration.sessionSettings.contains("SET statement_timeout = 1"))  // 0 would mean no limit
        #expect(configuration.sessionSettings.contains("SET lock_timeout = 1501"))
        #expect(!configuration.sessionSettings.contains { $0.contains("idle_in_transaction") })
    }

    @Test func aStatementRunningPastTheStatementTimeoutEndsWithTheTypedError() throws {
        let pool = pool(statement: .milliseconds(50))
        defer { pool.close() }
        #expect(throws: PostgresError.timeout(.statement)) { try pool.execute("SELECT pg_sleep(30)") }
        try pool.ping()  // the connection stays usable
    }

    @Test func aWriteWaitingOnARowLockPastTheLockTimeoutEndsWithTheTypedError() throws {
        let pool = pool(lock: .milliseconds(50))
        defer { pool.close() }
        let release = DispatchSemaphore(value: 0)
        let holder = lockRow(until: release)
        let blocked = Result { try pool.withTransaction { try $0.execute("UPDATE samples SET text = 'b' WHERE id = 1") } }
        release.signal()
        try holder.join()
        #expect(throws: PostgresError.timeout(.lock)) { try blocked.get() }
        #expect(try pool.execute("UPDATE samples SET text = 'b' WHERE id = 1") == 1)
    }

    @Test func aTransactionLeftIdleIsEndedByTheServerAndItsConnectionReplaced() throws {
        let pool = pool(idle: .milliseconds(50))
        defer { pool.close() }
        let first: Int32 = try pool.withConnection { connection in
            try connection.execute("BEGIN")
            let pid: Int32 = try connection.query("SELECT pg_backend_pid() AS pid")[0].decode("pid")
            // Bounded: the server ends the session after 50 ms of idleness; allow it 10 s.
            var ended = false
            for _ in 0..<1000 where !ended {
                usleep(10_000)
                ended = try database.pool.query("SELECT count(*) AS n FROM pg_stat_activity WHERE pid = \(pid)")[0]
                    .decode("n", as: Int64.self) == 0
            }
            try #require(ended, "the server kept the idle transaction's session")
            // libpq sees the closed socket, not the server's reason: a lost connection, which the pool drops.
            #expect {
                try connection.execute("SELECT 1")
            } throws: { error in
                if case .connection = error as? PostgresError { true } else { false }
            }
            return pid
        }
        #expect(try pool.query("SELECT pg_backend_pid() AS pid")[0].decode("pid", as: Int32.self) != first)
    }
}
