import Foundation

/// The name a user shows to others: trimmed, 1–80 characters, no control characters.
struct DisplayName: Sendable, Equatable {
    static let maxLength = 80

    let value: String

    init(validating raw: String) throws(FieldProblem) {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .tooShort(1) }
        guard name.unicodeScalars.count <= Self.maxLength else { throw .tooLong(Self.maxLength) }
        guard !name.unicodeScalars.contains(where: Self.isForbidden) else {
            throw FieldProblem(code: "invalid_characters", message: "must not contain control characters or line breaks")
        }
        value = name
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }
}
