import Foundation

/// The `Date` header value (IMF-fixdate), formatted at most once a second per event loop.
struct DateCache {
    private var second: Int = -1
    private(set) var value: [UInt8] = []

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    mutating func refresh() {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        guard now.tv_sec != second else { return }
        second = now.tv_sec
        var seconds = now.tv_sec
        var time = tm()
        gmtime_r(&seconds, &time)
        let text = String(
            format: "%@, %02d %@ %04d %02d:%02d:%02d GMT",
            Self.days[Int(time.tm_wday)], time.tm_mday, Self.months[Int(time.tm_mon)], time.tm_year + 1900,
            time.tm_hour, time.tm_min, time.tm_sec)
        value = Array(text.utf8)
    }
}
