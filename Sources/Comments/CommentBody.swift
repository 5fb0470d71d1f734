import Foundation
import Web

/// A comment's text as stored: trimmed, 1–10,000 characters.
///
/// Lengths are counted in Unicode scalars, as PostgreSQL's `char_length` counts them, so a
/// body accepted here always satisfies the schema's `CHECK`s. NUL never gets this far: the
/// strict JSON decoder refuses it with `422 invalid_characters`.
struct CommentBody: Sendable, Equatable {
    static let maxLength = 10_000

    let text: String

    /// Throws `422 validation_failed` naming `body`: `too_short` when nothing but
    /// whitespace is left, `too_long` past 10,000 characters.
    init(validating raw: String) throws(HTTPError) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw .validationFailed([FieldError(field: "body", code: "too_short", message: "must not be empty")])
        }
        guard text.unicodeScalars.count <= Self.maxLength else {
            throw .validationFailed([
                FieldError(field: "body", code: "too_long", message: "must be at most \(Self.maxLength) characters")
            ])
        }
        self.text = text
    }
}
