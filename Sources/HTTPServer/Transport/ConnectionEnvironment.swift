import Logging

/// What a connection's state machine uses that is not its own: the server's settings, the
/// budgets shared with every other connection, and where to log.
struct ConnectionEnvironment: Sendable {
    let configuration: HTTPServerConfiguration
    /// Request body bytes held in memory by all connections together.
    let bodyBytes: SharedAllowance
    /// Uploads in progress per client, across all connections.
    let uploads: ClientUploads
    let logger: Logger
    /// Off once shutdown is announced: every answer is then its connection's last.
    var keepAlive = KeepAliveSwitch()
}
