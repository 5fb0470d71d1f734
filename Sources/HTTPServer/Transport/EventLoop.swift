import CLinux
import Foundation
import Logging
import Synchronization

/// One epoll loop on its own thread, the driver of its connections' state machines: it accepts
/// connections, reads and writes their sockets, feeds each `ConnectionState` what happened,
/// and does what it answers — requests to the worker pool (or inline), streams attached,
/// sockets shut and closed.
final class EventLoop: @unchecked Sendable {
    /// Something for the loop from another thread, about the connection `fd` opened as `serial`.
    private enum Message {
        /// A worker's answer.
        case response(HTTPResponse)
        /// The connection's stream has something to take.
        case streamReady
    }

    /// Messages waiting for the loop, and whether the loop (and its wake-up descriptor) is gone.
    private struct Inbox {
        var messages: [(fd: Int32, serial: UInt64, message: Message)] = []
        var isClosed = false
    }

    private let environment: ConnectionEnvironment
    private var configuration: HTTPServerConfiguration { environment.configuration }
    private var logger: Logger { environment.logger }
    private let responder: any HTTPResponder
    private let workers: WorkerPool
    private let openConnections: SharedAllowance
    /// Connections taken beyond `openConnections` only to answer `503` and linger.
    private let refusals: SharedAllowance
    private let listener: Int32
    private let epoll: Int32
    private let wakeup: Int32

    private let inbox = Mutex(Inbox())
    private let stopRequested = Atomic<Bool>(false)
    private let requestedDrainDeadline = Atomic<UInt64>(0)

