import Logging
import Web

/// Who is asking, as the account services throttle and log it.
struct ClientContext: Sendable {
    static let maxUserAgentLength = 512

    /// The client's address, resolved through trusted proxies.
    let address: String
    /// The `User-Agent` header, cut to 512 characters, for the session list.
    let userAgent: String?
    /// The module's logger with the request id and client address on every line.
    let logger: Logger

    init(_ request: Request, logger: Logger) {
        address = request.clientAddress
        userAgent = request.headers["User-Agent"].map { agent in
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: agent.unicodeScalars.prefix(Self.maxUserAgentLength))
            return String(scalars)
        }
        self.logger = logger.with(["request_id": request.requestId, "client": request.clientAddress])
    }
}
