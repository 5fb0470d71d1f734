import Foundation

/// Runs `count` calls of `work` on as many threads, released together once all are ready.
public enum Concurrently {
    /// Starts the calls and returns at once; `wait()` gives their results in index order.
    public static func start<Result: Sendable>(_ count: Int, _ work: @escaping @Sendable (Int) -> Result) -> Running<Result> {
        let running = Running<Result>(count: count)
        let ready = DispatchGroup()
        let start = DispatchSemaphore(value: 0)
        for index in 0..<count {
            ready.enter()
            running.done.enter()
            Thread {
                ready.leave()
                start.wait()
                running.set(index, work(index))
                running.done.leave()
            }.start()
        }
        ready.wait()
        for _ in 0..<count { start.signal() }
        return running
    }

    public static func run<Result: Sendable>(_ count: Int, _ work: @escaping @Sendable (Int) -> Result) -> [Result] {
        start(count, work).wait()
    }

    public final class Running<Value: Sendable>: @unchecked Sendable {
        fileprivate let done = DispatchGroup()
        private let lock = NSLock()
        private var slots: [Value?]

        fileprivate init(count: Int) { slots = Array(repeating: nil, count: count) }

        fileprivate func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }

        /// Waits for every call to finish.
        public func wait() -> [Value] {
            done.wait()
            return lock.withLock { slots.map { $0! } }
        }
    }
}
