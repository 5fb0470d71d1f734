import Logging
import Testing
@testable import HTTPServer

/// The connection state machine, driven without sockets: bytes and answers go in, actions and
/// output come out, and time passes only when a test says so.
@Suite struct ConnectionStateTests {
    private static let second: UInt64 = 1_000_000_000

    private func makeState(
        keepAlive: KeepAliveSwitch = KeepAliveSwitch(), _ configure: (inout HTTPServerConfiguration) -> Void = { _ in }
    ) -> ConnectionState {
        var configuration = HTTPServerConfiguration()
        configure(&configuration)
        let environment = ConnectionEnvironment(
            configuration: configuration, bodyBytes: SharedAllowance(limit: 1 << 20),
            uploads: ClientUploads(limitPerClient: 2), logger: .silent, keepAlive: keepAlive)
        var state = ConnectionState(remoteAddress: "192.0.2.1", environment: environment)
        state.opened(refusing: false, at: at(0))
        return state
    }

    private func at(_ seconds: Double) -> LoopTime {
        LoopTime(now: UInt64(seconds * Double(Self.second)), httpDate: Array("Sun, 29 Nov 2026 23:00:00 GMT".utf8))
    }

    private func receive(_ text: String, on state: inout ConnectionState, at time: LoopTime) -> [ConnectionAction] {
        Array(text.utf8).withUnsafeBufferPointer { state.received($0, at: time) }
    }

