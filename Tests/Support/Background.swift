import Foundation

/// Runs blocking work on a thread of its own, never on Swift's cooperative pool, which blocking
/// would stall; `join()` waits for the result. Written once by the thread, read after `done`.
public final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    public init(_ body: @escaping @Sendable () throws -> Value) {
        Thread {
            self.result = Result(catching: body)
            self.done.signal()
        }.start()
    }

    /// Whether the thread has finished, without waiting for it.
    public var isFinished: Bool {
        guard done.wait(timeout: .now()) == .success else { return false }
        done.signal()
        return true
    }

    /// Waits for the thread and returns what it returned, or throws what it threw.
    public func join() throws -> Value {
        done.wait()
        done.signal()
        return try result!.get()
    }
}
