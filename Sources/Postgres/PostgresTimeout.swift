/// Which of a connection's time limits a statement ran past, by the SQLSTATE the server sends.
///
/// `idle_in_transaction_session_timeout` is not one of them: it ends the session, not a statement;
/// the next statement on it fails with `PostgresError.connection`, and the pool drops it.
public enum PostgresTimeout: Sendable, Equatable {
    /// `57014`: the statement ran longer than `statement_timeout` (the server cancelled it).
    case statement
    /// `55P03`: the statement waited longer than `lock_timeout` for a lock, e.g. a row lock.
    case lock

    /// The timeout behind `sqlState`, if it reports one.
    init?(sqlState: String) {
        switch sqlState {
        case "57014": self = .statement
        case "55P03": self = .lock
        default: return nil
        }
    }

    /// The PostgreSQL setting that ran out.
    public var setting: String {
        switch self {
        case .statement: "statement_timeout"
        case .lock: "lock_timeout"
        }
    }
}
