/// Why one submitted value is refused; `FieldErrors` attaches the field's name.
struct FieldProblem: Error, Equatable {
    /// A stable machine-readable code: `too_short`, `too_long`, `invalid`, ….
    let code: String
    /// A short explanation that never repeats the submitted value.
    let message: String

    /// Missing, or `null` where a value is needed.
    static let required = FieldProblem(code: "required", message: "is required")

    static func tooShort(_ minimum: Int) -> FieldProblem {
        FieldProblem(code: "too_short", message: minimum == 1 ? "must not be empty" : "must be at least \(minimum) characters")
    }

    static func tooLong(_ maximum: Int) -> FieldProblem {
        FieldProblem(code: "too_long", message: "must be at most \(maximum) characters")
    }
}
