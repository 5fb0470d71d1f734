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
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        Array(try encoder.encode(value))
    }
}
