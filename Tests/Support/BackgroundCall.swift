import Dispatch
import Foundation
import Synchronization

/// A blocking call run on a thread of its own, to be looked at while it runs and joined later.
public final class BackgroundCall<Value: Sendable>: Sendable {
    private let outcome = Mutex<Result<Value, any Error>?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    public init(_ body: @escaping @Sendable () throws -> Value) {
        Thread { [self] in
            let result = Result { try body() }
            outcome.withLock { $0 = result }
            finished.signal()
        }.start()
    }

    public var isFinished: Bool { outcome.withLock { $0 != nil } }

    /// Waits for the call to end and returns what it returned or threw.
    public func join() throws -> Value {
        finished.wait()
        finished.signal()
        return try outcome.withLock { $0! }.get()
    }
}
