import Crypto

/// A bearer token: 32 random bytes, sent as unpadded base64url. Only its SHA-256 (hex)
/// reaches the database, so a leaked table holds no usable token.
struct SessionToken: Sendable {
    static let byteCount = 32

    /// What the client sends back in `Authorization: Bearer …`.
    let value: String
    /// The SHA-256 of the token's bytes in lowercase hex: the `sessions.token_hash` key.
    let digest: String

    private init(bytes: [UInt8], value: String? = nil) {
        self.value = value ?? Base64.encode(bytes, alphabet: .url)
        digest = Hex.encode(SHA256.hash(bytes))
    }

    /// A new token from OpenSSL's CSPRNG.
    static func generate() throws(CryptoError) -> SessionToken {
        SessionToken(bytes: try SecureRandom.bytes(count: byteCount))
    }

    /// The token of a session cookie's value, or nil when it is not a well-formed token.
    init?(cookie value: Substring) {
        guard let bytes = Base64.decode(value, alphabet: .url), bytes.count == Self.byteCount else { return nil }
        self.init(bytes: bytes)
    }

    /// The token of an `Authorization` header value `Bearer <token>` (scheme in any case), or
    /// nil when the header is not exactly that with a well-formed token.
    init?(authorization: String) {
        let parts = authorization.utf8.split(separator: UInt8(ascii: " "))
        guard parts.count == 2, Self.isBearer(parts[0]) else { return nil }
        let text = Substring(parts[1])
        // Decoding is strict, so the text is the one spelling of the bytes: it is the value.
        guard let bytes = Base64.decode(text, alphabet: .url), bytes.count == Self.byteCount else { return nil }
        self.init(bytes: bytes, value: String(text))
    }

    /// Whether `scheme` is `Bearer` in any case.
    private static func isBearer(_ scheme: Substring.UTF8View) -> Bool {
        scheme.count == 6 && zip(scheme, "bearer".utf8).allSatisfy { $0 | 0x20 == $1 }
    }
}
