import Web

/// `503` with `Retry-After: 1`: hashing is momentarily saturated; the client may retry.
extension PasswordHashingError: HTTPErrorConvertible {
    public var httpError: HTTPError { .serviceUnavailable(retryAfter: 1) }
}
