extension FieldError {
    /// The field problem a `DecodingError` stands for. Messages are fixed: they never echo
    /// the submitted value or Swift type names.
    init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(field: (context.codingPath + [key]).fieldPath, code: "required", message: "is required")
        case .valueNotFound(_, let context):
            self.init(field: context.codingPath.fieldPath, code: "required", message: "must not be null")
        case .typeMismatch(let type, let context):
            self.init(field: context.codingPath.fieldPath, code: "invalid_type", message: Self.expectation(for: type))
        case .dataCorrupted(let context):
            self.init(field: context.codingPath.fieldPath, code: "invalid_value", message: "has an invalid value")
        @unknown default:
            self.init(field: "", code: "invalid_value", message: "has an invalid value")
        }
    }

    private static func expectation(for type: Any.Type) -> String {
        switch type {
        case is String.Type: "must be a string"
        case is Bool.Type: "must be a boolean"
        case is any FixedWidthInteger.Type: "must be an integer in range"
        case is any BinaryFloatingPoint.Type: "must be a number"
        case is [String: Any].Type: "must be an object"
        case is [Any].Type: "must be an array"
        default: "has the wrong type"
        }
    }
}
