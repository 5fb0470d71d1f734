import Foundation
import HTTPServer
import Synchronization
import Web

/// One open `GET /v1/events` stream: whose it is, and which items it was sent, so that an item
/// reaching it twice (replayed and announced, or replayed again after the listener
/// reconnected) is sent once.
final class EventSubscriber: Sendable {
    let caller: Caller
    let stream: HTTPStream
    /// Monotonic nanoseconds after which the stream ends (the client reconnects, and its
    /// session is checked again).
    let endsAt: UInt64

    private struct State {
        /// Until the replay is sent, announced items wait here.
        var held: [StreamedItem]? = []
        /// Ids sent, with when they were written (microseconds), kept for `LiveEvents.lateCommitWindow`.
        var sent: [UUID: Int64] = [:]
        /// The newest write time sent (or the database's clock when the stream opened).
        var watermark: Int64 = 0
    }

    private let state = Mutex(State())

    init(caller: Caller, stream: HTTPStream, endsAt: UInt64) {
        self.caller = caller
        self.stream = stream
        self.endsAt = endsAt
    }

    /// Where a replay for this stream starts: everything written since may be missing from it.
    var replayFrom: Int64 {
        state.withLock { $0.watermark - LiveEvents.lateCommitWindow }
    }

    /// Sends the replay (the items a client missed) and then what was announced meanwhile;
    /// from now on items are sent as they come. `now` is the database's clock at the replay.
    func startLive(replaying items: [StreamedItem], now: Int64) {
        state.withLock { state in
            state.watermark = now
            let held = state.held ?? []
            state.held = nil
            send(items + held, in: &state)
        }
    }

    /// Sends `items` (each visible to the caller now), skipping those sent already.
    func deliver(_ items: [StreamedItem]) {
        state.withLock { state in
            if state.held != nil {
                state.held! += items
            } else {
                send(items, in: &state)
            }
        }
    }

    private func send(_ items: [StreamedItem], in state: inout State) {
        for item in items where state.sent[item.id] == nil {
            stream.send(item.event)
            state.sent[item.id] = item.atMicros
            state.watermark = max(state.watermark, item.atMicros)
        }
        let horizon = state.watermark - 2 * LiveEvents.lateCommitWindow
        if state.sent.count > 64 { state.sent = state.sent.filter { $0.value > horizon } }
    }
}
