import Foundation
import Postgres
import Testing

@Suite struct CalendarDateTests {
    @Test(arguments: ["2024-02-29", "0001-01-01", "9999-12-31", "2023-12-31"])
    func parsesAndFormats(_ text: String) throws {
        #expect(try #require(CalendarDate(text)).description == text)
    }

    @Test(arguments: ["2023-02-29", "2100-02-29", "0000-01-01", "2024-13-01", "2024-00-10", "2024-04-31",
                      "2024-1-01", "24-01-01", " 2024-01-01", "2024-01-01 ", "2024/01/01", "2024-01-0a", "+024-01-01", ""])
    func refusesInvalidText(_ text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func padsSmallNumbers() {
        #expect(CalendarDate(year: 7, month: 3, day: 4)?.description == "0007-03-04")
    }

    @Test func ordersByDay() throws {
        let dates = try ["2024-03-01", "2023-12-31", "2024-02-29"].map { try #require(CalendarDate($0)) }
        #expect(dates.sorted().map(\.description) == ["2023-12-31", "2024-02-29", "2024-03-01"])
    }

    @Test func codesAsAJSONString() throws {
        let date = try #require(CalendarDate("2024-05-01"))
        let json = try JSONEncoder().encode([date])
        #expect(String(decoding: json, as: UTF8.self) == #"["2024-05-01"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: json) == [date])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2024-02-30"]"#.utf8)) }
    }
}
