/// A value that can be decoded from a result column in PostgreSQL's text format.
///
/// Decoding goes by the text, not the column's declared type: a column decodes as `Int` when
/// its text is an integer. Conform a `RawRepresentable` type by declaring the conformance: the
/// raw value is decoded, then `init(rawValue:)` must accept it.
public protocol PostgresDecodable {
    /// The value for the text of a non-NULL field, or `nil` if the text is not one.
    init?(postgresText text: String)
    /// The same from the field's text as libpq holds it, UTF-8 bytes. By default a `String` is
    /// made of them for `init(postgresText:)`; a type read on every row of every page (`bytea`,
    /// `uuid`) reads the bytes as they are.
    init?(postgresBytes bytes: UnsafeBufferPointer<UInt8>)
    /// The value for SQL `NULL`, or `nil` if the type has none (every type but `Optional`).
    static var postgresNull: Self? { get }
}

extension PostgresDecodable {
    public static var postgresNull: Self? { nil }

    public init?(postgresBytes bytes: UnsafeBufferPointer<UInt8>) {
        self.init(postgresText: String(decoding: bytes, as: UTF8.self))
    }

    /// `init(postgresBytes:)` for a type that reads bytes, given a text.
    init?(bytesOf text: String) {
        var text = text
        guard let value = text.withUTF8({ Self(postgresBytes: $0) }) else { return nil }
        self = value
    }
}

extension PostgresDecodable where Self: RawRepresentable, RawValue: PostgresDecodable {
    public init?(postgresText text: String) {
        guard let rawValue = RawValue(postgresText: text) else { return nil }
        self.init(rawValue: rawValue)
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init?(postgresText text: String) {
        guard let value = Wrapped(postgresText: text) else { return nil }
        self = .some(value)
    }

    public init?(postgresBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard let value = Wrapped(postgresBytes: bytes) else { return nil }
        self = .some(value)
    }

    public static var postgresNull: Self? { .some(.none) }
}
