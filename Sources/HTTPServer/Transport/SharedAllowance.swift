import Synchronization

/// A quantity shared by all event loops and capped: open connections, buffered body bytes.
final class SharedAllowance: Sendable {
    private let used = Atomic<Int>(0)
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Takes `amount` unless that would pass the limit.
    func tryTake(_ amount: Int = 1) -> Bool {
        if used.wrappingAdd(amount, ordering: .relaxed).newValue <= limit { return true }
        used.wrappingSubtract(amount, ordering: .relaxed)
        return false
    }

    func giveBack(_ amount: Int = 1) { used.wrappingSubtract(amount, ordering: .relaxed) }
}
