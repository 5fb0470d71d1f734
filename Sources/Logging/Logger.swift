import Foundation

/// A structured logger: one `key=value` line per event on a sink (stderr by default).
///
/// Values are escaped so that input containing newlines or quotes can never forge a line.
/// Never pass passwords, tokens, invite codes or entry text as values.
public struct Logger: Sendable {
    /// Where finished lines go. Each call receives one whole line, newline included.
    public typealias Sink = @Sendable (String) -> Void

    public let level: LogLevel
    private let sink: Sink
    private let context: [(String, String)]

    public init(level: LogLevel = .info, sink: @escaping Sink = Logger.standardError) {
        self.level = level
        self.sink = sink
        self.context = []
    }

    private init(level: LogLevel, sink: @escaping Sink, context: [(String, String)]) {
        self.level = level
        self.sink = sink
        self.context = context
    }

    /// A logger that adds `fields` to every line it writes.
    public func with(_ fields: KeyValuePairs<String, String>) -> Logger {
        Logger(level: level, sink: sink, context: context + fields.map { ($0.key, $0.value) })
    }

    public func isEnabled(_ level: LogLevel) -> Bool { level >= self.level }

    public func debug(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.debug, event, fields) }
    public func info(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.info, event, fields) }
    public func warning(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.warning, event, fields) }
    public func error(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.error, event, fields) }

    public func log(_ level: LogLevel, _ event: String, _ fields: KeyValuePairs<String, String>) {
        guard isEnabled(level) else { return }
        var line = "ts=\(Self.timestamp()) level=\(level.name) event=\(Self.escape(event))"
        for (key, value) in context { line += " \(key)=\(Self.escape(value))" }
        for (key, value) in fields { line += " \(key)=\(Self.escape(value))" }
        line += "\n"
        sink(line)
    }

    /// Quotes a value when it holds anything but plain characters; control characters become escapes.
    static func escape(_ value: String) -> String {
        let plain = !value.isEmpty && value.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value < 0x7F && scalar != "\"" && scalar != "=" && scalar != "\\"
        }
        if plain { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var time = tm()
        var seconds = now.tv_sec
        gmtime_r(&seconds, &time)
        let millis = now.tv_nsec / 1_000_000
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
            time.tm_year + 1900, time.tm_mon + 1, time.tm_mday, time.tm_hour, time.tm_min, time.tm_sec, millis)
    }

    /// Writes a line to stderr with a single `write(2)`, so concurrent lines never interleave.
    public static let standardError: Sink = { line in
        var line = line
        line.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 { offset += written } else if written < 0 && errno == EINTR { continue } else { return }
            }
        }
    }

    /// A logger that drops everything; for tests and tools that must stay quiet.
    public static let silent = Logger(level: .error, sink: { _ in })
}
