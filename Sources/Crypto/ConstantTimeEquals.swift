import COpenSSL

/// Whether two secrets are equal, in time that depends only on their length.
///
/// Lengths are compared first (a length is not a secret here: tokens and hashes have fixed
/// sizes); the bytes are compared with `CRYPTO_memcmp`.
public func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    guard lhs.count == rhs.count else { return false }
    guard !lhs.isEmpty else { return true }
    return lhs.withUnsafeBytes { left in
        rhs.withUnsafeBytes { right in
            CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0
        }
    }
}
