import Crypto

/// Why a text or a data key could not be sealed or opened. Never carries plaintext or key
/// bytes, so it may be logged as it is; a client only learns that something internal failed.
public enum EncryptionError: Error, Equatable, CustomStringConvertible {
    /// The stored bytes do not authenticate: altered, moved to another row, column or owner,
    /// or sealed under another key than the one configured for their version.
    case authenticationFailed
    /// The key file has no key-encryption key of this version (removed too early, or another file).
    case unknownKeyVersion(Int)
    /// A text was sealed under another version of the owner's data key than the one given.
    case unknownDataKeyVersion(Int)
    /// The owner of a sealed text has no data key (any more: deleting it is crypto-shredding).
    case noDataKey
    /// Stored bytes are not of a form this module writes.
    case malformed(String)
    /// Random bytes or OpenSSL failed (not an authentication failure).
    case cryptoFailed(CryptoError)

    init(_ error: CryptoError) {
        self = error == .authenticationFailed ? .authenticationFailed : .cryptoFailed(error)
    }

    public var description: String {
        switch self {
        case .authenticationFailed: "ciphertext failed authentication"
        case .unknownKeyVersion(let version): "no key-encryption key v\(version) in the key file"
        case .unknownDataKeyVersion(let version): "sealed under data key version \(version), not the one given"
        case .noDataKey: "the owner has no data key"
        case .malformed(let problem): "malformed stored form: \(problem)"
        case .cryptoFailed(let error): error.description
        }
    }
}
