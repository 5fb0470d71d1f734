extension JSONValue {
    /// Decodes `T` strictly, for any `Decodable` type, without the type listing its keys:
    /// an object key the type never asks about (`contains`, `decode`, `decodeIfPresent`,
    /// `decodeNil`) is an unknown field, also in nested objects.
    ///
    /// `path` says where this value sits in the body (e.g. `"fields"`) and prefixes every
    /// field name in errors. Throws `HTTPError`:
    /// - `400 unknown_field`, listing every unknown field it found;
    /// - `422 validation_failed` naming the field: `required` (missing or `null`),
    ///   `invalid_type`, `invalid_value` (e.g. an enum value outside its set),
    ///   `invalid_characters` (a string with NUL).
    ///
    /// Errors the type throws itself (an `HTTPError` from its own checks) pass through.
    public func decode<T: Decodable>(_ type: T.Type, at path: String? = nil) throws -> T {
        do {
            return try JSONValueDecoder.decode(type, from: self, at: path.map { [JSONKey(stringValue: $0)] } ?? [])
        } catch StrictDecodingError.unknownFields(let fields) {
            throw HTTPError.unknownFields(fields)
        } catch StrictDecodingError.invalidCharacters(let field) {
            throw HTTPError.validationFailed([
                FieldError(field: field, code: "invalid_characters", message: "must not contain NUL characters")
            ])
        } catch let error as DecodingError {
            throw HTTPError.validationFailed([FieldError(error)])
        }
    }
}
