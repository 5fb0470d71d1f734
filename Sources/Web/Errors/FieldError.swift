/// One problem with one field of a request body, as listed in a problem's `errors`.
public struct FieldError: Encodable, Equatable, Sendable {
    /// The field's path in the body: `password`, `fields.person`, `items[2].name`.
    public var field: String
    /// A stable machine-readable code: `required`, `invalid_type`, `too_short`, ….
    public var code: String
    /// A short human-readable explanation, never containing the submitted value.
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}
