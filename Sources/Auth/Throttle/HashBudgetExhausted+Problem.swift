import Web

/// `503 service_unavailable` with `Retry-After`, before any hash.
extension HashBudgetExhausted: HTTPErrorConvertible {
    var httpError: HTTPError { .serviceUnavailable(retryAfter: retryAfter) }
}
