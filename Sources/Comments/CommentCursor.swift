import Foundation

/// The opaque `cursor` of a thread: base64url (unpadded) of `<micros>:<uuid>`, the position
/// of the last comment of the previous page.
enum CommentCursor {
    /// From the epoch to 2^53 µs (year 2255): what PostgreSQL converts back exactly.
    private static let validMicros: ClosedRange<Int64> = 0...(1 << 53)
    /// Longer than any token `token(for:)` makes.
    private static let maxTokenLength = 96

    static func token(for position: CommentPosition) -> String {
        let plain = "\(position.createdAtMicros):\(position.id.uuidString.lowercased())"
        return String(
            Data(plain.utf8).base64EncodedString()
                .map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 }
                .filter { $0 != "=" })
    }

    /// The position in a token made by `token(for:)`; nil for anything else, including other
    /// spellings of the same position.
    static func position(from token: String) -> CommentPosition? {
        guard (1...maxTokenLength).contains(token.utf8.count), token.utf8.allSatisfy(isBase64URLDigit) else {
            return nil
        }
        let padding = String(repeating: "=", count: (4 - token.utf8.count % 4) % 4)
        let base64 = String(token.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 }) + padding
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8) else {
            return nil
        }
        let parts = plain.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let micros = Int64(parts[0]), validMicros.contains(micros),
            let id = UUID(uuidString: String(parts[1]))
        else { return nil }
        let position = CommentPosition(createdAtMicros: micros, id: id)
        return self.token(for: position) == token ? position : nil
    }

    private static func isBase64URLDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}
