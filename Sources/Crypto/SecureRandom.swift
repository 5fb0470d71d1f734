import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's CSPRNG.
public enum SecureRandom {
    /// Returns `count` random bytes from `RAND_bytes`.
    ///
    /// There is no fallback: when the generator fails, the caller gets an error and must not
    /// issue the token, salt or code it was making.
    public static func bytes(count: Int) throws(CryptoError) -> [UInt8] {
        precondition((0...Int(Int32.max)).contains(count), "SecureRandom.bytes: count out of range")
        var bytes = [UInt8](repeating: 0, count: count)
        guard count > 0 else { return bytes }
        let status = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
        guard status == 1 else {
            throw .randomUnavailable(reason: OpenSSLErrorQueue.drain(after: "RAND_bytes"))
        }
        return bytes
    }
}
