import Crypto
import Foundation
import Logging
import Postgres
import Web

/// The endpoints of `API.md` "Auth and account": registration, login, logout and the
/// caller's own account, profile, password and sessions.
public struct AuthRoutes: Sendable {
    private let auth: AuthService
    private let account: AccountService
    private let authenticator: Authenticator
    private let logger: Logger

    /// - Parameters:
    ///   - authenticator: checks bearer tokens; its session lifetimes also apply to new sessions.
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
        self.authenticator = authenticator
        self.logger = logger
    }

    public func register(on router: Router) {
        router.post("/v1/auth/register") { request in
            let input = try request.decode(RegistrationInput.self)
            let signIn = try auth.register(input, client: client(request))
            return try .json(signIn, status: .created, headers: ["Location": "/v1/me"])
        }
        router.post("/v1/auth/login") { request in
            let input = try request.decode(LoginInput.self)
            return try .json(try auth.login(input, client: client(request)))
        }
        router.post("/v1/auth/logout") { request in
            try auth.logout(try authenticator.authenticate(request), client: client(request))
            return .noContent
        }
        router.get("/v1/me") { request in
            try .json(try account.profile(of: try authenticator.authenticate(request)))
        }
        router.patch("/v1/me") { request in
            let caller = try authenticator.authenticate(request)
            return try .json(try account.updateProfile(of: caller, with: try request.decode(ProfilePatch.self)))
        }
        router.post("/v1/me/password") { request in
            let caller = try authenticator.authenticate(request)
            let input = try request.decode(PasswordChangeInput.self)
            try account.changePassword(of: caller, input, client: client(request))
            return .noContent
        }
        router.get("/v1/me/sessions") { request in
            try .json(try account.sessions(of: try authenticator.authenticate(request)))
        }
        router.delete("/v1/me/sessions/{id}") { request in
            let caller = try authenticator.authenticate(request)
            try account.endSession(try request.parameters.uuid("id"), of: caller, client: client(request))
            return .noContent
        }
    }

    private func client(_ request: Request) -> ClientContext {
        ClientContext(request, logger: logger)
    }
}
