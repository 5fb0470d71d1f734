/// Everything that can go wrong talking to PostgreSQL.
///
/// `description` is generic and safe to show a client; `debugDescription` carries the server's
/// message and detail, which may quote user data; `logFields` carries only the SQLSTATE and the
/// constraint name.
public enum PostgresError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// No usable connection: connecting failed, or the connection broke (server restart,
    /// `pg_terminate_backend`, network). The pool replaces the connection on next use.
    case connection(message: String)
    /// The server refused the statement.
    case server(sqlState: String, message: String, detail: String?, constraint: String?, table: String? = nil)
    /// A column of a result could not be decoded as the requested type.
    case decoding(column: String, expected: String, found: String)
    /// A statement ran or waited past one of the configured timeouts (`PostgresConfiguration`).
    case timeout(PostgresTimeout)
    /// A parameter cannot be sent (PostgreSQL text cannot hold the NUL character).
    case invalidParameter(position: Int, reason: String)
    /// Every pooled connection stayed busy for the whole acquire timeout.
    case overloaded
    /// The pool was closed.
    case poolClosed

    /// The five-character SQLSTATE of a server error.
    public var sqlState: String? {
        if case .server(let sqlState, _, _, _, _) = self { sqlState } else { nil }
    }

    /// The name of the constraint a server error is about, if any.
    public var constraint: String? {
        if case .server(_, _, _, let constraint, _) = self { constraint } else { nil }
    }

    /// The name of the table a server error is about, if any.
    public var table: String? {
        if case .server(_, _, _, _, let table) = self { table } else { nil }
    }

    /// `23505`: a unique constraint or index refused the row.
    public var isUniqueViolation: Bool { sqlState == "23505" }

    /// `23503`: a foreign key refused the row.
    public var isForeignKeyViolation: Bool { sqlState == "23503" }

    /// `40001` serialization failure or `40P01` deadlock: the whole transaction may succeed if run again.
    public var isSerializationFailure: Bool { sqlState == "40001" || sqlState == "40P01" }

    public var description: String {
        switch self {
        case .connection: "database unavailable"
        case .server, .decoding, .invalidParameter: "database error"
        case .timeout: "database timeout"
        case .overloaded: "database busy"
        case .poolClosed: "database pool closed"
        }
    }

    public var debugDescription: String {
        switch self {
        case .connection(let message):
            "database unavailable: \(message)"
        case .server(let sqlState, let message, let detail, let constraint, _):
            "database error \(sqlState): \(message)"
                + (detail.map { " (detail: \($0))" } ?? "")
                + (constraint.map { " (constraint: \($0))" } ?? "")
        case .decoding(let column, let expected, let found):
            "cannot decode column \"\(column)\" as \(expected): found \(found)"
        case .timeout(let timeout):
            "the database ended the statement: \(timeout.setting) ran out"
        case .invalidParameter(let position, let reason):
            "parameter $\(position) cannot be sent: \(reason)"
        case .overloaded:
            "no database connection became free within the acquire timeout"
        case .poolClosed:
            "the database pool is closed"
        }
    }

    /// Fields for a log line that never hold user data: never the server's message or
    /// `DETAIL`, which can quote a row ("Failing row contains …").
    public var logFields: KeyValuePairs<String, String> {
        ["db_error": kind, "sqlstate": sqlState ?? "-", "constraint": constraint ?? "-", "table": table ?? "-"]
    }

    private var kind: String {
        switch self {
        case .connection: "connection"
        case .server: "server"
        case .decoding: "decoding"
        case .timeout(let timeout): timeout.setting
        case .invalidParameter: "invalid_parameter"
        case .overloaded: "overloaded"
        case .poolClosed: "pool_closed"
        }
    }
}
