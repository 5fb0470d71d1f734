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
