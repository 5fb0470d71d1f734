/// An entry version as an HTTP entity tag, `"3"`: sent as `ETag`, expected back in `If-Match`.
enum EntryVersionTag {
    static func header(for version: Int) -> String {
        "\"\(version)\""
    }

    /// The version an `If-Match` value names: exactly one strong tag of digits. Anything else
    /// (a weak tag, `*`, a list) names no version, so it matches none and the update is `412`.
    static func version(fromIfMatch value: String) -> Int? {
        let tag = value.trimmingCharacters(in: [" ", "\t"])
        guard tag.utf8.count >= 3, tag.utf8.count <= 12, tag.hasPrefix("\""), tag.hasSuffix("\"") else { return nil }
        let digits = tag.dropFirst().dropLast()
        guard digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return Int(digits)
    }
}
