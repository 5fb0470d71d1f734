/// One JSON value of a configuration file, with integers kept apart from other numbers so
/// that a setting can refuse `1.5` where it wants a count.
enum ConfigurationFileValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([ConfigurationFileValue])
    case object([String: ConfigurationFileValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([ConfigurationFileValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: ConfigurationFileValue].self))
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
