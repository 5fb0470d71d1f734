/// One HTTP/1.1 connection as a state machine: bytes read, answers made, bytes written and the
/// passing of time go in; what to do with the socket comes out (`ConnectionAction`, and the
/// bytes owed in `output`). It never touches a socket or reads a clock — each event carries
/// its `LoopTime` — so every rule, deadlines included, can be exercised by calling it.
struct ConnectionState {
    enum Phase {
        /// Reading (and answering) requests.
        case reading
        /// A request is being answered; further input waits in `input`.
        case awaitingResponse(HTTPRequestHead, keepAlive: Bool)
        /// The body is a stream fed from outside; the connection closes after it.
        case streaming(HTTPStream)
        /// The last answer is being written; then the write side is shut and input drained.
        case closing
        /// Write side shut; reading and discarding until EOF or the deadline.
        case lingering
    }

    /// Why the current deadline is set, which decides what happens when it passes.
    enum DeadlineKind {
        case none, idle, head, body, write, linger, heartbeat
    }

    let remoteAddress: String
    private let environment: ConnectionEnvironment
    private var configuration: HTTPServerConfiguration { environment.configuration }
    private(set) var phase = Phase.reading
    private var parser: HTTPRequestParser
    /// Bytes read but not yet consumed by the parser.
    private(set) var input: [UInt8] = []
    /// Bytes to write, from `outputOffset` on.
    private(set) var output: [UInt8] = []
    private(set) var outputOffset = 0
    /// A body still to be pulled into `output` once it has been written.
    private var bodySource: (any HTTPBodySource)?
    private var streamedBytes = 0
    /// The peer shut its write side (its end was read).
    private(set) var peerClosed = false
    private(set) var deadline: UInt64 = 0
    private(set) var deadlineKind = DeadlineKind.none
    /// Payload bytes of the request body being read (or answered) that are accounted for.
    private var receivedBodyBytes = 0
    /// Bytes of the shared body budget held for them (those past `perConnectionBodyBytes`).
    private var reservedBodyBytes = 0
    /// The latest the body deadline may move to, however steadily the body arrives.
    private var bodyEndsBy: UInt64 = 0
    /// The client under which this connection holds an upload place while its body arrives.
    private var uploadClient: String?
    /// Discarded bytes while lingering.
    private var lingered = 0
    /// The server is shutting down: every answer is the connection's last.
    private var draining = false

    static let lingerTime: UInt64 = 2_000_000_000
    static let lingerBytes = 256 * 1024
    /// Pipelined requests wait in `input` while this much of earlier answers is unwritten.
    static let outputHighWater = 256 * 1024
    /// How much of a body source is pulled at a time.
    static let bodyChunkBytes = 64 * 1024

    init(remoteAddress: String, environment: ConnectionEnvironment) {
        self.remoteAddress = remoteAddress
        self.environment = environment
        parser = HTTPRequestParser(limits: environment.configuration.limits)
    }

    // MARK: Queries

    var hasPendingOutput: Bool { outputOffset < output.count || bodySource != nil }

    /// Whether the loop should read more now. A client that does not read its answers is not
    /// read either, or they would pile up; while a request is answered (or the last answer
    /// written), at most one head's worth of pipelined bytes waits, the rest stays in the socket.
    var wantsInput: Bool {
        switch phase {
        case .reading: !hasPendingOutput
        case .awaitingResponse, .closing, .streaming: input.count <= configuration.limits.maxHeadBytes
        case .lingering: true
        }
    }

    /// Whether nothing of a request has arrived and nothing is owed: safe to close at shutdown.
    var isIdle: Bool {
        if case .reading = phase { parser.isIdle && input.isEmpty && !hasPendingOutput } else { false }
    }

    /// A body still to come counts as more than any limit: nothing is answered after it until
    /// it is through.
    private var pendingOutputBytes: Int { bodySource == nil ? output.count - outputOffset : Int.max }

    private var isClosing: Bool {
        switch phase {
        case .closing, .lingering: true
        case .reading, .awaitingResponse, .streaming: false
        }
    }

    // MARK: Events

    /// The connection was accepted; `refusing` if only to answer `503` (over capacity).
    mutating func opened(refusing: Bool, at time: LoopTime) {
        if refusing {
            refuse(.serviceUnavailable, head: nil, at: time)
        } else {
            setDeadline(.idle, after: configuration.idleTimeout.nanoseconds, at: time)
        }
    }

