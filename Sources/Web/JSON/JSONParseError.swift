/// Why a text is not acceptable JSON, and the byte offset where that was found.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case unexpectedEnd
        case unexpectedCharacter
        case invalidNumber
        case invalidEscape
        /// Bytes that are not UTF-8, or a `\u` escape that is a lone surrogate.
        case invalidUnicode
        /// A raw control character inside a string; JSON requires it escaped.
        case controlCharacter
        case duplicateKey
        case tooDeep
        case trailingContent
    }

    public let reason: Reason
    public let offset: Int

    public var description: String {
        let what = switch reason {
        case .unexpectedEnd: "unexpected end of input"
        case .unexpectedCharacter: "unexpected character"
        case .invalidNumber: "invalid number"
        case .invalidEscape: "invalid escape sequence"
        case .invalidUnicode: "invalid Unicode"
        case .controlCharacter: "unescaped control character in a string"
        case .duplicateKey: "duplicate object key"
        case .tooDeep: "nesting too deep"
        case .trailingContent: "content after the JSON value"
        }
        return "Invalid JSON at byte \(offset): \(what)."
    }
}
