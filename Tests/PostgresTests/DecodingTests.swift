import Foundation
import Postgres
import Testing
import TestSupport

/// Decoding failures name the column and never pass silently.
@Suite struct DecodingTests {
    let database: TestDatabase
    let row: PostgresRow

    init() throws {
        database = try TestDatabase.create(migrated: false)
        row = try database.pool.query("""
            SELECT 'word'::text AS word, NULL::integer AS nothing, 42::integer AS answer,
                   'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS id, now() AS "createdAt", 't'::boolean AS yes
            """)[0]
    }

    @Test func textThatIsNotTheTypeNamesTheColumn() {
        #expect(throws: PostgresError.decoding(column: "word", expected: "Int", found: "a value of type OID 25")) {
            try row.decode("word", as: Int.self)
        }
        #expect(throws: PostgresError.decoding(column: "yes", expected: "Int", found: "a value of type OID 16")) {
            try row.decode("yes", as: Int.self)
        }
        #expect(throws: PostgresError.decoding(column: "answer", expected: "Bool", found: "a value of type OID 23")) {
            try row.decode("answer", as: Bool.self)
        }
        #expect(throws: PostgresError.self) { try row.decode("createdAt", as: CalendarDate.self) }
        #expect(throws: PostgresError.self) { try row.decode("id", as: Date.self) }
    }

    @Test func nullIntoANonOptionalNamesTheColumn() throws {
        #expect(throws: PostgresError.decoding(column: "nothing", expected: "Int", found: "NULL")) {
            try row.decode("nothing", as: Int.self)
        }
        #expect(try row.decode("nothing", as: Int?.self) == nil)
    }

    @Test func missingColumnNamesIt() {
        #expect(throws: PostgresError.decoding(column: "Word", expected: "String", found: "no such column")) {
            try row.decode("Word", as: String.self)
        }
    }

    @Test func namesAreExactAndDecodingGoesByText() throws {
        #expect(try row.decode("createdAt", as: Date.self).timeIntervalSinceNow < 60)
        #expect(try row.decode("answer", as: Int32.self) == 42)
        #expect(try row.decode("answer", as: String.self) == "42")
        #expect(try row.decode("id", as: UUID.self) == UUID(uuidString: "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"))
    }

    @Test func decodingErrorsAreGenericForClients() {
        let error = PostgresError.decoding(column: "word", expected: "Int", found: "NULL")
        #expect(error.description == "database error")
        #expect(error.debugDescription.contains("\"word\""))
    }
}
