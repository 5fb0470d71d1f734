/// A field of a PATCH body with three states: absent (leave as is), `null` (clear it), or a
/// value. `{"sobrietyDate": null}` is `.null`; `{}` is `.absent`.
///
/// Declare the property as `var sobrietyDate: PatchField<CalendarDate>`; a synthesized
/// `init(from:)` then decodes a missing key as `.absent` (see the `KeyedDecodingContainer`
/// extension below). For a field that may not be cleared, refuse `.null` in validation.
public enum PatchField<Value: Decodable>: Decodable {
    case absent
    case null
    case value(Value)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try container.decode(Value.self))
    }

    /// The field's new value given its `current` one.
    public func applied(to current: Value?) -> Value? {
        switch self {
        case .absent: current
        case .null: nil
        case .value(let value): value
        }
    }
}

extension PatchField: Sendable where Value: Sendable {}
extension PatchField: Equatable where Value: Equatable {}

extension KeyedDecodingContainer {
    /// Decodes a missing key as `.absent`; chosen by synthesized `init(from:)` over the
    /// generic `decode`, which would fail on a missing key.
    public func decode<Value>(_ type: PatchField<Value>.Type, forKey key: Key) throws -> PatchField<Value> {
        guard contains(key) else { return .absent }
        return try decodeNil(forKey: key) ? .null : .value(decode(Value.self, forKey: key))
    }
}
