import HTTPServer
import Logging
import Postgres
import Web

/// Tells who sends a request, for every route the router authenticates: from
/// `Authorization: Bearer <token>`, or from the session cookie a browser signed in with.
///
/// A missing, malformed, unknown, expired (idle or absolute) or revoked token is
/// `401 unauthenticated` with `WWW-Authenticate: Bearer`, and logged (without the token). A
/// cookie-authenticated request other than `GET`/`HEAD` must carry the server's own `Origin`,
/// else `403 cross_origin`. A live session's `last_used_at` is written at most once per
/// `touchInterval`, so most requests cost one indexed read, on the request's own connection;
/// the same statement writes that refresh when due and tells row-level security who the caller is.
public struct Authenticator: RequestAuthenticator {
    public let settings: SessionSettings
    public let cookie: SessionCookie
    private let actingUserSetting: String
    private let sessions: SessionStore

    /// - Parameter actingUserSetting: the database setting row-level security reads the
    ///   caller from (the pool's `PostgresConfiguration.actingUserSetting`).
    public init(settings: SessionSettings, cookie: SessionCookie, actingUserSetting: String) {
        self.settings = settings
        self.cookie = cookie
        self.actingUserSetting = actingUserSetting
        self.sessions = SessionStore(settings: settings)
    }

    public func authenticate(_ request: Request, context: RequestContext) throws -> Caller {
        let token = try credentials(of: request, context: context)
        let connection = try context.database.connection()
        guard let caller = try sessions.find(tokenDigest: token.digest, actingUserSetting: actingUserSetting, on: connection)
        else {
            throw refusal(request, context, reason: try sessions.miss(tokenDigest: token.digest, on: connection).rawValue)
        }
        context.database.actingUser = caller.userId.uuidString.lowercased()
        return caller
    }

    /// The token a request carries: the bearer header wins; a cookie counts only for reads or
    /// with the server's own `Origin`.
    private func credentials(of request: Request, context: RequestContext) throws -> SessionToken {
        let headers = request.headers.values(for: "Authorization")
        if !headers.isEmpty {
            guard headers.count == 1, let token = SessionToken(authorization: headers[0]) else {
                throw refusal(request, context, reason: "malformed")
            }
            return token
        }
        guard let value = cookie.value(in: request.headers) else { throw refusal(request, context, reason: "missing") }
        guard let token = SessionToken(cookie: value) else { throw refusal(request, context, reason: "malformed_cookie") }
        if request.method != .get && request.method != .head {
            let origins = request.headers.values(for: "Origin")
            guard origins.count == 1, origins[0] == cookie.origin.value else {
                context.logger.warning("cross_origin_refused", [
                    "route": request.route?.template ?? "-", "client": request.clientAddress,
                ])
                throw HTTPError.forbidden(code: "cross_origin", detail: "This request must come from the Stepwork app itself.")
            }
        }
        return token
    }

    private func refusal(_ request: Request, _ context: RequestContext, reason: String) -> HTTPError {
        context.logger.info("unauthenticated", [
            "reason": reason, "route": request.route?.template ?? "-", "client": request.clientAddress,
        ])
        return .unauthenticated()
    }
}
