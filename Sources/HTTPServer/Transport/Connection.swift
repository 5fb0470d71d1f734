/// One client connection as its event loop holds it: the socket, what epoll said about it, and
/// its `ConnectionState`. Owned by exactly one event loop thread, never shared.
final class Connection {
    let fd: Int32
    /// Distinguishes this connection from a later one that reuses the same descriptor.
    let serial: UInt64
    /// The capped allowance this connection counts against: open connections, or the few
    /// taken beyond that cap only to answer `503` and linger.
    let slot: SharedAllowance
    var state: ConnectionState
    /// Whether the socket may have more to read (edge-triggered epoll).
    var readable = false
    /// Whether `EPOLLOUT` is registered (only while a write is pending).
    var wantsWrite = false
    /// epoll reported the peer's shutdown (`EPOLLRDHUP`); reading goes on until the end is seen.
    var peerClosing = false

    init(fd: Int32, serial: UInt64, slot: SharedAllowance, state: ConnectionState) {
        self.fd = fd
        self.serial = serial
        self.slot = slot
        self.state = state
    }
}
