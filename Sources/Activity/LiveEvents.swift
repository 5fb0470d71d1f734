import Dispatch
import Foundation
import HTTPServer
import Logging
import Postgres
import Synchronization
import Web

/// The live side of the activity feed, one per server process: a single PostgreSQL `LISTEN`
/// connection (not one per client) on a thread of its own, fanning the items announced by
/// `ActivityRecorder` (in the transaction that wrote them, so only committed items) out to
/// this process's open `GET /v1/events` streams, each item re-read with the visibility rule
/// as its recipient before it is sent.
///
/// Nothing is lost to a gap: a stream that reconnects with `Last-Event-ID` is replayed from
/// the table, and when the `LISTEN` connection drops, the thread connects again and replays to
/// every open stream what was written meanwhile. Because an item's time is taken when it is
/// written, not when it commits, an item may commit after a later-written one: replays reach
/// back `lateCommitWindow` before the last item a stream had, and a stream skips ids it sent.
///
/// A stream ends when its session does (`stepwork_session_ended`, migration 0016), when the
/// server shuts down, and after `streamLifetime` (the client reconnects and is authenticated
/// again).
public final class LiveEvents: Sendable {
    /// The channel deleted sessions are announced on, with the session id.
    static let sessionChannel = "stepwork_session_ended"
    /// How long after its write time an item may still commit (microseconds): longer than any
    /// write transaction lasts under the statement and idle-in-transaction timeouts.
    static let lateCommitWindow: Int64 = 60_000_000
    /// Items a `Last-Event-ID` replays at most (API.md).
    static let replayLimit = 100
    static let heartbeat = Array(": keep-alive\n\n".utf8)

    private let pool: PostgresPool
    private let listening: PostgresConfiguration
    private let store: ActivityStore
    private let logger: Logger
    private let heartbeatInterval: Duration
    private let streamLifetime: Duration
    /// Open streams by their user.
    private let subscribers = Mutex<[UUID: [ObjectIdentifier: EventSubscriber]]>([:])
    private let stopping = Atomic<Bool>(false)
    private let started = Atomic<Bool>(false)
    private let stopped = DispatchSemaphore(value: 0)

    /// `listening` is the configuration of the `LISTEN` connection (the pool's, typically).
    /// API.md asks for a keep-alive at least every 15 s: the default interval leaves a second
    /// for the event loop, which looks at its deadlines every 0.2 s.
    public init(
        pool: PostgresPool, listening: PostgresConfiguration, visibleSubject: PostgresFragment,
        heartbeatInterval: Duration = .seconds(14), streamLifetime: Duration = .seconds(600), logger: Logger
    ) {
        self.pool = pool
        self.listening = listening
        self.store = ActivityStore(visibleSubject: visibleSubject)
        self.heartbeatInterval = heartbeatInterval
        self.streamLifetime = streamLifetime
        self.logger = logger
    }

    /// Starts the listening thread (once). `stop()` ends it.
    public func start() {
        guard started.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        let thread = Thread { [self] in
            listen()
            stopped.signal()
        }
        thread.name = "live-events"
        thread.start()
    }

    /// Ends the listening thread, waiting (at most `timeout`) for it. Open streams are the
    /// HTTP server's to end.
    public func stop(timeout: Duration = .seconds(10)) {
        guard started.load(ordering: .acquiring), !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        if stopped.wait(timeout: .now() + .milliseconds(Int(timeout.components.seconds * 1000))) == .timedOut {
            logger.warning("live_events_still_running", [:])
        }
    }

    /// Opens a stream of `caller`'s new items, first replaying those after `lastEventId` (at
    /// most `replayLimit`; an id that names none of their items replays nothing).
    func open(for caller: Caller, lastEventId: String?, on database: PostgresLease) throws -> HTTPStream {
        let stream = HTTPStream(heartbeat: Self.heartbeat, heartbeatInterval: heartbeatInterval, bufferLimit: 256 * 1024)
        let subscriber = EventSubscriber(
            caller: caller, stream: stream, endsAt: DispatchTime.now().uptimeNanoseconds + UInt64(streamLifetime.components.seconds) * 1_000_000_000)
        let key = ObjectIdentifier(subscriber)
        subscribers.withLock { $0[caller.userId, default: [:]][key] = subscriber }
        stream.onClose { [weak self] in self?.remove(key, of: caller.userId) }
        do {
            let (missed, now) = try database.withTransaction(isolation: .repeatableRead) { connection in
                let now = try store.now(on: connection)
                guard let last = lastEventId.flatMap(UUID.init(uuidString:)),
                      let writtenAt = try store.writtenAt(last, of: caller.userId, on: connection)
                else { return ([(item: Activity, position: ActivityPosition)](), now) }
                let missed = try store.items(
                    of: caller.userId, since: writtenAt - Self.lateCommitWindow, limit: Self.replayLimit + 1,
                    on: connection)
                return (missed.filter { $0.item.id != last }.suffix(Self.replayLimit), now)
            }
            subscriber.startLive(replaying: missed.compactMap(StreamedItem.init), now: now)
        } catch {
            remove(key, of: caller.userId)
            throw error
        }
        return stream
    }

