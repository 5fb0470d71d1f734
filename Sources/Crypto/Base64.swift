/// Unpadded base64, strictly decoded: tokens travel in the URL-safe alphabet (RFC 4648 §5),
/// PHC strings use the standard one (RFC 4648 §4). Neither carries `=` padding. Both
/// directions work on the bytes, six bits a digit: a bearer token is decoded on every request.
public enum Base64 {
    /// Which 64 characters encode the bytes.
    public enum Alphabet: Sendable {
        /// `A–Z a–z 0–9 + /`
        case standard
        /// `A–Z a–z 0–9 - _`, safe in URLs, headers and cookies.
        case url

        /// The 64 digits in order of value.
        var digits: [UInt8] {
            switch self {
            case .standard: Self.standardDigits
            case .url: Self.urlDigits
            }
        }

        private static let standardDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        private static let urlDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    }

    /// Encodes `bytes` without padding.
    public static func encode(_ bytes: [UInt8], alphabet: Alphabet) -> String {
        let digits = alphabet.digits
        var text: [UInt8] = []
        text.reserveCapacity((bytes.count * 4 + 2) / 3)
        func append(_ group: UInt32, digits count: Int) {
            for shift in stride(from: 18, through: 24 - 6 * count, by: -6) {
                text.append(digits[Int(group >> UInt32(shift) & 0x3f)])
            }
        }
        var index = 0
        while index + 3 <= bytes.count {
            append(UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]), digits: 4)
            index += 3
        }
        switch bytes.count - index {
        case 1: append(UInt32(bytes[index]) << 16, digits: 2)
        case 2: append(UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8, digits: 3)
        default: break
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Decodes unpadded text, or returns nil for anything that `encode` would not have produced:
    /// padding, whitespace, characters of the other alphabet, an impossible length, or
    /// non-zero leftover bits (so each byte string has exactly one accepted spelling).
    public static func decode(_ text: some StringProtocol, alphabet: Alphabet) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 3 / 4)
        var pending: UInt32 = 0  // bits read but not yet a whole byte
        var pendingCount = 0
        for digit in text.utf8 {
            guard let value = value(of: digit, in: alphabet) else { return nil }
            pending = pending << 6 | value
            pendingCount += 6
            if pendingCount >= 8 {
                pendingCount -= 8
                bytes.append(UInt8(truncatingIfNeeded: pending >> UInt32(pendingCount)))
                pending &= (1 << UInt32(pendingCount)) - 1
            }
        }
        // One digit too many (6 bits, never a byte), or leftover bits that `encode` leaves zero.
        guard pendingCount < 6, pending == 0 else { return nil }
        return bytes
    }

    private static func value(of digit: UInt8, in alphabet: Alphabet) -> UInt32? {
        switch digit {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(digit - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(digit - UInt8(ascii: "a")) + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(digit - UInt8(ascii: "0")) + 52
        case UInt8(ascii: "+") where alphabet == .standard, UInt8(ascii: "-") where alphabet == .url: 62
        case UInt8(ascii: "/") where alphabet == .standard, UInt8(ascii: "_") where alphabet == .url: 63
        default: nil
        }
    }
}