    // Owned by the loop thread only.
    private var connections: [Connection?] = []
    private var liveConnections = 0
    private var nextSerial: UInt64 = 0
    private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)
    private var dateCache = DateCache()
    private var time = LoopTime(now: 0, httpDate: [])
    private var nextSweep: UInt64 = 0
    private var drainDeadline: UInt64?
    /// The listener is out of epoll after `accept` failed, until the next sweep.
    private var acceptPaused = false

    private static let sweepInterval: UInt64 = 200_000_000

    init(
        listener: Int32, environment: ConnectionEnvironment, responder: any HTTPResponder, workers: WorkerPool,
        openConnections: SharedAllowance, refusals: SharedAllowance
    ) throws(SystemError) {
        self.listener = listener
        self.environment = environment
        self.responder = responder
        self.workers = workers
        self.openConnections = openConnections
        self.refusals = refusals
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epoll >= 0 else { throw SystemError("epoll_create1") }
        wakeup = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard wakeup >= 0 else { throw SystemError("eventfd") }
        try register(listener, events: EPOLLIN.rawValue | EPOLLEXCLUSIVE.rawValue)
        try register(wakeup, events: EPOLLIN.rawValue)
    }

    /// Runs until `stop` was called and every connection is closed (or the drain time is up).
    func run() {
        var events = [epoll_event](repeating: epoll_event(), count: 256)
        while true {
            let count = events.withUnsafeMutableBufferPointer { epoll_wait(epoll, $0.baseAddress, Int32($0.count), 100) }
            dateCache.refresh()
            time = LoopTime(now: MonotonicClock.now(), httpDate: dateCache.value)
            if count < 0 && errno != EINTR {
                logger.error("epoll_wait_failed", ["error": SystemError("epoll_wait").description])
                break
            }
            for event in events.prefix(Int(max(count, 0))) {
                handle(fd: Int32(truncatingIfNeeded: event.data.u64), events: event.events)
            }
            if stopRequested.load(ordering: .acquiring) && beginOrContinueDrain() { break }
            if time.now >= nextSweep {
                sweepDeadlines()
                if acceptPaused && drainDeadline == nil {
                    acceptPaused = (try? register(listener, events: EPOLLIN.rawValue | EPOLLEXCLUSIVE.rawValue)) == nil
                }
                nextSweep = time.now + Self.sweepInterval
            }
        }
        for connection in connections.compactMap({ $0 }) { close(connection) }
        // Workers still running past the drain time, streams fed late, and a late `stop` must
        // not write to a descriptor number that may already belong to something else.
        inbox.withLock { $0.isClosed = true }
        Glibc.close(wakeup)
        Glibc.close(epoll)
    }

    /// Asks the loop to stop accepting, finish what is in flight and end.
    func stop(drainDeadline: UInt64) {
        requestedDrainDeadline.store(drainDeadline, ordering: .relaxed)
        stopRequested.store(true, ordering: .releasing)
        inbox.withLock { wake($0) }
    }

    /// Called on another thread: hands `message` to the loop. Only the first message into an
    /// empty inbox signals: the loop takes them all at once.
    private func post(_ message: Message, fd: Int32, serial: UInt64) {
        inbox.withLock { inbox in
            guard !inbox.isClosed else { return }
            inbox.messages.append((fd, serial, message))
            if inbox.messages.count == 1 { wake(inbox) }
        }
    }

    /// Signals the loop; called with the inbox locked so the descriptor cannot close meanwhile.
    private func wake(_ inbox: borrowing Inbox) {
        guard !inbox.isClosed else { return }
        var one: UInt64 = 1
        _ = Glibc.write(wakeup, &one, 8)
    }

    // MARK: Events

    private func handle(fd: Int32, events: UInt32) {
        if fd == listener {
            acceptConnections()
        } else if fd == wakeup {
            var value: UInt64 = 0
            _ = Glibc.read(wakeup, &value, 8)
            drainInbox()
        } else if let connection = connection(fd) {
            if events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 && events & EPOLLIN.rawValue == 0 {
                close(connection)
                return
            }
            if events & EPOLLOUT.rawValue != 0 { perform([], on: connection) }
            if events & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue) != 0 { connection.readable = true }
            if events & EPOLLRDHUP.rawValue != 0 { connection.peerClosing = true }
            // Also after a write drained: reading may have paused for it (see `wantsInput`).
            readAvailable(connection)
        }
    }

    private func acceptConnections() {
        guard drainDeadline == nil else { return }
        for _ in 0..<128 {
            let accepted: (fd: Int32, peer: String)?
            do {
                accepted = try Socket.accept(listener)
            } catch {
                // EMFILE and the like: the connection stays in the backlog, and the listener
                // (level-triggered) would wake the loop again at once, forever. Stop watching
                // it until the next sweep.
                logger.warning("accept_failed", ["error": error.description])
                epoll_ctl(epoll, EPOLL_CTL_DEL, listener, nil)
                acceptPaused = true
                return
            }
            guard let (fd, peer) = accepted else { return }
            // Beyond the cap, a few more are taken only to answer 503 with a lingering close,
            // so that a client still sending reads the answer rather than a reset.
            let slot = openConnections.tryTake() ? openConnections : refusals.tryTake() ? refusals : nil
            guard let slot else {
                refuseOverCapacity(fd)
                continue
            }
            nextSerial += 1
            let connection = Connection(
                fd: fd, serial: nextSerial, slot: slot,
                state: ConnectionState(remoteAddress: peer, environment: environment))
            do {
                try register(fd, events: EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLET.rawValue)
            } catch {
                Glibc.close(fd)
                slot.giveBack()
                continue
            }
            if Int(fd) >= connections.count {
                connections.append(contentsOf: repeatElement(nil, count: Int(fd) + 1 - connections.count + 64))
            }
            connections[Int(fd)] = connection
            liveConnections += 1
            connection.state.opened(refusing: slot === refusals, at: time)
            perform([], on: connection)
        }
    }

    /// Beyond the connection cap and the lingering refusals: a best-effort `503` and close,
    /// without registering.
    private func refuseOverCapacity(_ fd: Int32) {
        var bytes: [UInt8] = []
        ResponseSerializer.write(
            configuration.errorResponse(.serviceUnavailable, nil), for: nil, version: .http1_1, keepAlive: false,
            date: time.httpDate, into: &bytes)
        _ = send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL))
        Glibc.close(fd)
    }

    private func drainInbox() {
        let messages = inbox.withLock { inbox in
            defer { inbox.messages.removeAll(keepingCapacity: true) }
            return inbox.messages
        }
        for (fd, serial, message) in messages {
            guard let connection = connection(fd), connection.serial == serial else {
                if case .response(let response) = message {
                    response.bodySource?.close()
                    response.stream?.close()
                }
                continue
            }
            switch message {
            case .response(let response):
                perform(connection.state.responded(response, at: time), on: connection)
            case .streamReady:
                perform([], on: connection)
            }
            readAvailable(connection)
        }
    }

    // MARK: Reading

    /// Reads until the socket is drained or the connection stops wanting input.
    private func readAvailable(_ connection: Connection) {
        let fd = connection.fd
        while connection.readable, isOpen(connection), connection.state.wantsInput {
            let count = readBuffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                // A short read emptied the socket: with edge-triggered epoll, whatever arrives
                // next raises a new event, so the read that would only say EAGAIN is saved.
                // Once the peer has shut its side, read on to see the end.
                if count < readBuffer.count && !connection.peerClosing { connection.readable = false }
                let actions = readBuffer.withUnsafeBufferPointer {
                    connection.state.received(UnsafeBufferPointer(rebasing: $0[..<count]), at: time)
                }
                perform(actions, on: connection)
            } else if count == 0 {
                connection.readable = false
                perform(connection.state.peerClosedInput(), on: connection)
            } else if errno == EINTR {
                continue
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                connection.readable = false
            } else {
                close(connection)
            }
        }
    }

    // MARK: Acting

    /// Does what the state machine asked, writes what it owes, and goes on with what that
    /// leads to (a drained output may let a pipelined request be answered) until nothing is left.
    private func perform(_ actions: [ConnectionAction], on connection: Connection) {
        var queue = actions[...]
        while isOpen(connection) {
            guard let action = queue.popFirst() else {
                guard write(connection) else { return }
                let next = connection.state.outputDrained(at: time)
                if next.isEmpty && !connection.state.hasPendingOutput { return }
                queue = next[...]
                continue
            }
            switch action {
            case .respond(let request):
                queue += respond(to: request, on: connection)
            case .attach(let stream):
                let (fd, serial) = (connection.fd, connection.serial)
                stream.attach { [weak self] in self?.post(.streamReady, fd: fd, serial: serial) }
            case .shutdownWrite:
                shutdown(connection.fd, Int32(SHUT_WR))
            case .close:
                close(connection)
            }
        }
    }

    /// Answers inline if the responder says the request is cheap (returning what the state
    /// machine makes of the answer), else hands it to a worker.
    private func respond(to request: HTTPRequest, on connection: Connection) -> [ConnectionAction] {
        if responder.canRespondInline(to: request.head) {
            return connection.state.responded(responder.respond(to: request), at: time)
        }
        let (fd, serial, responder) = (connection.fd, connection.serial, responder)
        let accepted = workers.submit { [self] in
            post(.response(responder.respond(to: request)), fd: fd, serial: serial)
        }
        guard accepted else {
            return connection.state.responded(configuration.errorResponse(.serviceUnavailable, request.head), at: time)
        }
        return []
    }

    /// Writes what the connection owes; true once all of it is written, false if the socket
    /// is full (epoll says when it takes more) or the connection closed.
    private func write(_ connection: Connection) -> Bool {
        while true {
            switch connection.state.nextOutput() {
            case .drained:
                if connection.wantsWrite {
                    connection.wantsWrite = false
                    modify(connection, events: EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLET.rawValue)
                }
                return true
            case .broken:
                close(connection)
                return false
            case .pending:
                let offset = connection.state.outputOffset
                let written = connection.state.output.withUnsafeBytes { bytes in
                    send(connection.fd, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                }
                if written > 0 {
                    connection.state.sent(written)
                } else if written < 0 && errno == EINTR {
                    continue
                } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    if !connection.wantsWrite {
                        connection.wantsWrite = true
                        modify(connection, events: EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLOUT.rawValue | EPOLLET.rawValue)
                    }
                    connection.state.writeBlocked(at: time)
                    return false
                } else {
                    close(connection)
                    return false
                }
            }
        }
    }

    private func sweepDeadlines() {
        for case let connection? in connections
        where connection.state.deadlineKind != .none && connection.state.deadline <= time.now {
            perform(connection.state.tick(at: time), on: connection)
            readAvailable(connection)
        }
    }

    // MARK: Shutdown

    /// Stops accepting and tells every connection the server drains (idle ones close, streams
    /// end); then closes those that became idle. True once nothing is left or time is up.
    private func beginOrContinueDrain() -> Bool {
        if drainDeadline == nil {
            drainDeadline = requestedDrainDeadline.load(ordering: .relaxed)
            epoll_ctl(epoll, EPOLL_CTL_DEL, listener, nil)
            for case let connection? in connections { perform(connection.state.drain(), on: connection) }
        }
        for case let connection? in connections where connection.state.isIdle { close(connection) }
        return liveConnections == 0 || time.now >= drainDeadline!
    }

    // MARK: Bookkeeping

    private func connection(_ fd: Int32) -> Connection? {
        Int(fd) < connections.count ? connections[Int(fd)] : nil
    }

    /// Whether `connection` is still open (its descriptor number may since belong to another).
    private func isOpen(_ connection: Connection) -> Bool {
        self.connection(connection.fd) === connection
    }

    private func close(_ connection: Connection) {
        guard isOpen(connection) else { return }
        connections[Int(connection.fd)] = nil
        liveConnections -= 1
        connection.slot.giveBack()
        connection.state.closed()
        epoll_ctl(epoll, EPOLL_CTL_DEL, connection.fd, nil)
        Glibc.close(connection.fd)
    }

    private func register(_ fd: Int32, events: UInt32) throws(SystemError) {
        var event = epoll_event()
        event.events = events
        event.data.u64 = UInt64(UInt32(bitPattern: fd))
        guard epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event) == 0 else { throw SystemError("epoll_ctl") }
    }

    private func modify(_ connection: Connection, events: UInt32) {
        var event = epoll_event()
        event.events = events
        event.data.u64 = UInt64(UInt32(bitPattern: connection.fd))
        epoll_ctl(epoll, EPOLL_CTL_MOD, connection.fd, &event)
    }
}
