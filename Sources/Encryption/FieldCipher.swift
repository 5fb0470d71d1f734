import Crypto

/// Seals and opens one owner's texts under their data key, each bound to where it is stored:
/// the associated data is the table, row, column and data key version, so a ciphertext
/// swapped into another row or column, or opened with another key, is refused.
/// Every seal draws a fresh 96-bit nonce.
public struct FieldCipher: Sendable {
    public let dataKey: DataKey

    public init(dataKey: DataKey) {
        self.dataKey = dataKey
    }

    /// `text` sealed for `field`.
    public func seal(_ text: String, for field: FieldIdentity) throws(EncryptionError) -> SealedField {
        do {
            let box = try AESGCM.seal(
                Array(text.utf8), using: dataKey.key,
                authenticating: Self.associatedData(field, dataKeyVersion: dataKey.version))
            return SealedField(dataKeyVersion: dataKey.version, box: box)
        } catch {
            throw EncryptionError(error)
        }
    }

    /// The text of `sealed`, if it was sealed for `field` under this cipher's data key.
    public func open(_ sealed: SealedField, for field: FieldIdentity) throws(EncryptionError) -> String {
        guard sealed.dataKeyVersion == dataKey.version else { throw .unknownDataKeyVersion(sealed.dataKeyVersion) }
        do {
            let plain = try AESGCM.open(
                sealed.box, using: dataKey.key,
                authenticating: Self.associatedData(field, dataKeyVersion: sealed.dataKeyVersion))
            return String(decoding: plain, as: UTF8.self)
        } catch {
            throw EncryptionError(error)
        }
    }

    private static func associatedData(_ field: FieldIdentity, dataKeyVersion: Int) -> [UInt8] {
        var data = AssociatedData(label: "stepwork.field.\(SealedField.format)")
        data.append(field.table)
        data.append(field.row)
        data.append(field.column)
        data.append(version: dataKeyVersion)
        return data.bytes
    }
}
