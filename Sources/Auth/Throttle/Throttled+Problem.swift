import Web

/// `429 too_many_requests` with `Retry-After`.
extension Throttled: HTTPErrorConvertible {
    public var httpError: HTTPError { .tooManyRequests(retryAfter: retryAfter) }
}
