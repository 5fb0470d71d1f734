import CLinux
import Foundation
import Logging
import Synchronization

/// One epoll loop on its own thread: accepts connections, reads and parses requests, answers
/// cheap ones inline, hands the rest to the worker pool and writes their answers in order.
final class EventLoop: @unchecked Sendable {
    /// A worker's answer on its way back to the loop that owns the connection.
    private struct Completion {
        let fd: Int32
        let serial: UInt64
        let response: HTTPResponse
    }

    /// Answers waiting for the loop, and whether the loop (and its wake-up descriptor) is gone.
    private struct Inbox {
        var completions: [Completion] = []
        var isClosed = false
    }

    private let configuration: HTTPServerConfiguration
    private let responder: any HTTPResponder
    private let workers: WorkerPool
    private let logger: Logger
    private let openConnections: SharedAllowance
    /// Connections taken beyond `openConnections` only to answer `503` and linger.
    private let refusals: SharedAllowance
    private let bodyBytes: SharedAllowance
    private let uploads: ClientUploads
    private let listener: Int32
    private let epoll: Int32
    private let wakeup: Int32

    private let inbox = Mutex(Inbox())
    private let stopRequested = Atomic<Bool>(false)
    private let requestedDrainDeadline = Atomic<UInt64>(0)
    /// Set by `endKeepAlive`: every answer from then on is its connection's last.
    private let keepAliveEnded = Atomic<Bool>(false)

