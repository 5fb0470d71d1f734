import Crypto

/// A text sealed by a `FieldCipher`, in its stored form (for a `bytea` column):
/// `format (1) ‖ data key version (4, big-endian) ‖ nonce (12) ‖ ciphertext ‖ tag (16)`,
/// so 33 bytes more than the text's UTF-8.
public struct SealedField: Sendable, Equatable {
    /// The first byte: AES-256-GCM under the owner's data key, associated data as `FieldCipher` builds it.
    public static let format: UInt8 = 1
    /// The bytes of the stored form beyond the text's own.
    public static let overhead = 1 + 4 + AESGCM.nonceByteCount + AESGCM.tagByteCount

    /// The version of the owner's data key it was sealed under.
    public let dataKeyVersion: Int
    let box: SealedBox

    init(dataKeyVersion: Int, box: SealedBox) {
        self.dataKeyVersion = dataKeyVersion
        self.box = box
    }

    /// Reads a stored form; throws `malformed` unless it is one this type writes.
    public init(bytes: [UInt8]) throws(EncryptionError) {
        guard bytes.count >= Self.overhead, bytes[0] == Self.format else {
            throw .malformed("not a sealed text of format \(Self.format)")
        }
        let version = bytes[1...4].reduce(0) { $0 << 8 | Int($1) }
        guard KeyRing.versionRange.contains(version), let box = SealedBox(combined: bytes.dropFirst(5)) else {
            throw .malformed("data key version out of range")
        }
        self.init(dataKeyVersion: version, box: box)
    }

    /// The stored form.
    public var bytes: [UInt8] {
        [Self.format] + withUnsafeBytes(of: UInt32(dataKeyVersion).bigEndian, Array.init) + box.combined
    }
}
