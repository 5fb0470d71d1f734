import Foundation

/// Runs blocking work on a thread of its own, never on Swift's cooperative pool, which blocking
/// would stall; `join()` waits for the result.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the thread before `done` is signalled, read after.
    private var result: Result<Value, any Error>?

    init(_ body: @escaping @Sendable () throws -> Value) {
        Thread {
            self.result = Result(catching: body)
            self.done.signal()
        }.start()
    }

    func join() throws -> Value {
        done.wait()
        done.signal()
        return try result!.get()
    }
}