    /// Bytes arrived from the client.
    mutating func received(_ bytes: UnsafeBufferPointer<UInt8>, at time: LoopTime) -> [ConnectionAction] {
        switch phase {
        case .lingering:
            lingered += bytes.count
            return lingered > Self.lingerBytes ? [.close] : []
        case .closing:
            return []
        case .awaitingResponse, .streaming:
            input.append(contentsOf: bytes)
            return []
        case .reading:
            guard input.isEmpty else {
                input.append(contentsOf: bytes)
                return processInput(at: time)
            }
            var actions: [ConnectionAction] = []
            let consumed = process(bytes, at: time, into: &actions)
            if consumed < bytes.count && !isClosing {
                input.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[consumed...]))
            }
            return actions
        }
    }

    /// The client shut its side (the read saw its end).
    mutating func peerClosedInput() -> [ConnectionAction] {
        peerClosed = true
        switch phase {
        case .lingering, .streaming:
            // A stream's client that shuts its side has left.
            return [.close]
        case .reading:
            if hasPendingOutput {
                phase = .closing
                return []
            }
            return [.close]
        case .awaitingResponse, .closing:
            return []
        }
    }

    /// The answer to the request that `.respond` asked for.
    mutating func responded(_ response: HTTPResponse, at time: LoopTime) -> [ConnectionAction] {
        guard case .awaitingResponse(let head, let keepAlive) = phase else {
            response.bodySource?.close()
            response.stream?.close()
            return []
        }
        phase = .reading
        var actions = write(response, to: head, keepAlive: keepAlive, at: time)
        actions += processInput(at: time)
        return actions
    }

    /// What to write next: refills a drained `output` from the body source or the stream.
    mutating func nextOutput() -> OutputStatus {
        if outputOffset < output.count { return .pending }
        output.removeAll(keepingCapacity: output.capacity <= 16 * 1024)
        outputOffset = 0
        if let source = bodySource {
            let chunk = source.read(maxCount: Self.bodyChunkBytes)
            streamedBytes += chunk.count
            guard chunk.isEmpty else {
                output.append(contentsOf: chunk)
                return .pending
            }
            let whole = streamedBytes == source.length
            endBody()
            return whole ? .drained : .broken
        }
        if case .streaming(let stream) = phase {
            let taken = stream.take()
            if taken.overflowed { return .broken }
            output.append(contentsOf: taken.bytes)
            if taken.ended {
                stream.close()
                phase = .closing
            }
            return output.isEmpty ? .drained : .pending
        }
        return .drained
    }

    /// The bytes `nextOutput` said are pending (from `outputOffset` on).
    mutating func sent(_ count: Int) {
        outputOffset += count
    }

    /// The socket takes no more for now.
    mutating func writeBlocked(at time: LoopTime) {
        // A request being read keeps its own deadline (the head's, the body's minimum rate);
        // otherwise the client has the idle time to take the answer.
        if deadlineKind != .head && deadlineKind != .body {
            setDeadline(.write, after: configuration.idleTimeout.nanoseconds, at: time)
        }
    }

    /// Everything owed is written (`nextOutput` said `.drained`): close, linger, or answer the
    /// pipelined requests still waiting in `input`.
    mutating func outputDrained(at time: LoopTime) -> [ConnectionAction] {
        switch phase {
        case .closing:
            if peerClosed { return [.close] }
            phase = .lingering
            setDeadline(.linger, after: Self.lingerTime, at: time)
            return [.shutdownWrite]
        case .reading where peerClosed:
            // The client sent its last byte and has every answer: nothing more can happen.
            return [.close]
        case .reading:
            if deadlineKind == .write { setDeadline(.idle, after: configuration.idleTimeout.nanoseconds, at: time) }
            return processInput(at: time)
        case .streaming(let stream):
            if deadlineKind == .write { armHeartbeat(for: stream, at: time) }
            return []
        case .awaitingResponse, .lingering:
            return []
        }
    }

    /// Time passed: acts on a deadline that is due.
    mutating func tick(at time: LoopTime) -> [ConnectionAction] {
        guard deadlineKind != .none, deadline <= time.now else { return [] }
        switch deadlineKind {
        case .head, .body:
            environment.logger.info("request_timeout", ["client": remoteAddress])
            refuse(.requestTimeout, head: nil, at: time)
            deadlineKind = .none
            return []
        case .heartbeat:
            guard case .streaming(let stream) = phase else { return [] }
            if outputOffset == output.count { output.append(contentsOf: stream.heartbeat) }
            armHeartbeat(for: stream, at: time)
            return []
        case .idle, .write, .linger, .none:
            return [.close]
        }
    }

    /// The server is shutting down: an idle connection closes now, an answer being made is the
    /// connection's last, and a stream ends once what was sent to it is written.
    mutating func drain() -> [ConnectionAction] {
        draining = true
        if case .streaming(let stream) = phase { stream.finish() }
        return isIdle ? [.close] : []
    }

    /// The connection is gone: gives back what it holds.
    mutating func closed() {
        releaseBody()
        endUpload()
        endBody()
        if case .streaming(let stream) = phase { stream.close() }
        phase = .closing
    }

    // MARK: Parsing

    /// Parses what waits in `input`.
    private mutating func processInput(at time: LoopTime) -> [ConnectionAction] {
        guard !input.isEmpty, case .reading = phase else { return [] }
        var actions: [ConnectionAction] = []
        let pending = input
        let consumed = pending.withUnsafeBufferPointer { process($0, at: time, into: &actions) }
        if isClosing || consumed == pending.count {
            input = []
        } else if consumed > 0 {
            input.removeFirst(consumed)
        }
        return actions
    }

    /// Feeds `bytes` to the parser until a request is complete (then `.respond`), the answers
    /// written so far pass `outputHighWater`, or the bytes run out; returns how many it consumed.
    private mutating func process(
        _ bytes: UnsafeBufferPointer<UInt8>, at time: LoopTime, into actions: inout [ConnectionAction]
    ) -> Int {
        var offset = 0
        parsing: while case .reading = phase, pendingOutputBytes < Self.outputHighWater {
            let rest = UnsafeBufferPointer(rebasing: bytes[offset...])
            let wasIdle = parser.isIdle
            do {
                let (consumed, event) = try parser.parse(rest)
                offset += consumed
                switch event {
                case .head(let head, let expectsContinue)?:
                    bodyEndsBy = time.now + configuration.bodyTimeout.nanoseconds
                    setDeadline(.body, after: min(configuration.headTimeout, configuration.bodyTimeout).nanoseconds, at: time)
                    if expectsContinue {
                        // The client waits for the 100 before it sends: its body cannot come whole.
                        guard takeUploadPlaceIfLarge(head: head, at: time) else { return bytes.count }
                        output.append(contentsOf: ResponseSerializer.continueResponse)
                    }
                case .complete(let head, let body)?:
                    endUpload()
                    guard chargeBody(body.count, head: head, at: time) else { return bytes.count }
                    phase = .awaitingResponse(head, keepAlive: Self.wantsKeepAlive(head))
                    deadlineKind = .none
                    deadline = 0
                    actions.append(.respond(HTTPRequest(head: head, body: body, remoteAddress: remoteAddress)))
                case nil:
                    guard chargeBody(parser.receivedBodyBytes, head: nil, at: time) else { return bytes.count }
                    if consumed == 0 {
                        if wasIdle && !rest.isEmpty && deadlineKind != .head {
                            setDeadline(.head, after: configuration.headTimeout.nanoseconds, at: time)
                        }
                        break parsing
                    }
                }
            } catch {
                environment.logger.info(
                    "bad_request", ["status": String(error.status.code), "client": remoteAddress, "reason": "\(error)"])
                refuse(error.status, head: nil, at: time)
                return bytes.count
            }
            if offset == bytes.count { break }
        }
        // A body that did not come whole with its head is an upload in progress.
        if case .reading = phase, parser.isReadingBody, !takeUploadPlaceIfLarge(head: nil, at: time) {
            return bytes.count
        }
        return offset
    }

    /// Accounts for the body's payload, `received` bytes so far: what passes the connection's
    /// own `perConnectionBodyBytes` is taken from the shared budget as it arrives, and each new
    /// byte buys the client 1/minimum-rate seconds, up to the body's hard deadline. If the
    /// budget is spent, refuses the request (`503`) and returns false.
    private mutating func chargeBody(_ received: Int, head: HTTPRequestHead?, at time: LoopTime) -> Bool {
        let arrived = received - receivedBodyBytes
        guard arrived > 0 else { return true }
        receivedBodyBytes = received
        let due = max(0, received - configuration.perConnectionBodyBytes) - reservedBodyBytes
        if due > 0 {
            guard environment.bodyBytes.tryTake(due) else {
                environment.logger.info("upload_refused", ["client": remoteAddress, "reason": "body budget spent"])
                refuse(.serviceUnavailable, head: head, at: time)
                return false
            }
            reservedBodyBytes += due
        }
        if deadlineKind == .body {
            let rate = UInt64(max(1, configuration.bodyMinimumBytesPerSecond))
            deadline = min(deadline + UInt64(arrived) * 1_000_000_000 / rate, bodyEndsBy)
        }
        return true
    }

    /// Counts the request among its client's uploads in progress (once) if its body may need
    /// the shared budget (chunked, or declared past `perConnectionBodyBytes`); a smaller one is
    /// bounded like a head and not counted, so that a client whose head and body come in
    /// separate segments still gets its login through. If the client has as many uploads as
    /// allowed, refuses the request (`503`) and returns false.
    private mutating func takeUploadPlaceIfLarge(head: HTTPRequestHead?, at time: LoopTime) -> Bool {
        guard uploadClient == nil,
              parser.declaredBodyBytes.map({ $0 > configuration.perConnectionBodyBytes }) ?? true
        else { return true }
        let client = ClientUploads.client(of: remoteAddress)
        guard environment.uploads.tryTake(client) else {
            environment.logger.info("upload_refused", ["client": remoteAddress, "reason": "uploads per client"])
            refuse(.serviceUnavailable, head: head, at: time)
            return false
        }
        uploadClient = client
        return true
    }

    /// The body is in (or given up): the request no longer counts among its client's uploads.
    private mutating func endUpload() {
        guard let client = uploadClient else { return }
        environment.uploads.giveBack(client)
        uploadClient = nil
    }

    // MARK: Answering

    private mutating func write(
        _ response: HTTPResponse, to head: HTTPRequestHead, keepAlive: Bool, at time: LoopTime
    ) -> [ConnectionAction] {
        releaseBody()
        // While draining or once shutdown is announced, every answer is the connection's last;
        // so is a stream.
        let keepAlive = keepAlive && !draining && environment.keepAlive.isOn && response.stream == nil
            && !(response.headers["connection"].map(Self.listsClose) ?? false)
        let follows = ResponseSerializer.write(
            response, for: head.method, version: head.version, keepAlive: keepAlive, date: time.httpDate, into: &output)
        switch follows {
        case .source:
            bodySource = response.bodySource
        case .stream(let stream) where !draining:
            phase = .streaming(stream)
            armHeartbeat(for: stream, at: time)
            return [.attach(stream)]
        case .stream, .nothing:
            response.bodySource?.close()
            response.stream?.close()
        }
        if keepAlive {
            setDeadline(.idle, after: configuration.idleTimeout.nanoseconds, at: time)
        } else {
            phase = .closing
        }
        return []
    }

    /// Answers with the server's own error, then closes without parsing anything after it;
    /// a body read so far is dropped at once.
    private mutating func refuse(_ status: HTTPStatus, head: HTTPRequestHead?, at time: LoopTime) {
        input = []
        parser = HTTPRequestParser(limits: configuration.limits)
        releaseBody()
        endUpload()
        ResponseSerializer.write(
            configuration.errorResponse(status, head), for: head?.method, version: .http1_1, keepAlive: false,
            date: time.httpDate, into: &output)
        phase = .closing
    }

    /// The request's body is answered: its bytes no longer count against the shared budget.
    private mutating func releaseBody() {
        environment.bodyBytes.giveBack(reservedBodyBytes)
        reservedBodyBytes = 0
        receivedBodyBytes = 0
    }

    /// Lets go of the body source, if any.
    private mutating func endBody() {
        bodySource?.close()
        bodySource = nil
        streamedBytes = 0
    }

    private static func wantsKeepAlive(_ head: HTTPRequestHead) -> Bool {
        let tokens = head.headers.values(for: "connection").flatMap { $0.split(separator: ",") }
            .map { $0.trimmingASCIIWhitespace() }
        if tokens.contains(where: { $0.equalsIgnoringASCIICase("close") }) { return false }
        if head.version == .http1_0 { return tokens.contains { $0.equalsIgnoringASCIICase("keep-alive") } }
        return true
    }

    private static func listsClose(_ value: String) -> Bool {
        value.split(separator: ",").contains { $0.trimmingASCIIWhitespace().equalsIgnoringASCIICase("close") }
    }

    // MARK: Deadlines

    private mutating func setDeadline(_ kind: DeadlineKind, after nanoseconds: UInt64, at time: LoopTime) {
        deadlineKind = kind
        deadline = time.now + nanoseconds
    }

    /// An open stream has no idle deadline: its heartbeat is due instead (if it has one).
    private mutating func armHeartbeat(for stream: HTTPStream, at time: LoopTime) {
        if stream.heartbeat.isEmpty {
            deadlineKind = .none
        } else {
            setDeadline(.heartbeat, after: stream.heartbeatInterval.nanoseconds, at: time)
        }
    }
}
