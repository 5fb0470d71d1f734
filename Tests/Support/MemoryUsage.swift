import Foundation

/// This process's memory as Linux reports it in `/proc/self/status`.
public enum MemoryUsage {
    /// Resident memory now (`VmRSS`), in bytes.
    public static func current() throws -> Int { try field("VmRSS") }

    /// Peak resident memory (`VmHWM`) since the process started or `resetPeak()`, in bytes.
    public static func peak() throws -> Int { try field("VmHWM") }

    /// Starts a new peak from the current resident memory (`5` to `/proc/self/clear_refs`).
    public static func resetPeak() throws {
        try "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// How often `pattern` occurs in `bytes` (the patterns counted here do not overlap).
    public static func occurrences(of pattern: [UInt8], in bytes: [UInt8]) -> Int {
        guard bytes.count >= pattern.count else { return 0 }
        var count = 0
        var index = 0
        while index <= bytes.count - pattern.count {
            if bytes[index] == pattern[0] && bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                count += 1
                index += pattern.count
            } else {
                index += 1
            }
        }
        return count
    }

    private static func field(_ name: String) throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { throw TestHTTPError("no \(name) in /proc/self/status") }
        return kilobytes * 1024
    }
}
