extension String: PostgresCodable {
    /// Left to the server, like a quoted literal: a `String` fits `text`, `uuid`, `jsonb`… columns.
    public static var postgresType: UInt32 { 0 }
    public var postgresText: String? { self }
    public init?(postgresText text: String) { self = text }
}
