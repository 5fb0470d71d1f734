import Foundation

/// A `Decoder` over a `JSONValue` that refuses what the API refuses: unknown object keys,
/// `true` for a number or `1` for a boolean, fractions for integers, out-of-range numbers,
/// NUL in strings. Dates are RFC 3339 strings; a `JSONValue` property takes the raw value.
///
/// Each value gets its own decoder. After the type's `init(from:)` returns, every key of
/// the object it never asked about is an unknown field.
final class JSONValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Set when a keyed container is opened on this (object) value.
    private var usage: ObjectKeyUsage?
    /// Whether the type opened any container at all.
    private var opened = false
    /// Decoders for nested containers and super decoders, checked together with this one.
    private var nested: [JSONValueDecoder] = []

    private init(value: JSONValue, codingPath: [any CodingKey]) {
        self.value = value
        self.codingPath = codingPath
    }

    /// Decodes `T` from `value`, then checks that every object key was asked about.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, at codingPath: [any CodingKey]) throws -> T {
        if T.self == JSONValue.self, let value = value as? T { return value }
        if T.self == Date.self, let date = try SingleValueJSONContainer(value: value, codingPath: codingPath).decodeDate() as? T {
            return date
        }
        let decoder = JSONValueDecoder(value: value, codingPath: codingPath)
        let result: T
        do {
            result = try T(from: decoder)
        } catch {
            throw decoder.preferringUnknownFields(over: error)
        }
        try decoder.checkReadAsObject()
        let unknown = decoder.unknownFields(definiteOnly: false)
        guard unknown.isEmpty else { throw StrictDecodingError.unknownFields(unknown) }
        return result
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        opened = true
        guard case .object(let object) = value else { throw mismatch([String: Any].self) }
        let usage = self.usage ?? ObjectKeyUsage(keys: object.keys)
        self.usage = usage
        usage.register(type)
        return KeyedDecodingContainer(KeyedJSONContainer(decoder: self, object: object, usage: usage))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        opened = true
        guard case .array(let elements) = value else { throw mismatch([Any].self) }
        return UnkeyedJSONContainer(decoder: self, elements: elements)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        opened = true
        return SingleValueJSONContainer(value: value, codingPath: codingPath)
    }

    /// A decoder for a `value` inside this one, whose unknown keys count as this decoder's.
    func nestedDecoder(for value: JSONValue, at codingPath: [any CodingKey]) -> JSONValueDecoder {
        let decoder = JSONValueDecoder(value: value, codingPath: codingPath)
        nested.append(decoder)
        return decoder
    }

    private func mismatch(_ type: Any.Type) -> DecodingError {
        SingleValueJSONContainer(value: value, codingPath: codingPath).mismatch(type)
    }

    /// A type that opened no container (a synthesized empty struct) reads as `{}`.
    private func checkReadAsObject() throws {
        if opened { return }
        guard case .object = value else { throw mismatch([String: Any].self) }
    }

    private func unknownFields(definiteOnly: Bool) -> [String] {
        var keys: [String] = []
        if let usage {
            keys = definiteOnly ? usage.unnameableKeys : usage.unaskedKeys
        } else if !opened && !definiteOnly, case .object(let object) = value {
            keys = object.keys.sorted()
        }
        return keys.map { (codingPath + [JSONKey(stringValue: $0)]).fieldPath }
            + nested.flatMap { $0.unknownFields(definiteOnly: definiteOnly) }
    }

    /// A failed decode of an object with unknown keys is answered as unknown fields (`400`)
    /// rather than as the field problem (`422`) that stopped it.
    private func preferringUnknownFields(over error: any Error) -> any Error {
        let unknown = unknownFields(definiteOnly: true)
        guard !unknown.isEmpty else { return error }
        if case StrictDecodingError.unknownFields(let deeper) = error {
            return StrictDecodingError.unknownFields(unknown + deeper)
        }
        return StrictDecodingError.unknownFields(unknown)
    }
}
