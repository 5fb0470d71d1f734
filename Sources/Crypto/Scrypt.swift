import COpenSSL

/// The scrypt key derivation function (RFC 7914) through OpenSSL's `EVP_PBE_scrypt`.
enum Scrypt {
    /// Derives `length` bytes from `password` and `salt` with cost `n` (a power of two > 1),
    /// block size `r` and parallelism `p`.
    ///
    /// `maxmem` is always passed: OpenSSL's default (32 MiB) silently refuses N ≥ 2^15 with r = 8.
    static func deriveKey(
        password: [UInt8], salt: [UInt8], n: UInt64, r: UInt64, p: UInt64, length: Int
    ) throws(CryptoError) -> [UInt8] {
        precondition(length > 0, "scrypt: an empty key would only check the parameters")
        guard let maxmem = memoryLimit(n: n, r: r, p: p) else {
            throw .keyDerivationFailed(reason: "scrypt: N=\(n), r=\(r), p=\(p) exceed addressable memory")
        }
        var key = [UInt8](repeating: 0, count: length)
        let status = password.withUnsafeBytes { password in
            salt.withUnsafeBufferPointer { salt in
                key.withUnsafeMutableBufferPointer { key in
                    EVP_PBE_scrypt(
                        password.baseAddress?.assumingMemoryBound(to: CChar.self), password.count,
                        salt.baseAddress, salt.count, n, r, p, maxmem, key.baseAddress, key.count)
                }
            }
        }
        guard status == 1 else {
            throw .keyDerivationFailed(reason: OpenSSLErrorQueue.drain(after: "EVP_PBE_scrypt"))
        }
        return key
    }

    /// What OpenSSL allocates, 128·r·(N + 2) for V plus 128·r·p for B, with 1 MiB of headroom;
    /// nil when that does not fit in memory at all.
    static func memoryLimit(n: UInt64, r: UInt64, p: UInt64) -> UInt64? {
        let (blocks, overflow1) = n.addingReportingOverflow(2 + p)
        let (perBlock, overflow2) = r.multipliedReportingOverflow(by: 128)
        let (bytes, overflow3) = blocks.multipliedReportingOverflow(by: perBlock)
        let (limit, overflow4) = bytes.addingReportingOverflow(1 << 20)
        guard !(overflow1 || overflow2 || overflow3 || overflow4), limit <= UInt64(Int.max) else { return nil }
        return limit
    }
}
