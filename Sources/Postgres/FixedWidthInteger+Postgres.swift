extension Int: PostgresCodable {
    /// `bigint`
    public static var postgresType: UInt32 { 20 }
}

extension Int64: PostgresCodable {
    /// `bigint`
    public static var postgresType: UInt32 { 20 }
}

extension Int32: PostgresCodable {
    /// `integer`
    public static var postgresType: UInt32 { 23 }
}

extension PostgresEncodable where Self: FixedWidthInteger {
    public var postgresText: String? { String(self) }
}

extension PostgresDecodable where Self: FixedWidthInteger {
    public init?(postgresText text: String) { self.init(text, radix: 10) }
}
