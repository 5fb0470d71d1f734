import COpenSSL

/// SHA-256 through OpenSSL's `EVP_Digest`.
public enum SHA256 {
    /// The digest length in bytes.
    public static let byteCount = 32

    /// The SHA-256 digest of `bytes`.
    ///
    /// A fixed, built-in digest over memory fails only when libcrypto itself is unusable;
    /// that stops the process (with OpenSSL's reasons) rather than handing out a wrong hash.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: byteCount)
        var length: UInt32 = 0
        let status = bytes.withUnsafeBytes { input in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, EVP_sha256(), nil)
            }
        }
        guard status == 1, length == byteCount else {
            fatalError(OpenSSLErrorQueue.drain(after: "EVP_Digest(SHA-256)"))
        }
        return digest
    }
}
