import Postgres
import Web

/// A database problem never shows its internals: an exhausted pool or a lost database is a
/// `503` the client may retry, anything else a generic `500`. The details go to the log.
extension PostgresError: HTTPErrorConvertible {
    public var httpError: HTTPError {
        switch self {
        case .overloaded, .connection, .poolClosed:
            .serviceUnavailable(retryAfter: 1)
        case .invalidParameter:
            .validationFailed([FieldError(field: "-", code: "invalid_characters", message: "Text cannot contain the NUL character.")])
        case .server, .decoding:
            .internalError()
        }
    }
}