    /// Everything owed now, as text, as if the socket took it all.
    private func written(_ state: inout ConnectionState) -> String {
        var bytes: [UInt8] = []
        while state.nextOutput() == .pending {
            bytes += state.output[state.outputOffset...]
            state.sent(state.output.count - state.outputOffset)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func requests(_ actions: [ConnectionAction]) -> [String] {
        actions.compactMap { if case .respond(let request) = $0 { request.head.target } else { nil } }
    }

    private func closes(_ actions: [ConnectionAction]) -> Bool {
        actions.contains { if case .close = $0 { true } else { false } }
    }

    private func streamResponse(_ stream: HTTPStream) -> HTTPResponse {
        HTTPResponse(status: .ok, headers: ["Content-Type": "text/event-stream"], stream: stream)
    }

    /// A connection whose request for `/events` was answered with `stream`, its head written.
    private func streaming(
        _ stream: HTTPStream, _ configure: (inout HTTPServerConfiguration) -> Void = { _ in }
    ) -> ConnectionState {
        var state = makeState(configure)
        _ = receive("GET /events HTTP/1.1\r\nHost: x\r\n\r\n", on: &state, at: at(0))
        _ = state.responded(streamResponse(stream), at: at(0))
        _ = written(&state)
        return state
    }

    @Test func anIdleConnectionClosesWhenItsDeadlinePassesAndNotBefore() {
        var state = makeState { $0.idleTimeout = .seconds(15) }
        #expect(state.tick(at: at(14.9)).isEmpty)
        #expect(closes(state.tick(at: at(15))))
    }

    @Test func aHeadNotCompleteInTimeIsAnswered408() {
        var state = makeState { $0.headTimeout = .seconds(10) }
        #expect(receive("GET /a HTTP/1.1\r\nHo", on: &state, at: at(1)).isEmpty)
        #expect(state.tick(at: at(10.9)).isEmpty)
        #expect(state.tick(at: at(11)).isEmpty)
        #expect(written(&state).hasPrefix("HTTP/1.1 408 "))
        #expect(state.outputDrained(at: at(11)).contains { if case .shutdownWrite = $0 { true } else { false } })
    }

    @Test func pipelinedRequestsAreAnsweredOneAtATimeInOrder() {
        var state = makeState()
        let first = receive("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n", on: &state, at: at(0))
        #expect(requests(first) == ["/a"])
        let second = state.responded(HTTPResponse(status: .ok, body: Array("A".utf8)), at: at(0))
        #expect(requests(second) == ["/b"])
        _ = state.responded(HTTPResponse(status: .ok, body: Array("B".utf8)), at: at(0))
        let text = written(&state)
        #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n") && text.hasSuffix("\r\n\r\nB"))
        #expect(text.components(separatedBy: "HTTP/1.1 200").count == 3)
    }

    @Test func onceKeepAliveIsTurnedOffTheNextAnswerIsTheConnectionsLast() {
        let keepAlive = KeepAliveSwitch()
        var state = makeState(keepAlive: keepAlive)
        _ = receive("GET /a HTTP/1.1\r\nHost: x\r\n\r\n", on: &state, at: at(0))
        _ = state.responded(HTTPResponse(status: .ok, body: Array("A".utf8)), at: at(0))
        #expect(!written(&state).contains("Connection: close"))
        #expect(!closes(state.outputDrained(at: at(0))))

        keepAlive.turnOff()
        _ = receive("GET /b HTTP/1.1\r\nHost: x\r\n\r\n", on: &state, at: at(1))
        _ = state.responded(HTTPResponse(status: .ok, body: Array("B".utf8)), at: at(1))
        #expect(written(&state).contains("Connection: close\r\n"))
        let after = state.outputDrained(at: at(1))
        #expect(closes(after) || after.contains { if case .shutdownWrite = $0 { true } else { false } })
    }

    @Test func aStreamHasNoLengthAndClosesTheConnectionAfterIt() {
        var state = makeState()
        _ = receive("GET /events HTTP/1.1\r\nHost: x\r\n\r\nGET /after HTTP/1.1\r\n\r\n", on: &state, at: at(0))
        let stream = HTTPStream()
        let actions = state.responded(streamResponse(stream), at: at(0))
        #expect(actions.contains { if case .attach = $0 { true } else { false } })
        #expect(requests(actions).isEmpty)
        let head = written(&state)
        #expect(head.contains("Connection: close\r\n") && !head.contains("Content-Length"))
        stream.send(Array("data: 1\n\n".utf8))
        stream.finish()
        #expect(written(&state) == "data: 1\n\n")
        #expect(state.outputDrained(at: at(0)).contains { if case .shutdownWrite = $0 { true } else { false } })
        #expect(stream.isOver && !stream.send(Array("late".utf8)))
    }

    @Test func anOpenStreamOutlivesTheIdleDeadlineWithHeartbeats() {
        let stream = HTTPStream(heartbeat: Array(": keep-alive\n\n".utf8), heartbeatInterval: .seconds(10))
        var state = streaming(stream) { $0.idleTimeout = .seconds(15) }
        var heartbeats = 0
        for second in stride(from: 1.0, through: 3600, by: 1) {
            #expect(!closes(state.tick(at: at(second))))
            if written(&state) == ": keep-alive\n\n" { heartbeats += 1 }
        }
        #expect(heartbeats == 360)
        #expect(!stream.isOver)
    }

    @Test func aStreamWhoseClientDoesNotReadIsDroppedOnceItsBufferIsFull() {
        let stream = HTTPStream(bufferLimit: 100)
        var state = streaming(stream)
        #expect(stream.send([UInt8](repeating: 0x61, count: 60)))
        // The socket takes nothing: what was sent stays with the stream until the bound.
        #expect(!stream.send([UInt8](repeating: 0x62, count: 60)))
        _ = state.nextOutput()
        state.sent(state.output.count - state.outputOffset)
        #expect(state.nextOutput() == .broken)
    }

    @Test func aStreamWriteBlockedPastTheIdleTimeCloses() {
        var state = streaming(HTTPStream(heartbeat: Array(": k\n\n".utf8), heartbeatInterval: .seconds(10))) {
            $0.idleTimeout = .seconds(15)
        }
        state.writeBlocked(at: at(1))
        #expect(!closes(state.tick(at: at(15))))
        #expect(closes(state.tick(at: at(16))))
    }

    @Test func drainingEndsAStreamAfterWhatWasSentToIt() {
        let stream = HTTPStream()
        let closed = ClosedFlag(watching: stream)
        var state = streaming(stream)
        stream.send(Array("data: last\n\n".utf8))
        #expect(state.drain().isEmpty)
        #expect(written(&state) == "data: last\n\n")
        #expect(closed.isSet)
        #expect(state.outputDrained(at: at(0)).contains { if case .shutdownWrite = $0 { true } else { false } })
    }

    @Test func aStreamsClientLeavingClosesTheConnectionAndTellsTheProducer() {
        let stream = HTTPStream()
        let closed = ClosedFlag(watching: stream)
        var state = streaming(stream)
        #expect(closes(state.peerClosedInput()))
        #expect(!closed.isSet)
        state.closed()
        #expect(closed.isSet && !stream.send([1]))
    }

    @Test func aStreamAnsweredWhileDrainingIsNotOpened() {
        var state = makeState()
        _ = receive("GET /events HTTP/1.1\r\nHost: x\r\n\r\n", on: &state, at: at(0))
        _ = state.drain()
        let stream = HTTPStream()
        let actions = state.responded(streamResponse(stream), at: at(0))
        #expect(!actions.contains { if case .attach = $0 { true } else { false } })
        #expect(stream.isOver)
    }
}
