import Foundation
import Logging
import Postgres
import Web

/// Registration, login and logout: the rules between the routes and the stores.
///
/// Every attempt is logged (`event=register|login|logout result=… user=…` with the request id
/// and client address); never an email, password or token.
struct AuthService: Sendable {
    let pool: PostgresPool
    let passwords: Passwords
    let sessions: SessionStore
    let throttles: AuthThrottles
    let users = UserStore()

    /// Creates an account and its first session. Throttled per client address before the
    /// password is hashed; `409 email_taken` when the email has an account already.
    func register(_ input: RegistrationInput, client: ClientContext) throws -> SignInOutput {
        var errors = FieldErrors()
        let email = errors.check("email", input.email, EmailAddress.init(validating:))
        let password = errors.check("password", input.password, Password.init(validating:))
        let displayName = errors.check("displayName", input.displayName, DisplayName.init(validating:))
        guard let email, let password, let displayName else { throw errors.failure }

        let ticket: ThrottleTicket
        do {
            ticket = try pool.withTransaction {
                try throttles.register.consume(ThrottleSubject(address: client.address), on: $0)
            }
        } catch let throttled as Throttled {
            client.logger.warning("register", ["result": "throttled", "retry_after": String(throttled.retryAfter)])
            throw throttled
        }
        let hash: String
        do {
            hash = try passwords.hash(password.value)
        } catch {
            pool.refund([ticket], logger: client.logger)
            client.logger.warning("register", ["result": "error", "error": String(describing: error)])
            throw error
        }
        do {
            let signIn = try pool.withTransaction { connection in
                let user = try users.insert(
                    email: email.value, displayName: displayName.value, passwordHash: hash, on: connection)
                try throttles.knownAddresses.remember(client.address, for: user.id, on: connection)
                return try openSession(for: user, client: client, on: connection)
            }
            client.logger.info("register", ["result": "success", "user": signIn.user.id.uuidString])
            return signIn
        } catch AccountError.emailTaken {
            client.logger.info("register", ["result": "email_taken"])
            throw AccountError.emailTaken
        }
    }

    /// Opens a session for a correct email and password.
    ///
    /// Before any hash, failures are counted with exponential back-off per account and client
    /// address, per client address, and, unless the account logged in from this address
    /// lately, per account (a far higher ceiling) and against the process's failed-hash
    /// budget (`503` beyond it). An unknown email still costs one derivation and gets the
    /// same `401` as a wrong password. The session opens only if the hash that verified is
    /// still the account's when it does; a stored hash weaker than the configured cost is
    /// replaced.
    func login(_ input: LoginInput, client: ClientContext) throws -> SignInOutput {
        var errors = FieldErrors()
        let typedEmail = errors.check("email", input.email) { $0 }
        let password = errors.check("password", input.password) { $0 }
        guard let typedEmail, let password else { throw errors.failure }
        let email = EmailAddress.normalize(typedEmail)
        let (user, known) = try pool.withConnection { connection in
            let user = try users.find(email: email, on: connection)
            let known = try user.map { try throttles.knownAddresses.contains(client.address, for: $0.id, on: connection) }
            return (user, known ?? false)
        }
        let logger = client.logger.with(["user": user?.id.uuidString ?? "-"])

        let pair = ThrottleSubject(account: email, address: client.address)
        let tickets: [ThrottleTicket]
        do {
            tickets = try pool.withTransaction { connection in
                var tickets = [
                    try throttles.loginAddress.consume(ThrottleSubject(address: client.address), on: connection),
                    try throttles.loginAccountAddress.consume(pair, on: connection),
                ]
                if !known { tickets.append(try throttles.loginAccount.consume(ThrottleSubject(account: email), on: connection)) }
                return tickets
            }
        } catch let throttled as Throttled {
            logger.warning("login", [
                "result": "throttled", "scope": throttled.scope.rawValue, "retry_after": String(throttled.retryAfter),
            ])
            throw throttled
        }
        if !known {
            do {
                try throttles.failedHashes.take()
            } catch {
                pool.refund(tickets, logger: logger)
                logger.warning("login", ["result": "hash_budget_exhausted", "retry_after": String(error.retryAfter)])
                throw error
            }
        }

        let verified: Bool
        do {
            // A login from an address the account does not know may be an attacker's: its hash
            // runs only on a free thread, never queues ahead of the account owner's.
            if let user {
                verified = try passwords.verify(password, against: user.passwordHash, queueing: known)
            } else {
                try passwords.burn(password, queueing: false)
                verified = false
            }
        } catch {
            pool.refund(tickets, logger: logger)
            if !known { throttles.failedHashes.giveBack() }
            logger.warning("login", ["result": "error", "error": String(describing: error)])
            throw error
        }
        guard verified, let user else {
            logger.warning("login", ["result": "invalid_credentials"])
            throw AccountError.invalidCredentials
        }
        if !known { throttles.failedHashes.giveBack() }  // only failures spend the budget

        let upgrade = upgradedHash(of: user, password: password, logger: logger)
        let signIn = try pool.withTransaction { connection -> SignInOutput? in
            // The hash that verified must still be the account's: a password change committed
            // since it was read ends this login too, and the lock holds off one until commit.
            guard try users.lockPasswordHash(of: user.id, on: connection) == user.passwordHash else { return nil }
            try throttles.loginAccountAddress.clear(pair, on: connection)
            // A success is no failure; the account's and the address's earlier failures stay.
            for ticket in tickets where ticket.scope != .loginAccountAddress { try ticket.refund(on: connection) }
            try throttles.knownAddresses.remember(client.address, for: user.id, on: connection)
            if let upgrade {
                try users.replacePasswordHash(of: user.id, current: user.passwordHash, with: upgrade, on: connection)
            }
            try sessions.purgeExpired(userId: user.id, on: connection)
            return try openSession(for: user, client: client, on: connection)
        }
        guard let signIn else {
            logger.warning("login", ["result": "password_changed"])
            throw AccountError.invalidCredentials
        }
        logger.info("login", ["result": "success", "rehashed": String(upgrade != nil), "known_address": String(known)])
        return signIn
    }

    /// Ends the caller's session: its token stops working at once.
    func logout(_ caller: Caller, client: ClientContext) throws {
        _ = try pool.withConnection { try sessions.delete(id: caller.sessionId, userId: caller.userId, on: $0) }
        client.logger.info("logout", ["user": caller.userId.uuidString, "session": caller.sessionId.uuidString])
    }

    private func openSession(for user: UserRecord, client: ClientContext, on connection: PostgresConnection) throws -> SignInOutput {
        let token = try SessionToken.generate()
        let session = try sessions.create(
            userId: user.id, tokenDigest: token.digest, userAgent: client.userAgent, on: connection)
        return SignInOutput(user: UserOutput(user), token: token.value, expiresAt: session.expiresAt)
    }

    /// A new hash at the configured cost when the stored one is weaker; nil when it is not, or
    /// when hashing is saturated or fails (the upgrade then waits for the next login).
    private func upgradedHash(of user: UserRecord, password: String, logger: Logger) -> String? {
        guard passwords.needsRehash(user.passwordHash) else { return nil }
        do {
            return try passwords.hash(password)
        } catch {
            logger.warning("password_rehash_skipped", ["error": String(describing: error)])
            return nil
        }
    }
}
