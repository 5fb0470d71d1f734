import CLibPQ
import Glibc

/// One libpq connection and its prepared statements.
///
/// Not thread-safe and not `Sendable`: `PostgresPool.withConnection` and `withTransaction` lend
/// it to one caller at a time; use it only inside that closure. Every statement runs with
/// `client_encoding=UTF8`, `DateStyle=ISO`, `TimeZone=UTC` and the configured `search_path`
/// and timeouts.
public final class PostgresConnection {
    let handle: OpaquePointer
    /// The statements prepared on this connection, by text.
    private var preparedStatements: [String: PreparedStatement] = [:]
    /// Past this many, further statements run unprepared, so dynamic SQL cannot exhaust server memory.
    static let preparedStatementLimit = 256
    /// The thread that returned the connection to the pool last; the pool prefers lending it to that thread again.
    var lastBorrower: pthread_t?
    /// The value of the configuration's `actingUserSetting` on the server, as last set through
    /// this connection (`""` for nobody); nil when unknown (a statement that set it failed).
    private(set) var actingUser: String? = ""
    private let actingUserSetting: String?

    private struct PreparedStatement {
        let name: String
        let types: [UInt32]
    }

    /// Connects, or throws `PostgresError.connection` with libpq's message.
    init(configuration: PostgresConfiguration) throws(PostgresError) {
        let timeout = configuration.connectTimeout.components
        let seconds = max(2, timeout.seconds + (timeout.attoseconds > 0 ? 1 : 0))
        // libpq reads keywords in order and the last value wins: `connect_timeout` and the
        // application name are defaults the connection string may override; the encoding is not.
        let keywords = ["connect_timeout", "fallback_application_name", "dbname", "client_encoding"]
        let values = [String(seconds), "stepwork", configuration.connectionString, "UTF8"]
        let connected = Self.withCStrings(keywords) { keywords in
            Self.withCStrings(values) { values in PQconnectdbParams(keywords, values, 1) }
        }
        guard let connected else { throw .connection(message: "libpq could not allocate a connection") }
        guard PQstatus(connected) == CONNECTION_OK else {
            let message = Self.text(PQerrorMessage(connected))
            PQfinish(connected)
            throw .connection(message: message)
        }
        handle = connected
        actingUserSetting = configuration.actingUserSetting
        // Notices ("schema already exists, skipping") would otherwise go to stderr past the logger.
        PQsetNoticeReceiver(handle, { _, _ in }, nil)
        try unsafeExecuteScript(configuration.sessionSettings.joined(separator: "; "))
    }

    deinit { PQfinish(handle) }

    /// Makes statements on this connection run on behalf of `user` (`""` for nobody), as
    /// row-level security sees it: one statement, only when the setting holds another value.
    public func act(as user: String) throws(PostgresError) {
        guard let actingUserSetting, actingUser != user else { return }
        actingUser = nil
        _ = try query("SELECT set_config(\(actingUserSetting), \(user), false)")
        actingUser = user
    }

    /// Records that a statement just run set the acting user itself (as part of its own work,
    /// saving a round trip) to `user`.
    public func noteActing(as user: String) {
        actingUser = user
    }

    /// Runs one statement and returns its rows. The statement is prepared on this connection the
    /// first time its text is seen, and reused from then on.
    public func query(_ query: PostgresQuery) throws(PostgresError) -> PostgresRows {
        PostgresRows(result: try run(query))
    }

    /// Runs one statement and returns how many rows it inserted, updated or deleted.
    @discardableResult
    public func execute(_ query: PostgresQuery) throws(PostgresError) -> Int {
        try run(query).affectedRows
    }

    /// Runs trusted SQL text as is: several statements, no parameters (libpq's `PQexec`).
    ///
    /// For migration files and fixed administrative statements only. Never put anything a user
    /// typed into `script`; use `query` or `execute` with interpolation instead.
    public func unsafeExecuteScript(_ script: String) throws(PostgresError) {
        _ = try check(PQexec(handle, script))
    }

    /// Attempts of a transaction that keeps failing to serialize, when retrying is asked for.
    static let transactionAttempts = 5

