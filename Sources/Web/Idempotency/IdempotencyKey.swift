/// The value of an `Idempotency-Key` header: 1–255 visible ASCII characters (as in the IETF
/// httpapi draft), chosen by the client, usually a UUID.
struct IdempotencyKey: Sendable, Equatable {
    static let header = "Idempotency-Key"
    static let maximumLength = 255

    let value: String

    /// Validates a header value; `400 invalid_idempotency_key` unless it is 1–255 characters
    /// from `!` to `~`.
    init(header value: String) throws(HTTPError) {
        let bytes = value.utf8
        guard (1...Self.maximumLength).contains(bytes.count),
            bytes.allSatisfy({ (UInt8(ascii: "!")...UInt8(ascii: "~")).contains($0) })
        else {
            throw .badRequest(
                code: "invalid_idempotency_key",
                detail: "Idempotency-Key must be 1 to 255 visible ASCII characters (no spaces).")
        }
        self.value = value
    }
}
