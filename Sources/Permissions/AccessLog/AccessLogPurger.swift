import Dispatch
import Foundation
import Logging
import Postgres
import Synchronization

/// Deletes access log rows older than the retention, in the background: a thread of its own
/// purges at start and then every `interval`, sleeping in a wait that `stop()` cuts short.
public final class AccessLogPurger: Sendable {
    private let pool: PostgresPool
    private let retention: Duration
    private let interval: Duration
    private let logger: Logger
    private let stopSignal = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)
    private let started = Atomic<Bool>(false)
    /// Rows deleted per statement, so one purge never holds a long transaction.
    static let batch = 10_000
    /// Statements per purge at most; what is left waits for the next one.
    static let maxBatches = 100

    public init(pool: PostgresPool, retention: Duration, interval: Duration = .seconds(3600), logger: Logger) {
        self.pool = pool
        self.retention = retention
        self.interval = interval
        self.logger = logger
    }

    /// Starts the thread (once; later calls do nothing). `stop()` ends it.
    public func start() {
        guard started.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        let thread = Thread { [self] in
            repeat {
                purge()
            } while stopSignal.wait(timeout: .now() + Self.seconds(interval)) == .timedOut
            stopped.signal()
        }
        thread.name = "access-log-purge"
        thread.start()
    }

    /// Wakes the thread, lets a running purge finish and waits (at most `timeout`) for it to end.
    public func stop(timeout: Duration = .seconds(10)) {
        guard started.compareExchange(expected: true, desired: false, ordering: .acquiringAndReleasing).exchanged
        else { return }
        stopSignal.signal()
        if stopped.wait(timeout: .now() + Self.seconds(timeout)) == .timedOut {
            logger.warning("access_log_purge_still_running", [:])
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// One purge: batches until no expired row is left or `maxBatches` ran. Returns the rows deleted.
    @discardableResult
    public func purge() -> Int {
        var deleted = 0
        do {
            for _ in 0..<Self.maxBatches {
                let gone = try pool.withConnection { connection in
                    try AccessLog.purge(olderThan: retention, batch: Self.batch, on: connection)
                }
                deleted += gone
                if gone < Self.batch { break }
            }
            if deleted > 0 { logger.info("access_log_purged", ["rows": String(deleted)]) }
        } catch {
            logger.warning("access_log_purge_failed", ["error": String(describing: error)])
        }
        return deleted
    }
}
