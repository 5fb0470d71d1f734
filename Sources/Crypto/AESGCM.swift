/// AES-256-GCM (NIST SP 800-38D) through OpenSSL's `EVP_aes_256_gcm`: 256-bit keys, 96-bit
/// nonces, 128-bit tags, and associated data that is authenticated but not encrypted.
public enum AESGCM {
    /// The nonce length in bytes.
    public static let nonceByteCount = 12
    /// The tag length in bytes.
    public static let tagByteCount = 16

    /// Encrypts `plaintext` under `key` with a fresh random nonce from `RAND_bytes` and
    /// authenticates it together with `associatedData`.
    ///
    /// Random 96-bit nonces are safe for up to 2^32 messages under one key (SP 800-38D §8.3).
    public static func seal(
        _ plaintext: [UInt8], using key: SymmetricKey, authenticating associatedData: [UInt8]
    ) throws(CryptoError) -> SealedBox {
        try seal(plaintext, using: key, nonce: SecureRandom.bytes(count: nonceByteCount), authenticating: associatedData)
    }

    /// Encrypts with a given nonce: for known-answer tests, since a nonce must never repeat under one key.
    static func seal(
        _ plaintext: [UInt8], using key: SymmetricKey, nonce: [UInt8], authenticating associatedData: [UInt8]
    ) throws(CryptoError) -> SealedBox {
        let context = try GCMContext(encrypting: true, key: key, nonce: nonce)
        try context.authenticate(associatedData)
        let ciphertext = try context.update(plaintext)
        let tag = try context.finishEncryption()
        guard let box = SealedBox(nonce: nonce, ciphertext: ciphertext, tag: tag) else {
            preconditionFailure("AES-GCM produced a tag of the wrong length")
        }
        return box
    }

    /// The plaintext of `box`, once its tag proves that neither it nor `associatedData` was
    /// changed and that it was sealed under `key`; otherwise `CryptoError.authenticationFailed`,
    /// and nothing of the plaintext is released.
    public static func open(
        _ box: SealedBox, using key: SymmetricKey, authenticating associatedData: [UInt8]
    ) throws(CryptoError) -> [UInt8] {
        let context = try GCMContext(encrypting: false, key: key, nonce: box.nonce)
        try context.authenticate(associatedData)
        let plaintext = try context.update(box.ciphertext)
        try context.finishDecryption(expecting: box.tag)
        return plaintext
    }
}
