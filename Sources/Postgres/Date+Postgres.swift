import Foundation

extension Date: PostgresCodable {
    /// `timestamp with time zone`
    public static var postgresType: UInt32 { 1184 }

    /// `YYYY-MM-DD HH:MM:SS.ffffff+00[ BC]`: UTC, rounded to PostgreSQL's microsecond precision.
    public var postgresText: String? {
        let micros = Int64((timeIntervalSinceReferenceDate * 1_000_000).rounded()) + Self.unixEpochInMicroseconds
        let (days, microOfDay) = Self.floorDivision(micros, Self.microsecondsPerDay)
        let (year, month, day) = Gregorian.date(days: Int(days))
        let seconds = Int(microOfDay / 1_000_000)
        func two(_ number: Int) -> String { String(number).leftPadded(to: 2) }
        return String(year > 0 ? year : 1 - year).leftPadded(to: 4) + "-" + two(month) + "-" + two(day)
            + " " + two(seconds / 3600) + ":" + two(seconds / 60 % 60) + ":" + two(seconds % 60)
            + "." + String(microOfDay % 1_000_000).leftPadded(to: 6) + "+00" + (year > 0 ? "" : " BC")
    }

    /// Reads PostgreSQL's ISO output, `YYYY-MM-DD HH:MM:SS[.f…][±HH[:MM[:SS]]][ BC]`; without an
    /// offset (a `timestamp` column) the time is taken as UTC. Infinities are refused.
    public init?(postgresText text: String) {
        var scanner = ASCIIScanner(text)
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2), scanner.skip(" "),
              let hour = scanner.number(digits: 2), scanner.skip(":"),
              let minute = scanner.number(digits: 2), scanner.skip(":"),
              let second = scanner.number(digits: 2)
        else { return nil }
        var micros = 0
        if scanner.skip(".") {
            let fraction = scanner.take(while: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
            guard (1...6).contains(fraction.count), let value = CalendarDate.number(fraction) else { return nil }
            micros = value * [100_000, 10_000, 1_000, 100, 10, 1][fraction.count - 1]
        }
        var offset = 0
        if let sign = scanner.take(oneOf: "+-") {
            guard let hours = scanner.number(digits: 2) else { return nil }
            offset = hours * 3600
            for unit in [60, 1] where scanner.skip(":") {
                guard let value = scanner.number(digits: 2) else { return nil }
                offset += value * unit
            }
            offset *= sign == UInt8(ascii: "-") ? -1 : 1
        }
        let astronomicalYear = scanner.skip(" BC") ? 1 - year : year
        guard scanner.isAtEnd, year >= 1, (1...12).contains(month),
              (1...CalendarDate.daysInMonth(month, of: astronomicalYear)).contains(day),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let days = Int64(Gregorian.days(year: astronomicalYear, month: month, day: day))
        let seconds = Int64((hour * 60 + minute) * 60 + second - offset)
        let total = days * Self.microsecondsPerDay + seconds * 1_000_000 + Int64(micros)
        self.init(timeIntervalSinceReferenceDate: Double(total - Self.unixEpochInMicroseconds) / 1_000_000)
    }

    private static let microsecondsPerDay: Int64 = 86_400_000_000
    /// 1970-01-01 counted from Foundation's reference date, 2001-01-01.
    private static let unixEpochInMicroseconds: Int64 = 978_307_200_000_000

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
