import Foundation

/// A fixed set of threads running blocking jobs from a bounded queue.
///
/// `submit` never blocks: when the queue is full it returns `false` and the caller answers
/// `503`, so load beyond capacity is refused rather than queued without bound.
final class WorkerPool: @unchecked Sendable {
    typealias Job = @Sendable () -> Void

    private let condition = NSCondition()
    private var queue: [Job] = []
    private var head = 0
    private var stopping = false
    /// Threads whose loop has not ended yet.
    private var liveThreads: Int
    private let queueLimit: Int

    /// Starts the threads; each keeps the pool alive until `stop(waitingUpTo:)` lets it end.
    init(threads count: Int, queueLimit: Int, name: String) {
        self.queueLimit = queueLimit
        liveThreads = max(1, count)
        for index in 0..<liveThreads {
            let thread = Thread { self.work() }
            thread.name = "\(name)-\(index)"
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Enqueues `job`; false when the queue is full or the pool stopped.
    func submit(_ job: @escaping Job) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping, queue.count - head < queueLimit else { return false }
        queue.append(job)
        condition.signal()
        return true
    }

    /// Lets queued jobs finish, then ends the threads, waiting up to `timeout` for them.
    /// Returns whether every thread ended in time; later `submit` calls return false.
    @discardableResult
    func stop(waitingUpTo timeout: Duration) -> Bool {
        let deadline = Date(timeIntervalSinceNow: Double(timeout.nanoseconds) / 1e9)
        condition.lock()
        defer { condition.unlock() }
        stopping = true
        condition.broadcast()
        while liveThreads > 0 && condition.wait(until: deadline) {}
        return liveThreads == 0
    }

    private func work() {
        while true {
            condition.lock()
            while head == queue.count && !stopping { condition.wait() }
            if head == queue.count {
                liveThreads -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let job = queue[head]
            head += 1
            if head > 1024 && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job()
        }
    }
}
