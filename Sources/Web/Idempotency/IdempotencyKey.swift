import Crypto

/// The value of an `Idempotency-Key` header: 1–255 visible ASCII characters (as in the IETF
/// httpapi draft), chosen by the client, usually a UUID.
///
/// The database sees only its `digest`; the stored answer's body is sealed under `sealingKey`,
/// so neither can be read back from a copy of the database without the client's key.
struct IdempotencyKey: Sendable, Equatable {
    static let header = "Idempotency-Key"
    static let maximumLength = 255

    let value: String
    /// SHA-256 of the key: how a stored answer is found.
    let digest: [UInt8]

    /// Validates the header's values; `400 invalid_idempotency_key` unless there is one, of
    /// 1–255 characters from `!` to `~`.
    init(headerValues values: [String]) throws(HTTPError) {
        guard values.count == 1, let value = values.first else {
            throw .badRequest(code: "invalid_idempotency_key", detail: "Send one Idempotency-Key header.")
        }
        let bytes = value.utf8
        guard (1...Self.maximumLength).contains(bytes.count),
            bytes.allSatisfy({ (UInt8(ascii: "!")...UInt8(ascii: "~")).contains($0) })
        else {
            throw .badRequest(
                code: "invalid_idempotency_key",
                detail: "Idempotency-Key must be 1 to 255 visible ASCII characters (no spaces).")
        }
        self.value = value
        digest = SHA256.hash(Array(value.utf8))
    }

    /// The AES-256-GCM key of the stored body: HMAC-SHA256 keyed with the client's key, over a
    /// fixed label (so it is not the `digest`).
    var sealingKey: SymmetricKey {
        SymmetricKey(bytes: HMACSHA256.authenticationCode(for: Array("stepwork idempotent answer".utf8), key: Array(value.utf8)))!
    }
}
