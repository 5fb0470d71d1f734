/// A 256-bit secret key for AES-256: a key-encryption key from the key file, or a user's data
/// key. Its bytes never appear in a description, and equality is checked in constant time.
public struct SymmetricKey: Sendable, Equatable, CustomStringConvertible {
    /// The key length in bytes.
    public static let byteCount = 32

    public let bytes: [UInt8]

    /// The key made of `bytes`, or nil unless there are exactly `byteCount` of them.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.byteCount else { return nil }
        self.bytes = bytes
    }

    /// A fresh key from `RAND_bytes`.
    public static func random() throws(CryptoError) -> SymmetricKey {
        SymmetricKey(unchecked: try SecureRandom.bytes(count: byteCount))
    }

    private init(unchecked bytes: [UInt8]) { self.bytes = bytes }

    public static func == (lhs: SymmetricKey, rhs: SymmetricKey) -> Bool { constantTimeEquals(lhs.bytes, rhs.bytes) }

    public var description: String { "SymmetricKey(256 bits)" }
}
