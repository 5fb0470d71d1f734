import CLinux
import Foundation
import Logging

/// Stepwork's HTTP/1.1 server: event loops over epoll in front of a bounded worker pool.
///
/// `start()` binds and returns at once; `endKeepAlive()` (optional, first) makes every answer
/// its connection's last while serving on; `shutdown()` stops accepting, lets in-flight requests
/// finish within the drain timeout, closes the connections and returns when all loops ended.
public final class HTTPServer: @unchecked Sendable {
    public let configuration: HTTPServerConfiguration
    private let responder: any HTTPResponder
    private let logger: Logger
    private var listener: Int32 = -1
    private var loops: [EventLoop] = []
    private var threads: [Thread] = []
    private var workers: WorkerPool?
    private let finished = DispatchGroup()
    /// The bound port (the chosen one when the configuration asked for `0`).
    public private(set) var port: Int = 0
    /// Connections over `maxConnections` that may linger at once after their `503` (each for at
    /// most a couple of seconds); beyond them the `503` is sent best-effort and the socket closed.
    private static let lingeringRefusals = 256

    public init(configuration: HTTPServerConfiguration, responder: any HTTPResponder, logger: Logger) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
    }

    /// Binds the listener and starts the event loops and workers.
    public func start() throws(SystemError) {
        signal(SIGPIPE, SIG_IGN)
        let (fd, port) = try Socket.listen(host: configuration.host, port: configuration.port)
        listener = fd
        self.port = port
        let workers = WorkerPool(
            threads: configuration.workerThreads, queueLimit: configuration.workerQueueLimit, name: "stepwork-worker")
        self.workers = workers
        let connections = SharedAllowance(limit: configuration.maxConnections)
        let refusals = SharedAllowance(limit: Self.lingeringRefusals)
        let bodyBytes = SharedAllowance(limit: configuration.maxBufferedBodyBytes)
        let uploads = ClientUploads(limitPerClient: configuration.maxUploadsPerClient)
        for index in 0..<max(1, configuration.eventLoops) {
            let loop = try EventLoop(
                listener: fd, configuration: configuration, responder: responder, workers: workers,
                openConnections: connections, refusals: refusals, bodyBytes: bodyBytes, uploads: uploads, logger: logger)
            loops.append(loop)
            finished.enter()
            let thread = Thread { [finished] in
                loop.run()
                finished.leave()
            }
            thread.name = "stepwork-loop-\(index)"
            threads.append(thread)
        }
        threads.forEach { $0.start() }
        logger.info("listening", ["host": configuration.host, "port": String(port), "event_loops": String(loops.count)])
    }

    /// Answers every request from now on with `Connection: close`, still accepting and serving:
    /// clients on keep-alive connections reconnect (behind a load balancer, to another server)
    /// before `shutdown()` stops accepting.
    public func endKeepAlive() {
        loops.forEach { $0.endKeepAlive() }
    }

    /// Stops accepting, drains in-flight requests (bounded by `drainTimeout`) and closes everything.
    public func shutdown() {
        guard listener >= 0 else { return }
        let deadline = MonotonicClock.now() + configuration.drainTimeout.nanoseconds
        loops.forEach { $0.stop(drainDeadline: deadline) }
        finished.wait()
        // A handler still running past the drain deadline gets one more second, then is left behind.
        let now = MonotonicClock.now()
        let grace = Duration.nanoseconds(deadline > now ? deadline - now : 0) + .seconds(1)
        if workers?.stop(waitingUpTo: grace) == false {
            logger.warning("workers_still_running", ["waited_ms": String(grace.nanoseconds / 1_000_000)])
        }
        close(listener)
        listener = -1
        logger.info("stopped", [:])
    }
}
