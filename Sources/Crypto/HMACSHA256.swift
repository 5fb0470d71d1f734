import COpenSSL

/// HMAC-SHA-256 (RFC 2104) through OpenSSL's one-shot `HMAC`: keyed digests, e.g. of
/// throttle subjects, that nobody without the key can recompute from a guessed input.
public enum HMACSHA256 {
    /// The tag length in bytes.
    public static let byteCount = 32

    /// The HMAC-SHA-256 tag of `message` under `key` (any length; longer keys are hashed first).
    ///
    /// Like `SHA256.hash`, a fixed MAC over memory fails only when libcrypto itself is
    /// unusable; that stops the process rather than handing out a wrong tag.
    public static func authenticationCode(for message: [UInt8], key: [UInt8]) -> [UInt8] {
        precondition(key.count <= Int(Int32.max), "HMAC key too long")
        var tag = [UInt8](repeating: 0, count: byteCount)
        var length: UInt32 = 0
        // Storage that is never empty, so OpenSSL always gets a key pointer (nil means "no key").
        let keyStorage = key.isEmpty ? [0] : key
        let result = keyStorage.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { message in
                tag.withUnsafeMutableBufferPointer { tag in
                    HMAC(EVP_sha256(), keyBytes.baseAddress, Int32(key.count),
                         message.baseAddress?.assumingMemoryBound(to: UInt8.self), message.count,
                         tag.baseAddress, &length)
                }
            }
        }
        guard result != nil, length == byteCount else {
            fatalError(OpenSSLErrorQueue.drain(after: "HMAC(SHA-256)"))
        }
        return tag
    }
}
