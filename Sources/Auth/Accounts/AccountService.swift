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
        let changes = ThrottleSubject(passwordChangesOf: user.id)
        let ticket: ThrottleTicket
        do {
            ticket = try pool.withTransaction { try throttles.passwordChange.consume(changes, on: $0) }
        } catch let throttled as Throttled {
            logger.warning("password_change", ["result": "throttled", "retry_after": String(throttled.retryAfter)])
            throw throttled
        }
        let newHash: String?
        do {
            newHash = try passwords.verify(current, against: user.passwordHash) ? passwords.hash(new.value) : nil
        } catch {
            pool.refund([ticket], logger: logger)
            logger.warning("password_change", ["result": "error", "error": String(describing: error)])
            throw error
        }
        guard let newHash else {
            logger.warning("password_change", ["result": "invalid_credentials"])
            throw AccountError.wrongCurrentPassword
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
