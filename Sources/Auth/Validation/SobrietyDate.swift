import Foundation
import Postgres

/// A sobriety date: a day that has begun somewhere on Earth, so never in the future.
struct SobrietyDate: Sendable, Equatable {
    let value: CalendarDate

    /// Refuses a day after today in the earliest time zone (UTC+14), so nobody is refused
    /// their own today whatever their offset.
    init(validating date: CalendarDate, now: Date = Date()) throws(FieldProblem) {
        guard date <= Self.latestToday(now: now) else {
            throw FieldProblem(code: "in_future", message: "must not be in the future")
        }
        value = date
    }

    private static func latestToday(now: Date) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day], from: now.addingTimeInterval(14 * 3600))
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
