import Foundation
import Synchronization

/// This process's ceiling on password hashes spent on logins that may fail (those not from
/// an address the account is known at): a token bucket of `perSecond` tokens a second, at
/// most one second's worth (and at least one) saved up.
///
/// A login takes a token before it hashes and gives it back when the password was right, so
/// only failures spend the budget, and concurrent attempts cannot overdraw it. Beyond it,
/// logins answer `503` with `Retry-After` before any hash: however many addresses an
/// attacker rotates through, the hashing slots stay mostly free for everyone else.
final class FailedHashBudget: Sendable {
    let perSecond: Double
    private let capacity: Double
    private let state: Mutex<(tokens: Double, updated: ContinuousClock.Instant)>

    init(perSecond: Double) {
        precondition(perSecond > 0, "a hash budget needs a positive rate")
        self.perSecond = perSecond
        capacity = max(1, perSecond)
        state = Mutex((capacity, ContinuousClock.now))
    }

    /// Takes one token, or throws (taking nothing) when none is left.
    func take() throws(HashBudgetExhausted) {
        let wait: Int? = state.withLock { state in
            let now = ContinuousClock.now
            state.tokens = min(capacity, state.tokens + (now - state.updated).seconds * perSecond)
            state.updated = now
            guard state.tokens >= 1 else { return max(1, Int(((1 - state.tokens) / perSecond).rounded(.up))) }
            state.tokens -= 1
            return nil
        }
        if let wait { throw HashBudgetExhausted(retryAfter: wait) }
    }

    /// Returns a token taken for a login that succeeded (or never hashed).
    func giveBack() {
        state.withLock { $0.tokens = min(capacity, $0.tokens + 1) }
    }
}
