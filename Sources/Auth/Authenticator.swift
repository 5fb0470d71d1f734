import Logging
import Postgres
import Web

/// Turns `Authorization: Bearer <token>` into the `Caller`, for every module's routes.
///
/// A missing, malformed, unknown, expired (idle or absolute) or revoked token is
/// `401 unauthenticated` with `WWW-Authenticate: Bearer`, and logged (without the token).
/// A live session's `last_used_at` is written at most once per `touchInterval`, so most
/// requests cost one indexed read.
public struct Authenticator: Sendable {
    public let settings: SessionSettings
    private let pool: PostgresPool
    private let sessions: SessionStore
    private let logger: Logger

    public init(pool: PostgresPool, settings: SessionSettings, logger: Logger) {
        self.settings = settings
        self.pool = pool
        self.sessions = SessionStore(settings: settings)
        self.logger = logger
    }

    public func authenticate(_ request: Request) throws -> Caller {
        let headers = request.headers.values(for: "Authorization")
        guard !headers.isEmpty else { throw refusal(request, reason: "missing") }
        guard headers.count == 1, let token = SessionToken(authorization: headers[0]) else {
            throw refusal(request, reason: "malformed")
        }
        let outcome = try pool.withConnection { connection -> Result<Caller, SessionStore.Miss> in
            guard let lookup = try sessions.find(tokenDigest: token.digest, on: connection) else {
                return .failure(try sessions.miss(tokenDigest: token.digest, on: connection))
            }
            if lookup.needsTouch { try sessions.touch(id: lookup.caller.sessionId, on: connection) }
            return .success(lookup.caller)
        }
        switch outcome {
        case .success(let caller): return caller
        case .failure(let miss): throw refusal(request, reason: miss.rawValue)
        }
    }

    private func refusal(_ request: Request, reason: String) -> HTTPError {
        logger.info("unauthenticated", [
            "reason": reason, "route": request.route?.template ?? "-",
            "request_id": request.requestId, "client": request.clientAddress,
        ])
        return .unauthenticated()
    }
}
