import Foundation
import Logging
import Postgres
import Web

/// The caller's own account: profile, password and sessions.
struct AccountService: Sendable {
    let pool: PostgresPool
    let passwords: Passwords
    let sessions: SessionStore
    let throttles: AuthThrottles
    let users = UserStore()

    func profile(of caller: Caller) throws -> UserOutput {
        UserOutput(try user(of: caller))
    }

    /// Changes the fields the patch names; a display name cannot be cleared, a sobriety date
    /// can, but cannot lie in the future.
    func updateProfile(of caller: Caller, with patch: ProfilePatch) throws -> UserOutput {
        var errors = FieldErrors()
        var displayName: DisplayName?
        switch patch.displayName {
        case .absent: break
        case .null: errors.record("displayName", .required)
        case .value(let raw): displayName = errors.check("displayName", raw, DisplayName.init(validating:))
        }
        if case .value(let date) = patch.sobrietyDate {
            _ = errors.check("sobrietyDate", date) { date throws(FieldProblem) in try SobrietyDate(validating: date) }
        }
        guard errors.isEmpty else { throw errors.failure }
        let user = try pool.withConnection { connection in
            try users.updateProfile(
                id: caller.userId, displayName: displayName?.value, sobrietyDate: patch.sobrietyDate, on: connection)
        }
        guard let user else { throw AccountError.accountGone }
        return UserOutput(user)
    }

    /// Replaces the password after checking the current one (wrong ones back off on the
    /// user's own counter, apart from logins) and ends every other session of the user.
    func changePassword(of caller: Caller, _ input: PasswordChangeInput, client: ClientContext) throws {
        var errors = FieldErrors()
        let current = errors.check("currentPassword", input.currentPassword) { $0 }
        let new = errors.check("newPassword", input.newPassword, Password.init(validating:))
        guard let current, let new else { throw errors.failure }

        let user = try user(of: caller)
        let logger = client.logger.with(["user": user.id.uuidString])
        let (changes, ticket) = try confirmPassword(current, of: user, logger: logger, event: "password_change")
        let newHash: String
        do {
            newHash = try passwords.hash(new.value)
        } catch {
            pool.refund([ticket], logger: logger)
            logger.warning("password_change", ["result": "error", "error": String(describing: error)])
            throw error
        }
        try pool.withTransaction { connection in
            // A concurrent change got there first: the password given is no longer current.
            guard try users.replacePasswordHash(of: user.id, current: user.passwordHash, with: newHash, on: connection) else {
                throw AccountError.wrongCurrentPassword
            }
            try sessions.deleteAll(userId: user.id, except: caller.sessionId, on: connection)
            try throttles.passwordChange.clear(changes, on: connection)
        }
        logger.info("password_change", ["result": "success"])
    }

    /// Checks that `password` is the caller's current one before an action that needs it
    /// again (export, deletion): wrong ones back off on the same counter as password changes.
    /// Throws `Throttled` (`429`) or `AccountError.wrongCurrentPassword` (`403`).
    func confirmPassword(_ password: String, of caller: Caller, client: ClientContext, event: String) throws {
        let user = try user(of: caller)
        let logger = client.logger.with(["user": user.id.uuidString])
        let (subject, _) = try confirmPassword(password, of: user, logger: logger, event: event)
        try pool.withTransaction { try throttles.passwordChange.clear(subject, on: $0) }
    }

    /// Counts an attempt on the user's password counter, then verifies `password`; returns
    /// the counter's subject and the attempt's ticket for the caller to clear or refund.
    private func confirmPassword(
        _ password: String, of user: UserRecord, logger: Logger, event: String
    ) throws -> (ThrottleSubject, ThrottleTicket) {
        let subject = ThrottleSubject(passwordChangesOf: user.id)
        let ticket: ThrottleTicket
        do {
            ticket = try pool.withTransaction { try throttles.passwordChange.consume(subject, on: $0) }
        } catch let throttled as Throttled {
            logger.warning(event, ["result": "throttled", "retry_after": String(throttled.retryAfter)])
            throw throttled
        }
        let matches: Bool
        do {
            matches = try passwords.verify(password, against: user.passwordHash)
        } catch {
            pool.refund([ticket], logger: logger)
            logger.warning(event, ["result": "error", "error": String(describing: error)])
            throw error
        }
        guard matches else {
            logger.warning(event, ["result": "invalid_credentials"])
            throw AccountError.wrongCurrentPassword
        }
        return (subject, ticket)
    }

    func sessions(of caller: Caller) throws -> SessionListOutput {
        let records = try pool.withConnection { try sessions.list(userId: caller.userId, on: $0) }
        return SessionListOutput(items: records.map { SessionOutput($0, current: $0.id == caller.sessionId) })
    }

    /// Ends one of the caller's sessions; someone else's or an unknown id is `404`.
    func endSession(_ id: UUID, of caller: Caller, client: ClientContext) throws {
        guard try pool.withConnection({ try sessions.delete(id: id, userId: caller.userId, on: $0) }) else {
            throw AccountError.sessionNotFound
        }
        client.logger.info("session_end", ["user": caller.userId.uuidString, "session": id.uuidString])
    }

    /// The caller's row; `401` should the account be gone.
    private func user(of caller: Caller) throws -> UserRecord {
        guard let user = try pool.withConnection({ try users.find(id: caller.userId, on: $0) }) else {
            throw AccountError.accountGone
        }
        return user
    }
}
