/// Why a cryptographic operation failed.
///
/// OpenSSL failures carry the reasons drained from its error queue: they are meant for logs,
/// never for clients (a client only ever learns that something internal went wrong).
public enum CryptoError: Error, Equatable, CustomStringConvertible {
    /// `RAND_bytes` could not produce secure random bytes. Nothing secret may be issued.
    case randomUnavailable(reason: String)
    /// A key derivation (scrypt, PBKDF2) failed. Never to be read as a password match.
    case keyDerivationFailed(reason: String)
    /// A stored password hash is not a PHC string this module accepts.
    case invalidPasswordHash(reason: String)
    /// A sealed message failed authentication: its ciphertext, nonce or tag was changed, its
    /// associated data differs, or it was sealed under another key. Nothing of it is released.
    case authenticationFailed
    /// OpenSSL could not run the cipher (anything but a failed authentication).
    case cipherFailed(reason: String)

    public var description: String {
        switch self {
        case .randomUnavailable(let reason): "secure random bytes unavailable: \(reason)"
        case .keyDerivationFailed(let reason): "key derivation failed: \(reason)"
        case .invalidPasswordHash(let reason): "invalid password hash: \(reason)"
        case .authenticationFailed: "authentication failed: altered, moved, or sealed under another key"
        case .cipherFailed(let reason): "cipher failed: \(reason)"
        }
    }
}