    /// Runs `body` in a transaction: committed when `body` returns, rolled back when it throws
    /// (the error thrown is `body`'s even if the rollback fails too).
    ///
    /// With `retryingSerializationFailures`, a transaction failing with SQLSTATE `40001` or `40P01`
    /// runs again from the start, up to 5 attempts in all with a short random pause between
    /// them, so `body` must be safe to repeat.
    ///
    /// Called while a transaction is already open (e.g. the one that stores an idempotent
    /// request's answer), `body` runs inside it under a savepoint instead: released when `body`
    /// returns, rolled back to when it throws. The outer transaction keeps its isolation level
    /// and its owner decides about retrying, so both arguments are then ignored.
    public func withTransaction<Result>(
        isolation: PostgresIsolationLevel = .readCommitted,
        retryingSerializationFailures: Bool = false,
        _ body: (PostgresConnection) throws -> Result
    ) throws -> Result {
        if PQtransactionStatus(handle) == PQTRANS_INTRANS { return try savepoint(body) }
        var attempt = 1
        while true {
            do {
                return try transaction(isolation, body)
            } catch let error as PostgresError
                where retryingSerializationFailures && error.isSerializationFailure && attempt < Self.transactionAttempts {
                usleep(UInt32.random(in: 1_000...(5_000 << attempt)))
                attempt += 1
            }
        }
    }

    /// Runs `body` inside a transaction: commits when it returns, rolls back when it throws.
    func transaction<Result>(
        _ isolation: PostgresIsolationLevel, _ body: (PostgresConnection) throws -> Result
    ) throws -> Result {
        try enclose(body, begin: isolation.begin, commit: "COMMIT", rollback: "ROLLBACK")
    }

    /// Runs `body` under a savepoint of the open transaction: released when it returns, rolled
    /// back to when it throws, so the outer transaction goes on without `body`'s changes.
    func savepoint<Result>(_ body: (PostgresConnection) throws -> Result) throws -> Result {
        try enclose(
            body, begin: "SAVEPOINT stepwork_nested", commit: "RELEASE SAVEPOINT stepwork_nested",
            rollback: "ROLLBACK TO SAVEPOINT stepwork_nested; RELEASE SAVEPOINT stepwork_nested")
    }

    /// Runs `body` after `begin`; then `commit` when it returns, the fixed script `rollback`
    /// when it throws (the error thrown is `body`'s even if the rollback fails too).
    private func enclose<Result>(
        _ body: (PostgresConnection) throws -> Result, begin: PostgresQuery, commit: PostgresQuery, rollback: String
    ) throws -> Result {
        try execute(begin)
        let result: Result
        do {
            result = try body(self)
        } catch {
            // Should the rollback fail too, the pool drops the connection; the caller needs `error`.
            _ = try? unsafeExecuteScript(rollback)
            throw error
        }
        if PQtransactionStatus(handle) == PQTRANS_INERROR {
            // COMMIT would silently roll back: `body` caught a failed statement and returned anyway.
            try unsafeExecuteScript(rollback)
            throw PostgresError.server(
                sqlState: "25P02", message: "a statement failed inside the transaction, which was rolled back",
                detail: nil, constraint: nil)
        }
        try execute(commit)
        return result
    }

    /// Whether an idle pooled connection may be lent out. An idle connection receives nothing
    /// unasked, so a readable socket means the server is closing it (`pg_terminate_backend`,
    /// shutdown, restart) even before libpq has noticed.
    var isUsable: Bool {
        var socket = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        return PQstatus(handle) == CONNECTION_OK && PQtransactionStatus(handle) == PQTRANS_IDLE
            && poll(&socket, 1, 0) == 0
    }

    /// Readies the connection for its next borrower, rolling back a transaction left open;
    /// `false` if it cannot be reused.
    func resetForReuse() -> Bool {
        guard PQstatus(handle) == CONNECTION_OK else { return false }
        switch PQtransactionStatus(handle) {
        case PQTRANS_IDLE:
            return true
        case PQTRANS_INTRANS, PQTRANS_INERROR:
            return (try? execute("ROLLBACK")) != nil && PQtransactionStatus(handle) == PQTRANS_IDLE
        default:
            return false
        }
    }

