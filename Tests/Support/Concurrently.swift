import Foundation
import Synchronization

/// Calls `body` for each index in `0..<count` from `threads` threads of its own (blocking HTTP
/// calls stay off Swift's cooperative pool) and returns the outcomes in index order.
public func concurrently<Value: Sendable>(
    _ count: Int, threads: Int, _ body: @escaping @Sendable (Int) throws -> Value
) -> [Result<Value, any Error>] {
    let work = SharedWork<Value>(count: count)
    let group = DispatchGroup()
    for _ in 0..<threads {
        group.enter()
        Thread {
            while let index = work.take() {
                work.record(Result { try body(index) }, at: index)
            }
            group.leave()
        }.start()
    }
    group.wait()
    return work.results
}

/// The indexes still to run and the outcomes so far, shared by the threads of `concurrently`.
private final class SharedWork<Value: Sendable>: Sendable {
    private let state: Mutex<(next: Int, results: [Result<Value, any Error>?])>
    private let count: Int

    init(count: Int) {
        self.count = count
        state = Mutex((0, Array(repeating: nil, count: count)))
    }

    func take() -> Int? {
        state.withLock { state in
            guard state.next < count else { return nil }
            defer { state.next += 1 }
            return state.next
        }
    }

    func record(_ result: Result<Value, any Error>, at index: Int) {
        state.withLock { $0.results[index] = result }
    }

    var results: [Result<Value, any Error>] { state.withLock { $0.results.map { $0! } } }
}

/// Runs `body` for each index in `0..<count`, each on a thread of its own, released together
/// once every thread is ready (a real race), and returns the results in index order.
public func concurrently<Value: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> Value) -> [Value] {
    startConcurrently(count, body).wait()
}

/// Starts the calls of `concurrently(_:_:)` and returns at once; `wait()` gives their results.
public func startConcurrently<Value: Sendable>(
    _ count: Int, _ body: @escaping @Sendable (Int) -> Value
) -> ConcurrentCalls<Value> {
    let calls = ConcurrentCalls<Value>(count: count)
    let ready = DispatchGroup()
    let start = DispatchSemaphore(value: 0)
    for index in 0..<count {
        ready.enter()
        calls.done.enter()
        Thread {
            ready.leave()
            start.wait()
            calls.set(index, body(index))
            calls.done.leave()
        }.start()
    }
    ready.wait()
    for _ in 0..<count { start.signal() }
    return calls
}

/// Calls started by `startConcurrently`.
public final class ConcurrentCalls<Value: Sendable>: Sendable {
    fileprivate let done = DispatchGroup()
    private let slots: Mutex<[Value?]>

    fileprivate init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    fileprivate func set(_ index: Int, _ value: Value) { slots.withLock { $0[index] = value } }

    /// Waits for every call to finish; their results in index order.
    public func wait() -> [Value] {
        done.wait()
        return slots.withLock { $0.map { $0! } }
    }
}
