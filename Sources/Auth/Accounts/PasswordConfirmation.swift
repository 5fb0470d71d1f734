import Crypto
import HTTPServer
import Logging
import Postgres
import Web

/// The password asked again before an action on the whole account (export, deletion):
/// verified like a password change, off the request's thread on the hashing executor, wrong
/// ones backing off on the user's own counter (`429` with `Retry-After` while it does).
public struct PasswordConfirmation: Sendable {
    private let account: AccountService
    private let logger: Logger

    /// The same arguments as `AuthRoutes`, whose password counter this shares.
    public init(
        pool: PostgresPool, authenticator: Authenticator, executor: PasswordHashingExecutor, settings: AuthSettings,
        logger: Logger
    ) {
        account = AccountService(
            pool: pool, passwords: Passwords(hasher: PasswordHasher(cost: settings.passwordHashCost), executor: executor),
            sessions: SessionStore(settings: authenticator.settings), throttles: AuthThrottles(settings))
        self.logger = logger
    }

    /// Returns when `password` is the caller's; else throws `403 invalid_credentials` or
    /// `429`. Gives the request's connection back first: nobody holds one while hashing.
    /// `event` names the log line (`account_export`, `account_delete`).
    public func confirm(_ password: String, of request: Request, context: RequestContext, event: String) throws {
        let caller = try context.caller
        context.database.release()
        try account.confirmPassword(password, of: caller, client: ClientContext(request, logger: logger), event: event)
    }
}
