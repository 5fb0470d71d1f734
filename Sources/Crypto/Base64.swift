import Foundation

/// Unpadded base64, strictly decoded: tokens travel in the URL-safe alphabet (RFC 4648 §5),
/// PHC strings use the standard one (RFC 4648 §4). Neither carries `=` padding.
public enum Base64 {
    /// Which 64 characters encode the bytes.
    public enum Alphabet: Sendable {
        /// `A–Z a–z 0–9 + /`
        case standard
        /// `A–Z a–z 0–9 - _`, safe in URLs, headers and cookies.
        case url
    }

    /// Encodes `bytes` without padding.
    public static func encode(_ bytes: [UInt8], alphabet: Alphabet) -> String {
        let padded = Data(bytes).base64EncodedString()
        var text = Substring(padded)
        while text.last == "=" { text.removeLast() }
        switch alphabet {
        case .standard: return String(text)
        case .url: return String(text.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
        }
    }

    /// Decodes unpadded text, or returns nil for anything that `encode` would not have produced:
    /// padding, whitespace, characters of the other alphabet, an impossible length, or
    /// non-zero leftover bits (so each byte string has exactly one accepted spelling).
    public static func decode(_ text: some StringProtocol, alphabet: Alphabet) -> [UInt8]? {
        guard text.utf8.count % 4 != 1,
              text.utf8.allSatisfy({ isDigit($0, of: alphabet) })
        else { return nil }
        var standard = String(text.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        standard += String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: standard) else { return nil }
        let bytes = [UInt8](data)
        return encode(bytes, alphabet: alphabet) == String(text) ? bytes : nil
    }

    private static func isDigit(_ byte: UInt8, of alphabet: Alphabet) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "+"), UInt8(ascii: "/"): alphabet == .standard
        case UInt8(ascii: "-"), UInt8(ascii: "_"): alphabet == .url
        default: false
        }
    }
}
