import Foundation
@testable import Postgres
import Testing
import TestSupport

/// Statements, their results, and the errors the server reports.
@Suite struct StatementTests {
    let database: TestDatabase

    init() throws { database = try sampleDatabase(poolSize: 1) }

    @Test func executeReturnsAffectedRows() throws {
        #expect(try database.pool.execute("INSERT INTO samples (big) SELECT generate_series(1, 3)") == 3)
        #expect(try database.pool.execute("UPDATE samples SET flag = true WHERE big >= \(2)") == 2)
        #expect(try database.pool.execute("DELETE FROM samples WHERE big = \(99)") == 0)
        let rows = try database.pool.query("SELECT big FROM samples ORDER BY big")
        #expect(rows.count == 3)
        #expect(rows.affectedRows == 3)
        #expect(try rows.map { try $0.decode("big", as: Int.self) } == [1, 2, 3])
        #expect(try rows.first?.decode("big", as: Int.self) == 1)
    }

    @Test func emptyResults() throws {
        let rows = try database.pool.query("SELECT * FROM samples")
        #expect(rows.isEmpty)
        #expect(rows.first == nil)
    }

    @Test func aQueryRunsOneStatementOnly() throws {
        #expect(throws: PostgresError.self) { try database.pool.query("SELECT 1; DROP TABLE samples") }
        #expect(try database.pool.query("SELECT count(*) AS n FROM samples")[0].decode("n", as: Int.self) == 0)
    }

    @Test func scriptsRunSeveralStatements() throws {
        try database.pool.withConnection { connection in
            try connection.unsafeExecuteScript("INSERT INTO samples (big) VALUES (1); INSERT INTO samples (big) VALUES (2);")
        }
        #expect(try database.pool.query("SELECT count(*) AS n FROM samples")[0].decode("n", as: Int.self) == 2)
    }

    @Test func theSameTextWithOtherParameterTypesIsPreparedAgain() throws {
        let asNumber = try database.pool.query("SELECT pg_typeof(\(1))::text AS type")[0].decode("type", as: String.self)
        let asBool = try database.pool.query("SELECT pg_typeof(\(true))::text AS type")[0].decode("type", as: String.self)
        #expect(asNumber == "bigint")
        #expect(asBool == "boolean")
    }

    @Test func sessionSettings() throws {
        let row = try database.pool.query("""
            SELECT current_setting('client_encoding') AS encoding, current_setting('DateStyle') AS style,
                   current_setting('TimeZone') AS zone, current_setting('search_path') AS path
            """)[0]
        #expect(try row.decode("encoding", as: String.self) == "UTF8")
        #expect(try row.decode("style", as: String.self).hasPrefix("ISO"))
        #expect(try row.decode("zone", as: String.self) == "UTC")
        #expect(try row.decode("path", as: String.self) == "stepwork")
    }

    @Test func nulCharactersAreRefusedBeforeSending() {
        #expect(throws: PostgresError.invalidParameter(position: 2, reason: "PostgreSQL text cannot contain the NUL character")) {
            try database.pool.query("SELECT \(1), \("a\u{0}b")")
        }
    }

    @Test func uniqueViolations() throws {
        try database.pool.execute("INSERT INTO samples (unique_text) VALUES (\("secret@example.com"))")
        do {
            try database.pool.execute("INSERT INTO samples (unique_text) VALUES (\("secret@example.com"))")
            Issue.record("a duplicate was accepted")
        } catch let error as PostgresError {
            #expect(error.isUniqueViolation)
            #expect(!error.isForeignKeyViolation && !error.isSerializationFailure)
            #expect(error.constraint == "samples_unique_text_key")
            #expect(error.description == "database error")
            #expect(error.debugDescription.contains("secret@example.com"))
            #expect(!"\(error.logFields)".contains("secret"))
            #expect(error.logFields.map(\.value) == ["server", "23505", "samples_unique_text_key", "samples"])
        }
    }

    @Test func foreignKeyViolations() throws {
        try database.pool.withConnection { connection in
            try connection.unsafeExecuteScript("CREATE TABLE children (parent integer REFERENCES samples)")
        }
        do {
            try database.pool.execute("INSERT INTO children VALUES (\(Int32(12345)))")
            Issue.record("a dangling reference was accepted")
        } catch let error as PostgresError {
            #expect(error.isForeignKeyViolation)
            #expect(error.constraint == "children_parent_fkey")
        }
    }

    @Test func syntaxErrorsCarryTheirSQLState() {
        #expect(throws: PostgresError.self) { try database.pool.query("SELEKT 1") }
        do {
            _ = try database.pool.query("SELEKT 1")
        } catch let error as PostgresError {
            #expect(error.sqlState == "42601")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func manyStatementsBeyondTheCacheStillRun() throws {
        for number in 0..<(PostgresConnection.preparedStatementLimit + 10) {
            // Distinct text each time: the cache fills up, then statements run unprepared.
            let query = PostgresQuery(stringLiteral: "SELECT \(number) AS n")
            #expect(try database.pool.query(query)[0].decode("n", as: Int.self) == number)
        }
    }
}
