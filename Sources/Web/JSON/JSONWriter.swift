import Foundation

/// Writes JSON bytes directly, for the types on the read path that spell out their own
/// output (`JSONWritable`): byte for byte what `JSONOutput`'s encoder writes for them (times
/// as `RFC3339Timestamp`, ids in upper case, `/` unescaped, the same escapes), at a fraction
/// of its cost. Keys must be written in ascending byte order, as `.sortedKeys` orders them.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether the innermost open object or array already holds a member.
    private var hasMember = false

    public init() {
        bytes.reserveCapacity(1024)
    }

    /// Writes `{`, the members `body` writes (each starting with `key(_:)`), then `}`.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        hasMember = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        hasMember = true
    }

    /// Starts an object member: the separator if one is due, then `"key":`.
    public mutating func key(_ key: StaticString) {
        if hasMember { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        hasMember = false
    }

    /// Writes `[`, each element with `element`, then `]`.
    public mutating func array<Elements: Sequence>(
        _ elements: Elements, _ element: (inout JSONWriter, Elements.Element) -> Void
    ) {
        bytes.append(UInt8(ascii: "["))
        var first = true
        for item in elements {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            element(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
        hasMember = true
    }

    public mutating func null() {
        bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
        hasMember = true
    }

    public mutating func value(_ flag: Bool) {
        bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        hasMember = true
    }

    public mutating func value(_ number: Int) {
        bytes.append(contentsOf: String(number).utf8)
        hasMember = true
    }

    public mutating func value(_ id: UUID) {
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: id.uuidString.utf8)
        bytes.append(UInt8(ascii: "\""))
        hasMember = true
    }

    public mutating func value(_ date: Date) {
        bytes.append(UInt8(ascii: "\""))
        RFC3339Timestamp.write(date, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        hasMember = true
    }

    /// A string, escaped as Foundation's `JSONEncoder` escapes it: `"` and `\`, the short
    /// escapes `\b \t \n \f \r`, every other control character as `\u00xx` (lower-case hex).
    public mutating func value(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0..<0x20:
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        hasMember = true
    }

    /// The raw value of a string enum (`kind`, `access`, a status).
    public mutating func value<Value: RawRepresentable<String>>(_ value: Value) {
        self.value(value.rawValue)
    }

    /// A value that writes itself.
    public mutating func value(_ value: some JSONWritable) {
        value.write(to: &self)
    }

    /// `value`, or `null` for nil.
    public mutating func value(_ value: String?) {
        if let value { self.value(value) } else { null() }
    }

    public mutating func value(_ value: Int?) {
        if let value { self.value(value) } else { null() }
    }

    public mutating func value(_ value: UUID?) {
        if let value { self.value(value) } else { null() }
    }

    public mutating func value(_ value: Date?) {
        if let value { self.value(value) } else { null() }
    }

    public mutating func value<Value: RawRepresentable<String>>(_ value: Value?) {
        if let value { self.value(value.rawValue) } else { null() }
    }

    public mutating func value(_ value: (some JSONWritable)?) {
        if let value { value.write(to: &self) } else { null() }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
