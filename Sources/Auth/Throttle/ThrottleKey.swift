import Crypto

/// The key of the keyed hashes that name throttle subjects and known login addresses, derived
/// from the server secret: without it, a stored subject cannot be matched to a guessed email
/// or address.
public struct ThrottleKey: Sendable {
    private let bytes: [UInt8]

    /// The key for `secret` (the server secret's bytes), separated from any other use of it.
    public init(secret: [UInt8]) {
        bytes = HMACSHA256.authenticationCode(for: Array("stepwork throttle subjects".utf8), key: secret)
    }

    /// The lowercase hex HMAC-SHA-256 of `text`: 64 digits.
    func digest(_ text: String) -> String {
        Hex.encode(HMACSHA256.authenticationCode(for: Array(text.utf8), key: bytes))
    }
}
