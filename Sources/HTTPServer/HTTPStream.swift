import Synchronization

/// A response body written over time — Server-Sent Events, say — from any thread, without
/// holding a worker: the event loop that owns the connection takes what was sent as the client
/// takes it. The answer has no length; the connection closes after it.
///
/// Bounded: bytes sent but not yet taken by the loop count against `bufferLimit`, and a `send`
/// past it ends the stream (the client reads too slowly) and drops the connection, so a client
/// that stops reading holds at most about twice `bufferLimit` (this and the loop's own buffer).
public final class HTTPStream: Sendable {
    /// Written by the loop every `heartbeatInterval` while the stream is open (an SSE comment,
    /// say); none if empty. An open stream has no idle deadline.
    public let heartbeat: [UInt8]
    public let heartbeatInterval: Duration
    public let bufferLimit: Int

    /// What the loop took: bytes to write, and whether the stream ended after them (`finish`)
    /// or overflowed (the connection is to be dropped).
    struct Taken {
        var bytes: [UInt8]
        var ended: Bool
        var overflowed: Bool
    }

    private struct State {
        var pending: [UInt8] = []
        var finished = false
        var overflowed = false
        var closed = false
        /// Set by the loop once the connection has the stream; nil again when closed.
        var wake: (@Sendable () -> Void)?
        /// A wake-up is on its way to the loop and `take` has not run since.
        var wakeSent = false
        var closeHandlers: [@Sendable () -> Void] = []
    }

    private let state = Mutex(State())

    public init(heartbeat: [UInt8] = [], heartbeatInterval: Duration = .seconds(15), bufferLimit: Int = 64 * 1024) {
        self.heartbeat = heartbeat
        self.heartbeatInterval = heartbeatInterval
        self.bufferLimit = bufferLimit
    }

    /// Queues `bytes` for the client; false when the stream is over (or the client fell more
    /// than `bufferLimit` behind: then the stream is over from now on).
    @discardableResult
    public func send(_ bytes: [UInt8]) -> Bool {
        state.withLock { state in
            guard !state.closed, !state.finished, !state.overflowed else { return false }
            if state.pending.count + bytes.count > bufferLimit {
                state.overflowed = true
                state.pending = []
            } else {
                state.pending.append(contentsOf: bytes)
            }
            Self.wakeIfAttached(&state)
            return !state.overflowed
        }
    }

    /// Ends the stream: what was sent is still written, then the connection closes.
    public func finish() {
        state.withLock { state in
            guard !state.finished else { return }
            state.finished = true
            Self.wakeIfAttached(&state)
        }
    }

    /// Whether the stream is over: finished, overflowed, or its connection gone.
    public var isOver: Bool {
        state.withLock { $0.closed || $0.finished || $0.overflowed }
    }

    /// Calls `handler` once the connection is done with the stream (the stream ended, the
    /// client left, or the server shut down), on whichever thread that happens; at once if it
    /// already is.
    public func onClose(_ handler: @escaping @Sendable () -> Void) {
        let closed = state.withLock { state in
            if !state.closed { state.closeHandlers.append(handler) }
            return state.closed
        }
        if closed { handler() }
    }

    // MARK: The loop's side

    /// The loop owns the stream from now on; `wake` tells it there is something to take.
    func attach(wake: @escaping @Sendable () -> Void) {
        state.withLock { state in
            guard !state.closed else { return }
            state.wake = wake
            if !state.pending.isEmpty || state.finished || state.overflowed { Self.wakeIfAttached(&state) }
        }
    }

    /// Takes everything sent so far.
    func take() -> Taken {
        state.withLock { state in
            state.wakeSent = false
            let bytes = state.pending
            state.pending = []
            return Taken(bytes: bytes, ended: state.finished, overflowed: state.overflowed)
        }
    }

    /// The connection is done with the stream: later sends are refused, and the close
    /// handlers run.
    func close() {
        let handlers = state.withLock { state in
            guard !state.closed else { return [@Sendable () -> Void]() }
            state.closed = true
            state.wake = nil
            state.pending = []
            defer { state.closeHandlers = [] }
            return state.closeHandlers
        }
        handlers.forEach { $0() }
    }

    private static func wakeIfAttached(_ state: inout State) {
        guard let wake = state.wake, !state.wakeSent else { return }
        state.wakeSent = true
        wake()
    }
}
