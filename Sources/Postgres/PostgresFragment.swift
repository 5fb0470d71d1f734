/// A piece of SQL that can only be written as a string literal in the program, so no input
/// can ever reach it. Interpolate it with `\(literal: fragment)`.
public struct PostgresFragment: Sendable, ExpressibleByStringLiteral {
    let sql: String

    public init(stringLiteral sql: StaticString) {
        self.sql = sql.description
    }
}
