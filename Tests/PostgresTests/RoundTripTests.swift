import Foundation
import Postgres
import Testing
import TestSupport

/// Every supported type goes into a column of its PostgreSQL type and comes back unchanged.
@Suite struct RoundTripTests {
    let database: TestDatabase

    init() throws { database = try sampleDatabase() }

    /// Inserts `value` into `column` and reads it back as `Value`.
    func roundTrip<Value: PostgresCodable>(_ value: Value, column: String) throws -> Value {
        let insert: PostgresQuery = switch column {
        case "text": "INSERT INTO samples (text) VALUES (\(value)) RETURNING *"
        case "big": "INSERT INTO samples (big) VALUES (\(value)) RETURNING *"
        case "int": "INSERT INTO samples (int) VALUES (\(value)) RETURNING *"
        case "flag": "INSERT INTO samples (flag) VALUES (\(value)) RETURNING *"
        case "real": "INSERT INTO samples (real) VALUES (\(value)) RETURNING *"
        case "uuid": "INSERT INTO samples (uuid) VALUES (\(value)) RETURNING *"
        case "at": "INSERT INTO samples (at) VALUES (\(value)) RETURNING *"
        case "day": "INSERT INTO samples (day) VALUES (\(value)) RETURNING *"
        case "bytes": "INSERT INTO samples (bytes) VALUES (\(value)) RETURNING *"
        default: preconditionFailure("no column \(column)")
        }
        let id: Int32 = try database.pool.query(insert)[0].decode("id")
        return try database.pool.query("SELECT * FROM samples WHERE id = \(id)")[0].decode(column, as: Value.self)
    }

    @Test(arguments: [
        "", "plain", "Grüße, Ελληνικά, 日本語", "beyond the BMP: 😀 𝄞 🏳️‍🌈",
        "'; DROP TABLE samples; --", "\\", "\\\\x00", "$1", "$2::int", "' OR '1'='1", "\"quoted\"",
        "it's", "line\nbreak\r\ttab", "%s %d %n", "\u{7F}\u{1}",
    ])
    func strings(_ value: String) throws {
        #expect(try roundTrip(value, column: "text") == value)
        #expect(try database.pool.query("SELECT count(*) AS n FROM samples")[0].decode("n", as: Int.self) == 1)
    }

    @Test func oneMegabyteOfText() throws {
        let value = String(repeating: "0123456789abcdéf", count: 65_536)
        #expect(try roundTrip(value, column: "text") == value)
    }

    @Test(arguments: [Int.min, -1, 0, 1, Int.max])
    func ints(_ value: Int) throws {
        #expect(try roundTrip(value, column: "big") == value)
        #expect(try roundTrip(Int64(value), column: "big") == Int64(value))
    }

    @Test(arguments: [Int32.min, 0, Int32.max])
    func int32s(_ value: Int32) throws {
        #expect(try roundTrip(value, column: "int") == value)
    }

    @Test(arguments: [true, false])
    func bools(_ value: Bool) throws {
        #expect(try roundTrip(value, column: "flag") == value)
    }

    @Test(arguments: [0.0, -0.5, 0.1, 1e300, -Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude,
                      Double.pi, Double.infinity, -Double.infinity])
    func doubles(_ value: Double) throws {
        #expect(try roundTrip(value, column: "real") == value)
    }

    @Test func notANumber() throws {
        #expect(try roundTrip(Double.nan, column: "real").isNaN)
    }

    @Test func uuids() throws {
        let value = UUID()
        #expect(try roundTrip(value, column: "uuid") == value)
    }

    @Test(arguments: [
        Date(timeIntervalSinceReferenceDate: 736_260_690.123),
        Date(timeIntervalSinceReferenceDate: 736_260_690.123_456),
        Date(timeIntervalSinceReferenceDate: 0),
        Date(timeIntervalSince1970: -0.5),
        Date(timeIntervalSince1970: -86_400 * 365 * 100 - 0.25),
        Date.distantPast,
        Date.distantFuture,
    ])
    func dates(_ value: Date) throws {
        #expect(try roundTrip(value, column: "at") == value)
    }

    @Test func nowKeepsMicroseconds() throws {
        let now = Date()
        #expect(abs(try roundTrip(now, column: "at").timeIntervalSince(now)) < 0.000_001)
    }

    @Test(arguments: ["2024-02-29", "0001-01-01", "9999-12-31", "1970-01-01"])
    func calendarDates(_ text: String) throws {
        let value = try #require(CalendarDate(text))
        #expect(try roundTrip(value, column: "day") == value)
    }

    @Test(arguments: [[], [0], [0, 255, 1, 92, 39], Array(0...255)] as [[UInt8]])
    func bytes(_ value: [UInt8]) throws {
        #expect(try roundTrip(value, column: "bytes") == value)
    }

    @Test func nulls() throws {
        #expect(try roundTrip(String?.none, column: "text") == nil)
        #expect(try roundTrip(Int?.none, column: "big") == nil)
        #expect(try roundTrip(Int64?.none, column: "big") == nil)
        #expect(try roundTrip(Int32?.none, column: "int") == nil)
        #expect(try roundTrip(Bool?.none, column: "flag") == nil)
        #expect(try roundTrip(Double?.none, column: "real") == nil)
        #expect(try roundTrip(UUID?.none, column: "uuid") == nil)
        #expect(try roundTrip(Date?.none, column: "at") == nil)
        #expect(try roundTrip(CalendarDate?.none, column: "day") == nil)
        #expect(try roundTrip([UInt8]?.none, column: "bytes") == nil)
    }

    @Test func optionalsWithValues() throws {
        #expect(try roundTrip(Optional(""), column: "text") == "")
        #expect(try roundTrip(Optional(42), column: "big") == 42)
    }

    enum Kind: String, PostgresCodable { case journal, meeting }

    @Test func rawRepresentableEnums() throws {
        #expect(try roundTrip(Kind.meeting, column: "text") == .meeting)
        try database.pool.execute("INSERT INTO samples (text) VALUES ('unknown')")
        let rows = try database.pool.query("SELECT text FROM samples WHERE text = 'unknown'")
        #expect(throws: PostgresError.decoding(column: "text", expected: "Kind", found: "a value of type OID 25")) {
            try rows[0].decode("text", as: Kind.self)
        }
    }

    @Test func parametersWithoutATable() throws {
        let row = try database.pool.query("""
            SELECT \("text") AS text, \(7) AS int, \(true) AS flag, \(2.5) AS real, \(CalendarDate("2024-05-01")) AS day
            """)[0]
        #expect(try row.decode("text", as: String.self) == "text")
        #expect(try row.decode("int", as: Int.self) == 7)
        #expect(try row.decode("flag", as: Bool.self))
        #expect(try row.decode("real", as: Double.self) == 2.5)
        #expect(try row.decode("day", as: CalendarDate.self) == CalendarDate(year: 2024, month: 5, day: 1))
    }
}
