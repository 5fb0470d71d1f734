/// A SQL statement whose interpolated values are sent as parameters, never spliced into the text.
///
///     let rows = try connection.query("SELECT id FROM users WHERE email = \(email)")
///
/// sends `SELECT id FROM users WHERE email = $1` with `email` bound to `$1`, so SQL injection
/// cannot be written by accident. Only literal text becomes SQL. Add casts where the server
/// cannot infer a parameter's type (`\(day)::date`); `String` parameters are typed by the server.
public struct PostgresQuery: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The statement text with `$1`, `$2`, … in place of the values.
    public let sql: String
    /// The values for `$1`, `$2`, …
    let parameters: [Parameter]

    /// A parameter in text format (`nil` is NULL) and its declared type: an OID, `0` for "let
    /// the server infer".
    struct Parameter: Sendable, Equatable {
        let text: String?
        let type: UInt32
    }

    public init(stringLiteral sql: String) {
        self.sql = sql
        self.parameters = []
    }

    public init(stringInterpolation: StringInterpolation) {
        self.sql = stringInterpolation.sql
        self.parameters = stringInterpolation.parameters
    }

    /// The statement text only: parameter values may be user data and stay out of logs.
    public var description: String { sql }

    /// Builds a `PostgresQuery`: literal segments are SQL, interpolations are parameters.
    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var parameters: [Parameter] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + 3 * interpolationCount)
            parameters.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value) {
            appendParameter(value.postgresText, type: Value.postgresType)
        }

        /// SQL text fixed at compile time, for clauses that vary by code path (`FOR SHARE`,
        /// a sort direction); never a parameter, and never built from input.
        public mutating func appendInterpolation(literal fragment: PostgresFragment) {
            sql += fragment.sql
        }

        /// `nil` becomes NULL; an overload of its own so that optionals interpolate without a warning.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            appendParameter(value.postgresText, type: Value.postgresType)
        }

        private mutating func appendParameter(_ text: String?, type: UInt32) {
            parameters.append(Parameter(text: text, type: type))
            sql += "$"
            sql += String(parameters.count)
        }
    }
}
