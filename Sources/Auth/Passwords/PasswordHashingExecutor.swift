import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs password hashes on its own low-priority threads, at most `concurrency` at once.
///
/// Callers (HTTP worker threads) block until their work is done. At most `queueCapacity`
/// jobs wait for a free thread; beyond that `run` throws `PasswordHashingError.busy` at once,
/// so a storm of logins turns into quick `503`s rather than an unbounded queue. The threads
/// run at a raised nice value so hashing cannot starve the event loops.
public final class PasswordHashingExecutor: @unchecked Sendable {
    public let concurrency: Int
    public let queueCapacity: Int

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var waiting: [Job] = []
    private var running = 0
    private var peak = 0
    private var stopping = false
    /// Threads whose loop has not ended yet.
    private var liveThreads: Int

    /// Starts `concurrency` threads at nice value `niceness` (0 = normal, 19 = lowest).
    public init(concurrency: Int, queueCapacity: Int, niceness: Int32 = 10) {
        precondition(concurrency > 0 && queueCapacity >= 0, "bad password hashing executor limits")
        self.concurrency = concurrency
        self.queueCapacity = queueCapacity
        liveThreads = concurrency
        for index in 0..<concurrency {
            let thread = Thread { [self] in serve(niceness: niceness) }
            thread.name = "password-hashing-\(index)"
            thread.start()
        }
    }

    /// Runs `work` on one of the executor's threads and waits for its result.
    ///
    /// With `queueing: false` the work runs only if a thread is free now: work that an
    /// attacker can cause at will (hashes for logins that may fail) never takes a place in the
    /// queue, which stays for logins that will probably succeed.
    ///
    /// - Throws: `PasswordHashingError.busy` when every thread is taken and the queue is
    ///   full (or, without `queueing`, when every thread is taken; or the executor is shut
    ///   down); otherwise whatever `work` throws.
    public func run<T: Sendable>(queueing: Bool = true, _ work: @escaping @Sendable () throws -> T) throws -> T {
        let completion = Completion<T>()
        try enqueue(Job(run: { completion.result = Result { try work() } }, done: completion.done), queueing: queueing)
        return try completion.wait()
    }

    /// The largest number of jobs that ever ran at the same time (for tests and metrics).
    public var highWaterMark: Int {
        condition.lock()
        defer { condition.unlock() }
        return peak
    }

    /// How many jobs wait for a thread right now.
    var queuedJobs: Int {
        condition.lock()
        defer { condition.unlock() }
        return waiting.count
    }

    /// Lets the threads finish the queued jobs, then end, waiting up to `timeout` for them.
    /// Returns whether every thread ended in time. Later `run` calls throw `busy`.
    @discardableResult
    public func shutdown(waitingUpTo timeout: Duration = .seconds(5)) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout.seconds)
        condition.lock()
        defer { condition.unlock() }
        stopping = true
        condition.broadcast()
        while liveThreads > 0 && condition.wait(until: deadline) {}
        return liveThreads == 0
    }

    private func enqueue(_ job: Job, queueing: Bool) throws(PasswordHashingError) {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping, running + waiting.count < concurrency + (queueing ? queueCapacity : 0) else { throw .busy }
        waiting.append(job)
        condition.signal()
    }

    private func serve(niceness: Int32) {
        // On Linux the nice value is per thread; `who = 0` names the calling thread.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
        condition.lock()
        while true {
            while waiting.isEmpty && !stopping { condition.wait() }
            guard !waiting.isEmpty else { break }
            let job = waiting.removeFirst()
            running += 1
            peak = max(peak, running)
            condition.unlock()
            job.run()
            condition.lock()
            running -= 1
            job.done.signal()  // after freeing the slot, so the caller's next job finds it free
        }
        liveThreads -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Queued work, and the semaphore its caller waits on.
    private struct Job: Sendable {
        let run: @Sendable () -> Void
        let done: DispatchSemaphore
    }

    /// One job's result, handed from an executor thread to the waiting caller.
    private final class Completion<T: Sendable>: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        /// Written once by the executor thread before `done` is signalled, read after `wait`.
        var result: Result<T, any Error>?

        func wait() throws -> T {
            done.wait()
            return try result!.get()
        }
    }
}
