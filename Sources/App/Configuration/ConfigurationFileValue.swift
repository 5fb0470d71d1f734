import Web

/// One JSON value of a configuration file, with integers kept apart from other numbers so
/// that a setting can refuse `1.5` where it wants a count.
enum ConfigurationFileValue: Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([ConfigurationFileValue])
    case object([String: ConfigurationFileValue])

    /// Reads a value of Web's strict parser (duplicate keys and trailing commas already refused).
    init(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .number(let text): self = Int(text).map(Self.integer) ?? .number(Double(text) ?? .nan)
        case .string(let value): self = .string(value)
        case .array(let values): self = .array(values.map(Self.init))
        case .object(let members): self = .object(members.mapValues(Self.init))
        }
    }

    /// The value as it would appear in an error message: JSON-like, objects abridged.
    var display: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .string(let value): ConfigurationError.quoted(value)
        case .array(let values): "[" + values.map(\.display).joined(separator: ", ") + "]"
        case .object: "an object"
        }
    }
}
