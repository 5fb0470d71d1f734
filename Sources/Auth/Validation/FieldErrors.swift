import Web

/// Collects the problems of every field of a body, so one `422` lists them all.
struct FieldErrors {
    private(set) var errors: [FieldError] = []

    /// What `parse` makes of the field's `raw` value, or nil after recording its problem
    /// under `field` (`required` when the value is missing or `null`).
    mutating func check<Raw, Value>(
        _ field: String, _ raw: Raw?, _ parse: (Raw) throws(FieldProblem) -> Value
    ) -> Value? {
        guard let raw else {
            record(field, .required)
            return nil
        }
        do {
            return try parse(raw)
        } catch {
            record(field, error)
            return nil
        }
    }

    mutating func record(_ field: String, _ problem: FieldProblem) {
        errors.append(FieldError(field: field, code: problem.code, message: problem.message))
    }

    var isEmpty: Bool { errors.isEmpty }

    /// `422 validation_failed` listing every recorded problem.
    var failure: HTTPError { .validationFailed(errors) }
}
