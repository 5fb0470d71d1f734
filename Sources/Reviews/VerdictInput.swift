import Foundation
import Web

/// The body of `PUT /v1/reviews/{id}/verdict`: `{"verdict","note"?}`.
struct VerdictInput: Decodable, Sendable {
    static let noteLength = 1...10_000

    let verdict: ReviewVerdict
    let note: String?

    /// The note to store, trimmed: `422 validation_failed` naming `note` when it is blank, too
    /// long, or missing for `wait` and `not_advisable`.
    func validatedNote() throws(HTTPError) -> String? {
        guard let note else {
            guard !verdict.needsNote else { throw Self.problem("required", "is required for \(verdict.rawValue)") }
            return nil
        }
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.unicodeScalars.count >= Self.noteLength.lowerBound else { throw Self.problem("too_short", "must not be empty") }
        guard text.unicodeScalars.count <= Self.noteLength.upperBound else {
            throw Self.problem("too_long", "must be at most \(Self.noteLength.upperBound) characters")
        }
        return text
    }

    private static func problem(_ code: String, _ message: String) -> HTTPError {
        .validationFailed([FieldError(field: "note", code: code, message: message)])
    }
}
