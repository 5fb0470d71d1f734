import Crypto
import Foundation

/// A data key as stored: sealed with AES-256-GCM under key-encryption key `keyVersion`, with
/// its owner, its own version and `keyVersion` as associated data, so a wrapped key copied to
/// another user or relabelled with another version does not open.
///
/// `bytes` is `format (1) ‖ nonce (12) ‖ sealed key (32) ‖ tag (16)`, 61 bytes; the versions
/// are kept beside it (e.g. in columns of their own, so re-wrapping can find the old ones).
public struct WrappedDataKey: Sendable, Equatable {
    /// The first byte of `bytes`: AES-256-GCM with the associated data described above.
    public static let format: UInt8 = 1
    /// The length of `bytes`.
    public static let byteCount = 1 + AESGCM.nonceByteCount + SymmetricKey.byteCount + AESGCM.tagByteCount

    public let dataKeyVersion: Int
    public let keyVersion: Int
    public let bytes: [UInt8]

    /// A wrapped key as read back from storage; throws `malformed` unless it is of this format.
    public init(dataKeyVersion: Int, keyVersion: Int, bytes: [UInt8]) throws(EncryptionError) {
        guard KeyRing.versionRange.contains(dataKeyVersion), KeyRing.versionRange.contains(keyVersion) else {
            throw .malformed("wrapped data key versions out of range")
        }
        guard bytes.count == Self.byteCount, bytes.first == Self.format else {
            throw .malformed("not a wrapped data key of format \(Self.format)")
        }
        self.dataKeyVersion = dataKeyVersion
        self.keyVersion = keyVersion
        self.bytes = bytes
    }

    /// Seals `dataKey` for `owner` under key-encryption key `key` of version `keyVersion`.
    init(sealing dataKey: DataKey, owner: UUID, under key: SymmetricKey, version keyVersion: Int) throws(EncryptionError) {
        let box: SealedBox
        do {
            box = try AESGCM.seal(
                dataKey.key.bytes, using: key,
                authenticating: Self.associatedData(owner: owner, dataKeyVersion: dataKey.version, keyVersion: keyVersion))
        } catch {
            throw EncryptionError(error)
        }
        dataKeyVersion = dataKey.version
        self.keyVersion = keyVersion
        bytes = [Self.format] + box.combined
    }

    /// The data key, if this was sealed for `owner` under `key`.
    func open(owner: UUID, with key: SymmetricKey) throws(EncryptionError) -> DataKey {
        guard let box = SealedBox(combined: bytes.dropFirst()) else { preconditionFailure("length checked at init") }
        let plain: [UInt8]
        do {
            plain = try AESGCM.open(
                box, using: key,
                authenticating: Self.associatedData(owner: owner, dataKeyVersion: dataKeyVersion, keyVersion: keyVersion))
        } catch {
            throw EncryptionError(error)
        }
        guard let dataKey = SymmetricKey(bytes: plain) else { preconditionFailure("length checked at init") }
        return DataKey(version: dataKeyVersion, key: dataKey)
    }

    private static func associatedData(owner: UUID, dataKeyVersion: Int, keyVersion: Int) -> [UInt8] {
        var data = AssociatedData(label: "stepwork.data-key.\(format)")
        data.append(owner)
        data.append(version: dataKeyVersion)
        data.append(version: keyVersion)
        return data.bytes
    }
}
