import Synchronization

import HTTPServer

/// Set once by a stream's close handler, on whichever thread it runs.
final class ClosedFlag: Sendable {
    private let value = Atomic<Bool>(false)

    init() {}

    /// Set when `stream`'s connection is done with it.
    convenience init(watching stream: HTTPStream) {
        self.init()
        stream.onClose { self.set() }
    }

    func set() { value.store(true, ordering: .releasing) }

    var isSet: Bool { value.load(ordering: .acquiring) }
}
