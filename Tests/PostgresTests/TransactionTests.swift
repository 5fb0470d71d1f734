import Foundation
import Postgres
import Testing
import TestSupport

@Suite struct TransactionTests {
    let database: TestDatabase

    init() throws { database = try sampleDatabase(poolSize: 2) }

    struct Marker: Error, Equatable {}

    func count() throws -> Int {
        try database.pool.query("SELECT count(*) AS n FROM samples")[0].decode("n")
    }

    @Test func commitsWhenTheBodyReturns() throws {
        let id = try database.pool.withTransaction { connection in
            try connection.query("INSERT INTO samples (text) VALUES (\("kept")) RETURNING id")[0].decode("id", as: Int32.self)
        }
        #expect(try database.pool.query("SELECT text FROM samples WHERE id = \(id)")[0].decode("text", as: String.self) == "kept")
    }

    @Test func rollsBackWhenTheBodyThrows() throws {
        #expect(throws: Marker()) {
            try database.pool.withTransaction { connection in
                try connection.execute("INSERT INTO samples (text) VALUES (\("gone"))")
                throw Marker()
            }
        }
        #expect(try count() == 0)
    }

    @Test func aFailedStatementTheBodySwallowedStillRollsBack() throws {
        #expect(throws: PostgresError.self) {
            try database.pool.withTransaction { connection in
                try connection.execute("INSERT INTO samples (text) VALUES (\("gone"))")
                _ = try? connection.execute("INSERT INTO samples (big) VALUES (\("not a number"))")
            }
        }
        #expect(try count() == 0)
    }

    @Test func keepsTheBodysErrorWhenTheRollbackFailsToo() throws {
        #expect(throws: Marker()) {
            try database.pool.withTransaction { connection in
                try connection.execute("INSERT INTO samples (text) VALUES (\("gone"))")
                // The session dies, so the rollback that follows fails as well.
                _ = try? connection.query("SELECT pg_terminate_backend(pg_backend_pid())")
                throw Marker()
            }
        }
        #expect(try count() == 0)
    }

    @Test func aTransactionLeftOpenIsRolledBackBeforeReuse() throws {
        let pool = PostgresPool(configuration: PostgresConfiguration(connectionString: database.connectionString, poolSize: 1))
        let first: Int32 = try pool.withConnection { connection in
            try connection.execute("BEGIN")
            try connection.execute("INSERT INTO samples (text) VALUES (\("gone"))")
            return try connection.query("SELECT pg_backend_pid() AS pid")[0].decode("pid")
        }
        let second: Int32 = try pool.query("SELECT pg_backend_pid() AS pid")[0].decode("pid")
        #expect(first == second)
        #expect(try count() == 0)
    }

    @Test(arguments: [
        (PostgresIsolationLevel.readCommitted, "read committed"),
        (.repeatableRead, "repeatable read"),
        (.serializable, "serializable"),
    ])
    func isolationLevels(_ level: PostgresIsolationLevel, _ name: String) throws {
        let current = try database.pool.withTransaction(isolation: level) { connection in
            try connection.query("SELECT current_setting('transaction_isolation') AS level")[0].decode("level", as: String.self)
        }
        #expect(current == name)
    }

    /// Two serializable transactions each count the rows, then insert one: write skew. The
    /// second to commit fails with 40001 (or is retried, when asked).
    func writeSkew(retrying: Bool) throws -> Int {
        let firstCounted = DispatchSemaphore(value: 0)
        let secondCounted = DispatchSemaphore(value: 0)
        let first = Background { [database] in
            try database.pool.withTransaction(isolation: .serializable) { connection in
                _ = try connection.query("SELECT count(*) FROM samples")
                firstCounted.signal()
                secondCounted.wait()
                try connection.execute("INSERT INTO samples (text) VALUES (\("first"))")
            }
        }
        firstCounted.wait()
        var attempts = 0
        try database.pool.withTransaction(isolation: .serializable, retryingSerializationFailures: retrying) { connection in
            attempts += 1
            _ = try connection.query("SELECT count(*) FROM samples")
            if attempts == 1 {
                secondCounted.signal()
                try first.join()
            }
            try connection.execute("INSERT INTO samples (text) VALUES (\("second"))")
        }
        return attempts
    }

    @Test func serializationFailuresAreReported() throws {
        do {
            _ = try writeSkew(retrying: false)
            Issue.record("write skew went unnoticed")
        } catch let error as PostgresError {
            #expect(error.isSerializationFailure)
            #expect(error.sqlState == "40001")
        }
        #expect(try count() == 1)
    }

    @Test func serializationFailuresAreRetriedWhenAsked() throws {
        #expect(try writeSkew(retrying: true) == 2)
        #expect(try count() == 2)
    }
}
