import Foundation
import Permissions

/// The opaque `cursor` of the entry lists: base64url of `<micros>:<uuid>`, the position of
/// the last entry of the previous page.
enum EntryCursor {
    /// From the epoch to 2^53 µs (year 2255): what PostgreSQL converts back exactly.
    private static let validMicros: ClosedRange<Int64> = 0...(1 << 53)

    static func token(for position: EntryPosition) -> String {
        let plain = "\(position.updatedAtMicros):\(position.id.uuidString.lowercased())"
        return String(
            Data(plain.utf8).base64EncodedString()
                .map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 }
                .filter { $0 != "=" })
    }

    /// The position in a token made by `token(for:)`; nil for anything else, including
    /// other spellings of the same position.
    static func position(from token: String) -> EntryPosition? {
        guard (1...96).contains(token.utf8.count), token.utf8.allSatisfy(isBase64URLDigit) else { return nil }
        let padding = String(repeating: "=", count: (4 - token.utf8.count % 4) % 4)
        let base64 = String(token.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 }) + padding
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8) else { return nil }
        let parts = plain.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let micros = Int64(parts[0]), validMicros.contains(micros),
            let id = UUID(uuidString: String(parts[1]))
        else { return nil }
        let position = EntryPosition(updatedAtMicros: micros, id: id)
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
