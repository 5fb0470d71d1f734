import COpenSSL

/// PBKDF2 (RFC 8018) through OpenSSL's `PKCS5_PBKDF2_HMAC`.
///
/// Not used for passwords (scrypt is); kept to check the OpenSSL binding against the
/// PBKDF2-HMAC-SHA-256 vectors of RFC 7914 §11, which scrypt itself builds on.
enum PBKDF2 {
    /// PBKDF2-HMAC-SHA-256 of `password` and `salt`, `length` bytes.
    static func sha256(password: [UInt8], salt: [UInt8], iterations: Int, length: Int) throws(CryptoError) -> [UInt8] {
        precondition(length > 0 && length <= Int(Int32.max) && (1...Int(Int32.max)).contains(iterations))
        precondition(password.count <= Int(Int32.max) && salt.count <= Int(Int32.max))
        var key = [UInt8](repeating: 0, count: length)
        let status = password.withUnsafeBytes { password in
            salt.withUnsafeBufferPointer { salt in
                key.withUnsafeMutableBufferPointer { key in
                    PKCS5_PBKDF2_HMAC(
                        password.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(password.count),
                        salt.baseAddress, Int32(salt.count), Int32(iterations), EVP_sha256(),
                        Int32(key.count), key.baseAddress)
                }
            }
        }
        guard status == 1 else {
            throw .keyDerivationFailed(reason: OpenSSLErrorQueue.drain(after: "PKCS5_PBKDF2_HMAC"))
        }
        return key
    }
}
