import Logging
import Synchronization

/// Collects log lines so a test can check what was (and was not) logged.
public final class LogRecorder: Sendable {
    private let lines = Mutex<[String]>([])

    public init() {}

    /// A logger writing into this recorder.
    public func logger(level: LogLevel = .debug) -> Logger {
        Logger(level: level) { [self] line in lines.withLock { $0.append(line) } }
    }

    /// Every line so far.
    public var all: [String] { lines.withLock { $0 } }

    /// The lines of one event, e.g. `login`.
    public func events(_ name: String) -> [String] {
        all.filter { $0.contains(" event=\(name) ") || $0.hasSuffix(" event=\(name)\n") }
    }
}
