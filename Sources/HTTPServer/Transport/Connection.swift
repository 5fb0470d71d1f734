/// One client connection's state. Owned by exactly one event loop thread, never shared.
final class Connection {
    enum Phase {
        /// Reading (and answering inline) requests.
        case reading
        /// A request is with a worker; further input waits in `input`.
        case awaitingResponse(HTTPRequestHead, keepAlive: Bool)
        /// The last answer is being written; then the write side is shut and input drained.
        case closing
        /// Write side shut; reading and discarding until EOF or the deadline.
        case lingering
    }

    /// Why the current deadline is set, which decides what happens when it passes.
    enum DeadlineKind {
        case none, idle, head, body, write, linger
    }

    let fd: Int32
    /// Distinguishes this connection from a later one that reuses the same descriptor.
    let serial: UInt64
    let remoteAddress: String
    /// The capped allowance this connection counts against: open connections, or the few
    /// taken beyond that cap only to answer `503` and linger.
    let slot: SharedAllowance
    var parser: HTTPRequestParser
    var phase = Phase.reading
    /// Bytes read but not yet consumed by the parser.
    var input: [UInt8] = []
    /// Bytes to write, from `outputOffset` on.
    var output: [UInt8] = []
    var outputOffset = 0
    /// A streamed body still to be pulled into `output` once it has been written.
    var bodySource: (any HTTPBodySource)?
    /// Whether the socket may have more to read (edge-triggered epoll).
    var readable = false
    /// Whether `EPOLLOUT` is registered (only while a write is pending).
    var wantsWrite = false
    /// The peer shut its write side (we read its end).
    var peerClosed = false
    /// epoll reported the peer's shutdown (`EPOLLRDHUP`); reading goes on until the end is seen.
    var peerClosing = false
    var deadline: UInt64 = 0
    var deadlineKind = DeadlineKind.idle
    /// Payload bytes of the request body being read (or answered) that are accounted for.
    var receivedBodyBytes = 0
    /// Bytes of the shared body budget held for them (those past `perConnectionBodyBytes`).
    var reservedBodyBytes = 0
    /// The latest the body deadline may move to, however steadily the body arrives.
    var bodyEndsBy: UInt64 = 0
    /// The client under which this connection holds an upload place while its body arrives.
    var uploadClient: String?
    /// Discarded bytes while lingering.
    var lingered = 0

    init(fd: Int32, serial: UInt64, remoteAddress: String, slot: SharedAllowance, limits: HTTPParserLimits) {
        self.fd = fd
        self.serial = serial
        self.remoteAddress = remoteAddress
        self.slot = slot
        self.parser = HTTPRequestParser(limits: limits)
    }

    var hasPendingOutput: Bool { outputOffset < output.count || bodySource != nil }

    /// A streamed body still to come counts as more than any limit: nothing is answered after
    /// it until it is through.
    var pendingOutputBytes: Int { bodySource == nil ? output.count - outputOffset : Int.max }

    /// Refills the drained `output` with the next chunk of the streamed body; false when the
    /// source ended before its length (the connection must close: the client would wait).
    func pullBody() -> Bool {
        guard let source = bodySource else { return true }
        output.removeAll(keepingCapacity: true)
        outputOffset = 0
        let chunk = source.read(maxCount: Self.bodyChunkBytes)
        streamedBytes += chunk.count
        guard chunk.isEmpty else {
            output.append(contentsOf: chunk)
            return true
        }
        endBody()
        return streamedBytes == source.length
    }

    /// Lets go of the streamed body, if any.
    func endBody() {
        bodySource?.close()
        bodySource = nil
    }

    /// How much of a streamed body is pulled at a time.
    static let bodyChunkBytes = 64 * 1024
    private var streamedBytes = 0


    /// Whether nothing of a request has arrived and nothing is owed: safe to close at shutdown.
    var isIdle: Bool {
        if case .reading = phase { parser.isIdle && input.isEmpty && !hasPendingOutput } else { false }
    }
}
