/// A parsed JSON value (RFC 8259).
///
/// Numbers keep their literal text (`-1.5e3`), so an integer of any size decodes exactly
/// and `1` is never mistaken for `true`. Object keys are unique (the parser refuses
/// duplicates).
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses `bytes` as one JSON text; arrays and objects may nest `maxDepth` deep.
    public init(parsing bytes: [UInt8], maxDepth: Int = 32) throws(JSONParseError) {
        self = try JSONParser.parse(bytes, maxDepth: maxDepth)
    }
}

extension JSONValue {
    /// The JSON type's name, for messages.
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
