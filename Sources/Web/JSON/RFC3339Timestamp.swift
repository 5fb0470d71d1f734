import Foundation

/// Times as the API writes them: RFC 3339, UTC, milliseconds (`2026-11-25T12:00:00.123Z`).
public enum RFC3339Timestamp {
    /// Formats `date`, truncating to the millisecond.
    public static func string(from date: Date) -> String {
        // Round to the microsecond first: a stored `.123` is a binary fraction just below it.
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let millis = micros >= 0 ? micros / 1000 : (micros - 999) / 1000
        var seconds = time_t(millis >= 0 ? millis / 1000 : (millis - 999) / 1000)
        let fraction = Int32(millis - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
            parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec,
            fraction)
    }

    /// Parses an RFC 3339 time with or without fractional seconds, in any offset.
    public static func date(from string: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(string)
    }
}