    // Owned by the loop thread only.
    private var connections: [Connection?] = []
    private var liveConnections = 0
    private var nextSerial: UInt64 = 0
    private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)
    private var dateCache = DateCache()
    private var now: UInt64 = 0
    private var nextSweep: UInt64 = 0
    private var drainDeadline: UInt64?
    /// The listener is out of epoll after `accept` failed, until the next sweep.
    private var acceptPaused = false

    private static let sweepInterval: UInt64 = 200_000_000
    private static let lingerTime: UInt64 = 2_000_000_000
    private static let lingerBytes = 256 * 1024
    /// Pipelined requests wait in `input` while this much of earlier answers is unwritten.
    private static let outputHighWater = 256 * 1024

    init(
        listener: Int32, configuration: HTTPServerConfiguration, responder: any HTTPResponder,
        workers: WorkerPool, openConnections: SharedAllowance, refusals: SharedAllowance, bodyBytes: SharedAllowance,
        uploads: ClientUploads, logger: Logger
    ) throws(SystemError) {
        self.listener = listener
        self.configuration = configuration
        self.responder = responder
        self.workers = workers
        self.openConnections = openConnections
        self.refusals = refusals
        self.bodyBytes = bodyBytes
        self.uploads = uploads
        self.logger = logger
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
            now = MonotonicClock.now()
            dateCache.refresh()
            if count < 0 && errno != EINTR {
                logger.error("epoll_wait_failed", ["error": SystemError("epoll_wait").description])
                break
            }
            for event in events.prefix(Int(max(count, 0))) {
                handle(fd: Int32(truncatingIfNeeded: event.data.u64), events: event.events)
            }
            if stopRequested.load(ordering: .acquiring) && beginOrContinueDrain() { break }
            if now >= nextSweep {
                sweepDeadlines()
                if acceptPaused && drainDeadline == nil {
                    acceptPaused = (try? register(listener, events: EPOLLIN.rawValue | EPOLLEXCLUSIVE.rawValue)) == nil
                }
                nextSweep = now + Self.sweepInterval
            }
        }
        for connection in connections.compactMap({ $0 }) { close(connection) }
        // Workers still running past the drain time, and a late `stop`, must not write to a
        // descriptor number that may already belong to something else.
        inbox.withLock { $0.isClosed = true }
        Glibc.close(wakeup)
        Glibc.close(epoll)
    }

    /// Asks the loop to stop accepting, finish what is in flight and end.
    func stop(drainDeadline: UInt64) {
        requestedDrainDeadline.store(drainDeadline, ordering: .relaxed)
        stopRequested.store(true, ordering: .releasing)
        wake()
    }

    /// From now on every answer closes its connection (`Connection: close`); accepting and
    /// serving go on. Any thread.
    func endKeepAlive() {
        keepAliveEnded.store(true, ordering: .relaxed)
    }

    /// Called on a worker thread: hands `response` back to the loop.
    private func complete(fd: Int32, serial: UInt64, response: HTTPResponse) {
        inbox.withLock { inbox in
            guard !inbox.isClosed else { return }
            inbox.completions.append(Completion(fd: fd, serial: serial, response: response))
            wake(inbox)
        }
    }

    private func wake() {
        inbox.withLock { wake($0) }
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
            drainCompletions()
        } else if let connection = connection(fd) {
            if events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 && events & EPOLLIN.rawValue == 0 {
                close(connection)
                return
            }
            if events & EPOLLOUT.rawValue != 0 {
                flushAndServe(connection)
            }
            if events & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue) != 0 { connection.readable = true }
            if events & EPOLLRDHUP.rawValue != 0 { connection.peerClosing = true }
            // Also after a write drained: reading may have paused for it (see `readAvailable`).
            if connection.readable, self.connection(fd) === connection { readAvailable(connection) }
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
            let connection = Connection(fd: fd, serial: nextSerial, remoteAddress: peer, slot: slot, limits: configuration.limits)
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
            if slot === refusals {
                refuse(connection, .serviceUnavailable, head: nil)
                flush(connection)
            } else {
                setDeadline(connection, .idle, after: configuration.idleTimeout.nanoseconds)
            }
        }
    }

    /// Beyond the connection cap and the lingering refusals: a best-effort `503` and close,
    /// without registering.
    private func refuseOverCapacity(_ fd: Int32) {
        var bytes: [UInt8] = []
        ResponseSerializer.write(
            configuration.errorResponse(.serviceUnavailable, nil), for: nil, version: .http1_1, keepAlive: false,
            date: dateCache.value, into: &bytes)
        _ = send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL))
        Glibc.close(fd)
    }

    private func drainCompletions() {
        let finished = inbox.withLock { inbox -> [Completion] in
            let taken = inbox.completions
            inbox.completions.removeAll(keepingCapacity: true)
            return taken
        }
        for completion in finished {
            guard let connection = connection(completion.fd), connection.serial == completion.serial,
                  case .awaitingResponse(let head, let keepAlive) = connection.phase
            else { continue }
            connection.phase = .reading
            write(completion.response, to: head, keepAlive: keepAlive, on: connection)
            processInput(connection)
            if connection.readable, case .reading = connection.phase { readAvailable(connection) }
            flushAndServe(connection)
        }
    }

    // MARK: Reading

    /// Reads until the socket is drained or the connection stops wanting input.
    private func readAvailable(_ connection: Connection) {
        let fd = connection.fd
        while connection.readable, self.connection(fd) === connection {
            switch connection.phase {
            case .awaitingResponse, .closing:
                // Keep at most one head's worth of pipelined bytes waiting; the rest stays in the socket.
                if connection.input.count > configuration.limits.maxHeadBytes { return }
            case .reading:
                // A client that does not read its answers is not read either, or they would pile up here.
                if connection.hasPendingOutput { return }
            case .lingering:
                break
            }
            let count = readBuffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                // A short read emptied the socket: with edge-triggered epoll, whatever arrives
                // next raises a new event, so the read that would only say EAGAIN is saved.
                // Once the peer has shut its side, read on to see the end.
                if count < readBuffer.count && !connection.peerClosing { connection.readable = false }
                received(readBuffer.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[..<count]) }, on: connection)
            } else if count == 0 {
                connection.readable = false
                peerClosed(connection)
            } else if errno == EINTR {
                continue
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                connection.readable = false
            } else {
                close(connection)
            }
        }
    }

    private func received(_ bytes: UnsafeBufferPointer<UInt8>, on connection: Connection) {
        switch connection.phase {
        case .lingering:
            connection.lingered += bytes.count
            if connection.lingered > Self.lingerBytes { close(connection) }
        case .closing:
            break
        case .awaitingResponse:
            connection.input.append(contentsOf: bytes)
        case .reading:
            if connection.input.isEmpty {
                let consumed = process(bytes, on: connection)
                if consumed < bytes.count, self.connection(connection.fd) === connection, !isClosing(connection) {
                    connection.input.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[consumed...]))
                }
            } else {
                connection.input.append(contentsOf: bytes)
                processInput(connection)
            }
            flushAndServe(connection)
        }
    }

    private func peerClosed(_ connection: Connection) {
        connection.peerClosed = true
        switch connection.phase {
        case .lingering:
            close(connection)
        case .reading:
            if connection.hasPendingOutput { connection.phase = .closing } else { close(connection) }
        case .awaitingResponse, .closing:
            break
        }
    }

    /// Parses what waits in `connection.input`; true if it consumed any of it.
    @discardableResult
    private func processInput(_ connection: Connection) -> Bool {
        guard !connection.input.isEmpty, case .reading = connection.phase else { return false }
        let input = connection.input
        let consumed = input.withUnsafeBufferPointer { process($0, on: connection) }
        guard self.connection(connection.fd) === connection else { return false }
        if isClosing(connection) {
            connection.input = []
        } else if consumed == input.count {
            connection.input = []
        } else if consumed > 0 {
            connection.input.removeFirst(consumed)
        }
        return consumed > 0
    }

    /// Feeds `bytes` to the parser while requests can be answered and the answers written so far
    /// stay under `outputHighWater`; returns how many it consumed.
    private func process(_ bytes: UnsafeBufferPointer<UInt8>, on connection: Connection) -> Int {
        var offset = 0
        parsing: while case .reading = connection.phase, connection.pendingOutputBytes < Self.outputHighWater {
            let rest = UnsafeBufferPointer(rebasing: bytes[offset...])
            let wasIdle = connection.parser.isIdle
            do {
                let (consumed, event) = try connection.parser.parse(rest)
                offset += consumed
                switch event {
                case .head(let head, let expectsContinue)?:
                    connection.bodyEndsBy = now + configuration.bodyTimeout.nanoseconds
                    setDeadline(connection, .body, after: min(configuration.headTimeout, configuration.bodyTimeout).nanoseconds)
                    if expectsContinue {
                        // The client waits for the 100 before it sends: its body cannot come whole.
                        guard takeUploadPlaceIfLarge(connection, head: head) else { return bytes.count }
                        connection.output.append(contentsOf: ResponseSerializer.continueResponse)
                    }
                case .complete(let head, let body)?:
                    endUpload(connection)
                    guard chargeBody(body.count, on: connection, head: head) else { return bytes.count }
                    dispatch(HTTPRequest(head: head, body: body, remoteAddress: connection.remoteAddress), on: connection)
                case nil:
                    guard chargeBody(connection.parser.receivedBodyBytes, on: connection, head: nil) else { return bytes.count }
                    if consumed == 0 {
                        if wasIdle && !rest.isEmpty && connection.deadlineKind != .head {
                            setDeadline(connection, .head, after: configuration.headTimeout.nanoseconds)
                        }
                        break parsing
                    }
                }
            } catch {
                logger.info("bad_request", ["status": String(error.status.code), "client": connection.remoteAddress, "reason": "\(error)"])
                refuse(connection, error.status, head: nil)
                return bytes.count
            }
            if offset == bytes.count { break }
        }
        // A body that did not come whole with its head is an upload in progress.
        if case .reading = connection.phase, connection.parser.isReadingBody,
           !takeUploadPlaceIfLarge(connection, head: nil) {
            return bytes.count
        }
        return offset
    }

    /// Accounts for the body's payload, `received` bytes so far: what passes the connection's
    /// own `perConnectionBodyBytes` is taken from the shared budget as it arrives, and each new
    /// byte buys the client 1/minimum-rate seconds, up to the body's hard deadline. If the
    /// budget is spent, refuses the request (`503`) and returns false.
    private func chargeBody(_ received: Int, on connection: Connection, head: HTTPRequestHead?) -> Bool {
        let arrived = received - connection.receivedBodyBytes
        guard arrived > 0 else { return true }
        connection.receivedBodyBytes = received
        let due = max(0, received - configuration.perConnectionBodyBytes) - connection.reservedBodyBytes
        if due > 0 {
            guard bodyBytes.tryTake(due) else {
                logger.info("upload_refused", ["client": connection.remoteAddress, "reason": "body budget spent"])
                refuse(connection, .serviceUnavailable, head: head)
                return false
            }
            connection.reservedBodyBytes += due
        }
        if connection.deadlineKind == .body {
            let rate = UInt64(max(1, configuration.bodyMinimumBytesPerSecond))
            connection.deadline = min(connection.deadline + UInt64(arrived) * 1_000_000_000 / rate, connection.bodyEndsBy)
        }
        return true
    }

    /// Counts the connection's request among its client's uploads in progress (once) if its
    /// body may need the shared budget (chunked, or declared past `perConnectionBodyBytes`); a
    /// smaller one is bounded like a head and not counted, so that a client whose head and body
    /// come in separate segments still gets its login through. If the client has as many
    /// uploads as allowed, refuses the request (`503`) and returns false.
    private func takeUploadPlaceIfLarge(_ connection: Connection, head: HTTPRequestHead?) -> Bool {
        guard connection.uploadClient == nil,
              connection.parser.declaredBodyBytes.map({ $0 > configuration.perConnectionBodyBytes }) ?? true
        else { return true }
        let client = ClientUploads.client(of: connection.remoteAddress)
        guard uploads.tryTake(client) else {
            logger.info("upload_refused", ["client": connection.remoteAddress, "reason": "uploads per client"])
            refuse(connection, .serviceUnavailable, head: head)
            return false
        }
        connection.uploadClient = client
        return true
    }

    /// The body is in (or given up): the request no longer counts among its client's uploads.
    private func endUpload(_ connection: Connection) {
        guard let client = connection.uploadClient else { return }
        uploads.giveBack(client)
        connection.uploadClient = nil
    }

    // MARK: Answering

    private func dispatch(_ request: HTTPRequest, on connection: Connection) {
        let head = request.head
        let keepAlive = wantsKeepAlive(head)
        if responder.canRespondInline(to: head) {
            write(responder.respond(to: request), to: head, keepAlive: keepAlive, on: connection)
            return
        }
        connection.phase = .awaitingResponse(head, keepAlive: keepAlive)
        connection.deadlineKind = .none
        connection.deadline = 0
        let (fd, serial, responder) = (connection.fd, connection.serial, responder)
        let accepted = workers.submit { [self] in
            complete(fd: fd, serial: serial, response: responder.respond(to: request))
        }
        if !accepted {
            connection.phase = .reading
            write(configuration.errorResponse(.serviceUnavailable, head), to: head, keepAlive: keepAlive, on: connection)
        }
    }

    private func write(_ response: HTTPResponse, to head: HTTPRequestHead, keepAlive: Bool, on connection: Connection) {
        releaseBody(connection)
        // While draining, or once shutdown was announced, every answer is the connection's last.
        let keepAlive = keepAlive && drainDeadline == nil && !keepAliveEnded.load(ordering: .relaxed)
            && !(response.headers["connection"].map(Self.listsClose) ?? false)
        let streams = ResponseSerializer.write(
            response, for: head.method, version: head.version, keepAlive: keepAlive, date: dateCache.value,
            into: &connection.output)
        if streams {
            connection.bodySource = response.bodySource
        } else {
            response.bodySource?.close()
        }
        if keepAlive {
            setDeadline(connection, .idle, after: configuration.idleTimeout.nanoseconds)
        } else {
            connection.phase = .closing
        }
    }

    /// Answers with the server's own error, then closes without parsing anything after it;
    /// a body read so far is dropped at once.
    private func refuse(_ connection: Connection, _ status: HTTPStatus, head: HTTPRequestHead?) {
        connection.input = []
        connection.parser = HTTPRequestParser(limits: configuration.limits)
        releaseBody(connection)
        endUpload(connection)
        ResponseSerializer.write(
            configuration.errorResponse(status, head), for: head?.method, version: .http1_1, keepAlive: false,
            date: dateCache.value, into: &connection.output)
        connection.phase = .closing
    }

    /// The request's body is answered: its bytes no longer count against the shared budget.
    private func releaseBody(_ connection: Connection) {
        bodyBytes.giveBack(connection.reservedBodyBytes)
        connection.reservedBodyBytes = 0
        connection.receivedBodyBytes = 0
    }

    private func wantsKeepAlive(_ head: HTTPRequestHead) -> Bool {
        let tokens = head.headers.values(for: "connection").flatMap { $0.split(separator: ",") }
            .map { $0.trimmingASCIIWhitespace() }
        if tokens.contains(where: { $0.equalsIgnoringASCIICase("close") }) { return false }
        if head.version == .http1_0 { return tokens.contains { $0.equalsIgnoringASCIICase("keep-alive") } }
        return true
    }

    private static func listsClose(_ value: String) -> Bool {
        value.split(separator: ",").contains { $0.trimmingASCIIWhitespace().equalsIgnoringASCIICase("close") }
    }

    private func isClosing(_ connection: Connection) -> Bool {
        switch connection.phase {
        case .closing, .lingering: true
        case .reading, .awaitingResponse: false
        }
    }

    // MARK: Writing

    private func flush(_ connection: Connection) {
        // It may have been closed since (its descriptor number perhaps reused by another loop).
        guard self.connection(connection.fd) === connection else { return }
        while connection.hasPendingOutput {
            if connection.outputOffset == connection.output.count {
                guard connection.pullBody() else {
                    close(connection)
                    return
                }
                continue
            }
            let written = connection.output.withUnsafeBytes { bytes in
                send(connection.fd, bytes.baseAddress! + connection.outputOffset, bytes.count - connection.outputOffset,
                     Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                connection.outputOffset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                if !connection.wantsWrite {
                    connection.wantsWrite = true
                    modify(connection, events: EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLOUT.rawValue | EPOLLET.rawValue)
                }
                // A request being read keeps its own deadline (the head's, the body's minimum
                // rate); otherwise the client has the idle time to take the answer.
                if connection.deadlineKind != .head && connection.deadlineKind != .body {
                    setDeadline(connection, .write, after: configuration.idleTimeout.nanoseconds)
                }
                return
            } else {
                close(connection)
                return
            }
        }
        connection.output.removeAll(keepingCapacity: connection.output.capacity <= 16 * 1024)
        connection.outputOffset = 0
        if connection.wantsWrite {
            connection.wantsWrite = false
            modify(connection, events: EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLET.rawValue)
        }
        switch connection.phase {
        case .closing:
            startLingering(connection)
        case .reading where connection.peerClosed:
            // The client sent its last byte and has every answer: nothing more can happen.
            close(connection)
        case .reading where connection.deadlineKind == .write:
            setDeadline(connection, .idle, after: configuration.idleTimeout.nanoseconds)
        default:
            break
        }
    }

    /// Writes what is pending and, for as long as the client takes its answers, answers the
    /// pipelined requests still waiting in `input`.
    private func flushAndServe(_ connection: Connection) {
        flush(connection)
        while self.connection(connection.fd) === connection, case .reading = connection.phase,
              !connection.hasPendingOutput, processInput(connection) {
            flush(connection)
        }
    }

    /// Shuts the write side and drains, briefly, what the client still sends, so it reads our
    /// answer instead of a reset.
    private func startLingering(_ connection: Connection) {
        if connection.peerClosed {
            close(connection)
            return
        }
        shutdown(connection.fd, Int32(SHUT_WR))
        connection.phase = .lingering
        setDeadline(connection, .linger, after: Self.lingerTime)
        if connection.readable { readAvailable(connection) }
    }

    // MARK: Deadlines

    private func setDeadline(_ connection: Connection, _ kind: Connection.DeadlineKind, after nanoseconds: UInt64) {
        connection.deadlineKind = kind
        connection.deadline = now + nanoseconds
    }

    private func sweepDeadlines() {
        for case let connection? in connections where connection.deadlineKind != .none && connection.deadline <= now {
            switch connection.deadlineKind {
            case .head, .body:
                logger.info("request_timeout", ["client": connection.remoteAddress])
                refuse(connection, .requestTimeout, head: nil)
                connection.deadlineKind = .none
                flush(connection)
            case .idle, .write, .linger, .none:
                close(connection)
            }
        }
    }

    // MARK: Shutdown

    /// Stops accepting, closes idle connections; true once nothing is left or time is up.
    private func beginOrContinueDrain() -> Bool {
        if drainDeadline == nil {
            drainDeadline = requestedDrainDeadline.load(ordering: .relaxed)
            epoll_ctl(epoll, EPOLL_CTL_DEL, listener, nil)
        }
        for case let connection? in connections where connection.isIdle { close(connection) }
        return liveConnections == 0 || now >= drainDeadline!
    }

    // MARK: Bookkeeping

    private func connection(_ fd: Int32) -> Connection? {
        Int(fd) < connections.count ? connections[Int(fd)] : nil
    }

    private func close(_ connection: Connection) {
        guard self.connection(connection.fd) === connection else { return }
        connections[Int(connection.fd)] = nil
        liveConnections -= 1
        connection.slot.giveBack()
        releaseBody(connection)
        endUpload(connection)
        connection.endBody()
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
