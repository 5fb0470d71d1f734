import Postgres
import Web

/// A database problem never shows its internals: an exhausted pool, a lost database or a
/// statement that ran out of time (a lock held too long, a slow query) is a `503` the client
/// may retry, anything else a generic `500`. The details go to the log.
extension PostgresError: HTTPErrorConvertible {
    public var httpError: HTTPError {
        switch self {
        case .overloaded, .connection, .poolClosed:
            .serviceUnavailable(retryAfter: 1)
        case .timeout:
            .serviceUnavailable(retryAfter: 1, detail: "The database did not finish in time; try again.")
        case .invalidParameter:
            .validationFailed([FieldError(field: "-", code: "invalid_characters", message: "Text cannot contain the NUL character.")])
        case .server, .decoding:
            .internalError()
        }
    }
}