    private func run(_ query: PostgresQuery) throws(PostgresError) -> PostgresResult {
        let statement = try preparedStatement(for: query)
        let count = Int32(query.parameters.count)
        return try Self.withParameters(query.parameters) { values throws(PostgresError) in
            if let statement {
                try check(PQexecPrepared(handle, statement, count, values, nil, nil, 0))
            } else {
                try check(PQexecParams(handle, query.sql, count, query.parameters.map(\.type), values, nil, nil, 0))
            }
        }
    }

    /// The name of `query`'s prepared statement, prepared now on first use; `nil` past the limit,
    /// or when the text was prepared with other parameter types (it then runs unprepared).
    private func preparedStatement(for query: PostgresQuery) throws(PostgresError) -> String? {
        if let statement = preparedStatements[query.sql] {
            return statement.types.elementsEqual(query.parameters.lazy.map(\.type)) ? statement.name : nil
        }
        guard preparedStatements.count < Self.preparedStatementLimit else { return nil }
        let statement = PreparedStatement(name: "s\(preparedStatements.count)", types: query.parameters.map(\.type))
        _ = try check(PQprepare(handle, statement.name, query.sql, Int32(statement.types.count), statement.types))
        preparedStatements[query.sql] = statement
        return statement.name
    }

    /// Takes ownership of a `PGresult`, turning failures into `PostgresError`.
    private func check(_ result: OpaquePointer?) throws(PostgresError) -> PostgresResult {
        guard let result else { throw .connection(message: Self.text(PQerrorMessage(handle))) }
        let status = PQresultStatus(result)
        switch status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return PostgresResult(result)
        case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR, PGRES_BAD_RESPONSE:
            defer { PQclear(result) }
            throw error(from: result)
        default:
            // COPY and the like: the connection is left mid-protocol and will be dropped.
            PQclear(result)
            throw .connection(message: "unsupported result status \(String(cString: PQresStatus(status)))")
        }
    }

    private func error(from result: OpaquePointer) -> PostgresError {
        func field(_ code: Character) -> String? {
            PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
        }
        guard PQstatus(handle) == CONNECTION_OK, let sqlState = field("C"), !sqlState.hasPrefix("08") else {
            return .connection(message: Self.text(PQresultErrorMessage(result)))
        }
        if let timeout = PostgresTimeout(sqlState: sqlState) { return .timeout(timeout) }
        return .server(sqlState: sqlState, message: field("M") ?? "", detail: field("D"), constraint: field("n"),
            table: field("t"))
    }

    /// Calls `body` with one C string per parameter (NULL for `nil`), all valid for the whole
    /// call; empty strings get a real pointer to a NUL byte. Small parameters live on the stack.
    private static func withParameters<Output>(
        _ parameters: [PostgresQuery.Parameter], _ body: (UnsafePointer<UnsafePointer<CChar>?>) throws(PostgresError) -> Output
    ) throws(PostgresError) -> Output {
        var size = 0
        for (index, parameter) in parameters.enumerated() {
            guard let text = parameter.text else { continue }
            guard !text.utf8.contains(0) else {
                throw .invalidParameter(position: index + 1, reason: "PostgreSQL text cannot contain the NUL character")
            }
            size += text.utf8.count + 1
        }
        return try withUnsafeTemporaryAllocation(of: CChar.self, capacity: max(size, 1)) { bytes in
            withUnsafeTemporaryAllocation(of: UnsafePointer<CChar>?.self, capacity: max(parameters.count, 1)) { pointers in
                var offset = 0
                for (index, parameter) in parameters.enumerated() {
                    guard let text = parameter.text else {
                        pointers[index] = nil
                        continue
                    }
                    let start = bytes.baseAddress! + offset
                    let count = text.utf8.count
                    UnsafeMutableRawBufferPointer(start: start, count: count).copyBytes(from: text.utf8)
                    start[count] = 0
                    pointers[index] = UnsafePointer(start)
                    offset += count + 1
                }
                return Result { () throws(PostgresError) in try body(UnsafePointer(pointers.baseAddress!)) }
            }
        }.get()
    }

    private static func withCStrings<Output>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> Output) -> Output {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        return body(copies.map { UnsafePointer($0) } + [nil])
    }

    /// libpq's message without its trailing newline.
    static func text(_ message: UnsafePointer<CChar>?) -> String {
        var text = message.map { String(cString: $0) } ?? ""
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}
