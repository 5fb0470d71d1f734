import Crypto

/// A user's data key: the 256-bit AES key their texts are sealed under. It is stored only
/// wrapped (`WrappedDataKey`) by a key-encryption key of the `KeyRing`.
///
/// The version tells a user's data keys apart, should one ever be replaced: a sealed text
/// names the version it was sealed under. It is not the key-encryption key's version, which
/// changes when the data key is re-wrapped and leaves every sealed text as it is.
public struct DataKey: Sendable, Equatable {
    public let version: Int
    public let key: SymmetricKey

    /// - Precondition: `version` is in `KeyRing.versionRange`.
    public init(version: Int, key: SymmetricKey) {
        precondition(KeyRing.versionRange.contains(version), "data key version \(version) out of range")
        self.version = version
        self.key = key
    }

    /// A fresh data key from `RAND_bytes`; a user's first has version 1.
    public static func generate(version: Int = 1) throws(EncryptionError) -> DataKey {
        do {
            return DataKey(version: version, key: try SymmetricKey.random())
        } catch {
            throw EncryptionError(error)
        }
    }
}
