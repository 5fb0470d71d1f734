import Crypto

/// Password hashing for the account services: `PasswordHasher` run on the bounded
/// `PasswordHashingExecutor`, so a request never runs scrypt on its own thread.
struct Passwords: Sendable {
    let hasher: PasswordHasher
    let executor: PasswordHashingExecutor

    /// A new PHC string for `password` at the configured cost.
    func hash(_ password: String) throws -> String {
        try executor.run { [hasher] in try hasher.hash(password) }
    }

    /// Whether `password` matches `phc`. A malformed hash or a failed derivation throws:
    /// never a match. Without `queueing`, only if a hashing thread is free now.
    func verify(_ password: String, against phc: String, queueing: Bool = true) throws -> Bool {
        try executor.run(queueing: queueing) { [hasher] in try hasher.verify(password, against: phc) }
    }

    /// Costs one derivation at the configured cost and matches nothing: the answer to an
    /// unknown email takes as long as the answer to a wrong password.
    func burn(_ password: String, queueing: Bool = true) throws {
        _ = try executor.run(queueing: queueing) { [hasher] in try hasher.hash(password) }
    }

    func needsRehash(_ phc: String) -> Bool {
        hasher.needsRehash(phc)
    }
}