    private func remove(_ key: ObjectIdentifier, of userId: UUID) {
        subscribers.withLock { subscribers in
            subscribers[userId]?[key] = nil
            if subscribers[userId]?.isEmpty == true { subscribers[userId] = nil }
        }
    }

    // MARK: The listening thread

    private func listen() {
        var listener: PostgresListener?
        var needsReplay = false
        var pause = 0.1
        while !stopping.load(ordering: .acquiring) {
            if listener == nil {
                do {
                    listener = try PostgresListener(
                        configuration: listening, channels: [ActivityRecorder.channel, Self.sessionChannel])
                    pause = 0.1
                    logger.info("live_events_listening", ["replay": String(needsReplay)])
                } catch {
                    logger.warning("live_events_listen_failed", ["error": String(describing: error)])
                    Thread.sleep(forTimeInterval: pause)
                    pause = min(pause * 2, 2)
                    continue
                }
            }
            // Listening again before reading the table: whatever commits from now on is announced.
            if needsReplay { needsReplay = !replayToAll() }
            do {
                let notifications = try listener!.wait(timeout: .milliseconds(250))
                if !deliver(notifications) { needsReplay = true }
            } catch {
                logger.warning("live_events_listener_lost", ["error": String(describing: error)])
                listener = nil
                needsReplay = true
            }
            endExpiredStreams()
        }
    }

    /// Sends each announced item to its recipient's streams; ends the streams of ended
    /// sessions. False if the database could not be read (a replay makes up for it).
    private func deliver(_ notifications: [PostgresNotification]) -> Bool {
        var ended = Set<UUID>()
        var announced: [UUID: [UUID]] = [:]
        for notification in notifications {
            if notification.channel == Self.sessionChannel {
                if let session = UUID(uuidString: notification.payload) { ended.insert(session) }
                continue
            }
            let parts = notification.payload.split(separator: " ")
            guard parts.count == 2, let recipient = UUID(uuidString: String(parts[0])),
                  let id = UUID(uuidString: String(parts[1]))
            else { continue }
            announced[recipient, default: []].append(id)
        }
        if !ended.isEmpty {
            for subscriber in allSubscribers() where ended.contains(subscriber.caller.sessionId) { subscriber.stream.finish() }
        }
        var complete = true
        for (recipient, ids) in announced {
            let listeners = subscribers.withLock { Array(($0[recipient] ?? [:]).values) }
            guard !listeners.isEmpty else { continue }
            do {
                let items = try pool.withConnection { connection in
                    try connection.act(as: recipient.uuidString.lowercased())
                    return try ids.compactMap { try store.item($0, of: recipient, on: connection) }
                }.compactMap(StreamedItem.init)
                listeners.forEach { $0.deliver(items) }
            } catch {
                logger.warning("live_events_read_failed", ["error": String(describing: error)])
                complete = false
            }
        }
        return complete
    }

    /// Replays to every open stream what was written since its last item; true if all of it
    /// could be read.
    private func replayToAll() -> Bool {
        let byUser = subscribers.withLock { $0.mapValues { Array($0.values) } }
        do {
            for (userId, listeners) in byUser {
                let from = listeners.map(\.replayFrom).min() ?? 0
                let items = try pool.withConnection { connection in
                    try connection.act(as: userId.uuidString.lowercased())
                    return try store.items(of: userId, since: from, limit: Self.replayLimit, on: connection)
                }.compactMap(StreamedItem.init)
                listeners.forEach { $0.deliver(items) }
            }
            logger.info("live_events_replayed", ["users": String(byUser.count)])
            return true
        } catch {
            logger.warning("live_events_replay_failed", ["error": String(describing: error)])
            return false
        }
    }

    private func endExpiredStreams() {
        let now = DispatchTime.now().uptimeNanoseconds
        for subscriber in allSubscribers() where subscriber.endsAt <= now { subscriber.stream.finish() }
    }

    private func allSubscribers() -> [EventSubscriber] {
        subscribers.withLock { $0.values.flatMap(\.values) }
    }
}
