import Foundation

/// Times as the API writes them: RFC 3339, UTC, milliseconds (`2026-11-25T12:00:00.123Z`).
public enum RFC3339Timestamp {
    /// Formats `date`, truncating to the millisecond.
    public static func string(from date: Date) -> String {
        var bytes: [UInt8] = []
        write(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `date` as `string(from:)` formats it.
    static func write(_ date: Date, to bytes: inout [UInt8]) {
        // Round to the microsecond first: a stored `.123` is a binary fraction just below it.
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let millis = micros >= 0 ? micros / 1000 : (micros - 999) / 1000
        var seconds = time_t(millis >= 0 ? millis / 1000 : (millis - 999) / 1000)
        let fraction = Int(millis - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        // As `%0<width>d` writes it: zero-padded to `width` characters, sign included.
        func digits(_ number: Int, _ width: Int) {
            let magnitude = String(number.magnitude).utf8
            if number < 0 { bytes.append(UInt8(ascii: "-")) }
            let padding = width - magnitude.count - (number < 0 ? 1 : 0)
            if padding > 0 { bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: padding)) }
            bytes.append(contentsOf: magnitude)
        }
        digits(Int(parts.tm_year) + 1900, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), 2)
        bytes.append(UInt8(ascii: "T"))
        digits(Int(parts.tm_hour), 2)
        bytes.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), 2)
        bytes.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), 2)
        bytes.append(UInt8(ascii: "."))
        digits(fraction, 3)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// Parses an RFC 3339 time with or without fractional seconds, in any offset.
    public static func date(from string: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(string)
    }
}
