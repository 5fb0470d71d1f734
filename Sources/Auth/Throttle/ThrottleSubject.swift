import Crypto

/// Whom a throttle counts: the SHA-256 (hex) of an identifier such as a normalised email or a
/// client address, so attempted emails are never stored.
public struct ThrottleSubject: Sendable, Hashable {
    public let digest: String

    public init(_ identifier: String) {
        digest = Hex.encode(SHA256.hash(Array(identifier.utf8)))
    }
}
