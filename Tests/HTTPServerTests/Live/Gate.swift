import Foundation

/// A latch for blocking handlers: `wait()` blocks until `open()`; `waiting` counts the
/// threads inside `wait()` so a test knows a request reached its handler.
final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false
    private var waiters = 0

    func wait() {
        condition.lock()
        defer { condition.unlock() }
        waiters += 1
        condition.broadcast()
        while !isOpen { condition.wait() }
        waiters -= 1
    }

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until `count` threads are blocked in `wait()`; false after `timeout` seconds.
    func awaitWaiters(_ count: Int, timeout: TimeInterval = 5) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while waiters < count {
            if !condition.wait(until: deadline) { return waiters >= count }
        }
        return true
    }
}
