import Web

/// Why a password could not be hashed right now.
public enum PasswordHashingError: Error, Equatable, Sendable, HTTPErrorConvertible {
    /// Every hashing thread is taken and the queue is full (or the executor is shut down).
    case busy

    /// `503` with `Retry-After: 1`: hashing is momentarily saturated; the client may retry.
    public var httpError: HTTPError { .serviceUnavailable(retryAfter: 1) }
}
