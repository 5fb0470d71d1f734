/// A value that can be a query parameter, sent in PostgreSQL's text format.
///
/// Conform a `RawRepresentable` type (such as a `String` enum) by declaring the conformance:
/// the raw value's encoding is used.
public protocol PostgresEncodable {
    /// The OID of the PostgreSQL type the parameter is declared as; `0` lets the server infer
    /// the type from the statement, as it does for a quoted literal.
    static var postgresType: UInt32 { get }
    /// The value in PostgreSQL's text format; `nil` is SQL `NULL`.
    var postgresText: String? { get }
}

extension PostgresEncodable {
    public static var postgresType: UInt32 { 0 }
}

extension PostgresEncodable where Self: RawRepresentable, RawValue: PostgresEncodable {
    public static var postgresType: UInt32 { RawValue.postgresType }
    public var postgresText: String? { rawValue.postgresText }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public static var postgresType: UInt32 { Wrapped.postgresType }
    public var postgresText: String? { self.flatMap(\.postgresText) }
}
