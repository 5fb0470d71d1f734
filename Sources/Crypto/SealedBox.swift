/// What AES-256-GCM sealing gives: the 96-bit nonce, the ciphertext (as long as the
/// plaintext) and the 128-bit tag that authenticates both with the associated data.
public struct SealedBox: Sendable, Equatable {
    public let nonce: [UInt8]
    public let ciphertext: [UInt8]
    public let tag: [UInt8]

    /// The parts, or nil when the nonce or the tag has the wrong length.
    public init?(nonce: [UInt8], ciphertext: [UInt8], tag: [UInt8]) {
        guard nonce.count == AESGCM.nonceByteCount, tag.count == AESGCM.tagByteCount else { return nil }
        self.nonce = nonce
        self.ciphertext = ciphertext
        self.tag = tag
    }

    /// `nonce ‖ ciphertext ‖ tag`, e.g. as a part of a stored form.
    public var combined: [UInt8] { nonce + ciphertext + tag }

    /// Splits `nonce ‖ ciphertext ‖ tag`; nil when `bytes` is shorter than a nonce and a tag.
    public init?(combined bytes: some Collection<UInt8>) {
        let bytes = Array(bytes)
        guard bytes.count >= AESGCM.nonceByteCount + AESGCM.tagByteCount else { return nil }
        nonce = Array(bytes.prefix(AESGCM.nonceByteCount))
        ciphertext = Array(bytes.dropFirst(AESGCM.nonceByteCount).dropLast(AESGCM.tagByteCount))
        tag = Array(bytes.suffix(AESGCM.tagByteCount))
    }
}
