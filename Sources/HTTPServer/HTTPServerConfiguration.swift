/// Everything the server can be tuned by. Times are `Duration`s; sizes are bytes.
public struct HTTPServerConfiguration: Sendable {
    /// Address to listen on (IPv4 or IPv6 literal).
    public var host: String = "127.0.0.1"
    /// Port; `0` picks any free port (see `HTTPServer.port`).
    public var port: Int = 8080
    /// Event loop threads; each owns its connections.
    public var eventLoops: Int = 1
    /// Threads that run blocking handlers.
    public var workerThreads: Int = 16
    /// Requests that may wait for a worker; beyond it: `503` with `Retry-After`.
    public var workerQueueLimit: Int = 1024
    /// Open connections at most; beyond it new ones get `503` and a lingering close.
    public var maxConnections: Int = 10_000
    /// Request line, fields, body limits.
    public var limits = HTTPParserLimits()
    /// Request body bytes all connections together may hold in memory, counted as they arrive
    /// (not as declared); a request whose body would pass it gets `503` (default 256 MiB).
    public var maxBufferedBodyBytes: Int = 256 << 20
    /// The first bytes of each request body, which its connection holds outside
    /// `maxBufferedBodyBytes`: a small request (a login) is still read while large uploads hold
    /// the whole shared budget. Like a request head, memory per connection (default 16 KiB).
    public var perConnectionBodyBytes: Int = 16 * 1024
    /// Requests whose body is still arriving, per client address (an IPv6 client's `/64`);
    /// beyond it `503` with `Retry-After`. Only bodies that may need the shared budget count
    /// (chunked, or declared over `perConnectionBodyBytes`), and only while they arrive: a body
    /// that comes whole with its head never does. Behind a reverse proxy every client has the
    /// proxy's address: raise it there (default 8).
    public var maxUploadsPerClient: Int = 8
    /// Time for a whole request head, from its first byte.
    public var headTimeout: Duration = .seconds(10)
    /// Body bytes per second a client must keep up after a grace of `headTimeout`; only
    /// payload counts (not chunk sizes, extensions or trailers).
    public var bodyMinimumBytesPerSecond: Int = 1024
    /// Time for a whole request body from the end of its head, however steadily it arrives:
    /// the cap on what the minimum rate can earn (default 60 s).
    public var bodyTimeout: Duration = .seconds(60)
    /// Time an idle keep-alive connection (or a client not reading our answer) is kept. An open
    /// `HTTPStream` has no idle deadline, only this one while the client takes nothing.
    public var idleTimeout: Duration = .seconds(15)
    /// Time in-flight requests get to finish at shutdown.
    public var drainTimeout: Duration = .seconds(10)
    /// The body of the server's own error answers (framing errors, overload); the default
    /// is a small `application/problem+json` document.
    public var errorResponse: @Sendable (HTTPStatus, HTTPRequestHead?) -> HTTPResponse = HTTPServerConfiguration.problemResponse

    public init() {}

    /// `{"status":N,"code":"…","title":"…"}` as `application/problem+json`.
    public static func problemResponse(_ status: HTTPStatus, _ head: HTTPRequestHead?) -> HTTPResponse {
        let code = status.reason.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "_")
        let body = #"{"status":\#(status.code),"code":"\#(code)","title":"\#(status.reason)"}"#
        var headers: HTTPHeaders = ["Content-Type": "application/problem+json; charset=utf-8"]
        if status == .serviceUnavailable { headers.add("Retry-After", "1") }
        return HTTPResponse(status: status, headers: headers, body: Array(body.utf8))
    }
}
