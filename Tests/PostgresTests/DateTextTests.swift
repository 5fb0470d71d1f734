import Foundation
import Postgres
import Testing

/// Reading and writing PostgreSQL's timestamp text: pure, no database.
@Suite struct DateTextTests {
    @Test(arguments: [
        ("2024-05-01 12:34:56+00", 1_714_566_896.0),
        ("2024-05-01 12:34:56.5+00", 1_714_566_896.5),
        ("2024-05-01 12:34:56.000001+00", 1_714_566_896.000_001),
        ("2024-05-01 14:34:56+02", 1_714_566_896.0),
        ("2024-05-01 07:04:56-05:30", 1_714_566_896.0),
        ("2024-05-01 12:34:56", 1_714_566_896.0),
        ("1969-12-31 23:59:59.75+00", -0.25),
    ])
    func reads(_ text: String, _ seconds: Double) throws {
        let date = try #require(Date(postgresText: text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_000_5)
    }

    @Test(arguments: ["infinity", "-infinity", "2024-05-01", "2024-05-01T12:34:56Z", "2024-02-30 00:00:00+00",
                      "2024-05-01 24:00:00+00", "2024-05-01 12:34:56.1234567+00", "2024-05-01 12:34:56+0", ""])
    func refuses(_ text: String) {
        #expect(Date(postgresText: text) == nil)
    }

    @Test func writesUTCWithMicroseconds() {
        #expect(Date(timeIntervalSince1970: 1_714_566_896.25).postgresText == "2024-05-01 12:34:56.250000+00")
        #expect(Date(timeIntervalSince1970: -0.25).postgresText == "1969-12-31 23:59:59.750000+00")
    }

    @Test func writesAndReadsBeforeTheCommonEra() throws {
        let text = try #require(Date.distantPast.postgresText)
        #expect(text.hasSuffix(" BC"))
        #expect(Date(postgresText: text) == Date.distantPast)
    }
}
