import Synchronization

/// Whether answers may keep their connection open: on until `HTTPServer.endKeepAlive()` turns
/// it off for good, when shutdown is announced. Shared by every connection; any thread.
final class KeepAliveSwitch: Sendable {
    private let ended = Atomic<Bool>(false)

    var isOn: Bool { !ended.load(ordering: .relaxed) }

    func turnOff() { ended.store(true, ordering: .relaxed) }
}
