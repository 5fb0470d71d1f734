import Synchronization

/// Set once by a close handler, on whichever thread it runs.
final class ClosedFlag: Sendable {
    private let value = Atomic<Bool>(false)

    func set() { value.store(true, ordering: .releasing) }

    var isSet: Bool { value.load(ordering: .acquiring) }
}
