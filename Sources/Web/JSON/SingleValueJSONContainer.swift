import Foundation

/// Reads one JSON value as a Swift primitive, strictly: a `Bool` only from `true`/`false`,
/// integers only from integer literals in range, floating point only from finite numbers,
/// strings only without NUL.
struct SingleValueJSONContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { value == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let bool) = value else { throw mismatch(type) }
        return bool
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let string) = value else { throw mismatch(type) }
        guard !string.utf8.contains(0) else { throw StrictDecodingError.invalidCharacters(codingPath.fieldPath) }
        return string
    }

    func decode(_ type: Double.Type) throws -> Double { try floatingPoint(type) }
    func decode(_ type: Float.Type) throws -> Float { try floatingPoint(type) }
    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONValueDecoder.decode(type, from: value, at: codingPath)
    }

    /// An RFC 3339 time string.
    func decodeDate() throws -> Date {
        guard let date = RFC3339Timestamp.date(from: try decode(String.self)) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Expected an RFC 3339 time."))
        }
        return date
    }

    /// The error for a value of the wrong kind: `valueNotFound` for `null`, else `typeMismatch`.
    func mismatch(_ type: Any.Type) -> DecodingError {
        let context = DecodingError.Context(codingPath: codingPath, debugDescription: "Expected \(type), found \(value.kind).")
        return value == .null ? .valueNotFound(type, context) : .typeMismatch(type, context)
    }

    /// An integer as JSON Schema counts one: a number without a fractional part, however
    /// written (`10`, `10.0`, `1e1`); the spellings with a point or exponent below 2^53, where
    /// a `Double` holds them exactly.
    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard case .number(let literal) = value else { throw mismatch(type) }
        if let integer = T(literal, radix: 10) { return integer }
        guard let number = Double(literal), number.rounded() == number, abs(number) < 0x1p53,
            let integer = T(exactly: number)
        else { throw mismatch(type) }
        return integer
    }

    private func floatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(_ type: T.Type) throws -> T {
        guard case .number(let literal) = value, let number = T(literal), number.isFinite else { throw mismatch(type) }
        return number
    }
}
