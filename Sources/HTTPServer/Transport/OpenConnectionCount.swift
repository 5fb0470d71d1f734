import Synchronization

/// The number of open connections across all event loops, for the connection cap.
final class OpenConnectionCount: Sendable {
    private let count = Atomic<Int>(0)

    /// Counts one more connection unless `limit` is reached.
    func tryOpen(limit: Int) -> Bool {
        if count.wrappingAdd(1, ordering: .relaxed).newValue <= limit { return true }
        count.wrappingSubtract(1, ordering: .relaxed)
        return false
    }

    func close() { count.wrappingSubtract(1, ordering: .relaxed) }

    var value: Int { count.load(ordering: .relaxed) }
}
