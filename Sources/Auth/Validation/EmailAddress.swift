import Foundation

/// An account's email address in normal form: trimmed and lower-cased.
struct EmailAddress: Sendable, Hashable {
    static let maxLength = 254

    let value: String

    /// The normal form of whatever was typed as an email. Login uses it without validating:
    /// an address that could never be registered is simply unknown.
    static func normalize(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Normalises `raw` and checks it: at most 254 characters, exactly one `@` with text on
    /// both sides, no spaces or control characters.
    init(validating raw: String) throws(FieldProblem) {
        let email = Self.normalize(raw)
        guard !email.isEmpty else { throw .required }
        guard email.unicodeScalars.count <= Self.maxLength else { throw .tooLong(Self.maxLength) }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
            !email.unicodeScalars.contains(where: Self.isForbidden)
        else { throw FieldProblem(code: "invalid", message: "must be an email address such as name@example.org") }
        value = email
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
    }
}
