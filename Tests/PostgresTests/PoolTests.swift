import Foundation
@testable import Postgres
import Testing
import TestSupport

@Suite struct PoolTests {
    let database: TestDatabase

    init() throws { database = try TestDatabase.create(migrated: false) }

    func pool(size: Int, acquireTimeout: Duration = .seconds(30)) -> PostgresPool {
        PostgresPool(configuration: PostgresConfiguration(
            connectionString: database.connectionString, poolSize: size, acquireTimeout: acquireTimeout))
    }

    func backend(_ pool: PostgresPool) throws -> Int32 {
        try pool.query("SELECT pg_backend_pid() AS pid")[0].decode("pid")
    }

    /// Holds `pool`'s only connection on another thread until `release` is signalled.
    func occupy(_ pool: PostgresPool, until release: DispatchSemaphore) -> Background<Void> {
        let held = DispatchSemaphore(value: 0)
        let holder = Background {
            try pool.withConnection { _ in
                held.signal()
                release.wait()
            }
        }
        held.wait()
        return holder
    }

    @Test func pingAnswers() throws {
        try pool(size: 1).ping()
    }

    @Test func exhaustionEndsInOverloadedAfterTheTimeout() throws {
        let pool = pool(size: 1, acquireTimeout: .milliseconds(100))
        let release = DispatchSemaphore(value: 0)
        let holder = occupy(pool, until: release)
        #expect(throws: PostgresError.overloaded) { try pool.ping() }
        release.signal()
        try holder.join()
        #expect(pool.waitingCount == 0)
        try pool.ping()
    }

    @Test func waitersAreServedInArrivalOrder() throws {
        let pool = pool(size: 1)
        let release = DispatchSemaphore(value: 0)
        let holder = occupy(pool, until: release)
        let order = LockedArray()
        var waiters: [Background<Void>] = []
        for name in ["first", "second", "third"] {
            waiters.append(Background { try pool.withConnection { _ in order.append(name) } })
            while pool.waitingCount < waiters.count { usleep(1_000) }
        }
        release.signal()
        try holder.join()
        for waiter in waiters { try waiter.join() }
        #expect(order.values == ["first", "second", "third"])
    }

    @Test func manyThreadsShareFewConnections() throws {
        let pool = pool(size: 3)
        let workers = (0..<8).map { worker in
            Background {
                var sum = 0
                for index in 0..<100 {
                    sum += try pool.query("SELECT \(worker * 1000 + index) + 1 AS n")[0].decode("n", as: Int.self)
                }
                return sum
            }
        }
        let sums = try workers.map { try $0.join() }
        #expect(sums == (0..<8).map { worker in (0..<100).reduce(0) { $0 + worker * 1000 + $1 + 1 } })
        let connections: Int = try database.pool.query("""
            SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'
            """)[0].decode("n")
        #expect(connections <= 3 + 1)
    }

    @Test func survivesATerminatedBackend() throws {
        let pool = pool(size: 1)
        let victim = try backend(pool)
        let terminated: Bool = try database.pool.query("SELECT pg_terminate_backend(\(victim), 10000) AS done")[0].decode("done")
        #expect(terminated)
        let replacement = try backend(pool)
        #expect(replacement != victim)
    }

    @Test func failedConnectsGiveTheirSlotBack() throws {
        let pool = PostgresPool(configuration: PostgresConfiguration(
            connectionString: "host=/nonexistent port=5432 user=nobody dbname=nothing", poolSize: 1,
            acquireTimeout: .seconds(30)))
        for _ in 0..<3 {
            do {
                try pool.ping()
                Issue.record("connected to nothing")
            } catch let error as PostgresError {
                guard case .connection(let message) = error else {
                    Issue.record("expected a connection error, got \(error.debugDescription)")
                    continue
                }
                #expect(message.contains("nonexistent"))
                #expect(error.description == "database unavailable")
            }
        }
    }

    @Test func closedPoolsRefuse() throws {
        let pool = pool(size: 1)
        try pool.ping()
        pool.close()
        #expect(throws: PostgresError.poolClosed) { try pool.ping() }
    }

    @Test func closingWakesWaiters() throws {
        let pool = pool(size: 1)
        let release = DispatchSemaphore(value: 0)
        let holder = occupy(pool, until: release)
        let waiter = Background { try pool.ping() }
        while pool.waitingCount == 0 { usleep(1_000) }
        pool.close()
        #expect(throws: PostgresError.poolClosed) { try waiter.join() }
        release.signal()
        try holder.join()
    }
}

/// Survives a full restart of its own private cluster, in the same process.
@Suite struct RestartTests {
    @Test func survivesAServerRestart() throws {
        let cluster = try TestCluster.start()
        let pool = PostgresPool(configuration: PostgresConfiguration(connectionString: cluster.connectionString, poolSize: 2))
        let before: Int32 = try pool.query("SELECT pg_backend_pid() AS pid")[0].decode("pid")
        try cluster.restart()
        let after: Int32 = try pool.query("SELECT pg_backend_pid() AS pid")[0].decode("pid")
        #expect(after != before)
        try pool.ping()
    }
}

/// Strings appended from several threads.
final class LockedArray: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    func append(_ value: String) { lock.withLock { storage.append(value) } }
    var values: [String] { lock.withLock { storage } }
}
