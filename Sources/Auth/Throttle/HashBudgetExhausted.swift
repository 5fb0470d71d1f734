/// The process's failed-hash budget is spent: a login not from a known address is answered
/// `503 service_unavailable` with `Retry-After`, before any hash.
struct HashBudgetExhausted: Error, Sendable {
    /// Whole seconds (at least 1) until the budget has a token again.
    let retryAfter: Int
}
