import Crypto
import Foundation
import HTTPServer
import Logging
import Postgres
import Web

/// The endpoints of `API.md` "Auth and account": registration, login, logout and the
/// caller's own account, profile, password and sessions.
///
/// Registration and login are public; a browser asks for its session as a cookie
/// (`"session": "cookie"`), which logout clears. The account services borrow connections of
/// their own around password hashing, so these handlers first give the request's back.
public struct AuthRoutes: Sendable {
    private let auth: AuthService
    private let account: AccountService
    private let settings: SessionSettings
    private let cookie: SessionCookie
    private let logger: Logger

    /// - Parameters:
    ///   - authenticator: its session lifetimes and cookie also apply to new sessions.
    ///   - executor: where passwords are hashed (one per process).
    public init(
        pool: PostgresPool, authenticator: Authenticator, executor: PasswordHashingExecutor,
        settings: AuthSettings, logger: Logger
    ) {
        let passwords = Passwords(hasher: PasswordHasher(cost: settings.passwordHashCost), executor: executor)
        let sessions = SessionStore(settings: authenticator.settings)
        let throttles = AuthThrottles(settings)
        auth = AuthService(pool: pool, passwords: passwords, sessions: sessions, throttles: throttles)
        account = AccountService(pool: pool, passwords: passwords, sessions: sessions, throttles: throttles)
        self.settings = authenticator.settings
        self.cookie = authenticator.cookie
        self.logger = logger
    }

    public func register(on routes: RouterGroup) {
        routes.post("/auth/register", access: .public) { request, _ in
            let input = try request.decode(RegistrationInput.self)
            let signIn = try auth.register(input, client: client(request))
            return try answer(signIn, delivery: input.session, status: .created, headers: ["Location": "/v1/me"])
        }
        routes.post("/auth/login", access: .public) { request, _ in
            let input = try request.decode(LoginInput.self)
            return try answer(try auth.login(input, client: client(request)), delivery: input.session)
        }
        routes.post("/auth/logout") { request, context in
            try auth.logout(try ownConnections(context), client: client(request))
            var response = HTTPResponse.noContent
            if cookie.value(in: request.headers) != nil { response.headers.add("Set-Cookie", cookie.clearing) }
            return response
        }
        routes.get("/me") { _, context in
            try .json(try account.profile(of: try ownConnections(context)))
        }
        routes.patch("/me") { request, context in
            let patch = try request.decode(ProfilePatch.self)
            return try .json(try account.updateProfile(of: try ownConnections(context), with: patch))
        }
        routes.post("/me/password") { request, context in
            let input = try request.decode(PasswordChangeInput.self)
            try account.changePassword(of: try ownConnections(context), input, client: client(request))
            return .noContent
        }
        routes.get("/me/sessions") { _, context in
            try .json(try account.sessions(of: try ownConnections(context)))
        }
        routes.delete("/me/sessions/{id}") { request, context in
            let id = try request.parameters.uuid("id")
            try account.endSession(id, of: try ownConnections(context), client: client(request))
            return .noContent
        }
    }

    /// The sign-in answer: the token in the body, or in a cookie (and not in the body).
    private func answer(
        _ signIn: SignInOutput, delivery: SessionDelivery?, status: HTTPStatus = .ok, headers: HTTPHeaders = [:]
    ) throws -> HTTPResponse {
        guard delivery == .cookie, let token = signIn.token else { return try .json(signIn, status: status, headers: headers) }
        var body = signIn
        body.token = nil
        var response = try HTTPResponse.json(body, status: status, headers: headers)
        response.headers.add("Set-Cookie", cookie.setting(token: token, maxAge: Int(settings.absoluteLifetime.seconds)))
        return response
    }

    /// The caller, after giving back the request's connection: the account services borrow
    /// their own around password hashing, and a request never holds two at once.
    private func ownConnections(_ context: RequestContext) throws -> Caller {
        let caller = try context.caller
        context.database.release()
        return caller
    }

    private func client(_ request: Request) -> ClientContext {
        ClientContext(request, logger: logger)
    }
}
