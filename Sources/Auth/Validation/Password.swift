/// A new password, exactly as received: any characters, no trimming, no composition rules.
struct Password: Sendable {
    static let lengths = 12...1024

    let value: String

    /// Checks the length, counted in Unicode characters (scalars, so an emoji beyond the
    /// Basic Multilingual Plane counts once).
    init(validating raw: String) throws(FieldProblem) {
        let length = raw.unicodeScalars.count
        guard length >= Self.lengths.lowerBound else { throw .tooShort(Self.lengths.lowerBound) }
        guard length <= Self.lengths.upperBound else { throw .tooLong(Self.lengths.upperBound) }
        value = raw
    }
}
