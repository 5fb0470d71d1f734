import Foundation

/// The one JSON encoder of the API: times as `RFC3339Timestamp`, `/` unescaped, keys sorted
/// so equal values give equal bytes (a hidden entry's `404` is byte for byte a missing one's).
public enum JSONOutput {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339Timestamp.string(from: date))
        }
        return encoder
    }()

    /// Encodes `value` as UTF-8 JSON. Throws `EncodingError` for values JSON cannot hold (NaN).
    /// A `JSONWritable` value writes itself: the same bytes, without the encoder's cost.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        if let writable = value as? any JSONWritable { return written(writable) }
        return try encoded(value)
    }

    /// `value` through the encoder, even when it could write itself (the tests compare both).
    static func encoded(_ value: some Encodable) throws -> [UInt8] {
        Array(try encoder.encode(value))
    }

    /// `value` as it writes itself.
    static func written(_ value: some JSONWritable) -> [UInt8] {
        var writer = JSONWriter()
        value.write(to: &writer)
        return writer.bytes
    }
}
