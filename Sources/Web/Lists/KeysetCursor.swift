import Foundation

/// The opaque `cursor` of a keyset-paged list: base64url (unpadded) of `<micros>:<uuid>`, the
/// sort timestamp (microseconds since the epoch, PostgreSQL's precision) and id of the last
/// item of the previous page.
public enum KeysetCursor {
    /// From the epoch to 2^53 µs (year 2255): what PostgreSQL converts back exactly.
    public static let validMicros: ClosedRange<Int64> = 0...(1 << 53)
    /// Longer than any token `token(micros:id:)` makes.
    private static let maxTokenLength = 96

    public static func token(micros: Int64, id: UUID) -> String {
        let plain = "\(micros):\(id.uuidString.lowercased())"
        return String(
            Data(plain.utf8).base64EncodedString()
                .map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 }
                .filter { $0 != "=" })
    }

    /// The position in a token made by `token(micros:id:)`; nil for anything else, including
    /// other spellings of the same position.
    public static func position(from token: String) -> (micros: Int64, id: UUID)? {
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
            let id = UUID(uuidString: String(parts[1])), self.token(micros: micros, id: id) == token
        else { return nil }
        return (micros, id)
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
