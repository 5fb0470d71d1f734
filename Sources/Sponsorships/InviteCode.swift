import Crypto

/// A one-time invite code: 12 Crockford base32 characters (60 random bits), shown in three
/// groups, `K7QM-2XWD-9HTB`, so it can be typed and read aloud.
///
/// Typed codes are accepted in either case, with or without dashes or spaces, and with
/// Crockford's look-alikes (`I`/`L` for `1`, `O` for `0`). Only the SHA-256 of the canonical
/// form is stored.
public struct InviteCode: Sendable, Equatable {
    /// The 12 canonical characters, upper case, no separators.
    public let canonical: String

    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
    static let length = 12
    static let groupLength = 4

    /// A fresh code from the system's secure random source.
    public static func generate() throws -> InviteCode {
        // 32 divides 256, so keeping the low 5 bits of each byte is unbiased: 12 × 5 = 60 bits.
        let bytes = try SecureRandom.bytes(count: length)
        let characters = bytes.map { alphabet[Int($0 & 0x1F)] }
        return InviteCode(canonical: String(decoding: characters, as: UTF8.self))
    }

    /// Reads a typed code; nil when it cannot be a code at all.
    public init?(typed text: String) {
        var characters: [UInt8] = []
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: " ") { continue }
            guard characters.count < Self.length, let character = Self.canonicalCharacter(byte) else { return nil }
            characters.append(character)
        }
        guard characters.count == Self.length else { return nil }
        self.init(canonical: String(decoding: characters, as: UTF8.self))
    }

    private init(canonical: String) {
        self.canonical = canonical
    }

    /// The code as shown to the inviter: `K7QM-2XWD-9HTB`.
    public var formatted: String {
        var groups: [Substring] = []
        var rest = canonical[...]
        while !rest.isEmpty {
            groups.append(rest.prefix(Self.groupLength))
            rest = rest.dropFirst(Self.groupLength)
        }
        return groups.joined(separator: "-")
    }

    /// What the database keeps: the SHA-256 of the canonical form, in lower-case hex.
    public var hash: String {
        Hex.encode(SHA256.hash(Array(canonical.utf8)))
    }

    private static func canonicalCharacter(_ byte: UInt8) -> UInt8? {
        let upper = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 0x20 : byte
        switch upper {
        case UInt8(ascii: "I"), UInt8(ascii: "L"): return UInt8(ascii: "1")
        case UInt8(ascii: "O"): return UInt8(ascii: "0")
        default: return alphabet.contains(upper) ? upper : nil
        }
    }
}
