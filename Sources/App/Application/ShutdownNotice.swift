import Synchronization

/// Whether this process has begun to shut down: from then on `/readyz` answers `503`, so a
/// load balancer sends its requests elsewhere while the ones it still sends are served.
final class ShutdownNotice: Sendable {
    private let given = Atomic<Bool>(false)

    var isGiven: Bool { given.load(ordering: .relaxed) }

    /// Gives the notice; true only for the call that gave it first.
    func give() -> Bool {
        given.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged
    }
}
