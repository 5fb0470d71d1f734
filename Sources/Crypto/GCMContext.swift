import COpenSSL

/// One `EVP_CIPHER_CTX` running one AES-256-GCM encryption or decryption, freed when it ends.
/// Every step checks OpenSSL's status; a failure drains the error queue into the error.
struct GCMContext: ~Copyable {
    private let context: OpaquePointer

    /// A context keyed with `key` and `nonce` (96 bits, OpenSSL's default GCM nonce length).
    init(encrypting: Bool, key: SymmetricKey, nonce: [UInt8]) throws(CryptoError) {
        precondition(nonce.count == AESGCM.nonceByteCount, "AES-GCM nonces are 96 bits here")
        guard let context = EVP_CIPHER_CTX_new() else { throw Self.failure(after: "EVP_CIPHER_CTX_new") }
        let status = key.bytes.withUnsafeBufferPointer { key in
            nonce.withUnsafeBufferPointer { nonce in
                EVP_CipherInit_ex(context, Self.cipher, nil, key.baseAddress, nonce.baseAddress, encrypting ? 1 : 0)
            }
        }
        guard status == 1 else {
            EVP_CIPHER_CTX_free(context)  // not yet ours to free at deinit
            throw Self.failure(after: "EVP_CipherInit_ex(AES-256-GCM)")
        }
        self.context = context
    }

    deinit { EVP_CIPHER_CTX_free(context) }

    /// Feeds associated data: authenticated, not encrypted. Must come before `update`.
    func authenticate(_ associatedData: [UInt8]) throws(CryptoError) {
        guard !associatedData.isEmpty else { return }
        precondition(associatedData.count <= Int(Int32.max), "AES-GCM associated data too long")
        var length: Int32 = 0
        let status = associatedData.withUnsafeBufferPointer { input in
            EVP_CipherUpdate(context, nil, &length, input.baseAddress, Int32(input.count))
        }
        guard status == 1 else { throw Self.failure(after: "EVP_CipherUpdate(associated data)") }
    }

    /// Encrypts or decrypts `input`; GCM is a stream mode, so the output is exactly as long.
    func update(_ input: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard !input.isEmpty else { return [] }
        precondition(input.count <= Int(Int32.max), "AES-GCM message too long")
        var output = [UInt8](repeating: 0, count: input.count)
        var length: Int32 = 0
        let status = input.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                EVP_CipherUpdate(context, output.baseAddress, &length, input.baseAddress, Int32(input.count))
            }
        }
        guard status == 1, Int(length) == input.count else { throw Self.failure(after: "EVP_CipherUpdate") }
        return output
    }

    /// Ends an encryption and returns its 128-bit tag.
    func finishEncryption() throws(CryptoError) -> [UInt8] {
        guard finished() else { throw Self.failure(after: "EVP_CipherFinal_ex") }
        var tag = [UInt8](repeating: 0, count: AESGCM.tagByteCount)
        let status = tag.withUnsafeMutableBytes { tag in
            EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(tag.count), tag.baseAddress)
        }
        guard status == 1 else { throw Self.failure(after: "EVP_CIPHER_CTX_ctrl(GET_TAG)") }
        return tag
    }

    /// Ends a decryption: throws `authenticationFailed` unless `tag` matches (OpenSSL compares
    /// in constant time), so no output of `update` may be used before this returns.
    func finishDecryption(expecting tag: [UInt8]) throws(CryptoError) {
        var tag = tag
        let status = tag.withUnsafeMutableBytes { tag in
            EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(tag.count), tag.baseAddress)
        }
        guard status == 1 else { throw Self.failure(after: "EVP_CIPHER_CTX_ctrl(SET_TAG)") }
        guard finished() else {
            _ = OpenSSLErrorQueue.drain(after: "EVP_CipherFinal_ex")  // a wrong tag says no more than that
            throw .authenticationFailed
        }
    }

    /// Whether `EVP_CipherFinal_ex` succeeded: for a decryption, whether the tag matched.
    private func finished() -> Bool {
        var scratch = [UInt8](repeating: 0, count: 16)  // GCM writes nothing here; OpenSSL wants a buffer
        var length: Int32 = 0
        let status = scratch.withUnsafeMutableBufferPointer { EVP_CipherFinal_ex(context, $0.baseAddress, &length) }
        return status == 1 && length == 0
    }

    /// AES-256-GCM, fetched from the default provider once: given `EVP_aes_256_gcm()`, OpenSSL 3
    /// looks the implementation up again at every initialisation (a third of a small message's
    /// cost). A fetched cipher may be shared by all threads; it lives as long as the process.
    /// Immutable once fetched, hence `nonisolated(unsafe)`.
    private nonisolated(unsafe) static let cipher: OpaquePointer? = EVP_CIPHER_fetch(nil, "AES-256-GCM", nil) ?? EVP_aes_256_gcm()

    private static func failure(after function: String) -> CryptoError {
        .cipherFailed(reason: OpenSSLErrorQueue.drain(after: function))
    }
}
